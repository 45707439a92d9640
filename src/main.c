/*
 * main.c - sockshell: options, the choice of mode, the exit status.
 *
 * Everything else lives in the library the unit tests link; this file only
 * reads the command line, sets the signals up, and hands the input to the
 * one loop in repl.c.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"
#include "handle.h"
#include "lesson.h"
#include "lineedit.h"
#include "output.h"
#include "repl.h"
#include "shell.h"
#include "vars.h"

/* The --help text, on standard output. */
static void usage(void)
{
	fputs("Usage: sockshell [OPTION]... [FILE [ARG]...]\n"
	      "  or:  sockshell [OPTION]... -c COMMANDS\n"
	      "An interactive shell for the BSD socket API: each command is a socket call,\n"
	      "traced with its result.  With FILE (- for stdin), run that lesson and exit.\n"
	      "\n"
	      "  -c COMMANDS       run COMMANDS (separated by ; or newlines) and exit\n"
	      "  -i                stay interactive after FILE or COMMANDS have run\n"
	      "  -x, --echo        print each command before it runs\n"
	      "      --tap         report expect lines as TAP test points\n"
	      "  -e, --errexit     stop at the first call that fails\n"
	      "  -n, --check       check the lesson for errors; run nothing\n"
	      "  -t, --timeout SECONDS\n"
	      "                    give up on a blocking call after SECONDS\n"
	      "                    (scripts: 10 by default; the terminal: never)\n"
	      "      --no-color    no colour (also when NO_COLOR is set, not empty)\n"
	      "  -h, --help        show this help and exit\n"
	      "  -V, --version     show the version and exit\n"
	      "\n"
	      "Exit status: 0 all went well; 1 an expect failed, a call timed out, an\n"
	      "error occurred in a script or (with -e) a call failed; 2 usage or syntax error.\n"
	      "Type 'help' at the prompt for the commands; see sockshell(1).\n", stdout);
}

/* The --version text: the version, how it was built, the licence. */
static void version(void)
{
	printf("sockshell %s\n", PACKAGE_VERSION);
#ifdef HAVE_LIBREADLINE
	puts("with GNU Readline");
#else
	puts("without readline");
#endif
	puts("Copyright (C) 2026 the sockshell authors\n"
	     "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>\n"
	     "This is free software: you are free to change and redistribute it.\n"
	     "There is NO WARRANTY, to the extent permitted by law.");
}

/* Note the signal for the loop; a SIGINT never hides a SIGTERM or SIGHUP
 * that the loop has not seen yet. */
static void on_signal(int sig)
{
	if (sig != SIGINT || !shell_ending())
		shell_sigint = sig;
}

/* SIGINT, SIGTERM and SIGHUP interrupt calls (no SA_RESTART) and never
 * kill: the loop stops the call, and for SIGTERM and SIGHUP ends the
 * shell the orderly way (history written, handles closed, output
 * flushed).  A SIGTERM or SIGHUP ignored when we started stays ignored.
 * SIGPIPE is ignored, so a write to a closed connection shows EPIPE. */
