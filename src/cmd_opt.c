/*
 * cmd_opt.c - setsockopt and getsockopt by short name.
 *
 * Hides how each kind of value is written and shown (on/off, a number in
 * any C base, linger's pair, a time-out's timeval, an errno, an interface
 * name, address or index) and the generic LEVEL NAME form; the names,
 * levels and kinds are keywords.c's table.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <arpa/inet.h>
#include <math.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "args.h"
#include "cmds.h"
#include "errname.h"
#include "handle.h"
#include "i18n.h"
#include "keywords.h"
#include "output.h"
#include "shell.h"

/* Does w turn a linger or a time-out off: off, no or false (a number,
 * 0 included, is a time)? */
static int is_off(const struct word *w)
{
	return !isdigit((unsigned char)w->s[0]) && kw_onoff_value(w->s, w->len) == 0;
}

/* The option word w names, or NULL after an error listing them all. */
static const struct kw_sockopt *find_option(struct shell *sh, const struct word *w)
{
	const struct kw_sockopt *o = kw_sockopt_find(w->s, w->len);

	if (o != NULL)
		return o;
	struct strbuf all = STRBUF_INIT;
	for (int i = 0; i < kw_sockopt_count; i++)
		sb_printf(&all, "%s%s", i ? ", " : "", kw_sockopts[i].name);
	out_error(sh, w, _("unknown option '%.40s' (options: %s)"), w->s, all.buf);
	sb_free(&all);
	return NULL;
}

/* Seconds as the lessons write them: "off" for 0. */
static void add_seconds(struct strbuf *sb, double secs)
{
	if (secs == 0)
		sb_adds(sb, "off");
	else
		sb_printf(sb, "%g", secs);
}

/*
 * After a successful setsockopt of SO_RCVTIMEO (rcv) or SO_SNDTIMEO: the
 * user owns that time-out now, as asked, or, when held, the kernel holds
 * the script's time-out instead, which the trace line says.  The shell's
 * "timed out" applies while both time-outs are the shell's.
 */
static void own_timeout(struct shell *sh, struct handle *h, int rcv, double asked, int held)
{
	int d = rcv ? 0 : 1;

	h->timeo_owner[d] = held ? TIMEO_HELD : TIMEO_USER;
	h->timeo_asked[d] = asked;
	h->timeo = 0;
	if (!held)
		return;
	h->timeo = h->timeo_owner[!d] == TIMEO_SHELL || h->timeo_owner[!d] == TIMEO_HELD;
	trace_add(sh, " (asked ");
	add_seconds(&sh->line, asked);
	trace_add(sh, ": held at the script's time-out, %g s)", sh->timeout);
}

/* The value of any option: an int, a linger, a timeval, an address or an
 * interface name, and the length the call passes. */
struct optval {
	union {
		int i;
		struct linger l;
		struct timeval tv;
		struct in_addr a;
		char name[IFNAMSIZ + 1];
	} u;
	socklen_t len;
};

/* An option the generic form names: its level and number, with the
 * symbols of the table where it knows them, numbers otherwise. */
struct generic_opt {
	struct kw_sockopt o;
	char levelnum[16];
	char optnum[16];
};

/*
 * The NAME of the generic form, at level, into g (whose level is set):
 * a constant or short name of the table that belongs to level, or a
 * number.  0, or -1 after an error.
 */
static int generic_name(struct shell *sh, const struct word *w, struct generic_opt *g)
{
	const struct kw_sockopt *known = NULL;
	int num;

	if (kw_c_int(w->s, w->len, &num) == 0) {
		known = kw_sockopt_by_number(g->o.level, num);
	} else if ((known = kw_sockopt_find(w->s, w->len)) != NULL) {
		if (known->level != g->o.level && g->o.level == IPPROTO_IPV6)
			known = kw_sockopt_for_family(known, AF_INET6);
		if (known->level != g->o.level) {
			out_error(sh, w, _("%s is an option of level %s, not of %s"), known->optsym,
				  known->levelsym, g->o.levelsym);
			return -1;
		}
		num = known->opt;
	} else {
		out_error(sh, w, _("unknown option name '%.40s': write a constant such as "
			  "TCP_NODELAY, or a number"), w->s);
		return -1;
	}
	snprintf(g->optnum, sizeof g->optnum, "%d", num);
	g->o.name = known != NULL ? known->name : g->optnum;
	g->o.optsym = known != NULL ? known->optsym : g->optnum;
	g->o.opt = num;
	/* The value is an int: shown with its meaning where the table's
	 * kind is an int's too. */
	g->o.kind = known != NULL && known->kind != KW_OPT_LINGER && known->kind != KW_OPT_TIMEVAL &&
		    known->kind != KW_OPT_IFNAME && known->kind != KW_OPT_INADDR ? known->kind : KW_OPT_INT;
	return 0;
}

