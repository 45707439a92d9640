/*
 * cmd_msg.c - sendmsg and recvmsg: data with ancillary data.
 *
 * Hides the cmsg buffers: the descriptors "fd N" passes (SCM_RIGHTS),
 * what recvmsg's control data holds (descriptors, SCM_CREDENTIALS,
 * IP_PKTINFO and IPV6_PKTINFO) shown on the trace line as
 * [SCM_RIGHTS [6], ...], and the descriptors received, which become
 * handles of the shell (or, not being sockets, are closed with a line
 * that says so).
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "addr.h"
#include "args.h"
#include "cmds.h"
#include "handle.h"
#include "i18n.h"
#include "icmp.h"
#include "keywords.h"
#include "output.h"
#include "shell.h"

/* The most descriptors one sendmsg passes (Linux's SCM_MAX_FD). */
#define MSG_MAX_FDS 253
/* The control buffer recvmsg offers unless "control BYTES" says. */
#define MSG_CONTROL_DEFAULT 4096
/* The largest "control BYTES". */
#define MSG_CONTROL_MAX 65536

/* Is w one of the MSG_ flag words (so no address is written before it)? */
static int flag_word(const struct word *w)
{
	return memchr(w->s, '\0', w->len) == NULL && kw_find(kw_msgflags, w->s) != NULL;
}

/*
 * The "fd N" pairs from argv[*i] on, into fds (at most MSG_MAX_FDS);
 * *i is left at the first word after them.  Returns their count, or -1
 * after an error.
 */
static int parse_fds(struct shell *sh, int argc, struct word *argv, int *i, int *fds)
{
	int n = 0;

	while (*i < argc && word_is(&argv[*i], "fd")) {
		unsigned long v;
		if (*i + 1 >= argc) {
			out_error(sh, &argv[*i], _("fd must be followed by a descriptor number"));
			return -1;
		}
		if (args_count(sh, &argv[*i + 1], INT_MAX, &v) < 0)
			return -1;
		if (n == MSG_MAX_FDS) {
			out_error(sh, &argv[*i], _("one sendmsg passes at most %d descriptors"), MSG_MAX_FDS);
			return -1;
		}
		fds[n++] = (int)v;
		*i += 2;
	}
	return n;
}

/* Append "[SCM_RIGHTS [5, 6]]"'s inside: the descriptors of an array. */
static void add_fd_list(struct shell *sh, const int *fds, int n)
{
	trace_adds(sh, "SCM_RIGHTS [");
	for (int k = 0; k < n; k++) {
		if (k)
			trace_adds(sh, ", ");
		trace_add_int(sh, fds[k]);
	}
	trace_adds(sh, "]");
}

