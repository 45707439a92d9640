/*
 * cmd_opt.c - setsockopt and getsockopt by short name.
 *
 * Hides the option table: level, name, and how the value is written
 * (on/off, a number, linger's pair, a time-out's timeval, an errno).  Every
 * option that a platform may lack is guarded, so the table shrinks there.
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#ifdef HAVE_NETINET_TCP_H
#include <netinet/tcp.h>
#endif

#include "args.h"
#include "cmdtab.h"
#include "errname.h"
#include "handle.h"
#include "names.h"
#include "output.h"
#include "shell.h"

enum opt_kind { K_BOOL, K_INT, K_LINGER, K_TIMEVAL, K_ERRNO, K_TYPE, K_FAMILY };

struct sockopt {
	const char *name;
	const char *levelsym;
	int level;
	const char *optsym;
	int opt;
	enum opt_kind kind;
	int readonly;
};

#define SO(n, o, k, ro) { n, "SOL_SOCKET", SOL_SOCKET, #o, o, k, ro }
#define IP(n, o, k) { n, "IPPROTO_IP", IPPROTO_IP, #o, o, k, 0 }
#define IP6(n, o, k) { n, "IPPROTO_IPV6", IPPROTO_IPV6, #o, o, k, 0 }
#define TCP(n, o, k) { n, "IPPROTO_TCP", IPPROTO_TCP, #o, o, k, 0 }

static const struct sockopt options[] = {
	SO("reuseaddr", SO_REUSEADDR, K_BOOL, 0),
#ifdef SO_REUSEPORT
	SO("reuseport", SO_REUSEPORT, K_BOOL, 0),
#endif
	SO("keepalive", SO_KEEPALIVE, K_BOOL, 0),
	SO("broadcast", SO_BROADCAST, K_BOOL, 0),
	SO("linger", SO_LINGER, K_LINGER, 0),
	SO("rcvbuf", SO_RCVBUF, K_INT, 0),
	SO("sndbuf", SO_SNDBUF, K_INT, 0),
	SO("rcvlowat", SO_RCVLOWAT, K_INT, 0),
	SO("sndlowat", SO_SNDLOWAT, K_INT, 0),
	SO("rcvtimeo", SO_RCVTIMEO, K_TIMEVAL, 0),
	SO("sndtimeo", SO_SNDTIMEO, K_TIMEVAL, 0),
	SO("oobinline", SO_OOBINLINE, K_BOOL, 0),
	SO("dontroute", SO_DONTROUTE, K_BOOL, 0),
	SO("error", SO_ERROR, K_ERRNO, 1),
	SO("type", SO_TYPE, K_TYPE, 1),
#ifdef SO_ACCEPTCONN
	SO("acceptconn", SO_ACCEPTCONN, K_BOOL, 1),
#endif
#ifdef SO_DOMAIN
	SO("domain", SO_DOMAIN, K_FAMILY, 1),
#endif
#ifdef SO_PROTOCOL
	SO("protocol", SO_PROTOCOL, K_INT, 1),
#endif
#ifdef SO_PRIORITY
	SO("priority", SO_PRIORITY, K_INT, 0),
#endif
	IP("ttl", IP_TTL, K_INT),
	IP("tos", IP_TOS, K_INT),
	IP("multicast_ttl", IP_MULTICAST_TTL, K_INT),
	IP("multicast_loop", IP_MULTICAST_LOOP, K_BOOL),
	IP6("v6only", IPV6_V6ONLY, K_BOOL),
	IP6("unicast_hops", IPV6_UNICAST_HOPS, K_INT),
#ifdef TCP_NODELAY
	TCP("nodelay", TCP_NODELAY, K_BOOL),
#endif
#ifdef TCP_MAXSEG
	TCP("maxseg", TCP_MAXSEG, K_INT),
#endif
#ifdef TCP_CORK
	TCP("cork", TCP_CORK, K_BOOL),
#endif
#ifdef TCP_QUICKACK
	TCP("quickack", TCP_QUICKACK, K_BOOL),
#endif
#ifdef TCP_KEEPIDLE
	TCP("keepidle", TCP_KEEPIDLE, K_INT),
#endif
#ifdef TCP_KEEPINTVL
	TCP("keepintvl", TCP_KEEPINTVL, K_INT),
#endif
#ifdef TCP_KEEPCNT
	TCP("keepcnt", TCP_KEEPCNT, K_INT),
#endif
};

#define NOPTIONS ((int)(sizeof options / sizeof options[0]))

const char *sockopt_name_at(int i)
{
	return i >= 0 && i < NOPTIONS ? options[i].name : NULL;
}

static const struct sockopt *find_option(struct shell *sh, const struct word *w)
{
	for (int i = 0; i < NOPTIONS && strlen(w->s) == w->len; i++)
		if (strcmp(options[i].name, w->s) == 0 || strcasecmp(options[i].optsym, w->s) == 0)
			return &options[i];
	struct strbuf all = STRBUF_INIT;
	for (int i = 0; i < NOPTIONS; i++)
		sb_printf(&all, "%s%s", i ? ", " : "", options[i].name);
	out_error(sh, w, "unknown option '%.40s' (options: %s)", w->s, all.buf);
	sb_free(&all);
	return NULL;
}

static int parse_bool(const struct word *w, int *v)
{
	static const char *const yes[] = { "on", "1", "yes", "true", NULL };
	static const char *const no[] = { "off", "0", "no", "false", NULL };

	if (strlen(w->s) != w->len)
		return -1;  /* a NUL byte: "on\0x" is not "on" */
	for (int i = 0; yes[i]; i++)
		if (strcmp(w->s, yes[i]) == 0)
			return *v = 1, 0;
	for (int i = 0; no[i]; i++)
		if (strcmp(w->s, no[i]) == 0)
			return *v = 0, 0;
	return -1;
}

