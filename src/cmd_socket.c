/*
 * cmd_socket.c - making, naming, connecting and closing sockets.
 *
 * socket, bind, listen, accept, connect, shutdown, close, socketpair, dial,
 * getsockname, getpeername, getaddrinfo, gethostname: each one call (dial:
 * a visible sequence of them), each traced on its line.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "cmds.h"
#include "handle.h"
#include "i18n.h"
#include "lab.h"
#include "icmp.h"
#include "keywords.h"
#include "output.h"
#include "shell.h"

/* A keyword from table tab at word w, or an error listing the choices. */
static const struct kw_entry *keyword(struct shell *sh, const struct word *w,
					const struct kw_entry *tab, const char *what)
{
	const struct kw_entry *nv = memchr(w->s, '\0', w->len) ? NULL : kw_find(tab, w->s);

	if (nv == NULL) {
		struct strbuf all = STRBUF_INIT;
		for (const struct kw_entry *t = tab; t->name; t++)
			sb_printf(&all, "%s%s", all.len ? ", " : "", t->name);
		/* TRANSLATORS: the first %s is "family", "type", "protocol" or
		   "direction" (translated), then the word written, then " with a
		   NUL byte after it" or nothing, then the choices (keywords). */
		out_error(sh, w, _("unknown %s '%.40s'%s (one of: %s)"), _(what), w->s,
			  memchr(w->s, '\0', w->len) ? _(" with a NUL byte after it") : "", all.buf);
		sb_free(&all);
	}
	return nv;
}

static int protocol(struct shell *sh, const struct word *w, int *proto)
{
	if (isdigit((unsigned char)w->s[0])) {
		unsigned long v;
		if (args_count(sh, w, 255, &v) < 0)
			return -1;
		*proto = (int)v;
		return 0;
	}
	const struct kw_entry *nv = keyword(sh, w, kw_protocols, N_("protocol"));
	if (nv == NULL)
		return -1;
	*proto = nv->value;
	return 0;
}

static struct addrinfo *resolve(struct shell *sh, const char *host, const char *port,
				int family, int type);

/*
 * The family "socket for HOST" takes from HOST: a numeric address's own,
 * unix for a path (a word with a slash), inet for "*", and for a name
 * the family of the first address getaddrinfo gives (that lookup is
 * traced on its own line).  Returns the family; -1 after a usage error;
 * -2 after a failed lookup, traced as the line's result.
 */
static int family_for(struct shell *sh, const struct word *host, int type)
{
	struct addr a;

	if (host->len == 0 || memchr(host->s, '\0', host->len) != NULL) {
		out_error(sh, host, _("socket for: HOST must be an address, a name or a path"));
		return -1;
	}
	if (strchr(host->s, '/') != NULL)
		return AF_UNIX;
	if (strcmp(host->s, "*") == 0)
		return AF_INET;
	if (addr_numeric(host->s, &a))
		return a.ss.ss_family;
	struct addrinfo *res = resolve(sh, host->s, NULL, AF_UNSPEC, type);
	if (res == NULL)
		return -2;
	int family = res->ai_family;
	freeaddrinfo(res);
	return family;
}