/* Fill msg's control with one SCM_RIGHTS message holding fds[0..n). */
static void put_rights(struct msghdr *msg, void *buf, const int *fds, int n)
{
	if (n == 0)
		return;
	msg->msg_control = buf;
	msg->msg_controllen = CMSG_SPACE((size_t)n * sizeof(int));
	struct cmsghdr *c = CMSG_FIRSTHDR(msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN((size_t)n * sizeof(int));
	memcpy(CMSG_DATA(c), fds, (size_t)n * sizeof(int));
}

/*
 * What sendmsg reads after DATA: "fd N" pairs, an address unless the
 * next word is a flag (or there is none), then the flags.  Returns 0,
 * -1 after a usage error, -2 after a failed lookup (traced).
 */
static int sendmsg_args(struct shell *sh, const struct handle *h, int argc, struct word *argv,
			int i, int *fds, int *nfds, struct addr_list *al, int *flags)
{
	al->v = NULL;
	al->n = 0;
	if ((*nfds = parse_fds(sh, argc, argv, &i, fds)) < 0)
		return -1;
	if (i < argc && !flag_word(&argv[i])) {
		int rc = args_address(sh, h, h->family, h->type, argc, argv, i, &i, al);
		if (rc < 0)
			return rc;
	}
	if (args_flags(sh, argc, argv, i, flags) < 0) {
		addr_list_free(al);
		return -1;
	}
	return 0;
}

/* The start of the line: "sendmsg(3, {to ADDR, data "x", 1,
 * [SCM_RIGHTS [7]]}, 0)", the address and the list only when there are. */
static void sendmsg_trace(struct shell *sh, int fd, const struct addr_list *al,
			  const struct data *d, const int *fds, int nfds, int flags)
{
	trace_begin(sh, "sendmsg");
	trace_adds(sh, "(");
	trace_add_int(sh, fd);
	trace_adds(sh, ", {");
	if (al->n > 0) {
		trace_adds(sh, "to ");
		trace_addr(sh, (const struct sockaddr *)&al->v[0].ss, al->v[0].len);
		trace_adds(sh, ", ");
	}
	trace_adds(sh, "data ");
	trace_sent(sh, d->p, d->len);
	trace_adds(sh, ", ");
	trace_add_int(sh, (long long)d->len);
	if (nfds > 0) {
		trace_adds(sh, ", [");
		add_fd_list(sh, fds, nfds);
		trace_adds(sh, "]");
	}
	trace_adds(sh, "}, ");
	kw_add_flags(&sh->line, kw_msgflags, flags);
	trace_adds(sh, ")");
}

int cmd_sendmsg(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	struct data d;
	struct addr_list al;
	int next, flags, nfds, fd = sh->current;
	static int fds[MSG_MAX_FDS];
	union { struct cmsghdr align; char buf[CMSG_SPACE(MSG_MAX_FDS * sizeof(int))]; } ctl;

	if (args_data(sh, argc, argv, 1, &next, &d) < 0)
		return CMD_ERROR;
	int rc = sendmsg_args(sh, h, argc, argv, next, fds, &nfds, &al, &flags);
	if (rc < 0) {
		args_data_free(&d);
		return rc == -2 ? CMD_OK : CMD_ERROR;
	}
	struct iovec iov = { (void *)d.p, d.len };
	struct msghdr msg;
	memset(&msg, 0, sizeof msg);
	memset(&ctl, 0, sizeof ctl);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	if (al.n > 0) {
		msg.msg_name = &al.v[0].ss;
		msg.msg_namelen = al.v[0].len;
	}
	put_rights(&msg, ctl.buf, fds, nfds);
	sendmsg_trace(sh, fd, &al, &d, fds, nfds, flags);
	if (!h->nonblock && !(flags & MSG_DONTWAIT))
		out_before_block(sh);
	ssize_t n = sendmsg(fd, &msg, flags);
	int err = n < 0 ? errno : 0;
	handle_note_sent(sh, h, n, flags);
	trace_outcome(sh, h, n, err, flags);
	trace_close(sh);
	if (al.n > 0)
		out_family_hint(sh, h, (struct sockaddr *)&al.v[0].ss);
	args_data_free(&d);
	addr_list_free(&al);
	return CMD_OK;
}

/* ---- recvmsg ---- */

/* What one recvmsg brought besides the bytes. */
struct got {
	int fds[MSG_MAX_FDS * 4];  /* descriptors received, in order */
	int nfds;
	int items;                 /* control messages shown so far */
};

/* Start the next item of the control list: " [" or ", ". */
static void item(struct shell *sh, struct got *g)
{
	trace_adds(sh, g->items++ ? ", " : " [");
}

/* An SCM_RIGHTS message: show its descriptors and keep them. */
static void show_rights(struct shell *sh, struct got *g, const struct cmsghdr *c)
{
	size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
	int v[MSG_MAX_FDS];

	if (n > MSG_MAX_FDS)
		n = MSG_MAX_FDS;
	memcpy(v, CMSG_DATA(c), n * sizeof(int));
	item(sh, g);
	add_fd_list(sh, v, (int)n);
	for (size_t k = 0; k < n && g->nfds < (int)(sizeof g->fds / sizeof g->fds[0]); k++)
		g->fds[g->nfds++] = v[k];
}

/* The interface index as "ifindex=1 (lo)". */
static void add_ifindex(struct shell *sh, unsigned idx)
{
	char name[IF_NAMESIZE];

	trace_add(sh, "ifindex=%u", idx);
	if (if_indextoname(idx, name) != NULL)
		trace_add(sh, " (%s)", name);
}

/* The symbol of a control message this file decodes, or NULL. */
static const char *cmsg_name(int level, int type)
{
#ifdef SCM_CREDENTIALS
	if (level == SOL_SOCKET && type == SCM_CREDENTIALS)
		return "SCM_CREDENTIALS";
#endif
#ifdef IP_PKTINFO
	if (level == IPPROTO_IP && type == IP_PKTINFO)
		return "IP_PKTINFO";
#endif
#ifdef IPV6_PKTINFO
	if (level == IPPROTO_IPV6 && type == IPV6_PKTINFO)
		return "IPV6_PKTINFO";
#endif
	(void)level;
	(void)type;
	return NULL;
}

/* A control message other than SCM_RIGHTS: credentials, packet info, or
 * its level, type and length. */
static void show_other(struct shell *sh, struct got *g, const struct cmsghdr *c)
{
	char a[INET6_ADDRSTRLEN];
	size_t len = (size_t)(c->cmsg_len - CMSG_LEN(0));

	item(sh, g);
	if (icmp_show_recverr(sh, c))
		return;
#ifdef SCM_CREDENTIALS
	if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS &&
	    len >= sizeof(struct ucred)) {
		struct ucred u;
		memcpy(&u, CMSG_DATA(c), sizeof u);
		trace_add(sh, "SCM_CREDENTIALS {pid=%ld, uid=%lu, gid=%lu}", (long)u.pid,
			  (unsigned long)u.uid, (unsigned long)u.gid);
		return;
	}
#endif
#ifdef IP_PKTINFO
	if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO &&
	    len >= sizeof(struct in_pktinfo)) {
		struct in_pktinfo p;
		memcpy(&p, CMSG_DATA(c), sizeof p);
		trace_add(sh, "IP_PKTINFO {dst=%s, ", inet_ntop(AF_INET, &p.ipi_addr, a, sizeof a));
		add_ifindex(sh, (unsigned)p.ipi_ifindex);
		trace_adds(sh, "}");
		return;
	}
