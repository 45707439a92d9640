/*
 * argcheck.c - the check of keyword arguments before a script runs.
 *
 * Hides how each kind of argument is checked (families, types,
 * protocols, shutdown directions, on/off, flags, option names and the
 * on/off of a boolean option, settings and display modes, expect words,
 * an address's missing port) and the did-you-mean hint; the words
 * themselves, and the reading of expect's, are keywords.c's.  Values
 * that are only out of range (a count, a port, seconds) are the
 * handlers' to report when the line runs, as the manual says.
 *
 * Driven by the command table, through the shape of a row its caller
 * hands down (struct arg_shape): each position has a kind (complete[]
 * and rest of the row, enum arg_kind in keywords.h), and
 * each kind one check function here, so a new command gets its check
 * from its row.  The handlers still check every word when they run; this
 * only finds, before line 1 runs, what they would refuse.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"
#include "argcheck.h"
#include "errname.h"
#include "i18n.h"
#include "keywords.h"
#include "linkargs.h"
#include "linkq.h"
#include "strbuf.h"

/* What the checks of one command share. */
struct argctx {
	const struct arg_shape *def;
	const struct word *w;
	int n;
	int opt;          /* the option an A_OPTION word named, or -1 */
	int bad;          /* the index of the bad word */
	char *msg;
	size_t msglen;
	enum arg_kind kind;  /* the kind of the word being checked */
};

typedef int (*check_fn)(struct argctx *c, int i);

/* The kind of argument position slot of the row. */
static enum arg_kind kind_at(const struct arg_shape *def, int slot)
{
	return slot < 4 ? def->complete[slot] : def->rest;
}

/* Is position slot of the row optional: "[PORT]" in its synopsis? */
static int optional_at(const struct arg_shape *def, int slot)
{
	const char *p = def->args;

	for (int k = 0; *p != '\0'; k++) {
		while (*p == ' ')
			p++;
		if (k == slot || *p == '\0')
			return *p == '[';
		p += strcspn(p, " ");
	}
	return 0;
}

/* A word known before the line runs: no ${...} in it, no NUL byte. */
static int literal(const struct word *w)
{
	return !(w->flags & WORD_DYNAMIC) && memchr(w->s, '\0', w->len) == NULL;
}

/* Append word w to sb between single quotes, as the handlers show it,
 * its bytes escaped, cut at 40. */
static void shown(struct strbuf *sb, const struct word *w)
{
	struct strbuf q = STRBUF_INIT;

	sb_add_quoted(&q, w->s, w->len < 40 ? w->len : 40);
	sb_addc(sb, '\'');
	sb_add(sb, q.buf + 1, q.len - 2);  /* without sb_add_quoted's "" */
	sb_addc(sb, '\'');
	sb_free(&q);
}

/* Set the message: "WHAT 'WORD'" and the hint or the choices. */
static int fail(struct argctx *c, const struct word *w, const char *what, const char *hint,
		const char *choices)
{
	struct strbuf sb = STRBUF_INIT;

	c->bad = (int)(w - c->w);
	sb_printf(&sb, "%s ", what);
	shown(&sb, w);
	if (hint != NULL)
		sb_printf(&sb, _(" (did you mean '%s'?)"), hint);
	else if (choices != NULL)
		sb_printf(&sb, " (%s)", choices);
	snprintf(c->msg, c->msglen, "%s", sb.buf);
	sb_free(&sb);
	return -1;
}

/* ---- keywords from a table ---- */

/* Check word i against table tab; "what" names the kind in the message. */
static int table_word(struct argctx *c, int i, const struct kw_entry *tab, const char *what)
{
	const struct word *w = &c->w[i];
	struct kw_near near;
	struct strbuf all = STRBUF_INIT;

	if (kw_word(tab, w->s, w->len) != NULL)
		return 1;
	kw_near_init(&near, w->s, w->len);
	sb_adds(&all, _("one of: "));
	for (const struct kw_entry *nv = tab; nv->name != NULL; nv++) {
		kw_near_try(&near, nv->name);
		sb_printf(&all, "%s%s", nv == tab ? "" : ", ", nv->name);
	}
	fail(c, w, what, near.best, all.buf);
	sb_free(&all);
	return -1;
}

