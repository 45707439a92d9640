/*
 * floor.c - the floor for sockshell's per-call cost: the same socket calls
 * as the benchmark's lessons, written straight in C, printing the same
 * trace lines as cheaply as C can.
 *
 *     floor COUNT
 *
 * makes a socketpair, then COUNT times sends 16 bytes on the first end and
 * receives them on the second, printing each call the way sockshell does:
 *
 *     socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0
 *     send(3, "0123456789abcdef", 16, 0) = 16
 *     recv(4, 16, 0) = 16 "0123456789abcdef"
 *
 * The lines are formatted by hand (no printf, no stdio: numbers converted
 * by a small loop, bytes escaped a run at a time) into a 64 KiB buffer
 * that is written with write(2) when it fills and at the end.  A pair
 * costs the two system calls it must make and a few hundred instructions:
 * no program that prints this trace can be much faster.  The benchmark
 * checks with cmp that the output is byte for byte sockshell's.
 *
 *     floor accept COUNT
 *
 * listens on 127.0.0.1 port 0, prints the address as sockshell's
 * getsockname does (and writes it out at once, so that a client can find
 * the port), then accepts COUNT connections, keeping each open, and prints
 * one "accept(3) = FD from ADDR" line for each: the floor for accept.
 *
 *     floor status ROUNDS
 *
 * builds the benchmark's scene of 1,000 handles (a listener, 333 TCP
 * connections with both ends, 333 UDP sockets), then ROUNDS times asks the
 * kernel what sockshell's status asks about each (getsockname,
 * getpeername, TCP_INFO, FIONREAD, SIOCOUTQ, a poll) and prints one row
 * per socket: the floor for "status".
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/sockios.h>
#endif

/* The trace buffer: 64 KiB, written with write(2) when full and at the
 * end. */
static char obuf[65536];
static size_t olen;

/* Write the buffer out; 0, or -1 after saying why. */
static int out_flush(void)
{
	size_t off = 0;

	while (off < olen) {
		ssize_t n = write(1, obuf + off, olen - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			perror("floor: write");
			return -1;
		}
		off += (size_t)n;
	}
	olen = 0;
	return 0;
}

/* Make room for n more bytes (n <= sizeof obuf); 0 or -1. */
static int out_room(size_t n)
{
	return olen + n <= sizeof obuf ? 0 : out_flush();
}

/* Append n bytes (the caller made room). */
static void out_mem(const char *p, size_t n)
{
	memcpy(obuf + olen, p, n);
	olen += n;
}

#define OUT_LIT(s) out_mem((s), sizeof (s) - 1)

/* Append v in decimal (the caller made room for 21 bytes). */
static void out_long(long v)
{
	char tmp[24], *e = tmp + sizeof tmp, *p = e;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	out_mem(p, (size_t)(e - p));
}

/* Append the bytes C-escaped in quotes, as sockshell shows them (the
 * caller made room for 4 * n + 2 bytes).  Runs of plain bytes are copied
 * in one go. */
static void out_quoted(const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	obuf[olen++] = '"';
	while (i < n) {
		size_t run = i;
		while (run < n && p[run] >= 0x20 && p[run] < 0x7f && p[run] != '"' && p[run] != '\\')
			run++;
		out_mem((const char *)p + i, run - i);
		if ((i = run) == n)
			break;
		unsigned char c = p[i++];
		char *o = obuf + olen;
		switch (c) {
		case '\n': OUT_LIT("\\n"); break;
		case '\r': OUT_LIT("\\r"); break;
		case '\t': OUT_LIT("\\t"); break;
		case '"': OUT_LIT("\\\""); break;
		case '\\': OUT_LIT("\\\\"); break;
		default:
			if (c == 0 && !(i < n && p[i] >= '0' && p[i] <= '9')) {
				OUT_LIT("\\0");
				break;
			}
			o[0] = '\\', o[1] = 'x', o[2] = hex[c >> 4], o[3] = hex[c & 15];
			olen += 4;
		}
	}
	obuf[olen++] = '"';
}

/* "a.b.c.d:port" of fd's own (peer 0) or peer's (peer 1) address, or "-". */
static const char *name_of(int fd, int peer, char *buf, size_t len)
{
	struct sockaddr_in sin;
	socklen_t sl = sizeof sin;
	char a[INET_ADDRSTRLEN];

	if ((peer ? getpeername : getsockname)(fd, (struct sockaddr *)&sin, &sl) < 0 ||
	    inet_ntop(AF_INET, &sin.sin_addr, a, sizeof a) == NULL)
		return "-";
	snprintf(buf, len, "%s:%u", a, ntohs(sin.sin_port));
	return buf;
}