#endif
#ifdef IPV6_PKTINFO
	if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO &&
	    len >= sizeof(struct in6_pktinfo)) {
		struct in6_pktinfo p;
		memcpy(&p, CMSG_DATA(c), sizeof p);
		trace_add(sh, "IPV6_PKTINFO {dst=%s, ",
			  inet_ntop(AF_INET6, &p.ipi6_addr, a, sizeof a));
		add_ifindex(sh, p.ipi6_ifindex);
		trace_adds(sh, "}");
		return;
	}
#endif
	/* One cut short by MSG_CTRUNC, or another kind. */
	const char *name = cmsg_name(c->cmsg_level, c->cmsg_type);
	if (name != NULL)
		trace_add(sh, "%s (cut to %zu bytes)", name, len);
	else
		trace_add(sh, "{level=%d, type=%d, %zu bytes}", c->cmsg_level, c->cmsg_type, len);
}

/* Every control message of msg on the trace line, as one list. */
static void show_control(struct shell *sh, struct got *g, struct msghdr *msg)
{
	for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c != NULL; c = CMSG_NXTHDR(msg, c)) {
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
			show_rights(sh, g, c);
		else
			show_other(sh, g, c);
	}
	if (g->items)
		trace_adds(sh, "]");
}

/* The flags of the result that cut something: the data (MSG_TRUNC, with
 * the datagram's real length when the kernel gave it) or the control
 * data (MSG_CTRUNC).  Either makes "expect truncated" true. */
