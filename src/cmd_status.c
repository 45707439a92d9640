/*
 * cmd_status.c - status, the teaching view: one row per handle with what
 * the kernel knows about it (TCP state, queued bytes), gathered without
 * changing anything (a pending error is seen through poll, never read and
 * cleared).
 */
#include <config.h>

#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#ifdef HAVE_NETINET_TCP_H
#include <netinet/tcp.h>
#endif
#ifdef HAVE_LINUX_SOCKIOS_H
#include <linux/sockios.h>
#endif
#if defined(HAVE_LINUX_NETLINK_H) && defined(HAVE_LINUX_INET_DIAG_H) && \
	defined(HAVE_LINUX_SOCK_DIAG_H)
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/inet_diag.h>
#endif

#include "addr.h"
#include "cmds.h"
#include "handle.h"
#include "i18n.h"
#include "keywords.h"
#include "output.h"
#include "shell.h"
#include "strbuf.h"
#include "tcpinfo.h"

enum { COL_FD, COL_FAMILY, COL_TYPE, COL_LOCAL, COL_REMOTE, COL_STATE, COL_RECVQ,
       COL_SENDQ, COL_FLAGS, NCOLS };

/* TRANSLATORS: the column headings of "status"; ASCII keeps the columns
   lined up. */
static const char *const headings[NCOLS] = {
	N_("FD"), N_("FAMILY"), N_("TYPE"), N_("LOCAL"), N_("REMOTE"), N_("STATE"), N_("RECVQ"),
	N_("SENDQ"), N_("FLAGS")
};

#if defined(HAVE_STRUCT_TCP_INFO_TCPI_STATE) && defined(__linux__)
/*
 * Linux hands a connection that enters TIME_WAIT to a separate, smaller
 * socket and marks the one the descriptor holds CLOSED, as it marks a
 * connection that was reset.  What a student expects to see is TIME_WAIT,
 * which is what ss(8) shows.  So status notes each CLOSED socket whose two
 * ends are known, and once all rows are made asks the kernel about those
 * connections, by both ends: through NETLINK_SOCK_DIAG, a lookup of each
 * connection (in batches, so the cost follows the handles, not the size
 * of the machine's TCP table), or where netlink is not there by reading
 * /proc/net/tcp (tcp6) once per family.
 */

/* Both ends of a connection, as bytes that compare with memcmp: local
 * address and port, remote address and port (network order; an IPv4
 * address fills the first 4 of its 16 bytes). */
struct conn_key {
	unsigned char b[2 * (16 + 2)];
};
#define KEY_ADDR(k, end) ((k)->b + (end) * (16 + 2))
#define KEY_PORT(k, end) ((k)->b + (end) * (16 + 2) + 16)

/* A CLOSED socket to look up: its connection, and its STATE cell. */
struct tw_ask {
	struct conn_key key;
	int family;
	int tw;                 /* 1 TIME_WAIT, 0 not, -1 not known yet */
	struct strbuf *state;
};

/* What one status run collects. */
struct status_run {
	size_t n, cap;
	struct tw_ask *ask;
};

/* Set end (0 local, 1 remote) of key from a socket address; 0 when it has
 * no port (a socket not bound, or no peer): then it is no connection. */
static int key_set(struct conn_key *key, int end, const struct sockaddr_storage *ss)
{
	memset(KEY_ADDR(key, end), 0, 16 + 2);
	if (ss->ss_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
		memcpy(KEY_ADDR(key, end), &in->sin_addr, 4);
		memcpy(KEY_PORT(key, end), &in->sin_port, 2);
		return in->sin_port != 0;
	}
	if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)ss;
		memcpy(KEY_ADDR(key, end), &in6->sin6_addr, 16);
		memcpy(KEY_PORT(key, end), &in6->sin6_port, 2);
		return in6->sin6_port != 0;
	}
	return 0;
}

/* Note that the CLOSED socket fd, of family, is to be looked up and its
 * STATE cell filled then; 0 (nothing noted) when it was never connected.
 * The remote end comes from SO_PEERNAME, which Linux answers even after
 * the connection ended (getpeername says ENOTCONN then). */
