/*
 * timeit.c - the benchmark's stopwatch: run commands several times and
 * report each one's median wall time, CPU time and peak resident set size.
 *
 *     timeit [-n RUNS] [-k LOOPS] [-t SECONDS] [-i IN] [-o OUT] [-E] [-e NAME=VALUE]...
 *            -- CMD [ARG]... [::: CMD [ARG]...]...
 *
 * Each of RUNS rounds runs every CMD (up to 8, separated by ":::") in
 * turn, LOOPS times in a row (stdin from IN, stdout to OUT, both /dev/null
 * by default), and takes the wall time per run and the CPU time (user +
 * system) the child used; the peak RSS is the child's ru_maxrss from wait4.
 * Taking the commands in turns, round after round, means a change in the
 * machine's load during the measurement falls on all of them alike, so
 * their ratio holds better than when each is timed in one block.  Prints
 * one line per CMD, in order:
 *
 *     median_seconds min_seconds max_seconds peak_rss_kib median_cpu_seconds
 *
 * With -E every command runs in a clean environment: only PATH, and the
 * NAME=VALUE pairs given with -e, so that settings such as
 * PYTHONUNBUFFERED or NO_COLOR in the caller's environment do not change
 * what is measured.
 *
 * On a loaded machine the CPU time is the steadier figure: it does not
 * count the time the command waited for a CPU.
 *
 * A run that takes longer than SECONDS (default 120) is killed and the
 * whole measurement fails, as does a run that exits with a non-zero
 * status: a benchmark of a failing command measures nothing.  No waits
 * without a bound, so the benchmark always stops by itself.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of n sorted values. */
static double median(const double *v, int n)
{
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static volatile sig_atomic_t alarmed;

/* With -E, the environment the commands get (else NULL: the caller's). */
static char **clean_env;
static int clean_n;

static void on_alarm(int sig)
{
	(void)sig;
	alarmed = 1;
}

/* Run argv once.  Returns 0, the child's peak RSS in *rss and its CPU
 * seconds in *cpu, or -1 after saying why on stderr. */
static int run_once(char **argv, const char *in, const char *out, double limit, long *rss,
		    double *cpu)
{
	struct rusage ru;
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		perror("timeit: fork");
		return -1;
	}
	if (pid == 0) {
		int i = open(in, O_RDONLY);
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (i < 0 || o < 0 || dup2(i, 0) < 0 || dup2(o, 1) < 0) {
			perror("timeit: redirect");
			_exit(127);
		}
		close(i);
		close(o);
		if (clean_env != NULL)
			environ = clean_env;
		execvp(argv[0], argv);
		fprintf(stderr, "timeit: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	struct itimerval it = { { 0, 0 }, { (time_t)limit, (suseconds_t)((limit - (time_t)limit) * 1e6) } };
	alarmed = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	for (;;) {
		pid_t r = wait4(pid, &status, 0, &ru);
		if (r == pid)
			break;
		if (r < 0 && errno == EINTR && alarmed) {
			fprintf(stderr, "timeit: %s took longer than %g s: killed\n", argv[0], limit);
			kill(pid, SIGKILL);
			alarmed = 0;
			continue;
		}
		if (r < 0 && errno != EINTR) {
			perror("timeit: wait4");
			return -1;
		}
	}
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &off, NULL);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "timeit: %s failed (%s %d)\n", argv[0],
			WIFEXITED(status) ? "exit status" : "signal",
			WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return -1;
	}
	*rss = ru.ru_maxrss;
	*cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	return 0;
}

static void usage(void)
{
	fputs("usage: timeit [-n RUNS] [-k LOOPS] [-t SECONDS] [-i IN] [-o OUT] [-E]"
	      " [-e NAME=VALUE]... -- CMD [ARG]... [::: CMD [ARG]...]...\n", stderr);
	exit(2);
}

#define MAXCMDS 8

/* One command's samples. */
struct samples {
	char **argv;
	double *wall, *cpu;
	long peak;
};

int main(int argc, char **argv)
{
	const char *in = "/dev/null", *out = "/dev/null";
	int runs = 5, loops = 1, opt, ncmds = 0;
	double limit = 120;
	struct samples cmd[MAXCMDS];

	/* Room for PATH, every -e and the NULL: at most argc entries. */
	char **env = calloc((size_t)argc + 2, sizeof *env);
	const char *path = getenv("PATH");
	static char pathvar[4096];

	if (env == NULL)
		return 1;
	snprintf(pathvar, sizeof pathvar, "PATH=%s", path != NULL ? path : "/usr/bin:/bin");
	env[clean_n++] = pathvar;
	while ((opt = getopt(argc, argv, "+n:k:t:i:o:Ee:")) != -1) {
		switch (opt) {
		case 'E': clean_env = env; break;
		case 'e':
			if (strchr(optarg, '=') == NULL)
				usage();
			env[clean_n++] = optarg;
			break;
		case 'n': runs = atoi(optarg); break;
		case 'k': loops = atoi(optarg); break;
		case 't': limit = atof(optarg); break;
		case 'i': in = optarg; break;
		case 'o': out = optarg; break;
		default: usage();
		}
	}
	if (optind >= argc || runs < 1 || loops < 1 || !(limit > 0))
		usage();
	/* Split the rest at each ":::" into commands (argv is ours to cut). */
	for (int i = optind; i < argc;) {
		if (ncmds == MAXCMDS || strcmp(argv[i], ":::") == 0)
			usage();
		memset(&cmd[ncmds], 0, sizeof cmd[ncmds]);
		cmd[ncmds].argv = argv + i;
		while (i < argc && strcmp(argv[i], ":::") != 0)
			i++;
		if (i < argc)
			argv[i++] = NULL;
		cmd[ncmds].wall = calloc((size_t)runs, sizeof (double));
		cmd[ncmds].cpu = calloc((size_t)runs, sizeof (double));
		if (cmd[ncmds].wall == NULL || cmd[ncmds].cpu == NULL)
			return 1;
		ncmds++;
	}

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);

	for (int r = 0; r < runs; r++) {
		for (int c = 0; c < ncmds; c++) {
			struct samples *sp = &cmd[c];
			double start = now();
			for (int k = 0; k < loops; k++) {
				long rss;
				double cpu;
				if (run_once(sp->argv, in, out, limit, &rss, &cpu) < 0)
					return 1;
				if (rss > sp->peak)
					sp->peak = rss;
				sp->cpu[r] += cpu / loops;
			}
			sp->wall[r] = (now() - start) / loops;
		}
	}
	for (int c = 0; c < ncmds; c++) {
		struct samples *sp = &cmd[c];
		qsort(sp->wall, (size_t)runs, sizeof (double), cmp_double);
		qsort(sp->cpu, (size_t)runs, sizeof (double), cmp_double);
		printf("%.9f %.9f %.9f %ld %.9f\n", median(sp->wall, runs), sp->wall[0],
		       sp->wall[runs - 1], sp->peak, median(sp->cpu, runs));
		free(sp->wall);
		free(sp->cpu);
	}
	return 0;
}