static void show_cut(struct shell *sh, const struct msghdr *msg, ssize_t real, size_t n)
{
	if ((msg->msg_flags & MSG_TRUNC) || real > (ssize_t)n) {
		sh->last.truncated = 1;
		if (real > (ssize_t)n)
			trace_add(sh, " %s[truncated: the datagram had %zd bytes]%s",
				  out_color(sh, "1;33"), real, out_reset(sh));
		else
			trace_add(sh, " %s[truncated: MSG_TRUNC]%s", out_color(sh, "1;33"),
				  out_reset(sh));
	}
	if (msg->msg_flags & MSG_CTRUNC) {
		sh->last.truncated = 1;
		trace_add(sh, " %s[control data truncated: MSG_CTRUNC]%s", out_color(sh, "1;33"),
			  out_reset(sh));
	}
}

/* What "status" calls a family and a type, for the line about a new
 * handle. */
static const char *name_or(const struct kw_entry *tab, int v)
{
	const char *s = kw_name(tab, v);
	return s ? s : "?";
}

/* What kind of file fd is, for the line that refuses it. */
static const char *file_kind(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return _("a descriptor");
	if (S_ISREG(st.st_mode))
		return _("a regular file");
	if (S_ISDIR(st.st_mode))
		return _("a directory");
	if (S_ISFIFO(st.st_mode))
		return _("a pipe");
	if (S_ISCHR(st.st_mode))
		return _("a character device");
	return _("a file");
}

/*
 * Make each received descriptor a handle of the shell, with the family,
 * type and protocol the kernel reports for it; one that is no socket is
 * closed, with a line that says so.  The receiving handle stays current.
 */
static void adopt_fds(struct shell *sh, int current, const struct got *g)
{
	for (int k = 0; k < g->nfds; k++) {
		int fd = g->fds[k], v[3] = { 0, 0, 0 };
		socklen_t len = sizeof v[0];
		int ok = getsockopt(fd, SOL_SOCKET, SO_TYPE, &v[1], &len) == 0;
#ifdef SO_DOMAIN
		len = sizeof v[0];
		ok = ok && getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &v[0], &len) == 0;
#endif
#ifdef SO_PROTOCOL
		len = sizeof v[2];
		if (ok && getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &v[2], &len) < 0)
			v[2] = 0;
#endif
		if (!ok) {
			const char *kind = file_kind(fd);
			close(fd);
			out_line(sh, _("note: descriptor %d received is %s, not a socket: closed it (a "
				 "handle is a socket)"), fd, kind);
			continue;
		}
		handle_add(sh, fd, v[0], v[1], v[2]);
		out_line(sh, _("note: the descriptor received is handle %d (%s %s): write %d before a "
			 "command to use it"), fd, name_or(kw_families, v[0]), name_or(kw_types, v[1]),
			 fd);
	}
	if (g->nfds > 0)
		handle_use(sh, current);
}

/*
 * recvmsg's arguments: N, "control BYTES" (the room offered for the
 * control data), then flags.  Returns 0, or -1 after an error.
 */
static int recvmsg_args(struct shell *sh, int argc, struct word *argv, unsigned long *n,
			unsigned long *room, int *given, int *flags)
{
	int i = 2;

	*room = MSG_CONTROL_DEFAULT;
	*given = 0;
	if (args_count(sh, &argv[1], SHELL_MAX_COUNT, n) < 0)
		return -1;
	if (i < argc && word_is(&argv[i], "control")) {
		if (i + 1 >= argc) {
			out_error(sh, &argv[i], _("control must be followed by a size in bytes"));
			return -1;
		}
		if (args_count(sh, &argv[i + 1], MSG_CONTROL_MAX, room) < 0)
			return -1;
		*given = 1;
		i += 2;
	}
	return args_flags(sh, argc, argv, i, flags);
}

/* The start of the line: "recvmsg(4, 16, 0)", or with the control room
 * asked "recvmsg(4, {16, control 0}, 0)". */
static void recvmsg_trace(struct shell *sh, int fd, unsigned long n, unsigned long room,
			  int given, int flags)
{
	trace_begin(sh, "recvmsg");
	trace_adds(sh, "(");
	trace_add_int(sh, fd);
	trace_adds(sh, given ? ", {" : ", ");
	trace_add_int(sh, (long long)n);
	if (given) {
		trace_adds(sh, ", control ");
		trace_add_int(sh, (long long)room);
		trace_adds(sh, "}");
	}
	trace_adds(sh, ", ");
	kw_add_flags(&sh->line, kw_msgflags, flags);
	trace_adds(sh, ")");
}