/* What the message calls a wrong word of a keyword kind. */
static const char *unknown(enum arg_kind k)
{
	switch (k) {
	case A_FAMILY: return _("unknown family");
	case A_TYPE: return _("unknown type");
	case A_PROTO: return _("unknown protocol");
	case A_FLAG: return _("unknown flag");
	default: return _("unknown direction");  /* A_HOW */
	}
}

/* A TYPE, FLAG or shutdown direction: a word of its kind's table. */
static int check_keyword(struct argctx *c, int i)
{
	return table_word(c, i, kw_table(c->kind), unknown(c->kind));
}

/* FAMILY, or "for HOST": the family of that address (two words). */
static int check_family(struct argctx *c, int i)
{
	if (word_is(&c->w[i], KW_FAMILY_FOR))
		return i + 1 < c->n ? 2 : fail(c, &c->w[i], _("a HOST must follow"), NULL, NULL);
	return check_keyword(c, i);
}

static int check_proto(struct argctx *c, int i)
{
	if (isdigit((unsigned char)c->w[i].s[0]))
		return 1;  /* a number: its range is the handler's */
	return check_keyword(c, i);
}

/* ---- addresses and data ---- */

/* "@N" or "@from": an address that takes no PORT. */
static int at_form(const struct word *w)
{
	return !(w->flags & WORD_QUOTED) && w->s[0] == '@';
}

/* Could w be a host (an address, "*" or a name) rather than a unix path?
 * A path has a '/' or, like "|x y", a byte no host name has. */
static int host_like(const struct word *w)
{
	return strspn(w->s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		      "0123456789.-_:[]%*") == w->len;
}

/*
 * A HOST that the row wants a PORT after.  With no word after it, it
 * must be a unix path, which the check knows by its '/' ("./echo.sock")
 * or a byte no host has: a numeric address, "*", "localhost" or another
 * name needs its PORT.
 */
static int check_host(struct argctx *c, int i)
{
	const struct word *w = &c->w[i];

	if (i + 1 < c->n || at_form(w) || !host_like(w) ||
	    strncmp(w->s, ADDR_ABSTRACT, strlen(ADDR_ABSTRACT)) == 0)
		return 1;
	for (int s = 0; s < 4; s++) {
		if (c->def->complete[s] == A_HOST) {
			if (kind_at(c->def, s + 1) != A_PORT || optional_at(c->def, s + 1))
				return 1;
			break;
		}
	}
	return fail(c, w, _("a PORT must follow the host"), NULL,
		    _("a unix path holds a '/': ./name, or is abstract:NAME"));
}

/* DATA: a string, or -n COUNT, -f FILE or -e SEQ: two words, so that the flags
 * after them are checked as flags. */
static int check_data(struct argctx *c, int i)
{
	const struct word *w = &c->w[i];

	if (w->len != 2 || w->flags != 0)  /* most data: no word_is twice */
		return 1;
	return (word_is(w, "-n") || word_is(w, "-f") || word_is(w, "-e")) && i + 1 < c->n ? 2 : 1;
}

/* ---- on/off, options, settings ---- */

/* on or off (or a synonym: kw_onoff); after a setsockopt OPTION, what
 * that option takes. */
static int check_onoff(struct argctx *c, int i)
{
	const struct word *w = &c->w[i];

	if (c->opt == -4)
		return 1;  /* the generic form's int: the handler's */
	if (c->opt >= 0) {
		/* Only a boolean's on/off is a keyword; a number's range, and
		 * a read-only option, are the handler's to report. */
		const struct kw_sockopt *o = &kw_sockopts[c->opt];
		if (o->kind != KW_OPT_BOOL || o->readonly || kw_onoff_value(w->s, w->len) >= 0)
			return 1;
		return fail(c, w, _("setsockopt: bad value"), NULL, _("write on or off"));
	}
	if (kw_onoff_value(w->s, w->len) >= 0)
		return 1;
	struct kw_near near;
	kw_near_init(&near, w->s, w->len);
	kw_near_table(&near, kw_onoff);
	return fail(c, w, c->opt == -3 ? _("set: bad value") : _("nonblock: bad value"), near.best,
		    _("write on or off"));
}

/* The LEVEL NAME of getsockopt or setsockopt's generic form, at word i:
 * NAME a constant the table knows (of any level: the handler says which
 * is whose) or a number.  2, or -1 after a failure. */