static int status(long rounds)
{
	struct sockaddr_in sin;
	socklen_t sl = sizeof sin;
	static int fds[1000], types[1000];
	int ls = socket(AF_INET, SOCK_STREAM, 0), n = 0;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (ls < 0 || bind(ls, (struct sockaddr *)&sin, sizeof sin) < 0 || listen(ls, 4096) < 0 ||
	    getsockname(ls, (struct sockaddr *)&sin, &sl) < 0) {
		perror("listener");
		return 1;
	}
	types[n] = SOCK_STREAM;
	fds[n++] = ls;
	for (int i = 0; i < 333; i++) {
		int c = socket(AF_INET, SOCK_STREAM, 0);
		if (c < 0 || connect(c, (struct sockaddr *)&sin, sizeof sin) < 0 ||
		    (fds[n + 1] = accept(ls, NULL, NULL)) < 0) {
			perror("connection");
			return 1;
		}
		fds[n] = c;
		types[n] = types[n + 1] = SOCK_STREAM;
		n += 2;
	}
	for (int i = 0; i < 333; i++) {
		struct sockaddr_in u = sin;
		u.sin_port = 0;
		types[n] = SOCK_DGRAM;
		if ((fds[n++] = socket(AF_INET, SOCK_DGRAM, 0)) < 0 ||
		    bind(fds[n - 1], (struct sockaddr *)&u, sizeof u) < 0) {
			perror("udp");
			return 1;
		}
	}
	for (long r = 0; r < rounds; r++) {
		puts("  FD    FAMILY  TYPE    LOCAL            REMOTE           STATE        RECVQ  SENDQ  FLAGS");
		for (int k = 0; k < n; k++) {
			int fd = fds[k], type = types[k];
			char l[64], p[64];
			struct tcp_info ti;
			socklen_t tl = sizeof ti;
			int rq = 0, sq = 0;
			struct pollfd pf = { fd, POLLIN, 0 };
			const char *ln = name_of(fd, 0, l, sizeof l), *pn = name_of(fd, 1, p, sizeof p);
			int state = type == SOCK_STREAM &&
				getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &tl) == 0 ? ti.tcpi_state : -1;
			ioctl(fd, FIONREAD, &rq);
#ifdef SIOCOUTQ
			ioctl(fd, SIOCOUTQ, &sq);
#endif
			poll(&pf, 1, 0);
			printf("  %-4d  inet    %-6s  %-15s  %-15s  %-11d  %-5d  %-5d  %s\n", fd,
			       type == SOCK_STREAM ? "stream" : "dgram", ln, pn, state, rq, sq,
			       pf.revents & POLLERR ? "error-pending" : "-");
		}
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

/* Append "a.b.c.d:port" (the caller made room for 22 bytes). */
static void out_sin(const struct sockaddr_in *sin)
{
	char a[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &sin->sin_addr, a, sizeof a);
	out_mem(a, strlen(a));
	obuf[olen++] = ':';
	out_long(ntohs(sin->sin_port));
}

/* The accept floor: listen, show the port at once, accept count
 * connections and keep them; 0 or 1. */
static int accepts(long count)
{
	struct sockaddr_in sin;
	socklen_t sl = sizeof sin;
	int ls = socket(AF_INET, SOCK_STREAM, 0);

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (ls < 0 || bind(ls, (struct sockaddr *)&sin, sizeof sin) < 0 || listen(ls, 4096) < 0 ||
	    getsockname(ls, (struct sockaddr *)&sin, &sl) < 0) {
		perror("floor: listener");
		return 1;
	}
	OUT_LIT("getsockname(");
	out_long(ls);
	OUT_LIT(") = 0 ");
	out_sin(&sin);
	OUT_LIT("\n");
	if (out_flush() < 0)
		return 1;
	for (long i = 0; i < count; i++) {
		struct sockaddr_in peer;
		socklen_t pl = sizeof peer;
		int c = accept(ls, (struct sockaddr *)&peer, &pl);
		if (c < 0) {
			perror("floor: accept");
			return 1;
		}
		if (out_room(64) < 0)
			return 1;
		OUT_LIT("accept(");
		out_long(ls);
		OUT_LIT(") = ");
		out_long(c);
		OUT_LIT(" from ");
		out_sin(&peer);
		OUT_LIT("\n");
	}
	return out_flush() < 0;
}

/* The per-call floor: count send/recv pairs of 16 bytes on a socketpair,
 * each traced; 0 or 1. */
static int pairs(long count)
{
	static const char msg[] = "0123456789abcdef";
	unsigned char buf[16];
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {
		perror("floor: socketpair");
		return 1;
	}
	OUT_LIT("socketpair(AF_UNIX, SOCK_STREAM, 0, [");
	out_long(sv[0]);
	OUT_LIT(", ");
	out_long(sv[1]);
	OUT_LIT("]) = 0\n");
	for (long i = 0; i < count; i++) {
		ssize_t n = send(sv[0], msg, 16, 0);
		if (n < 0) {
			perror("floor: send");
			return 1;
		}
		/* Both lines: at most 2 * (30 + 2 * 21 + 4 * 16 + 2). */
		if (out_room(300) < 0)
			return 1;
		OUT_LIT("send(");
		out_long(sv[0]);
		OUT_LIT(", ");
		out_quoted((const unsigned char *)msg, 16);
		OUT_LIT(", 16, 0) = ");
		out_long((long)n);
		OUT_LIT("\n");
		n = recv(sv[1], buf, sizeof buf, 0);
		if (n < 0) {
			perror("floor: recv");
			return 1;
		}
		OUT_LIT("recv(");
		out_long(sv[1]);
		OUT_LIT(", 16, 0) = ");
		out_long((long)n);
		OUT_LIT(" ");
		out_quoted(buf, (size_t)n);
		OUT_LIT("\n");
	}
	close(sv[0]);
	close(sv[1]);
	return out_flush() < 0;
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "status") == 0)
		return status(atol(argv[2]));
	if (argc > 2 && strcmp(argv[1], "accept") == 0)
		return accepts(atol(argv[2]));
	return pairs(argc > 1 ? atol(argv[1]) : 100000);
}