/*
 * The option the words after the command name: OPTION (named), or LEVEL
 * NAME (generic, into g) when the first word is a level; nargs is how
 * many words the named form takes (2 for setsockopt, 1 for getsockopt).
 * *generic says which form; NULL after an error.
 */
static const struct kw_sockopt *find_either(struct shell *sh, const char *cmd, int argc,
					    struct word *argv, int nargs, struct generic_opt *g,
					    int *generic)
{
	struct handle *h = handle_here(sh);

	memset(g, 0, sizeof *g);
	*generic = kw_sockopt_level(argv[1].s, argv[1].len, &g->o.level) == 0;
	if (*generic != (argc == nargs + 2)) {
		out_error(sh, &argv[*generic ? 1 : argc - 1], _("%s: write %s OPTION%s or %s LEVEL NAME%s"),
			  cmd, cmd, nargs == 2 ? " VALUE" : "", cmd, nargs == 2 ? " VALUE" : "");
		return NULL;
	}
	if (!*generic) {
		const struct kw_sockopt *o = find_option(sh, &argv[1]);
		return o != NULL ? kw_sockopt_for_family(o, h->family) : NULL;
	}
	snprintf(g->levelnum, sizeof g->levelnum, "%d", g->o.level);
	g->o.levelsym = kw_sockopt_levelsym(g->o.level);
	if (g->o.levelsym == NULL)
		g->o.levelsym = g->levelnum;
	return generic_name(sh, &argv[2], g) < 0 ? NULL : &g->o;
}

/* An int value in any C base (0x10, 020, 16, -1) from vw into v, its
 * number on the trace line: 0, or -1 after an error. */
static int int_value(struct shell *sh, const struct kw_sockopt *o, const struct word *vw,
		     struct optval *v)
{
	if (kw_c_int(vw->s, vw->len, &v->u.i) < 0) {
		out_error(sh, vw, _("setsockopt %s: bad value '%.40s': write an integer (16, 0x10, 020)"),
			  o->name, vw->s);
		return -1;
	}
	trace_add(sh, "%d)", v->u.i);
	return 0;
}

/* bindtodevice's interface name ("" unbinds) from vw into v: 0, or -1
 * after an error. */
static int ifname_value(struct shell *sh, const struct kw_sockopt *o, const struct word *vw,
			struct optval *v)
{
	if (vw->len >= IFNAMSIZ || memchr(vw->s, '\0', vw->len) != NULL) {
		out_error(sh, vw, _("setsockopt %s: bad interface name '%.40s' (at most %d bytes; "
			  "\"\" unbinds)"), o->name, vw->s, IFNAMSIZ - 1);
		return -1;
	}
	memcpy(v->u.name, vw->s, vw->len);
	v->len = (socklen_t)vw->len;
	sb_add_quoted(&sh->line, vw->s, vw->len);
	trace_add(sh, ", %u)", (unsigned)v->len);
	return 0;
}

/* A multicast interface into v: IPv4's by address (struct in_addr), or
 * IPv6's by index or name.  0, or -1 after an error. */
static int ifaddr_value(struct shell *sh, const struct kw_sockopt *o, const struct word *vw,
			struct optval *v)
{
	if (o->kind == KW_OPT_INADDR) {
		if (memchr(vw->s, '\0', vw->len) != NULL || inet_pton(AF_INET, vw->s, &v->u.a) != 1) {
			out_error(sh, vw, _("setsockopt %s: bad address '%.40s': write the IPv4 address "
				  "of an interface (127.0.0.1; 0.0.0.0 for the default)"), o->name, vw->s);
			return -1;
		}
		v->len = sizeof v->u.a;
		trace_add(sh, "{s_addr=inet_addr(\"%s\")})", vw->s);
		return 0;
	}
	if (kw_c_int(vw->s, vw->len, &v->u.i) < 0) {
		unsigned idx = memchr(vw->s, '\0', vw->len) ? 0 : if_nametoindex(vw->s);
		if (idx == 0) {
			out_error(sh, vw, _("setsockopt %s: no interface '%.40s': write an index or a "
				  "name (lo)"), o->name, vw->s);
			return -1;
		}
		v->u.i = (int)idx;
	}
	trace_add(sh, "%d)", v->u.i);
	return 0;
}