static int check_level_name(struct argctx *c, int i)
{
	const struct word *w = &c->w[i + 1];
	int num;

	c->opt = -4;
	if (c->n - i != c->def->max)
		return fail(c, &c->w[i], _("a LEVEL takes a NAME"), NULL, c->def->max == 3 ?
			    _("write LEVEL NAME VALUE, or OPTION VALUE") : _("write LEVEL NAME, or OPTION"));
	if (!literal(w) || kw_c_int(w->s, w->len, &num) == 0 || kw_sockopt_find(w->s, w->len) != NULL)
		return 2;
	struct kw_near near;
	kw_near_init(&near, w->s, w->len);
	for (int k = 0; k < kw_sockopt_count; k++)
		kw_near_try(&near, kw_sockopts[k].optsym);
	return fail(c, w, _("unknown option name"), near.best, _("write a constant or a number"));
}

/* OPTION by short name or constant, or LEVEL NAME (the generic form). */
static int check_option(struct argctx *c, int i)
{
	const struct word *w = &c->w[i];
	struct kw_near near;
	int level;

	if (kw_sockopt_level(w->s, w->len, &level) == 0)
		return check_level_name(c, i);
	const struct kw_sockopt *o = kw_sockopt_find(w->s, w->len);
	if (o != NULL) {
		c->opt = (int)(o - kw_sockopts);
		if (c->n - i > c->def->max - 1)
			return fail(c, &c->w[c->n - 1], _("one word too many after the OPTION"), NULL,
				    c->def->max == 3 ? _("write OPTION VALUE, or LEVEL NAME VALUE") :
				    _("write OPTION, or LEVEL NAME"));
		return 1;
	}
	kw_near_init(&near, w->s, w->len);
	for (int k = 0; k < kw_sockopt_count; k++)
		kw_near_try(&near, kw_sockopts[k].name);
	return fail(c, w, _("unknown option"), near.best, _("help setsockopt lists them"));
}

/* The VALUE of setting (a row of kw_settings), at word i. */
static int setting_value(struct argctx *c, const struct kw_entry *setting, int i)
{
	const struct word *v = &c->w[i];

	if (!literal(v) || setting->value == KW_SET_TIMEOUT)
		return 1;  /* seconds: their range is the handler's */
	if (setting->value == KW_SET_DISPLAY) {
		if (kw_word(kw_display, v->s, v->len) != NULL)
			return 1;
		struct kw_near near;
		kw_near_init(&near, v->s, v->len);
		kw_near_table(&near, kw_display);
		return fail(c, v, _("set display: unknown mode"), near.best, _("write text, ascii, hex or both"));
	}
	if (setting->value == KW_SET_CAPTURE) {
		if (kw_word(kw_capture_modes, v->s, v->len) != NULL)
			return 1;
		struct kw_near near;
		kw_near_init(&near, v->s, v->len);
		kw_near_table(&near, kw_capture_modes);
		return fail(c, v, _("set capture: unknown mode"), near.best, _("write text or hex"));
	}
	c->opt = -3;  /* echo, errexit: on or off */
	return check_onoff(c, i);
}

/* set NAME [VALUE]: a setting and its value (any other NAME is a
 * variable, whose name the handler checks). */
static int check_setting(struct argctx *c, int i)
{
	const struct word *w = &c->w[i];
	const struct kw_entry *setting = w->flags ? NULL : kw_word(kw_settings, w->s, w->len);

	if (setting != NULL && i + 1 < c->n)
		return setting_value(c, setting, i + 1) < 0 ? -1 : 1;
	return 1;
}

/* ---- expect ---- */

/* The hint for a misspelt errno or getaddrinfo error name. */
static int error_name(struct argctx *c, const struct word *w, int gai)
{
	struct kw_near near;

	kw_near_init(&near, w->s, w->len);
	if (gai) {
		for (int k = 0; errname_gai_at(k) != NULL; k++)
			kw_near_try(&near, errname_gai_at(k));
		return fail(c, w, _("expect: unknown getaddrinfo error"), near.best, NULL);
	}
	for (int k = 0; errname_at(k) != NULL; k++)
		kw_near_try(&near, errname_at(k));
	return fail(c, w, _("expect: unknown errno name"), near.best, NULL);
}

/* One WHAT of expect, as the check of the result will read it
 * (kw_expect_classify). */