static int tw_note(struct status_run *run, int fd, int family, struct strbuf *state)
{
	struct sockaddr_storage mine, theirs;
	socklen_t len = sizeof mine;
	struct conn_key key = { 0 };

	if (getsockname(fd, (struct sockaddr *)&mine, &len) < 0 || !key_set(&key, 0, &mine))
		return 0;
	memset(&theirs, 0, sizeof theirs);
	/* SO_PEERNAME wants no more room than the family's address takes. */
	len = family == AF_INET ? sizeof(struct sockaddr_in) : sizeof(struct sockaddr_in6);
	if (getsockopt(fd, SOL_SOCKET, SO_PEERNAME, &theirs, &len) < 0 ||
	    !key_set(&key, 1, &theirs))
		return 0;
	if (run->n == run->cap) {
		run->cap = run->cap ? 2 * run->cap : 16;
		run->ask = xrealloc(run->ask, run->cap * sizeof *run->ask);
	}
	run->ask[run->n].key = key;
	run->ask[run->n].family = family;
	run->ask[run->n].tw = -1;
	run->ask[run->n].state = state;
	run->n++;
	return 1;
}

#if defined(HAVE_LINUX_NETLINK_H) && defined(HAVE_LINUX_INET_DIAG_H) && \
	defined(HAVE_LINUX_SOCK_DIAG_H)
enum { DIAG_BATCH = 64 };  /* lookups per message to the kernel */

/* One lookup: a request for the TCP socket with a's two ends. */
struct diag_request {
	struct nlmsghdr nh;
	struct inet_diag_req_v2 req;
};

/* Fill r, number seq, to look up a's connection. */
static void diag_request(struct diag_request *r, const struct tw_ask *a, unsigned seq)
{
	size_t alen = a->family == AF_INET ? 4 : 16;

	memset(r, 0, sizeof *r);
	r->nh.nlmsg_len = sizeof *r;
	r->nh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	r->nh.nlmsg_flags = NLM_F_REQUEST;
	r->nh.nlmsg_seq = seq;
	r->req.sdiag_family = (unsigned char)a->family;
	r->req.sdiag_protocol = IPPROTO_TCP;
	r->req.idiag_states = ~0u;
	memcpy(r->req.id.idiag_src, KEY_ADDR(&a->key, 0), alen);
	memcpy(&r->req.id.idiag_sport, KEY_PORT(&a->key, 0), 2);
	memcpy(r->req.id.idiag_dst, KEY_ADDR(&a->key, 1), alen);
	memcpy(&r->req.id.idiag_dport, KEY_PORT(&a->key, 1), 2);
	r->req.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
	r->req.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
}

/* Take the answers in len bytes at buf to the batch of k lookups at a
 * (numbered 1..k); the number answered, or -1 on an error that is not
 * "no such connection" (ENOENT). */
static int diag_answers(struct tw_ask *a, size_t k, const void *buf, size_t len)
{
	unsigned int left = (unsigned int)len;
	int answered = 0;

	for (const struct nlmsghdr *h = buf; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
		if (h->nlmsg_seq < 1 || h->nlmsg_seq > k)
			continue;
		struct tw_ask *one = &a[h->nlmsg_seq - 1];
		if (h->nlmsg_type == NLMSG_ERROR) {
			const struct nlmsgerr *e = NLMSG_DATA(h);
			if (h->nlmsg_len < NLMSG_LENGTH(sizeof *e) || e->error != -ENOENT)
				return -1;
			one->tw = 0;
		} else if (h->nlmsg_type == SOCK_DIAG_BY_FAMILY) {
			const struct inet_diag_msg *m = NLMSG_DATA(h);
			if (h->nlmsg_len < NLMSG_LENGTH(sizeof *m))
				return -1;
			one->tw = m->idiag_state == TCP_TIME_WAIT;
		} else {
			continue;
		}
		answered++;
	}
	return answered;
}