int cmd_setsockopt(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_current(sh);
	const struct word *vw = &argv[2];
	union { int i; struct linger l; struct timeval tv; } val;
	socklen_t len = sizeof val.i;

	(void)argc;
	if (h == NULL)
		return CMD_ERROR;
	const struct sockopt *o = find_option(sh, &argv[1]);
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
	case K_BOOL:
		if (parse_bool(vw, &val.i) < 0) {
			out_error(sh, vw, "setsockopt %s: write on or off", o->name);
			return CMD_ERROR;
		}
		trace_add(sh, "%d)", val.i);
		break;
	case K_LINGER: {
		unsigned long secs = 0;
		if (vw->len == 3 && strcmp(vw->s, "off") == 0) {
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
	case K_TIMEVAL: {
		double secs = 0;
		if (!(vw->len == 3 && strcmp(vw->s, "off") == 0) && args_seconds(sh, vw, &secs) < 0)
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
	if (rc == 0 && o->kind == K_TIMEVAL) {
		/* The user owns the time-outs now: ours no longer applies. */
		h->user_timeo = 1;
		h->timeo = 0;
	}
	return CMD_OK;
}

int cmd_getsockopt(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_current(sh);
	union { int i; struct linger l; struct timeval tv; } val;
	socklen_t len = sizeof val;
	struct strbuf *t = &sh->last.text;

	(void)argc;
	if (h == NULL)
		return CMD_ERROR;
	const struct sockopt *o = find_option(sh, &argv[1]);
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
		case K_LINGER:
			if (val.l.l_onoff)
				sb_printf(t, "%d", val.l.l_linger);
			else
				sb_adds(t, "off");
			break;
		case K_TIMEVAL:
			if (val.tv.tv_sec == 0 && val.tv.tv_usec == 0)
				sb_adds(t, "off");
			else
				sb_printf(t, "%g", (double)val.tv.tv_sec + (double)val.tv.tv_usec / 1e6);
			break;
		case K_ERRNO:
			if (val.i == 0)
				sb_adds(t, "0");
			else
				sb_adds(t, errname_name(val.i) ? errname_name(val.i) : "E?");
			break;
		case K_TYPE:
			names_add_sym(t, names_types, val.i);
			break;
		case K_FAMILY:
			names_add_sym(t, names_families, val.i);
			break;
		default:
			sb_printf(t, "%d", val.i);
		}
		trace_add(sh, " %s", t->buf);
		if (o->kind == K_ERRNO && val.i != 0)
			trace_add(sh, " (%s)", strerror(val.i));
	}
	trace_end(sh);
	return CMD_OK;
}

int sockopt_index(const char *name)
{
	for (int i = 0; i < NOPTIONS; i++)
		if (strcmp(options[i].name, name) == 0 || strcasecmp(options[i].optsym, name) == 0)
			return i;
	return -1;
}

const char *sockopt_value_problem(int i, const char *value)
{
	int b;

	/* Only a boolean's on/off is a keyword; a number's range, and a
	 * read-only option, are the handler's to report when it runs. */
	if (options[i].kind != K_BOOL || options[i].readonly)
		return NULL;
	return parse_bool(&(struct word){ value, strlen(value), 0, 0 }, &b) == 0 ? NULL :
		"write on or off";
}
