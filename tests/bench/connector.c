/*
 * connector.c - the benchmark's outside client for "accept": start a
 * server, find the port it listens on in its output, and connect to it
 * COUNT times from this process.
 *
 *     connector COUNT OUTFILE SECONDS -- CMD [ARG]...
 *
 * Runs CMD with its stdout in OUTFILE, and reads OUTFILE until a line
 * "getsockname(FD) = 0 127.0.0.1:PORT" shows the port (sockshell, and the
 * C floor's "accept" mode, print it before they wait in accept).  It then
 * makes COUNT connections to 127.0.0.1:PORT one after another, keeping
 * each open, so that the server accepts COUNT connections from outside
 * itself, and waits for CMD to end.  Exits 0 when every connection was
 * made and CMD exited 0, 1 otherwise.
 *
 * Every wait is bounded by SECONDS: finding the port, each connect (by
 * SO_SNDTIMEO), and CMD's end (after which CMD is killed).  The limit on
 * open files is raised to what COUNT needs, for CMD too.
 */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Seconds on a monotonic clock. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The port in OUTFILE's getsockname line, or 0 while there is none. */
static int find_port(const char *path)
{
	static char buf[65536];
	int fd = open(path, O_RDONLY), port = 0;
	ssize_t n;

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	char *line = strstr(buf, "getsockname(");
	char *end = line != NULL ? strchr(line, '\n') : NULL;
	if (end == NULL)
		return 0;
	*end = '\0';
	char *colon = strrchr(line, ':');
	if (colon != NULL)
		port = atoi(colon + 1);
	return port > 0 && port < 65536 ? port : 0;
}

/* Start argv with stdout in out; its pid, or -1. */
static pid_t start(char **argv, const char *out)
{
	pid_t pid = fork();

	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0 || dup2(fd, 1) < 0) {
			perror(out);
			_exit(127);
		}
		close(fd);
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	if (pid < 0)
		perror("connector: fork");
	return pid;
}

/* Wait for pid at most secs seconds, then kill it; its exit status, or -1
 * when it was killed or died of a signal. */
static int finish(pid_t pid, double secs)
{
	double until = now() + secs;
	int status;

	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
		if (r < 0 && errno != EINTR)
			return -1;
		if (now() > until) {
			fprintf(stderr, "connector: the server did not end in %g s: killed\n", secs);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		usleep(1000);
	}
}

/* Make count connections to 127.0.0.1:port, each open; 0 or -1. */
static int connect_all(int port, long count, double secs)
{
	struct sockaddr_in sin;
	struct timeval tv = { (time_t)secs, 0 };

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons((unsigned short)port);
	for (long i = 0; i < count; i++) {
		int fd = socket(AF_INET, SOCK_STREAM, 0);
		if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) < 0 ||
		    connect(fd, (struct sockaddr *)&sin, sizeof sin) < 0) {
			fprintf(stderr, "connector: connection %ld: %s\n", i + 1, strerror(errno));
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 6 || strcmp(argv[4], "--") != 0) {
		fputs("usage: connector COUNT OUTFILE SECONDS -- CMD [ARG]...\n", stderr);
		return 2;
	}
	long count = atol(argv[1]);
	double secs = atof(argv[3]);
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)count + 64) {
		rl.rlim_cur = rl.rlim_max < (rlim_t)count + 64 ? rl.rlim_max : (rlim_t)count + 64;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	signal(SIGPIPE, SIG_IGN);
	unlink(argv[2]);
	pid_t pid = start(argv + 5, argv[2]);
	if (pid < 0)
		return 1;
	int port = 0;
	for (double until = now() + secs; port == 0 && now() < until; usleep(1000))
		port = find_port(argv[2]);
	int ok = port != 0 && connect_all(port, count, secs) == 0;
	if (port == 0)
		fprintf(stderr, "connector: no port in %s after %g s\n", argv[2], secs);
	int st = finish(pid, ok ? secs : 0.1);
	return ok && st == 0 ? 0 : 1;
}