int cmd_socket(struct shell *sh, int argc, struct word *argv)
{
	int at = word_is(&argv[1], KW_FAMILY_FOR) ? 2 : 1;  /* socket for HOST TYPE */

	if (argc < at + 2 || argc > at + 3) {
		out_error(sh, &argv[argc < at + 2 ? argc - 1 : at + 3], _("socket: %s (usage: socket "
			  "FAMILY TYPE [PROTO], or socket for HOST TYPE [PROTO])"),
			  argc < at + 2 ? _("the TYPE is missing") : _("too many arguments"));
		return CMD_ERROR;
	}
	const struct kw_entry *fam = at == 1 ? keyword(sh, &argv[1], kw_families, N_("family")) : NULL;
	if (at == 1 && fam == NULL)
		return CMD_ERROR;
	const struct kw_entry *type = keyword(sh, &argv[at + 1], kw_types, N_("type"));
	if (type == NULL)
		return CMD_ERROR;
	int proto = 0;
	if (argc > at + 2 && protocol(sh, &argv[at + 2], &proto) < 0)
		return CMD_ERROR;
	int family = fam ? fam->value : family_for(sh, &argv[2], type->value);
	if (family < 0)
		return family == -2 ? CMD_OK : CMD_ERROR;

	trace_begin(sh, "socket");
	trace_add(sh, "(%s, %s, ", kw_sym(kw_families, family), type->sym);
	if (proto == 0)
		trace_add(sh, "0)");
	else
		kw_add_sym(&sh->line, kw_protocols, proto), trace_add(sh, ")");
	int fd = lab_socket_here(sh, family, type->value, proto);
	int err = fd < 0 ? errno : 0;
	trace_finish(sh, NULL, fd, err, 0);
	if (fd >= 0)
		handle_add(sh, fd, family, type->value, proto)->host = lab_current(sh);
	else
		icmp_socket_hint(sh, type->value, proto, err);
	return CMD_OK;
}

/* Any words left after the address are a mistake. */
static int no_more(struct shell *sh, int argc, struct word *argv, int next)
{
	if (next < argc) {
		out_error(sh, &argv[next], _("%s: unexpected '%.40s' after the address"), argv[0].s,
			  argv[next].s);
		return -1;
	}
	return 0;
}

/*
 * The one address bind and connect take, for handle h: argv[1] onwards,
 * nothing after it.  Returns 1 with *al filled (the caller frees it); 0
 * when a name lookup failed, already traced as the call's result; -1
 * after a usage error.
 */
static int the_address(struct shell *sh, const struct handle *h, int argc, struct word *argv,
		       struct addr_list *al)
{
	int next;
	int rc = args_address(sh, h, h->family, h->type, argc, argv, 1, &next, al);

	if (rc == -2)
		return 0;
	if (rc < 0 || no_more(sh, argc, argv, next) < 0) {
		addr_list_free(al);
		return -1;
	}
	return 1;
}

int cmd_bind(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	struct addr_list al;
	int fd = sh->current;

	int rc = the_address(sh, h, argc, argv, &al);
	if (rc <= 0)
		return rc == 0 ? CMD_OK : CMD_ERROR;
	trace_begin(sh, "bind");
	trace_add(sh, "(%d, ", fd);
	trace_addr(sh, (struct sockaddr *)&al.v[0].ss, al.v[0].len);
	trace_add(sh, ")");
	rc = bind(fd, (struct sockaddr *)&al.v[0].ss, al.v[0].len);
	trace_finish(sh, h, rc, rc < 0 ? errno : 0, 0);
	out_family_hint(sh, h, (struct sockaddr *)&al.v[0].ss);
	addr_list_free(&al);
	return CMD_OK;
}

/* fd's own port: 0 for an IPv4 or IPv6 socket not bound yet, -1 for any
 * other socket or when getsockname fails. */
static long port_of(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	if (ss.ss_family == AF_INET)
		return ntohs(((struct sockaddr_in *)&ss)->sin_port);
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return -1;
}

/* listen on a socket with no address binds it to every address and a port
 * the kernel chooses: say so, so that a lesson whose bind failed does not
 * go on as if it listened where it meant to. */
static void note_autobind(struct shell *sh, int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	struct strbuf where = STRBUF_INIT;

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return;
	addr_format(&where, (struct sockaddr *)&ss, len);
	out_line(sh, _("note: no bind succeeded on handle %d, so listen bound it to %s (any "
		 "address, a port the kernel chose)"), fd, where.buf);
	sb_free(&where);
}