/* Look up the k (at most DIAG_BATCH) connections at a over the netlink
 * socket nl, in one message; 0 when all are answered, else -1. */
static int diag_batch(int nl, struct tw_ask *a, size_t k)
{
	struct diag_request req[DIAG_BATCH];
	struct sockaddr_nl kernel;
	long buf[16384 / sizeof(long)];  /* aligned for struct nlmsghdr */
	size_t answered = 0;

	for (size_t i = 0; i < k; i++)
		diag_request(&req[i], &a[i], (unsigned)i + 1);
	memset(&kernel, 0, sizeof kernel);
	kernel.nl_family = AF_NETLINK;
	if (sendto(nl, req, k * sizeof req[0], 0, (struct sockaddr *)&kernel, sizeof kernel) !=
	    (ssize_t)(k * sizeof req[0]))
		return -1;
	while (answered < k) {
		ssize_t got = recv(nl, buf, sizeof buf, 0);
		if (got < 0 && errno == EINTR)
			continue;
		int n = got > 0 ? diag_answers(a, k, buf, (size_t)got) : -1;
		if (n < 0)
			return -1;
		answered += (size_t)n;
	}
	return 0;
}

/* Look up every noted connection through NETLINK_SOCK_DIAG; 0 on success,
 * -1 when netlink cannot say (what it did answer is kept). */
