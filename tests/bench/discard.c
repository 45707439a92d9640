/*
 * discard.c - the benchmark's bulk sink: a TCP server on 127.0.0.1 that
 * reads every connection to EOF and throws the bytes away.
 *
 *     discard PORTFILE LOGFILE IDLE_SECONDS
 *
 * Binds 127.0.0.1 port 0, writes the port the kernel chose to PORTFILE,
 * then serves one connection after another, appending the byte count of
 * each to LOGFILE (so the benchmark can check that every byte arrived).
 * It reads as cheaply as it can, so that the sender sets the pace.
 * It exits when no connection arrives for IDLE_SECONDS, and drops a
 * connection that stays silent that long: it never waits without a bound.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define BUFSIZE (1 << 20)

/* Wait until fd is readable; 0 after idle_ms without an event. */
static int wait_readable(int fd, int idle_ms)
{
	struct pollfd p = { fd, POLLIN, 0 };
	int r;

	do
		r = poll(&p, 1, idle_ms);
	while (r < 0 && errno == EINTR);
	return r > 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	static char buf[BUFSIZE];

	if (argc != 4) {
		fputs("usage: discard PORTFILE LOGFILE IDLE_SECONDS\n", stderr);
		return 2;
	}
	int idle_ms = atoi(argv[3]) * 1000, trunc_ok = 1;
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = 0;
	if (ls < 0 || bind(ls, (struct sockaddr *)&sin, sizeof sin) < 0 || listen(ls, 16) < 0 ||
	    getsockname(ls, (struct sockaddr *)&sin, &len) < 0) {
		perror("discard: listen");
		return 1;
	}
	FILE *pf = fopen(argv[1], "w");
	if (pf == NULL || fprintf(pf, "%d\n", ntohs(sin.sin_port)) < 0 || fclose(pf) != 0) {
		perror(argv[1]);
		return 1;
	}
	while (wait_readable(ls, idle_ms)) {
		int c = accept(ls, NULL, NULL);
		if (c < 0)
			continue;
		long long total = 0;
		struct timeval tv = { idle_ms / 1000, 0 };
		/* A time-out on the socket, not a poll per read: the sink
		 * must cost as little as it can. */
		setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
		/* On Linux, MSG_TRUNC on a TCP socket drops the bytes in the
		 * kernel without copying them out: the sink is then not what
		 * limits the transfer, the sender is, and the benchmark
		 * compares senders.  Elsewhere an error, and a plain recv. */
		int flags = trunc_ok ? MSG_TRUNC : 0;
		for (;;) {
			ssize_t n = recv(c, buf, sizeof buf, flags);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0 && flags != 0 && errno == EINVAL) {
				flags = trunc_ok = 0;
				continue;
			}
			if (n <= 0)
				break;
			total += n;
		}
		close(c);
		FILE *lf = fopen(argv[2], "a");
		if (lf != NULL) {
			fprintf(lf, "%lld\n", total);
			fclose(lf);
		}
	}
	close(ls);
	return 0;
}
