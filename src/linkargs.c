/*
 * linkargs.c - the reading of the "link" command's words (see linkargs.h),
 * shared by its handler (cmd_link.c) and the check before a script runs
 * (argcheck.c), so that a line --check passes is one the handler takes:
 * [HOST] then conditions, each a keyword and its value -- delay and
 * jitter in milliseconds (decimals to the microsecond, "ms" may follow),
 * loss, duplicate and reorder in percent (decimals to 0.0001, "%" may
 * follow), rate in kbit/s (a whole number, 0 unlimited, "kbit" may
 * follow), seed a whole number -- or "none".
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "linkargs.h"
#include "i18n.h"
#include "keywords.h"
#include "linkq.h"
#include "shell.h"
#include "strbuf.h"

/* The bounds of the values. */
#define LINK_MS_MAX 60000u            /* delay and jitter: a minute */
#define LINK_RATE_MAX 10000000u       /* kbit/s: 10 Gbit/s */

/* The number in w, unsigned decimal with at most PLACES decimals and an
 * optional SUFFIX, scaled by 10^PLACES into *out.  Returns 0, or -1 when
 * w is no such number or it is above MAX (scaled too). */
static int link_number(const struct word *w, const char *suffix, unsigned places,
		       uint64_t max, uint64_t *out)
{
	size_t len = w->len, sl = strlen(suffix), i, digits = 0;
	uint64_t v = 0;
	unsigned frac = 0;

	if (len > sl && memcmp(w->s + len - sl, suffix, sl) == 0)
		len -= sl;
	for (i = 0; i < len && w->s[i] >= '0' && w->s[i] <= '9'; i++, digits++)
		v = v * 10 + (uint64_t)(w->s[i] - '0');
	if (i < len && w->s[i] == '.' && places > 0)
		for (i++; i < len && w->s[i] >= '0' && w->s[i] <= '9'; i++, frac++)
			v = v * 10 + (uint64_t)(w->s[i] - '0');
	if ((digits == 0 && frac == 0) || digits > 12 || frac > places || i != len)
		return -1;
	for (; frac < places; frac++)
		v *= 10;
	if (v > max)
		return -1;
	*out = v;
	return 0;
}