static int tw_ask_diag(struct status_run *run)
{
	struct timeval tv = { 2, 0 };  /* the kernel answers at once; bound it */
	int nl, r = 0;

	nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (nl < 0)
		return -1;
	setsockopt(nl, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
	for (size_t i = 0; i < run->n && r == 0; i += DIAG_BATCH) {
		size_t k = run->n - i < DIAG_BATCH ? run->n - i : DIAG_BATCH;
		r = diag_batch(nl, &run->ask[i], k);
	}
	close(nl);
	return r;
}
#else
static int tw_ask_diag(struct status_run *run)
{
	(void)run;
	return -1;
}
#endif

/* Parse "0100007F:1F90" (/proc/net/tcp's address: each 32-bit word as the
 * machine holds it, in hex, then the port) into end of key; 0 on success. */
static int key_from_proc(struct conn_key *key, int end, const char *text, size_t words)
{
	static const char xdigits[] = "0123456789abcdefABCDEF";
	uint32_t w[4] = { 0, 0, 0, 0 };
	char hex[9];

	for (size_t i = 0; i < words; i++, text += 8) {
		if (strspn(text, xdigits) < 8)
			return -1;
		memcpy(hex, text, 8);
		hex[8] = '\0';
		w[i] = (uint32_t)strtoul(hex, NULL, 16);
	}
	if (*text != ':' || strspn(text + 1, xdigits) != 4)
		return -1;
	uint16_t port = htons((uint16_t)strtoul(text + 1, NULL, 16));
	memset(KEY_ADDR(key, end), 0, 16);
	memcpy(KEY_ADDR(key, end), w, 4 * words);
	memcpy(KEY_PORT(key, end), &port, 2);
	return 0;
}

/* Order conn_keys for qsort and bsearch. */
static int key_cmp(const void *a, const void *b)
{
	return memcmp(a, b, sizeof(struct conn_key));
}

/* Read /proc/net/tcp or tcp6 once: its TIME_WAIT connections (state 06),
 * sorted, into *keys; their number. */
static size_t proc_time_wait(int family, struct conn_key **keys)
{
	char line[512], local[64], remote[64];
	size_t words = family == AF_INET ? 1 : 4, n = 0, cap = 0;
	unsigned st;
	FILE *fp = fopen(family == AF_INET ? "/proc/net/tcp" : "/proc/net/tcp6", "re");

	*keys = NULL;
	if (fp == NULL)
		return 0;
	while (fgets(line, sizeof line, fp) != NULL) {
		struct conn_key key;
		if (sscanf(line, " %*s %63s %63s %x", local, remote, &st) != 3 ||
		    st != TCP_TIME_WAIT || key_from_proc(&key, 0, local, words) < 0 ||
		    key_from_proc(&key, 1, remote, words) < 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			*keys = xrealloc(*keys, cap * sizeof **keys);
		}
		(*keys)[n++] = key;
	}
	fclose(fp);
	if (n > 1)
		qsort(*keys, n, sizeof **keys, key_cmp);
	return n;
}

/* Answer the connections netlink did not, from /proc: each family's table
 * read once, and only when a connection of that family asks. */
static void tw_ask_proc(struct status_run *run)
{
	static const int families[] = { AF_INET, AF_INET6 };

	for (size_t f = 0; f < 2; f++) {
		struct conn_key *keys = NULL;
		size_t n = 0;
		int loaded = 0;
		for (size_t i = 0; i < run->n; i++) {
			struct tw_ask *a = &run->ask[i];
			if (a->tw >= 0 || a->family != families[f])
				continue;
			if (!loaded) {
				n = proc_time_wait(families[f], &keys);
				loaded = 1;
			}
			a->tw = n > 0 && bsearch(&a->key, keys, n, sizeof *keys, key_cmp) != NULL;
		}
		free(keys);
	}
}

/* Fill the STATE cell of each noted socket: TIME_WAIT or CLOSED; free what
 * run holds. */
static void status_run_finish(struct status_run *run)
{
	if (run->n > 0 && tw_ask_diag(run) < 0)
		tw_ask_proc(run);
	for (size_t i = 0; i < run->n; i++)
		sb_adds(run->ask[i].state, run->ask[i].tw > 0 ? "TIME_WAIT" : "CLOSED");
	free(run->ask);
	run->ask = NULL;
	run->n = run->cap = 0;
}

/* The name of Linux's TCP state s (tcpi_state), as ss(8) writes it. */
static const char *tcp_state_name(int s)
{
	static const char *const names[] = {
		"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
		"TIME_WAIT", "CLOSED", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING",
		"NEW_SYN_RECV"
	};
	return s >= 0 && s < (int)(sizeof names / sizeof names[0]) ? names[s] : "?";
}
#else
struct status_run {
	int none;
};

static void status_run_finish(struct status_run *run)
{
	(void)run;
}
#endif

/* The lesson's word for a constant: "inet6", "dgram". */
static const char *word_for(const struct kw_entry *tab, int value)
{
	for (const struct kw_entry *nv = tab; nv->name != NULL; nv++)
		if (nv->value == value)
			return nv->name;
	return "?";
}

/* The TCP state and, for a listener, its accept queue. */
static void tcp_state(struct status_run *run, int fd, const struct handle *h,
		      struct strbuf *state, struct strbuf *flags)
{
	if (h->type != SOCK_STREAM || (h->family != AF_INET && h->family != AF_INET6)) {
		sb_addc(state, '-');
		return;
	}
#if defined(HAVE_STRUCT_TCP_INFO_TCPI_STATE) && defined(__linux__)
	/* tcpi_state numbers the states as Linux does (FreeBSD's differ). */
	struct tcp_info ti;
	socklen_t len = sizeof ti;
	memset(&ti, 0, sizeof ti);
	if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0) {
		/* A CLOSED connection may be in TIME_WAIT: its cell waits. */
		if (ti.tcpi_state == TCP_CLOSE && tw_note(run, fd, h->family, state))
			return;
		sb_adds(state, tcp_state_name(ti.tcpi_state));
#ifdef HAVE_STRUCT_TCP_INFO_TCPI_UNACKED
		if (ti.tcpi_state == 10 /* TCP_LISTEN */)
			sb_printf(flags, "%saccept-queue=%u/%u", flags->len ? "," : "",
				  ti.tcpi_unacked, ti.tcpi_sacked);
#endif
		return;
	}
#else
	(void)run;
	(void)fd;
	(void)flags;
#endif
	sb_addc(state, '?');
}

