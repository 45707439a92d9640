/*
 * floor.c - the floor for sockshell's per-call cost: the same socket calls
 * as the benchmark's lesson, written straight in C, printing the same
 * trace lines with printf.
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
 * stdout keeps stdio's default buffering; nothing else is done, so no
 * program that prints this trace can be much faster.
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

/* The bytes C-escaped in quotes, as sockshell shows them. */
static void quoted(const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";

	putchar('"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		switch (c) {
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		case '"': fputs("\\\"", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		case '\0': fputs(i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '9' ? "\\x00" : "\\0", stdout); break;
		default:
			if (c < 0x20 || c >= 0x7f)
				printf("\\x%c%c", hex[c >> 4], hex[c & 15]);
			else
				putchar(c);
		}
	}
	putchar('"');
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

int main(int argc, char **argv)
{
	static const char msg[] = "0123456789abcdef";
	unsigned char buf[16];
	int sv[2];
	long count = argc > 1 ? atol(argv[1]) : 100000;

	if (argc > 2 && strcmp(argv[1], "status") == 0)
		return status(atol(argv[2]));
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {
		perror("socketpair");
		return 1;
	}
	printf("socketpair(AF_UNIX, SOCK_STREAM, 0, [%d, %d]) = 0\n", sv[0], sv[1]);
	for (long i = 0; i < count; i++) {
		ssize_t n = send(sv[0], msg, 16, 0);
		if (n < 0) {
			perror("send");
			return 1;
		}
		printf("send(%d, ", sv[0]);
		quoted((const unsigned char *)msg, 16);
		printf(", 16, 0) = %zd\n", n);
		n = recv(sv[1], buf, sizeof buf, 0);
		if (n < 0) {
			perror("recv");
			return 1;
		}
		printf("recv(%d, 16, 0) = %zd ", sv[1], n);
		quoted(buf, (size_t)n);
		putchar('\n');
	}
	close(sv[0]);
	close(sv[1]);
	return fflush(stdout) == 0 ? 0 : 1;
}