/* A whole number from 0 to UINT64_MAX in w into *out: 0, or -1. */
static int link_seed(const struct word *w, uint64_t *out)
{
	uint64_t v = 0;

	if (w->len == 0 || w->len > 20)
		return -1;
	for (size_t i = 0; i < w->len; i++) {
		unsigned d = (unsigned)(w->s[i] - '0');
		if (d > 9 || v > (UINT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* How each condition's value is written. */
struct link_spec {
	const char *suffix;     /* may follow the number */
	unsigned places;        /* decimals allowed */
	uint64_t max;           /* scaled */
	const char *want;       /* for the message */
};

static const struct link_spec link_specs[] = {
	[KW_LINK_DELAY] = { "ms", 3, LINK_MS_MAX * 1000ull,
			    N_("milliseconds from 0 to 60000, at most 3 decimals") },
	[KW_LINK_JITTER] = { "ms", 3, LINK_MS_MAX * 1000ull,
			     N_("milliseconds from 0 to 60000, at most 3 decimals") },
	[KW_LINK_LOSS] = { "%", 4, 1000000, N_("a percentage from 0 to 100, at most 4 decimals") },
	[KW_LINK_DUPLICATE] = { "%", 4, 1000000,
				N_("a percentage from 0 to 100, at most 4 decimals") },
	[KW_LINK_REORDER] = { "%", 4, 1000000,
			      N_("a percentage from 0 to 100, at most 4 decimals") },
	[KW_LINK_RATE] = { "kbit", 0, LINK_RATE_MAX,
			   N_("kbit/s, a whole number up to 10000000; 0: unlimited") },
	[KW_LINK_SEED] = { "", 0, UINT64_MAX, N_("a whole number from 0 to 18446744073709551615") },
};

/* Set MSG to "link: WHAT 'WORD'" and a hint or the choices in brackets,
 * and *BAD to I.  Returns -1. */
static int link_fail(char *msg, size_t msglen, int *bad, int i, const struct word *w,
		     const char *what, const char *hint, const char *choices)
{
	struct strbuf sb = STRBUF_INIT;

	*bad = i;
	sb_printf(&sb, "link: %s", what);
	if (w != NULL) {
		struct strbuf q = STRBUF_INIT;

		sb_add_quoted(&q, w->s, w->len < 40 ? w->len : 40);
		sb_printf(&sb, " '%.*s'", (int)(q.len - 2), q.buf + 1);
		sb_free(&q);
	}
	if (hint != NULL)
		sb_printf(&sb, _(" (did you mean '%s'?)"), hint);
	else if (choices != NULL)
		sb_printf(&sb, " (%s)", choices);
	snprintf(msg, msglen, "%s", sb.buf);
	sb_free(&sb);
	return -1;
}

/* Store the value V of condition KW in *c. */
static void link_store(struct link_cond *c, int kw, uint64_t v)
{
	switch (kw) {
	case KW_LINK_DELAY: c->delay_us = (uint32_t)v; break;
	case KW_LINK_JITTER: c->jitter_us = (uint32_t)v; break;
	case KW_LINK_LOSS: c->loss_ppm = (uint32_t)v; break;
	case KW_LINK_DUPLICATE: c->dup_ppm = (uint32_t)v; break;
	case KW_LINK_REORDER: c->reorder_ppm = (uint32_t)v; break;
	case KW_LINK_RATE: c->rate_kbit = (uint32_t)v; break;
	default: c->seed = v; c->has_seed = 1; break;  /* KW_LINK_SEED */
	}
}

/* The message for word I, which is no condition: the nearest one as a
 * hint, else the list. */
static int link_unknown(const struct word *arg, int i, char *msg, size_t msglen, int *bad)
{
	struct kw_near near;

	kw_near_init(&near, arg[i].s, arg[i].len);
	kw_near_table(&near, kw_link);
	return link_fail(msg, msglen, bad, i, &arg[i], _("unknown condition"), near.best,
			 _("one of: delay, jitter, loss, duplicate, reorder, rate, seed, none"));
}

/* Whether word 0 is the HOST: no condition, and not a number.  A word
 * near a condition ("dleay 50") followed by no condition is taken for a
 * misspelt condition, not a host (*near_kw set). */
static int link_is_host(const struct word *arg, int n, int *near_kw)
{
	struct kw_near near;

	*near_kw = 0;
	if (n == 0 || kw_word(kw_link, arg[0].s, arg[0].len) != NULL ||
	    (arg[0].s[0] >= '0' && arg[0].s[0] <= '9'))
		return 0;
	kw_near_init(&near, arg[0].s, arg[0].len);
	kw_near_table(&near, kw_link);
	if (near.best != NULL && n > 1 && kw_word(kw_link, arg[1].s, arg[1].len) == NULL)
		*near_kw = 1;
	return !*near_kw;
}

/* The value of condition KW (a row of kw_link) at word I into *c; in the
 * check (CHECK set) a value known only when the line runs passes. */
static int link_value(const struct word *arg, int i, int kw, int check, struct link_cond *c,
		      char *msg, size_t msglen, int *bad)
{
	const struct link_spec *sp = &link_specs[kw];
	uint64_t v = 0;
	int r;

	if (check && (arg[i].flags & WORD_DYNAMIC))
		return 0;
	if (kw == KW_LINK_SEED)
		r = link_seed(&arg[i], &v);
	else
		r = link_number(&arg[i], sp->suffix, sp->places, sp->max, &v);
	if (r < 0) {
		char what[32];

		/* TRANSLATORS: %s is a condition, a keyword: delay, loss, rate... */
		snprintf(what, sizeof what, _("bad %s"), kw_name(kw_link, kw));
		return link_fail(msg, msglen, bad, i, &arg[i], what, NULL, _(sp->want));
	}
	link_store(c, kw, v);
	return 0;
}

int linkargs_parse(const struct word *arg, int n, int check, int *host, struct link_cond *c,
		   char *msg, size_t msglen, int *bad)
{
	unsigned seen = 0;
	int i = 0, none_at = -1, near_kw;

	memset(c, 0, sizeof *c);
	*host = -1;
	if (check && n > 0 && (arg[0].flags & WORD_DYNAMIC))
		return 0;  /* a host or a condition: known when it runs */
	if (link_is_host(arg, n, &near_kw))
		*host = i++;
	else if (near_kw)
		return link_unknown(arg, 0, msg, msglen, bad);
	for (; i < n; i++) {
		const struct kw_entry *kw;

		if (check && (arg[i].flags & WORD_DYNAMIC))
			return 1;  /* the rest is known when it runs */
		if ((kw = kw_word(kw_link, arg[i].s, arg[i].len)) == NULL)
			return link_unknown(arg, i, msg, msglen, bad);
		if (seen & (1u << kw->value)) {
			char what[40];

			/* TRANSLATORS: %s is a condition, a keyword: delay, loss... */
			snprintf(what, sizeof what, _("%s given twice"), kw->name);
			return link_fail(msg, msglen, bad, i, NULL, what, NULL, NULL);
		}
		seen |= 1u << kw->value;
		if (kw->value == KW_LINK_NONE) {
			none_at = i;
			continue;
		}
		if (i + 1 >= n)
			return link_fail(msg, msglen, bad, n, &arg[i], _("a value must follow"),
					 NULL, _(link_specs[kw->value].want));
		if (link_value(arg, ++i, kw->value, check, c, msg, msglen, bad) < 0)
			return -1;
	}
	if (none_at >= 0 && seen != 1u << KW_LINK_NONE)
		return link_fail(msg, msglen, bad, none_at, NULL, _("none goes alone"), NULL,
				 _("a perfect link: no other condition"));
	return seen != 0;
}
