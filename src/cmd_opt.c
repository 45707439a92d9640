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

int cmd_setsockopt(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	const struct word *vw = &argv[2];
	union { int i; struct linger l; struct timeval tv; } val;
	socklen_t len = sizeof val.i;

	(void)argc;
	const struct kw_sockopt *o = find_option(sh, &argv[1]);
	if (o == NULL)
		return CMD_ERROR;
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
		unsigned long secs = 0;
		if (is_off(vw)) {
			val.l.l_onoff = 0;
		} else {
			if (args_count(sh, vw, 1000000, &secs) < 0)
				return CMD_ERROR;
			val.l.l_onoff = 1;
			val.l.l_linger = (int)secs;
		}
		len = sizeof val.l;
		trace_add(sh, "{l_onoff=%d, l_linger=%d})", val.l.l_onoff, val.l.l_linger);
		break;
	}
	case KW_OPT_TIMEVAL: {
		double secs = 0;
		if (!is_off(vw) && args_seconds(sh, vw, &secs) < 0)
			return CMD_ERROR;
		val.tv.tv_sec = (time_t)secs;
		val.tv.tv_usec = (suseconds_t)lround((secs - floor(secs)) * 1e6);
		len = sizeof val.tv;
		trace_add(sh, "{tv_sec=%ld, tv_usec=%ld})", (long)val.tv.tv_sec, (long)val.tv.tv_usec);
		break;
	}
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
	trace_finish(sh, h, rc, err, 0);
	if (rc == 0 && o->kind == KW_OPT_TIMEVAL) {
		/* The user owns the time-outs now: ours no longer applies. */
		h->user_timeo = 1;
		h->timeo = 0;
	}
	return CMD_OK;
}

int cmd_getsockopt(struct shell *sh, int argc, struct word *argv)
{
	union { int i; struct linger l; struct timeval tv; } val;
	socklen_t len = sizeof val;
	struct strbuf *t = &sh->last.text;

	(void)argc;
	const struct kw_sockopt *o = find_option(sh, &argv[1]);
	if (o == NULL)
		return CMD_ERROR;
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
			if (val.tv.tv_sec == 0 && val.tv.tv_usec == 0)
				sb_adds(t, "off");
			else
				sb_printf(t, "%g", (double)val.tv.tv_sec + (double)val.tv.tv_usec / 1e6);
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
		trace_add(sh, " %s", t->buf);
		if (o->kind == KW_OPT_ERRNO && val.i != 0)
			trace_add(sh, " (%s)", strerror(val.i));
	}
	trace_end(sh);
	return CMD_OK;
}