/* Bytes waiting to be read, and not yet sent/acknowledged. */
static void queues(int fd, struct strbuf *rq, struct strbuf *sq)
{
	int n = 0;

	if (ioctl(fd, FIONREAD, &n) == 0)
		sb_printf(rq, "%d", n);
	else
		sb_addc(rq, '-');
#if defined(HAVE_DECL_SIOCOUTQ) && HAVE_DECL_SIOCOUTQ
	if (ioctl(fd, SIOCOUTQ, &n) == 0)
		sb_printf(sq, "%d", n);
	else
		sb_addc(sq, '-');
#else
	sb_addc(sq, '-');
#endif
}

/* Append fd's own address (peer 0) or its peer's, or "-" when none. */
static void name_of(int fd, int peer, struct strbuf *sb)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	memset(&ss, 0, sizeof ss);
	if ((peer ? getpeername : getsockname)(fd, (struct sockaddr *)&ss, &len) < 0) {
		sb_addc(sb, '-');
		return;
	}
	addr_format(sb, (struct sockaddr *)&ss, len);
}

/* Append the flags of handle fd (comma-separated), or "-" when none. */
static void row_flags(int fd, const struct handle *h, struct strbuf *flags)
{
	struct pollfd p = { fd, POLLIN, 0 };
#ifdef POLLRDHUP
	p.events |= POLLRDHUP;
#endif
	if (h->nonblock)
		sb_printf(flags, "%snonblock", flags->len ? "," : "");
	if (h->peer >= 0)
		sb_printf(flags, "%speer=%d", flags->len ? "," : "", h->peer);
	if (poll(&p, 1, 0) > 0) {
		if (p.revents & POLLERR)
			sb_printf(flags, "%serror-pending", flags->len ? "," : "");
#ifdef POLLRDHUP
		if ((p.revents & POLLRDHUP) && h->type != SOCK_DGRAM)
			sb_printf(flags, "%speer-closed", flags->len ? "," : "");
#endif
	}
	if (flags->len == 0)
		sb_addc(flags, '-');
}

/* Append s left-aligned in width columns and the gap after it (none after
 * the last column): what "%-*s  " prints, without a printf per cell. */
static void add_cell(struct strbuf *line, const char *s, size_t width, int last)
{
	size_t n = strlen(s);

	sb_add(line, s, n);
	if (last)
		return;
	for (; n < width + 2; n++)
		sb_addc(line, ' ');
}

/* Fill row, the cells of handle fd (its STATE perhaps later, by run). */
static void fill_row(struct status_run *run, int fd, const struct handle *h, struct strbuf *row)
{
	sb_printf(&row[COL_FD], "%d", fd);
	sb_adds(&row[COL_FAMILY], word_for(kw_families, h->family));
	sb_adds(&row[COL_TYPE], word_for(kw_types, h->type));
	name_of(fd, 0, &row[COL_LOCAL]);
	name_of(fd, 1, &row[COL_REMOTE]);
	tcp_state(run, fd, h, &row[COL_STATE], &row[COL_FLAGS]);
	queues(fd, &row[COL_RECVQ], &row[COL_SENDQ]);
	row_flags(fd, h, &row[COL_FLAGS]);
	if (h->host != NULL) {  /* made on a host of the lab */
		if (strcmp(row[COL_FLAGS].buf, "-") == 0)
			sb_reset(&row[COL_FLAGS]);
		sb_printf(&row[COL_FLAGS], "%shost=%s", row[COL_FLAGS].len ? "," : "", h->host);
	}
}

/* Is h a TCP socket (an inet or inet6 stream, not SCTP)? */
static int is_tcp(const struct handle *h)
{
	return h->type == SOCK_STREAM && (h->family == AF_INET || h->family == AF_INET6) &&
	       (h->protocol == 0 || h->protocol == IPPROTO_TCP);
}

/* Print the heading and the r rows of cells (handles fds), each column as
 * wide as its widest cell; under a row whose info is not empty, that line
 * indented (status -v). */