static void signals(void)
{
	static const int caught[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigaddset(&sa.sa_mask, caught[i]);
	sa.sa_flags = 0;
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++) {
		if (caught[i] != SIGINT && sigaction(caught[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(caught[i], &sa, NULL);
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

/* Read all of standard input for --check, at most SHELL_MAX_FILE bytes.
 * Returns 0, or -1 with errno set (EFBIG when it is larger). */
static int read_stdin(char **text, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;

	for (;;) {
		sb_grow(&sb, 65536);
		ssize_t n = read(STDIN_FILENO, sb.buf + sb.len, sb.cap - sb.len - 1);
		if (n < 0 && errno == EINTR && !shell_sigint)
			continue;
		if (n < 0 || sb.len + (size_t)n > SHELL_MAX_FILE) {
			int e = n < 0 ? errno : EFBIG;
			sb_free(&sb);
			errno = e;
			return -1;
		}
		if (n == 0)
			break;
		sb.len += (size_t)n;
	}
	sb.buf[sb.len] = '\0';
	*text = sb.buf;
	*len = sb.len;
	return 0;
}

/* Hold 0, 1 and 2 open even when we were started without them, so that no
 * socket becomes stdout or stderr.  A closed stdout gets /dev/null opened
 * read-only: every write to it fails, and the exit says so. */
static void hold_std_fds(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		int got = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY);
		if (got >= 0 && got != fd)
			close(got);  /* a lower one was closed too: it took that */
	}
}

/* Close what we inherited above stderr, so the first socket is 3. */
static void close_inherited(void)
{
#ifdef HAVE_CLOSE_RANGE
	if (close_range(3, ~0U, 0) == 0)
		return;
#endif
	long max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 4096)
		max = 4096;
	for (int fd = 3; fd < max; fd++)
		close(fd);
}

static int color_wanted(int no_color)
{
	const char *term = getenv("TERM");
	const char *nc = getenv("NO_COLOR");

	/* no-color.org: set to a value that is not empty. */
	if (no_color || (nc != NULL && nc[0] != '\0'))
		return 0;
	if (term == NULL || strcmp(term, "dumb") == 0)
		return 0;
	return isatty(STDOUT_FILENO);
}

static void shell_free(struct shell *sh)
{
	handle_close_all(sh);
	free(sh->h);
	lex_command_free(&sh->cmd);
	sb_free(&sh->line);
	sb_free(&sh->journal);
	sb_free(&sh->generated);
	sb_free(&sh->last.data);
	sb_free(&sh->last.text);
	var_free_all(sh);
}

static int interact(struct shell *sh, double timeout, int timeout_given)
{
	struct source src;

	if (!isatty(STDIN_FILENO)) {
		memset(&src, 0, sizeof src);
		src.name = "<stdin>";
		src.fp = stdin;
		return repl_run(sh, &src);
	}
	sh->interactive = 1;
	sh->timeout = timeout_given ? timeout : 0;
	for (int fd = 0; fd < sh->nh; fd++)
		handle_arm_timeout(sh, fd);
	lineedit_init(sh);
	memset(&src, 0, sizeof src);
	src.name = "<terminal>";
	src.terminal = 1;
	int rc = repl_run(sh, &src);
	lineedit_finish(sh);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "echo", no_argument, NULL, 'x' },
		{ "tap", no_argument, NULL, 'T' },
		{ "errexit", no_argument, NULL, 'e' },
		{ "check", no_argument, NULL, 'n' },
		{ "timeout", required_argument, NULL, 't' },
		{ "no-color", no_argument, NULL, 'C' },
		{ "no-colour", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct shell sh;
	const char *commands = NULL;
	int opt, stay = 0, no_color = 0, timeout_given = 0;
	double timeout = 10;

	hold_std_fds();
	close_inherited();
	memset(&sh, 0, sizeof sh);
	sh.current = -1;
	sh.progname = "sockshell";
	lex_command_init(&sh.cmd);
	out_init(&sh);

	while ((opt = getopt_long(argc, argv, "+c:ixenht:V", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c': commands = optarg; break;
		case 'i': stay = 1; break;
		case 'x': sh.echo = 1; break;
		case 'T': sh.tap = 1; break;
		case 'e': sh.errexit = 1; break;
		case 'n': sh.check_only = 1; break;
		case 'C': no_color = 1; break;
		case 't': {
			char *end;
			errno = 0;
			timeout = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || errno != 0 || !(timeout >= 0 && timeout <= 1e6)) {
				fprintf(stderr, "sockshell: bad time-out '%s': write seconds, like 5 or 0.5\n"
					"Try 'sockshell --help' for more information.\n", optarg);
				return EXIT_USAGE;
			}
			timeout_given = 1;
			break;
		}
		case 'h': usage(); return EXIT_GOOD;
		case 'V': version(); return EXIT_GOOD;
		default:
			/* getopt has said what was wrong, on one line. */
			fputs("Try 'sockshell --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
	}
	signals();
	sh.color = color_wanted(no_color) && !sh.tap;
	sh.timeout = timeout;

	struct source src;
	char *text = NULL;
	memset(&src, 0, sizeof src);
	int rc = CMD_OK, ran_script = 0;
	if (commands != NULL) {
		src.name = "-c";
		src.user = 1;
		src.text = commands;
		src.len = strlen(commands);
		src.argc = argc - optind;
		src.argv = argv + optind;
		ran_script = 1;
	} else if (optind < argc) {
		const char *file = argv[optind];
		src.argc = argc - optind - 1;
		src.argv = argv + optind + 1;
		if (strcmp(file, "-") == 0) {
			src.name = "<stdin>";
			src.fp = stdin;
			if (sh.check_only) {
				size_t len;
				if (read_stdin(&text, &len) < 0) {
					fprintf(stderr, "sockshell: cannot read standard input: %s\n",
						errno == EFBIG ? "larger than 64 MiB" : strerror(errno));
					shell_free(&sh);
					return shell_ending() ? 128 + shell_sigint : EXIT_USAGE;
				}
				src.fp = NULL;
				src.text = text;
				src.len = len;
			}
		} else {
			size_t len;
			if (files_read(file, &text, &len) < 0) {
				const char *why = errno == EFBIG ? "larger than 64 MiB" : strerror(errno);
				fprintf(stderr, "sockshell: cannot read %s: %s\n", file, why);
				if (sh.tap)
					printf("Bail out! cannot read %s: %s\n", file, why);
				shell_free(&sh);
				return EXIT_USAGE;
			}
			src.name = file;
			src.text = text;
			src.len = len;
		}
		ran_script = 1;
	}

	if (sh.check_only) {
		if (src.text == NULL) {
			fprintf(stderr, "sockshell: --check needs a FILE or -c COMMANDS\n");
			shell_free(&sh);
			return EXIT_USAGE;
		}
		int errors = repl_check(&sh, &src);
		free(text);
		shell_free(&sh);
		return errors ? EXIT_USAGE : EXIT_GOOD;
	}
	if (timeout_given || ran_script || !isatty(STDIN_FILENO))
		sh.timeout = timeout;
	/* save runs only at the prompt and in -c: without either (a lesson
	 * file, a script on stdin) a long run need not keep its journal. */
	sh.no_journal = commands == NULL && !(isatty(STDIN_FILENO) && (!ran_script || stay));
	if (ran_script)
		rc = repl_run(&sh, &src);
	if ((!ran_script || stay) && (rc != CMD_EXIT || (sh.interrupted && stay)) &&
	    !shell_ending()) {
		sh.interrupted = 0;
		if (sh.status == EXIT_INTERRUPTED)
			sh.status = EXIT_GOOD;
		interact(&sh, timeout, timeout_given);
	}
	lesson_finish(&sh);
	int status = sh.status;
	int out_errno = out_finish(&sh);
	shell_free(&sh);
	free(text);
	errno = out_errno;
	if (out_errno != 0 || fflush(stdout) != 0 || ferror(stdout)) {
		/* A closed stdout, a full disk, a reader that went away: the
		 * output is incomplete, so say so. */
		fprintf(stderr, "sockshell: cannot write standard output%s%s\n",
			errno ? ": " : "", errno ? strerror(errno) : "");
		if (status == EXIT_GOOD)
			status = EXIT_FAILED;
	}
	return status;
}