int cmd_listen(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	unsigned long backlog = SOMAXCONN;

	if (argc > 1 && args_count(sh, &argv[1], INT_MAX, &backlog) < 0)
		return CMD_ERROR;
	int unbound = port_of(sh->current) == 0;
	trace_begin(sh, "listen");
	trace_add(sh, "(%d, %lu)", sh->current, backlog);
	int rc = listen(sh->current, (int)backlog);
	trace_finish(sh, h, rc, rc < 0 ? errno : 0, 0);
	if (rc == 0 && unbound)
		note_autobind(sh, sh->current);
	if (rc == 0)
		handle_note_listen(sh, sh->current);
	return CMD_OK;
}

int cmd_accept(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int lfd = sh->current;

	(void)argc;
	(void)argv;
	trace_begin(sh, "accept");
	trace_add(sh, "(%d)", lfd);
	out_before_block(sh);
	int fd = accept(lfd, (struct sockaddr *)&ss, &len);
	int err = fd < 0 ? errno : 0;
	trace_outcome(sh, h, fd, err, 0);
	if (fd >= 0) {
		trace_add(sh, " from ");
		trace_addr(sh, (struct sockaddr *)&ss, len);
		addr_text(&sh->last.text, (struct sockaddr *)&ss, len);
		memcpy(&sh->from, &ss, len);
		sh->fromlen = len;
	}
	trace_close(sh);
	if (fd >= 0) {
		int family = h->family, type = h->type, proto = h->protocol;
		const char *host = h->host;  /* read first: handle_add may move sh->h */
		handle_add(sh, fd, family, type, proto)->host = host;
		handle_link_peer(sh, lfd, fd);
	}
	return CMD_OK;
}

/* connect fd to each address in turn until one succeeds. */
static void connect_each(struct shell *sh, int fd, const struct addr_list *al)
{
	for (int i = 0; i < al->n; i++) {
		struct handle *h = handle_get(sh, fd);
		trace_begin(sh, "connect");
		trace_add(sh, "(%d, ", fd);
		trace_addr(sh, (struct sockaddr *)&al->v[i].ss, al->v[i].len);
		trace_add(sh, ")");
		out_before_block(sh);
		int rc = connect(fd, (struct sockaddr *)&al->v[i].ss, al->v[i].len);
		int err = rc < 0 ? errno : 0;
		trace_finish(sh, h, rc, err, 0);
		handle_note_connect(sh, fd, (struct sockaddr *)&al->v[i].ss, al->v[i].len, rc, err);
		out_family_hint(sh, h, (struct sockaddr *)&al->v[i].ss);
		if (rc == 0 || err == EINTR || err == EINPROGRESS || err == EALREADY ||
		    err == EISCONN || sh->last.timed_out)
			break;
	}
}

/* After a stream connect to sa was refused: nobody listens there.  One
 * line that says so, for the student who started a client before its
 * server. */
static void refused_hint(struct shell *sh, int type, const struct sockaddr *sa, socklen_t len)
{
	struct strbuf where = STRBUF_INIT;

	if (sh->last.err != ECONNREFUSED || type != SOCK_STREAM)
		return;
	addr_format(&where, sa, len);
	out_line(sh, _("  (no socket listens on %s: start the server first)"), where.buf);
	sb_free(&where);
}

int cmd_connect(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	struct addr_list al;

	int rc = the_address(sh, h, argc, argv, &al);
	if (rc <= 0)
		return rc == 0 ? CMD_OK : CMD_ERROR;
	connect_each(sh, sh->current, &al);
	refused_hint(sh, h->type, (struct sockaddr *)&al.v[al.n - 1].ss, al.v[al.n - 1].len);
	addr_list_free(&al);
	return CMD_OK;
}

int cmd_shutdown(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);

	(void)argc;
	const struct kw_entry *how = keyword(sh, &argv[1], kw_shutdown, N_("direction"));
	if (how == NULL)
		return CMD_ERROR;
	trace_begin(sh, "shutdown");
	trace_add(sh, "(%d, %s)", sh->current, how->sym);
	int rc = shutdown(sh->current, how->value);
	trace_finish(sh, h, rc, rc < 0 ? errno : 0, 0);
	return CMD_OK;
}

/* Close fd and forget it: a descriptor is gone after close(), whatever
 * close() returned, so it is never retried. */