/* Show the bytes recvmsg returned (rc >= 0) as recv shows them: on a
 * stream, trunc threw them away (Linux), so only the count is shown. */
static void show_bytes(struct shell *sh, const struct handle *h, ssize_t rc, size_t n,
		       int flags)
{
	sh->last.has_data = 1;
	if (h->type == SOCK_STREAM && (flags & MSG_TRUNC) && rc > 0) {
		sh->last.data.len = 0;
		trace_adds(sh, " (discarded: MSG_TRUNC)");
		return;
	}
	if (rc == 0) {
		int dgram = h->type != SOCK_STREAM && h->type != SOCK_SEQPACKET;
		sh->last.data.len = 0;
		sh->last.eof = !dgram;
		trace_adds(sh, dgram ? " (empty datagram)" : " (EOF)");
		return;
	}
	trace_received(sh, sh->last.data.buf, (size_t)rc > n ? n : (size_t)rc);
}

/* After a recvmsg that returned rc (real: the datagram's length): the
 * bytes, the sender (kept as @from), the control messages (their
 * descriptors into g) and what was cut. */
static void show_message(struct shell *sh, const struct handle *h, struct msghdr *msg,
			 ssize_t rc, ssize_t real, size_t n, int flags, struct got *g)
{
	const struct sockaddr_storage *from = msg->msg_name;

	show_bytes(sh, h, rc, n, flags);
	if (msg->msg_namelen > 0 && from->ss_family != AF_UNSPEC) {
		trace_adds(sh, " from ");
		trace_addr(sh, msg->msg_name, msg->msg_namelen);
		memcpy(&sh->from, from, msg->msg_namelen);
		sh->fromlen = msg->msg_namelen;
	}
	if (msg->msg_controllen > 0)
		show_control(sh, g, msg);
	show_cut(sh, msg, real, n);
}

int cmd_recvmsg(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	unsigned long n, room;
	int given, flags, kflags, fd = sh->current;
	struct sockaddr_storage from;
	static struct got g;

	if (recvmsg_args(sh, argc, argv, &n, &room, &given, &flags) < 0)
		return CMD_ERROR;
	int ready = handle_known_ready(sh, h, flags, n);
	if (!ready && handle_would_deadlock(sh, fd, h, flags, n, "recvmsg"))
		return CMD_ERROR;
	recvmsg_trace(sh, fd, n, room, given, flags);
	if (!ready)
		out_before_block(sh);
	sb_grow(&sh->last.data, n);
	char *ctl = room ? xmalloc(room) : NULL;
	struct iovec iov = { sh->last.data.buf, n };
	struct msghdr msg;
	memset(&msg, 0, sizeof msg);
	memset(&from, 0, sizeof from);
	msg.msg_name = &from;
	msg.msg_namelen = sizeof from;
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = ctl;
	msg.msg_controllen = room;
	kflags = flags;
#if defined(__linux__) && defined(MSG_TRUNC)
	if (h->type == SOCK_DGRAM || h->type == SOCK_RAW || h->type == SOCK_SEQPACKET)
		kflags |= MSG_TRUNC;  /* the kernel returns the datagram's real length */
#endif
	ssize_t real = recvmsg(fd, &msg, kflags);
	int err = real < 0 ? errno : 0;
	ssize_t rc = real > (ssize_t)n && !(flags & MSG_TRUNC) ? (ssize_t)n : real;
	handle_note_received(sh, h, rc, flags);
	trace_outcome(sh, h, rc, err, flags);
	g.nfds = g.items = 0;
	if (rc >= 0)
		show_message(sh, h, &msg, rc, real, n, flags, &g);
	trace_close(sh);
	free(ctl);
	adopt_fds(sh, fd, &g);
	return CMD_OK;
}