static int check_expect(struct argctx *c, int i)
{
	const struct word *w = &c->w[i];
	struct kw_expect e;
	struct kw_near near;

	if (w->flags & WORD_QUOTED)
		return 1;  /* the data or text */
	switch (kw_expect_classify(w->s, w->len, &e)) {
	case KW_EXP_BAD_NUMBER:
		return fail(c, w, _("expect: bad number"), NULL, NULL);
	case KW_EXP_BAD_COMPARE:
		return fail(c, w, _("expect: bad comparison"), NULL, _("write <N, <=N, >N, >=N or !=N"));
	case KW_EXP_BAD_ERRNO:
		return error_name(c, w, 0);
	case KW_EXP_BAD_GAI:
		return error_name(c, w, 1);
	case KW_EXP_UNKNOWN:
		kw_near_init(&near, w->s, w->len);
		kw_near_table(&near, kw_expect_words);
		return fail(c, w, _("expect: cannot check"), near.best, kw_expect_write());
	default:
		return 1;
	}
}

/* ---- link ---- */

/* link's HOST and conditions, all read at once from the first word (the
 * reading is cmd_link.c's): every word after is used. */
static int check_link(struct argctx *c, int i)
{
	struct link_cond cond;
	int host, bad;

	if (linkargs_parse(c->w, c->n, 1, &host, &cond, c->msg, c->msglen, &bad) < 0) {
		c->bad = bad;
		return -1;
	}
	return c->n - i;
}

/* ---- the walk over a command's words ---- */

/* The check of each kind of argument (the kinds of the command table's
 * positions, keywords.h); NULL: any word will do. */
static check_fn checker(enum arg_kind k)
{
	switch (k) {
	case A_FAMILY: return check_family;
	case A_PROTO: return check_proto;
	case A_TYPE: case A_FLAG: case A_HOW: return check_keyword;
	case A_HOST: return check_host;
	case A_DATA: return check_data;
	case A_ONOFF: return check_onoff;
	case A_OPTION: return check_option;
	case A_SETTING: return check_setting;
	case A_EXPECT: return check_expect;
	case A_LINK: return check_link;
	default: return NULL;
	}
}

/* A keyword that fails at an optional position may be meant for another
 * optional one: getaddrinfo takes FAMILY and TYPE in either order. */
static int fits_elsewhere(struct argctx *c, int slot, int i)
{
	char saved[600];
	int bad = c->bad;

	snprintf(saved, sizeof saved, "%s", c->msg);
	for (int t = 0; t < 4; t++) {
		enum arg_kind k = c->def->complete[t];
		if (t == slot || !optional_at(c->def, t) ||
		    (k != A_FAMILY && k != A_TYPE && k != A_PROTO && k != A_FLAG && k != A_HOW))
			continue;
		c->kind = k;
		if (checker(k)(c, i) > 0)
			return 1;
	}
	snprintf(c->msg, c->msglen, "%s", saved);
	c->bad = bad;
	return 0;
}

int argcheck_command(const struct arg_shape *def, const struct word *arg, int n,
		     char *msg, size_t msglen, int *bad)
{
	struct argctx c = { def, arg, n, -1, 0, msg, msglen, A_NONE };

	for (int i = 0, slot = 0; i < n; slot++) {
		enum arg_kind k = kind_at(def, slot);
		check_fn fn = checker(k);
		int used = 1;
		/* The common words (a count, data: check_data reads a bare
		 * word alone) need no literal() first. */
		if (fn == NULL || k == A_DATA) {
			i += fn == NULL ? 1 : check_data(&c, i);
			continue;
		}
		if (k == A_OPTION && !literal(&arg[i]))
			c.opt = -2;  /* known when it runs: so is what its value may be */
		if (literal(&arg[i]) && !(k == A_ONOFF && c.opt == -2)) {
			c.kind = k;
			used = fn(&c, i);
			if (used < 0 && optional_at(def, slot) && fits_elsewhere(&c, slot, i))
				used = 1;
			if (used < 0) {
				*bad = c.bad;
				return -1;
			}
		}
		/* "@3" stands for HOST and PORT both. */
		if (k == A_HOST && at_form(&arg[i]) && kind_at(def, slot + 1) == A_PORT)
			slot++;
		i += used;
	}
	return 0;
}