static void close_handle(struct shell *sh, int fd)
{
	trace_begin(sh, "close");
	trace_add(sh, "(%d)", fd);
	int rc = close(fd);
	trace_finish(sh, NULL, rc, rc < 0 ? errno : 0, 0);
	handle_forget(sh, fd);
}

int cmd_close(struct shell *sh, int argc, struct word *argv)
{
	(void)argc;
	(void)argv;
	close_handle(sh, sh->current);
	return CMD_OK;
}

static int name_call(struct shell *sh, const char *call,
		     int (*fn)(int, struct sockaddr *, socklen_t *))
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	memset(&ss, 0, sizeof ss);
	trace_begin(sh, call);
	trace_add(sh, "(%d)", sh->current);
	int rc = fn(sh->current, (struct sockaddr *)&ss, &len);
	int err = rc < 0 ? errno : 0;
	trace_result(sh, rc, err);
	if (rc == 0) {
		trace_add(sh, " ");
		trace_addr(sh, (struct sockaddr *)&ss, len);
		addr_text(&sh->last.text, (struct sockaddr *)&ss, len);
	}
	trace_end(sh);
	return CMD_OK;
}

int cmd_getsockname(struct shell *sh, int argc, struct word *argv)
{
	(void)argc;
	(void)argv;
	return name_call(sh, "getsockname", getsockname);
}

int cmd_getpeername(struct shell *sh, int argc, struct word *argv)
{
	(void)argc;
	(void)argv;
	return name_call(sh, "getpeername", getpeername);
}

/* Print each getaddrinfo result on its own indented line. */
static void list_results(struct shell *sh, const struct addrinfo *res)
{
	struct strbuf row = STRBUF_INIT;

	for (const struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
		sb_reset(&row);
		sb_adds(&row, "  ");
		kw_add_sym(&row, kw_families, ai->ai_family);
		sb_addc(&row, ' ');
		kw_add_sym(&row, kw_types, ai->ai_socktype);
		sb_addc(&row, ' ');
		kw_add_sym(&row, kw_protocols, ai->ai_protocol);
		sb_addc(&row, ' ');
		addr_format(&row, ai->ai_addr, ai->ai_addrlen);
		if (ai->ai_canonname != NULL)
			sb_printf(&row, " canonname=%s", ai->ai_canonname);
		out_line(sh, "%s", row.buf);
		if (sh->last.text.len > 0)
			sb_addc(&sh->last.text, ' ');
		addr_text(&sh->last.text, ai->ai_addr, ai->ai_addrlen);
	}
	sb_free(&row);
}

/* Trace and run getaddrinfo; returns its result list or NULL. */
static struct addrinfo *resolve(struct shell *sh, const char *host, const char *port,
				int family, int type)
{
	struct addrinfo hints, *res = NULL;
	char labbuf[INET6_ADDRSTRLEN];

	host = lab_address(sh, host, family, labbuf, sizeof labbuf);  /* a lab host's address */
	memset(&hints, 0, sizeof hints);
	hints.ai_family = family;
	hints.ai_socktype = type;
	hints.ai_flags = AI_CANONNAME;
	trace_begin(sh, "getaddrinfo");
	trace_add(sh, "(");
	sb_add_quoted(&sh->line, host, strlen(host));
	trace_add(sh, ", ");
	if (port != NULL)
		sb_add_quoted(&sh->line, port, strlen(port));
	else
		trace_add(sh, "NULL");
	trace_add(sh, ", {");
	kw_add_sym(&sh->line, kw_families, family);
	trace_add(sh, ", ");
	if (type == 0)
		trace_add(sh, "0");
	else
		kw_add_sym(&sh->line, kw_types, type);
	trace_add(sh, "})");
	out_before_block(sh);
	int rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0) {
		trace_gai(sh, rc);
		trace_end(sh);
		return NULL;
	}
	int n = 0;
	for (struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next)
		n++;
	trace_result(sh, 0, 0);
	trace_add(sh, " (%d result%s)", n, n == 1 ? "" : "s");
	trace_end(sh);
	list_results(sh, res);
	return res;
}