/*
 * Read VALUE vw for option o into v and put it on the trace line, with
 * ")"; for a time-out or linger, *asked is what was asked and *held says
 * the script's time-out bounds it.  0, or -1 after an error.
 */
static int set_value(struct shell *sh, const struct kw_sockopt *o, const struct word *vw,
		     struct optval *v, double *asked, int *held)
{
	double bound;
	unsigned long secs = 0;  /* linger asked */

	switch (o->kind) {
	case KW_OPT_BOOL:
		if ((v->u.i = kw_onoff_value(vw->s, vw->len)) < 0) {
			out_error(sh, vw, _("setsockopt %s: write on or off"), o->name);
			return -1;
		}
		trace_add(sh, "%d)", v->u.i);
		return 0;
	case KW_OPT_LINGER:
		if (!is_off(vw)) {
			if (args_count(sh, vw, 1000000, &secs) < 0)
				return -1;
			v->u.l.l_onoff = 1;
			v->u.l.l_linger = (int)secs;
		}
		v->len = sizeof v->u.l;
		bound = ceil(handle_bound(sh));
		*held = bound > 0 && v->u.l.l_onoff && secs > bound;
		if (*held)
			v->u.l.l_linger = (int)bound;  /* close waits that long at most */
		trace_add(sh, "{l_onoff=%d, l_linger=%d})", v->u.l.l_onoff, v->u.l.l_linger);
		return 0;
	case KW_OPT_TIMEVAL:
		if (!is_off(vw) && args_seconds(sh, vw, asked) < 0)
			return -1;
		bound = handle_bound(sh);
		*held = bound > 0 && (*asked == 0 || *asked > bound);
		handle_timeval(*held ? bound : *asked, &v->u.tv);
		v->len = sizeof v->u.tv;
		trace_add(sh, "{tv_sec=%ld, tv_usec=%ld})", (long)v->u.tv.tv_sec, (long)v->u.tv.tv_usec);
		return 0;
	case KW_OPT_IFNAME:
		return ifname_value(sh, o, vw, v);
	case KW_OPT_INADDR: case KW_OPT_IFINDEX:
		return ifaddr_value(sh, o, vw, v);
	default:
		return int_value(sh, o, vw, v);
	}
}

int cmd_setsockopt(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	struct generic_opt g;
	struct optval v;
	double asked = 0;
	int held = 0, generic;

	const struct kw_sockopt *o = find_either(sh, "setsockopt", argc, argv, 2, &g, &generic);
	if (o == NULL)
		return CMD_ERROR;
	if (o->readonly && !generic) {
		out_error(sh, &argv[1], _("setsockopt: %s can only be read (getsockopt %s)"), o->name, o->name);
		return CMD_ERROR;
	}
	memset(&v, 0, sizeof v);
	v.len = sizeof v.u.i;
	trace_begin(sh, "setsockopt");
	trace_add(sh, "(%d, %s, %s, ", sh->current, o->levelsym, o->optsym);
	if ((generic ? int_value(sh, o, &argv[3], &v)
	     : set_value(sh, o, &argv[2], &v, &asked, &held)) < 0)
		return CMD_ERROR;
	int rc = setsockopt(sh->current, o->level, o->opt, &v.u, v.len);
	int err = rc < 0 ? errno : 0;
	trace_outcome(sh, h, rc, err, 0);
	if (rc == 0 && o->kind == KW_OPT_TIMEVAL)
		own_timeout(sh, h, o->opt == SO_RCVTIMEO, asked, held);
	if (rc == 0 && o->kind == KW_OPT_LINGER && held)
		trace_add(sh, " (asked %s: held at the script's time-out)", argv[2].s);
	trace_close(sh);
	return CMD_OK;
}

/*
 * After getsockopt's " = 0": ", value V", with what V means where a bare
 * number would be cryptic: "1 (on)" for a flag, "{on, 5 s}" for linger,
 * seconds for the time-outs, the errno's message for SO_ERROR, hex for
 * tos, milliseconds, an interface's name for its index.  text is the
 * value as ${result} holds it; i the integer the kernel gave.
 */