static void print_rows(struct shell *sh, const struct strbuf *cells, const int *fds, int r,
		       const struct strbuf *info)
{
	size_t width[NCOLS];
	struct strbuf line = STRBUF_INIT;

	for (int c = 0; c < NCOLS; c++) {
		width[c] = strlen(_(headings[c]));
		for (int i = 0; i < r; i++)
			if (cells[i * NCOLS + c].len > width[c])
				width[c] = cells[i * NCOLS + c].len;
	}
	sb_adds(&line, "  ");
	for (int c = 0; c < NCOLS; c++)
		add_cell(&line, _(headings[c]), width[c], c == NCOLS - 1);
	out_line(sh, "%s", line.buf);
	for (int i = 0; i < r; i++) {
		sb_reset(&line);
		sb_adds(&line, fds[i] == sh->current ? "* " : "  ");
		for (int c = 0; c < NCOLS; c++)
			add_cell(&line, cells[i * NCOLS + c].buf, width[c], c == NCOLS - 1);
		out_line(sh, "%s", line.buf);
		if (info != NULL && info[i].len > 0)
			out_line(sh, "    %s", info[i].buf);
	}
	sb_free(&line);
}

/* Read status's arguments: none, or -v (*verbose set).  0, or -1 after
 * saying what was wrong. */
static int status_args(struct shell *sh, int argc, struct word *argv, int *verbose)
{
	*verbose = 0;
	if (argc < 2)
		return 0;
	if (strcmp(argv[1].s, "-v") == 0) {
		*verbose = 1;
		return 0;
	}
	out_error(sh, &argv[1], _("status: unknown option '%.40s' (status, or status -v)"), argv[1].s);
	return -1;
}

/* status [-v]: one row per open handle, changing nothing; with -v a
 * tcp_info line under each TCP handle. */
int cmd_status(struct shell *sh, int argc, struct word *argv)
{
	int n = handle_count(sh), r = 0, verbose;
	struct status_run run;

	if (status_args(sh, argc, argv, &verbose) < 0)
		return CMD_ERROR;
	if (n == 0) {
		out_line(sh, _("no open handles"));
		return CMD_OK;
	}
	struct strbuf *cells = xmalloc(sizeof *cells * (size_t)(n * NCOLS));
	struct strbuf *info = xmalloc(sizeof *info * (size_t)n);
	int *fds = xmalloc(sizeof *fds * (size_t)n);
	for (int i = 0; i < n * NCOLS; i++)
		sb_init(&cells[i]);
	memset(&run, 0, sizeof run);
	for (int fd = 0; fd < sh->nh; fd++) {
		if (!sh->h[fd].open)
			continue;
		fds[r] = fd;
		fill_row(&run, fd, &sh->h[fd], &cells[r * NCOLS]);
		sb_init(&info[r]);
		if (verbose && is_tcp(&sh->h[fd]))
			tcpinfo_line(fd, &info[r]);
		r++;
	}
	status_run_finish(&run);
	print_rows(sh, cells, fds, r, info);
	for (int i = 0; i < n * NCOLS; i++)
		sb_free(&cells[i]);
	for (int i = 0; i < r; i++)
		sb_free(&info[i]);
	free(cells);
	free(info);
	free(fds);
	return CMD_OK;
}

/* tcpinfo [N]: the tcp_info line of handle N (the current one without
 * N); an error for a handle that is no TCP socket or a kernel that says
 * no. */
int cmd_tcpinfo(struct shell *sh, int argc, struct word *argv)
{
	struct strbuf line = STRBUF_INIT;
	int fd = sh->current;

	if (argc > 1 && !handle_is_word(sh, &argv[1], &fd)) {
		out_error(sh, &argv[1], _("tcpinfo: there is no open handle '%.40s'"), argv[1].s);
		return CMD_ERROR;
	}
	if (argc < 2 && handle_current(sh) == NULL)
		return CMD_ERROR;
	if (!is_tcp(&sh->h[fd])) {
		out_error(sh, argc > 1 ? &argv[1] : &argv[0],
			  _("tcpinfo: handle %d is no TCP socket (TCP_INFO is TCP's)"), fd);
		return CMD_ERROR;
	}
	int r = tcpinfo_line(fd, &line);
	out_line(sh, "%s", line.buf);
	sb_free(&line);
	return r == 0 ? CMD_OK : CMD_ERROR;
}