static int bad_word(struct shell *sh, const struct word *w)
{
	if (memchr(w->s, '\0', w->len) != NULL) {
		out_error(sh, w, _("a name cannot hold a NUL byte"));
		return 1;
	}
	return 0;
}

int cmd_getaddrinfo(struct shell *sh, int argc, struct word *argv)
{
	const char *port = NULL;
	int family = AF_UNSPEC, type = 0;

	for (int i = 1; i < argc; i++)
		if (bad_word(sh, &argv[i]))
			return CMD_ERROR;
	for (int i = 2; i < argc; i++) {
		const struct kw_entry *nv;
		if (argv[i].flags == 0 && (nv = kw_find(kw_families, argv[i].s)) != NULL)
			family = nv->value;
		else if (argv[i].flags == 0 && (nv = kw_find(kw_types, argv[i].s)) != NULL)
			type = nv->value;
		else if (port == NULL)
			port = argv[i].s;
		else {
			out_error(sh, &argv[i], _("getaddrinfo: '%.40s' is not a family (inet, inet6) or a type "
				  "(stream, dgram)"), argv[i].s);
			return CMD_ERROR;
		}
	}
	struct addrinfo *res = resolve(sh, argv[1].s, port, family, type);
	if (res != NULL)
		freeaddrinfo(res);
	return CMD_OK;
}

int cmd_gethostname(struct shell *sh, int argc, struct word *argv)
{
	char name[256];

	(void)argc;
	(void)argv;
	trace_begin(sh, "gethostname");
	trace_add(sh, "()");
	int rc = gethostname(name, sizeof name);
	name[sizeof name - 1] = '\0';
	trace_result(sh, rc, rc < 0 ? errno : 0);
	if (rc == 0) {
		trace_add(sh, " ");
		sb_add_quoted(&sh->line, name, strlen(name));
		sb_adds(&sh->last.text, name);
	}
	trace_end(sh);
	return CMD_OK;
}

int cmd_socketpair(struct shell *sh, int argc, struct word *argv)
{
	int type = SOCK_STREAM, sv[2];

	if (argc > 1) {
		const struct kw_entry *nv = keyword(sh, &argv[1], kw_types, N_("type"));
		if (nv == NULL)
			return CMD_ERROR;
		type = nv->value;
	}
	trace_begin(sh, "socketpair");
	trace_add(sh, "(AF_UNIX, %s, 0, ", kw_sym(kw_types, type));
	int rc = socketpair(AF_UNIX, type, 0, sv);
	int err = rc < 0 ? errno : 0;
	if (rc == 0)
		trace_add(sh, "[%d, %d])", sv[0], sv[1]);
	else
		trace_add(sh, "...)");
	trace_finish(sh, NULL, rc, err, 0);
	if (rc == 0) {
		handle_add(sh, sv[1], AF_UNIX, type, 0);
		handle_add(sh, sv[0], AF_UNIX, type, 0);
		sh->h[sv[0]].peer = sv[1];
		sh->h[sv[1]].peer = sv[0];
	}
	return CMD_OK;
}

