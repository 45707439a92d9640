/*
 * cmd_status.c - status, the teaching view: one row per handle with what
 * the kernel knows about it (TCP state, queued bytes), gathered without
 * changing anything (a pending error is seen through poll, never read and
 * cleared).
 */
#include <config.h>

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

#include "addr.h"
#include "cmds.h"
#include "handle.h"
#include "keywords.h"
#include "output.h"
#include "shell.h"
#include "strbuf.h"

enum { COL_FD, COL_FAMILY, COL_TYPE, COL_LOCAL, COL_REMOTE, COL_STATE, COL_RECVQ,
       COL_SENDQ, COL_FLAGS, NCOLS };

static const char *const headings[NCOLS] = {
	"FD", "FAMILY", "TYPE", "LOCAL", "REMOTE", "STATE", "RECVQ", "SENDQ", "FLAGS"
};

#if defined(HAVE_STRUCT_TCP_INFO_TCPI_STATE) && defined(__linux__)
/*
 * Linux hands a connection that enters TIME_WAIT to a separate, smaller
 * socket and marks the one the descriptor holds CLOSED.  What a student
 * expects to see is TIME_WAIT, which is what ss(8) shows: look for it in
 * /proc/net/tcp (or tcp6) under this socket's local address.
 */
static int in_time_wait(int fd, int family)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char want[64], line[512];
	int found = 0;

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return 0;
	if (family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;
		uint32_t a;
		memcpy(&a, &in->sin_addr, sizeof a);
		snprintf(want, sizeof want, "%08X:%04X", (unsigned)a, ntohs(in->sin_port));
	} else {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&ss;
		uint32_t w[4];
		memcpy(w, &in6->sin6_addr, sizeof w);
		snprintf(want, sizeof want, "%08X%08X%08X%08X:%04X", (unsigned)w[0], (unsigned)w[1],
			 (unsigned)w[2], (unsigned)w[3], ntohs(in6->sin6_port));
	}
	FILE *fp = fopen(family == AF_INET ? "/proc/net/tcp" : "/proc/net/tcp6", "re");
	if (fp == NULL)
		return 0;
	while (!found && fgets(line, sizeof line, fp) != NULL) {
		char local[64], remote[64];
		unsigned st;
		if (sscanf(line, " %*s %63s %63s %x", local, remote, &st) == 3)
			found = st == 6 /* TIME_WAIT */ && strcmp(local, want) == 0;
	}
	fclose(fp);
	return found;
}

static const char *tcp_state_name(int s)
{
	static const char *const names[] = {
		"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
		"TIME_WAIT", "CLOSED", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING",
		"NEW_SYN_RECV"
	};
	return s >= 0 && s < (int)(sizeof names / sizeof names[0]) ? names[s] : "?";
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
static void tcp_state(int fd, const struct handle *h, struct strbuf *state, struct strbuf *flags)
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
		if (ti.tcpi_state == 7 /* TCP_CLOSE */ && in_time_wait(fd, h->family)) {
			sb_adds(state, "TIME_WAIT");
			return;
		}
		sb_adds(state, tcp_state_name(ti.tcpi_state));
#ifdef HAVE_STRUCT_TCP_INFO_TCPI_UNACKED
		if (ti.tcpi_state == 10 /* TCP_LISTEN */)
			sb_printf(flags, "%saccept-queue=%u/%u", flags->len ? "," : "",
				  ti.tcpi_unacked, ti.tcpi_sacked);
#endif
		return;
	}
#else
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

int cmd_status(struct shell *sh, int argc, struct word *argv)
{
	int n = handle_count(sh), r = 0;
	size_t width[NCOLS];

	(void)argc;
	(void)argv;
	if (n == 0) {
		out_line(sh, "no open handles");
		return CMD_OK;
	}
	struct strbuf *cells = xmalloc(sizeof *cells * (size_t)(n * NCOLS));
	int *fds = xmalloc(sizeof *fds * (size_t)n);
	for (int i = 0; i < n * NCOLS; i++)
		sb_init(&cells[i]);
	for (int c = 0; c < NCOLS; c++)
		width[c] = strlen(headings[c]);
	for (int fd = 0; fd < sh->nh; fd++) {
		const struct handle *h = &sh->h[fd];
		if (!h->open)
			continue;
		struct strbuf *row = &cells[r * NCOLS];
		fds[r] = fd;
		sb_printf(&row[COL_FD], "%d", fd);
		sb_adds(&row[COL_FAMILY], word_for(kw_families, h->family));
		sb_adds(&row[COL_TYPE], word_for(kw_types, h->type));
		name_of(fd, 0, &row[COL_LOCAL]);
		name_of(fd, 1, &row[COL_REMOTE]);
		tcp_state(fd, h, &row[COL_STATE], &row[COL_FLAGS]);
		queues(fd, &row[COL_RECVQ], &row[COL_SENDQ]);
		row_flags(fd, h, &row[COL_FLAGS]);
		for (int c = 0; c < NCOLS; c++)
			if (row[c].len > width[c])
				width[c] = row[c].len;
		r++;
	}
	struct strbuf line = STRBUF_INIT;
	sb_adds(&line, "  ");
	for (int c = 0; c < NCOLS; c++)
		add_cell(&line, headings[c], width[c], c == NCOLS - 1);
	out_line(sh, "%s", line.buf);
	for (int i = 0; i < r; i++) {
		sb_reset(&line);
		sb_adds(&line, fds[i] == sh->current ? "* " : "  ");
		for (int c = 0; c < NCOLS; c++)
			add_cell(&line, cells[i * NCOLS + c].buf, width[c], c == NCOLS - 1);
		out_line(sh, "%s", line.buf);
	}
	sb_free(&line);
	for (int i = 0; i < n * NCOLS; i++)
		sb_free(&cells[i]);
	free(cells);
	free(fds);
	return CMD_OK;
}
