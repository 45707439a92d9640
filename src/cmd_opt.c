/*
 * cmd_opt.c - setsockopt and getsockopt by short name.
 *
 * Hides how each kind of value is written and shown (on/off, a number,
 * linger's pair, a time-out's timeval, an errno); the names, levels and
 * kinds are keywords.c's table.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "args.h"
#include "cmds.h"
#include "errname.h"
#include "handle.h"
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
	out_error(sh, w, "unknown option '%.40s' (options: %s)", w->s, all.buf);
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

int cmd_setsockopt(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	const struct word *vw = &argv[2];
	union { int i; struct linger l; struct timeval tv; } val;
	socklen_t len = sizeof val.i;
	double asked = 0, bound;
	int held = 0;

	(void)argc;
	const struct kw_sockopt *o = find_option(sh, &argv[1]);
	if (o == NULL)
		return CMD_ERROR;
	o = kw_sockopt_for_family(o, h->family);
	if (o->readonly) {
		out_error(sh, &argv[1], "setsockopt: %s can only be read (getsockopt %s)", o->name, o->name);
		return CMD_ERROR;
	}
	memset(&val, 0, sizeof val);
	trace_begin(sh, "setsockopt");
	trace_add(sh, "(%d, %s, %s, ", sh->current, o->levelsym, o->optsym);
	switch (o->kind) {
	case KW_OPT_BOOL:
		if ((val.i = kw_onoff_value(vw->s, vw->len)) < 0) {
			out_error(sh, vw, "setsockopt %s: write on or off", o->name);
			return CMD_ERROR;
		}
		trace_add(sh, "%d)", val.i);
		break;
	case KW_OPT_LINGER: {
		unsigned long secs = 0;  /* asked */
		if (is_off(vw)) {
			val.l.l_onoff = 0;
		} else {
			if (args_count(sh, vw, 1000000, &secs) < 0)
				return CMD_ERROR;
			val.l.l_onoff = 1;
			val.l.l_linger = (int)secs;
		}
		len = sizeof val.l;
		bound = ceil(handle_bound(sh));
		held = bound > 0 && val.l.l_onoff && secs > bound;
		if (held)
			val.l.l_linger = (int)bound;  /* close waits that long at most */
		trace_add(sh, "{l_onoff=%d, l_linger=%d})", val.l.l_onoff, val.l.l_linger);
		break;
	}
	case KW_OPT_TIMEVAL:
		if (!is_off(vw) && args_seconds(sh, vw, &asked) < 0)
			return CMD_ERROR;
		bound = handle_bound(sh);
		held = bound > 0 && (asked == 0 || asked > bound);
		handle_timeval(held ? bound : asked, &val.tv);
		len = sizeof val.tv;
		trace_add(sh, "{tv_sec=%ld, tv_usec=%ld})", (long)val.tv.tv_sec, (long)val.tv.tv_usec);
		break;
	default: {
		unsigned long v;
		if (args_count(sh, vw, 0x7fffffff, &v) < 0)
			return CMD_ERROR;
		val.i = (int)v;
		trace_add(sh, "%d)", val.i);
	}
	}
	int rc = setsockopt(sh->current, o->level, o->opt, &val, len);
	int err = rc < 0 ? errno : 0;
	trace_outcome(sh, h, rc, err, 0);
	if (rc == 0 && o->kind == KW_OPT_TIMEVAL)
		own_timeout(sh, h, o->opt == SO_RCVTIMEO, asked, held);
	if (rc == 0 && o->kind == KW_OPT_LINGER && held)
		trace_add(sh, " (asked %s: held at the script's time-out)", vw->s);
	trace_close(sh);
	return CMD_OK;
}

/*
 * After getsockopt's " = 0": ", value V", with what V means where a bare
 * number would be cryptic: "1 (on)" for a flag, "{on, 5 s}" for linger,
 * seconds for the time-outs, the errno's message for SO_ERROR.  text is
 * the value as ${result} holds it; i the integer the kernel gave.
 */
static void show_value(struct shell *sh, enum kw_optkind kind, const char *text, int i)
{
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
	default:
		trace_adds(sh, text);
	}
}

int cmd_getsockopt(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	union { int i; struct linger l; struct timeval tv; } val;
	socklen_t len = sizeof val;
	struct strbuf *t = &sh->last.text;
	double secs = 0;
	int d, held = 0;

	(void)argc;
	const struct kw_sockopt *o = find_option(sh, &argv[1]);
	if (o == NULL)
		return CMD_ERROR;
	o = kw_sockopt_for_family(o, h->family);
	memset(&val, 0, sizeof val);
	trace_begin(sh, "getsockopt");
	trace_add(sh, "(%d, %s, %s)", sh->current, o->levelsym, o->optsym);
	int rc = getsockopt(sh->current, o->level, o->opt, &val, &len);
	int err = rc < 0 ? errno : 0;
	trace_result(sh, rc, err);
	if (rc == 0) {
		switch (o->kind) {
		case KW_OPT_LINGER:
			if (val.l.l_onoff)
				sb_printf(t, "%d", val.l.l_linger);
			else
				sb_adds(t, "off");
			break;
		case KW_OPT_TIMEVAL:
			secs = (double)val.tv.tv_sec + (double)val.tv.tv_usec / 1e6;
			d = o->opt == SO_RCVTIMEO ? 0 : 1;
			held = h->timeo_owner[d] == TIMEO_HELD;
			/* Held: what was asked, as a saved session replays it. */
			add_seconds(t, held ? h->timeo_asked[d] : secs);
			break;
		case KW_OPT_ERRNO:
			if (val.i == 0)
				sb_adds(t, "0");
			else
				sb_adds(t, errname_name(val.i) ? errname_name(val.i) : "E?");
			break;
		case KW_OPT_TYPE:
			kw_add_sym(t, kw_types, val.i);
			break;
		case KW_OPT_FAMILY:
			kw_add_sym(t, kw_families, val.i);
			break;
		default:
			sb_printf(t, "%d", val.i);
		}
		show_value(sh, o->kind, t->buf, val.i);
		if (held)
			trace_add(sh, " (the kernel holds %g s: the script's time-out)", secs);
	}
	trace_end(sh);
	return CMD_OK;
}