int cmd_dial(struct shell *sh, int argc, struct word *argv)
{
	int type = SOCK_STREAM;
	unsigned port;
	char msg[160], portstr[16];

	char host[NI_MAXHOST];
	int typearg = 3;

	for (int i = 1; i < argc; i++)
		if (bad_word(sh, &argv[i]))
			return CMD_ERROR;
	if (!(argv[1].flags & WORD_QUOTED) && argv[1].s[0] == '@') {
		/* @N or @from: that address, written out numerically. */
		struct addr_list al;
		int next;
		if (args_address(sh, NULL, AF_UNSPEC, SOCK_STREAM, argc, argv, 1, &next, &al) < 0)
			return CMD_ERROR;
		int rc = getnameinfo((struct sockaddr *)&al.v[0].ss, al.v[0].len, host, sizeof host,
				     portstr, sizeof portstr, NI_NUMERICHOST | NI_NUMERICSERV);
		addr_list_free(&al);
		if (rc != 0) {
			out_error(sh, &argv[1], _("dial: %s has no host and port"), argv[1].s);
			return CMD_ERROR;
		}
		typearg = 2;
	} else {
		if (argc < 3) {
			out_error(sh, &argv[1], _("dial: a PORT must follow the host '%.60s'"), argv[1].s);
			return CMD_ERROR;
		}
		if (!(argv[2].flags & WORD_QUOTED) && argv[2].s[0] == '@') {
			if (args_port_of(sh, &argv[2], &port) < 0)
				return CMD_ERROR;
		} else if (addr_port(argv[2].s, type, &port, msg, sizeof msg) < 0) {
			out_error(sh, &argv[2], "%s", msg);
			return CMD_ERROR;
		}
		snprintf(host, sizeof host, "%s", argv[1].s);
		snprintf(portstr, sizeof portstr, "%u", port);
	}
	if (argc > typearg + 1) {
		out_error(sh, &argv[typearg + 1], _("dial: unexpected '%.40s'"), argv[typearg + 1].s);
		return CMD_ERROR;
	}
	if (argc > typearg) {
		const struct kw_entry *nv = keyword(sh, &argv[typearg], kw_types, N_("type"));
		if (nv == NULL)
			return CMD_ERROR;
		type = nv->value;
	}
	struct addrinfo *res = resolve(sh, host, portstr, AF_UNSPEC, type), *tried = NULL;
	for (struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
		trace_begin(sh, "socket");
		trace_add(sh, "(%s, %s, ", kw_sym(kw_families, ai->ai_family),
			  kw_sym(kw_types, ai->ai_socktype));
		kw_add_sym(&sh->line, kw_protocols, ai->ai_protocol);
		trace_add(sh, ")");
		int fd = lab_socket_here(sh, ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		trace_finish(sh, NULL, fd, fd < 0 ? errno : 0, 0);
		if (fd < 0)
			continue;
		handle_add(sh, fd, ai->ai_family, ai->ai_socktype, ai->ai_protocol)->host =
			lab_current(sh);
		struct addr one;
		struct addr_list al = { &one, 1 };
		memcpy(&one.ss, ai->ai_addr, ai->ai_addrlen);
		one.len = ai->ai_addrlen;
		connect_each(sh, fd, &al);
		tried = ai;
		if (sh->last.err == 0 || sh->last.err == EINTR || sh->last.timed_out)
			break;
		struct result keep = sh->last;
		close_handle(sh, fd);
		/* The connect's failure, not close's success, is dial's result. */
		sh->last.rc = keep.rc;
		sh->last.err = keep.err;
		sh->last.call = "connect";
	}
	if (tried != NULL)
		refused_hint(sh, tried->ai_socktype, tried->ai_addr, tried->ai_addrlen);
	if (res != NULL)
		freeaddrinfo(res);
	return CMD_OK;
}

int cmd_unlink(struct shell *sh, int argc, struct word *argv)
{
	const struct word *path = &argv[1];
	struct stat st;

	(void)argc;
	if (path->len == 0 || memchr(path->s, '\0', path->len) != NULL) {
		out_error(sh, path, _("unlink: bad path"));
		return CMD_ERROR;
	}
	/* A lesson may clean up its own socket paths, never delete a file. */
	if (lstat(path->s, &st) == 0 && !S_ISSOCK(st.st_mode)) {
		out_error(sh, path, _("unlink: %s is not a socket; only a socket's path is removed"),
			  path->s);
		return CMD_ERROR;
	}
	trace_begin(sh, "unlink");
	trace_add(sh, "(");
	sb_add_quoted(&sh->line, path->s, path->len);
	trace_add(sh, ")");
	int rc = unlink(path->s);
	trace_finish(sh, NULL, rc, rc < 0 ? errno : 0, 0);
	return CMD_OK;
}