static void show_value(struct shell *sh, enum kw_optkind kind, const char *text, int i)
{
	char ifname[IF_NAMESIZE];

	trace_adds(sh, ", value ");
	switch (kind) {
	case KW_OPT_BOOL:
		trace_add(sh, "%s (%s)", text, i ? "on" : "off");
		break;
	case KW_OPT_LINGER:
		if (strcmp(text, "off") == 0)
			trace_adds(sh, "{off}");
		else
			trace_add(sh, "{on, %s s}", text);
		break;
	case KW_OPT_TIMEVAL:
		trace_add(sh, strcmp(text, "off") == 0 ? "%s" : "%s s", text);
		break;
	case KW_OPT_ERRNO:
		trace_adds(sh, text);
		if (i != 0)
			trace_add(sh, " (%s)", strerror(i));
		break;
	case KW_OPT_HEX:
		trace_add(sh, "%s (%#x)", text, (unsigned)i);
		break;
	case KW_OPT_MS:
		trace_add(sh, i == 0 ? "%s (the system's default)" : "%s ms", text);
		break;
	case KW_OPT_IFNAME:
		sb_add_quoted(&sh->line, text, strlen(text));
		if (*text == '\0')
			trace_adds(sh, " (none)");
		break;
	case KW_OPT_IFINDEX:
		trace_add(sh, "%s (%s)", text, i == 0 ? "any" :
			  if_indextoname((unsigned)i, ifname) ? ifname : "no such interface");
		break;
	default:
		trace_adds(sh, text);
	}
}

/*
 * The value v the kernel gave for option o, as ${result} holds it, into
 * t; for a time-out, *secs is the kernel's and *held says the script's
 * time-out stands for the one asked.
 */
static void value_text(struct handle *h, const struct kw_sockopt *o, const struct optval *v,
		       struct strbuf *t, double *secs, int *held)
{
	int d;

	switch (o->kind) {
	case KW_OPT_LINGER:
		if (v->u.l.l_onoff)
			sb_printf(t, "%d", v->u.l.l_linger);
		else
			sb_adds(t, "off");
		break;
	case KW_OPT_TIMEVAL:
		*secs = (double)v->u.tv.tv_sec + (double)v->u.tv.tv_usec / 1e6;
		d = o->opt == SO_RCVTIMEO ? 0 : 1;
		*held = h->timeo_owner[d] == TIMEO_HELD;
		/* Held: what was asked, as a saved session replays it. */
		add_seconds(t, *held ? h->timeo_asked[d] : *secs);
		break;
	case KW_OPT_ERRNO:
		if (v->u.i == 0)
			sb_adds(t, "0");
		else
			sb_adds(t, errname_name(v->u.i) ? errname_name(v->u.i) : "E?");
		break;
	case KW_OPT_TYPE:
		kw_add_sym(t, kw_types, v->u.i);
		break;
	case KW_OPT_FAMILY:
		kw_add_sym(t, kw_families, v->u.i);
		break;
	case KW_OPT_IFNAME:
		sb_add(t, v->u.name, strnlen(v->u.name, v->len < IFNAMSIZ ? v->len : IFNAMSIZ));
		break;
	case KW_OPT_INADDR: {
		char a[INET_ADDRSTRLEN];
		sb_adds(t, inet_ntop(AF_INET, &v->u.a, a, sizeof a) ? a : "?");
		break;
	}
	default:
		sb_printf(t, "%d", v->u.i);
	}
}

int cmd_getsockopt(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	struct generic_opt g;
	struct optval v;
	struct strbuf *t = &sh->last.text;
	double secs = 0;
	int held = 0, generic;

	const struct kw_sockopt *o = find_either(sh, "getsockopt", argc, argv, 1, &g, &generic);
	if (o == NULL)
		return CMD_ERROR;
	memset(&v, 0, sizeof v);
	/* An address or an int: the size the kernel expects; else all room. */
	v.len = o->kind == KW_OPT_INADDR ? sizeof v.u.a : generic ? sizeof v.u.i : sizeof v.u;
	trace_begin(sh, "getsockopt");
	trace_add(sh, "(%d, %s, %s)", sh->current, o->levelsym, o->optsym);
	int rc = getsockopt(sh->current, o->level, o->opt, &v.u, &v.len);
	int err = rc < 0 ? errno : 0;
	trace_result(sh, rc, err);
	if (rc == 0) {
		value_text(h, o, &v, t, &secs, &held);
		show_value(sh, o->kind, t->buf, v.u.i);
		if (held)
			trace_add(sh, " (the kernel holds %g s: the script's time-out)", secs);
	}
	trace_end(sh);
	return CMD_OK;
}
