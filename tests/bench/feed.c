/*
 * feed.c - the benchmark's bulk source: a TCP server on 127.0.0.1 that
 * sends each connection BYTES bytes, then closes it.
 *
 *     feed PORTFILE BYTES IDLE_SECONDS
 *
 * Binds 127.0.0.1 port 0, writes the port the kernel chose to PORTFILE,
 * then serves one connection after another: BYTES bytes of the letters
 * a to z over and over (what "send -n" sends, so a trace of them is plain
 * text), written from one buffer of about 1 MiB, then close.  It writes
 * as cheaply as it can, so that the reader sets the pace.  It exits when
 * no connection arrives for IDLE_SECONDS, and drops a connection that
 * takes nothing for that long: it never waits without a bound.
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

/* 40,329 times the alphabet: a little under 1 MiB, so that every write
 * starts at an 'a'. */
#define BUFSIZE (26 * 40329)

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

/* Send bytes bytes of buf's pattern on c, at most idle_s idle, then
 * close it.  After a short send the next one starts where the pattern
 * stopped (buf is periodic, so buf + off continues it). */
static void serve(int c, long long bytes, int idle_s, const char *buf)
{
	struct timeval tv = { idle_s, 0 };
	size_t off = 0;

	setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	while (bytes > 0) {
		size_t want = BUFSIZE - off;
		if ((long long)want > bytes)
			want = (size_t)bytes;
		ssize_t n = send(c, buf + off, want, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		bytes -= n;
		off = (off + (size_t)n) % 26;
	}
	close(c);
}

int main(int argc, char **argv)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof sin;
	static char buf[BUFSIZE];

	if (argc != 4) {
		fputs("usage: feed PORTFILE BYTES IDLE_SECONDS\n", stderr);
		return 2;
	}
	long long bytes = atoll(argv[2]);
	int idle_s = atoi(argv[3]);
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (char)('a' + i % 26);
	int ls = socket(AF_INET, SOCK_STREAM, 0);
	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (ls < 0 || bind(ls, (struct sockaddr *)&sin, sizeof sin) < 0 || listen(ls, 16) < 0 ||
	    getsockname(ls, (struct sockaddr *)&sin, &len) < 0) {
		perror("feed: listen");
		return 1;
	}
	FILE *pf = fopen(argv[1], "w");
	if (pf == NULL || fprintf(pf, "%d\n", ntohs(sin.sin_port)) < 0 || fclose(pf) != 0) {
		perror(argv[1]);
		return 1;
	}
	while (wait_readable(ls, idle_s * 1000)) {
		int c = accept(ls, NULL, NULL);
		if (c >= 0)
			serve(c, bytes, idle_s, buf);
	}
	close(ls);
	return 0;
}
