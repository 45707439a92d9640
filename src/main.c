/*
 * main.c - sockshell: options, the choice of mode, the exit status.
 *
 * Everything else lives in the library the unit tests link; this file only
 * reads the command line, sets the signals up, and hands the input to the
 * one loop in repl.c, in four phases: options, input, run (or --check),
 * finish.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "files.h"
#include "handle.h"
#include "i18n.h"
#include "lineedit.h"
#include "output.h"
#include "private.h"
#include "repl.h"
#include "report.h"
#include "shell.h"

/* The --help text, on standard output. */
static void usage(struct shell *sh)
{
	/* TRANSLATORS: the option names (-c, --echo...) and the words
	   sockshell, help, NO_COLOR and sockshell(1) stay as they are. */
	const char *text = _("Usage: sockshell [OPTION]... [FILE [ARG]...]\n"
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
	      "      --private     run in a network of its own (user and network\n"
	      "                    namespaces, only loopback): raw sockets need no root\n"
	      "      --join PID    join the network of the --private sockshell PID\n"
	      "  -h, --help        show this help and exit\n"
	      "  -V, --version     show the version and exit\n"
	      "\n"
	      "Exit status: 0 all went well; 1 an expect failed, a call timed out, an\n"
	      "error occurred in a script or (with -e) a call failed; 2 usage or syntax error.\n"
	      "Type 'help' at the prompt for the commands; see sockshell(1).\n");

	out_put(sh, text, strlen(text));
}

/* The --version text: the version, how it was built, the licence. */
static void version(struct shell *sh)
{
	static const char name[] = "sockshell " PACKAGE_VERSION "\n";
#ifdef HAVE_LIBREADLINE
	const char *with = _("with GNU Readline\n");
#else
	const char *with = _("without readline\n");
#endif
	const char *text = _("Copyright (C) 2026 the sockshell authors\n"
		"License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>\n"
		"This is free software: you are free to change and redistribute it.\n"
		"There is NO WARRANTY, to the extent permitted by law.\n");

	out_put(sh, name, sizeof name - 1);
	out_put(sh, with, strlen(with));
	out_put(sh, text, strlen(text));
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

/* Is colour wanted: not --no-color, nor NO_COLOR, and a terminal that
 * is not "dumb" on standard output? */
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

/* The prompt, after the script or without one: standard input line by
 * line when it is not a terminal.  Returns what repl_run returned. */
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
	sh->timeout_max = sh->timeout;
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

/* What the command line asked for, beyond the session's own flags. */
struct options {
	const char *commands;   /* -c COMMANDS, or NULL */
	int stay;               /* -i */
	int no_color;
	int timeout_given;
	double timeout;
	int private_net;        /* --private */
	const char *join;       /* --join PID, or NULL */
};

/* Read -t SECONDS into o.  Returns 0, or -1 after saying what was wrong. */
static int option_timeout(struct shell *sh, const char *arg, struct options *o)
{
	char *end;

	errno = 0;
	o->timeout = strtod(arg, &end);
	if (end == arg || *end != '\0' || errno != 0 || !(o->timeout >= 0 && o->timeout <= 1e6)) {
		out_program_error(sh, _("bad time-out '%s': write seconds, like 5 or 0.5"), arg);
		out_usage_hint(sh);
		return -1;
	}
	o->timeout_given = 1;
	return 0;
}

/* Phase 1: the options, into sh and o; optind is then the first operand.
 * Returns -1 to go on, or the exit status (--help, --version, a usage
 * error). */
static int options(struct shell *sh, int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "echo", no_argument, NULL, 'x' },
		{ "tap", no_argument, NULL, 'T' },
		{ "errexit", no_argument, NULL, 'e' },
		{ "check", no_argument, NULL, 'n' },
		{ "timeout", required_argument, NULL, 't' },
		{ "no-color", no_argument, NULL, 'C' },
		{ "no-colour", no_argument, NULL, 'C' },
		{ "private", no_argument, NULL, 'P' },
		{ "join", required_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int opt;

	memset(o, 0, sizeof *o);
	o->timeout = SHELL_TIMEOUT;
	while ((opt = getopt_long(argc, argv, "+c:ixenht:V", longopts, NULL)) != -1) {
		switch (opt) {
		case 'c': o->commands = optarg; break;
		case 'i': o->stay = 1; break;
		case 'x': sh->echo = 1; break;
		case 'T': sh->tap = 1; break;
		case 'e': sh->errexit = 1; break;
		case 'n': sh->check_only = 1; break;
		case 'C': o->no_color = 1; break;
		case 'P': o->private_net = 1; break;
		case 'J': o->join = optarg; break;
		case 't':
			if (option_timeout(sh, optarg, o) < 0)
				return EXIT_USAGE;
			break;
		case 'h': usage(sh); return EXIT_GOOD;
		case 'V': version(sh); return EXIT_GOOD;
		default:
			/* getopt has said what was wrong, on one line. */
			out_usage_hint(sh);
			return EXIT_USAGE;
		}
	}
	sh->color = color_wanted(o->no_color) && !sh->tap;
	sh->timeout = o->timeout;
	sh->timeout_max = o->timeout;
	return -1;
}

/* Phase 1b: --private or --join PID, before the first socket: the
 * session's network.  Returns -1 to go on, or the exit status. */
static int network(struct shell *sh, const struct options *o, int argc)
{
	int r = 0;

	if (o->private_net && o->join != NULL) {
		out_program_error(sh, _("--private and --join exclude each other"));
		out_usage_hint(sh);
		return EXIT_USAGE;
	}
	if (sh->check_only)
		return -1;  /* --check runs nothing: no network to make */
	if (o->private_net)
		r = private_enter(sh, isatty(STDIN_FILENO) &&
				  ((o->commands == NULL && optind >= argc) || o->stay));
	else if (o->join != NULL)
		r = private_join(sh, o->join);
	return r == 0 ? -1 : r;
}

/* The lesson FILE (not "-") whole into src, *text owning it.  Returns -1
 * to go on, or the exit status after saying why it cannot be read. */
static int input_file(struct shell *sh, const char *file, struct source *src, char **text)
{
	size_t len;

	if (files_read(file, sh->timeout, text, &len) < 0) {
		const char *why = files_error(errno);
		/* TRANSLATORS: a file name, then why it cannot be read. */
		out_program_error(sh, _("cannot read %s: %s"), file, why);
		if (sh->tap) {
			struct strbuf bail = STRBUF_INIT;
			sb_printf(&bail, "cannot read %s: %s", file, why);
			report_bail(sh, bail.buf);
			sb_free(&bail);
		}
		return EXIT_USAGE;
	}
	src->name = file;
	src->text = *text;
	src->len = len;
	return -1;
}

/* Standard input as the lesson: read line by line, or whole for --check.
 * Returns -1 to go on, or the exit status when it cannot be read. */
static int input_stdin(struct shell *sh, struct source *src, char **text)
{
	size_t len;

	src->name = "<stdin>";
	src->fp = stdin;
	/* Read a script in 64 KiB, as its output is written: not a read
	 * (and the flush before it) per 4 KiB.  (glibc takes the size only
	 * with a buffer.) */
	static char script_buf[65536];
	setvbuf(stdin, script_buf, _IOFBF, sizeof script_buf);
	if (!sh->check_only)
		return -1;
	if (read_stdin(text, &len) < 0) {
		out_program_error(sh, _("cannot read standard input: %s"),
				  errno == EFBIG ? _("larger than 64 MiB") : strerror(errno));
		return shell_ending() ? 128 + shell_sigint : EXIT_USAGE;
	}
	src->fp = NULL;
	src->text = *text;
	src->len = len;
	return -1;
}

/* Phase 2: the input, -c COMMANDS or the operand FILE with its arguments,
 * into src (*script set when there is one; *text owns what was read).
 * Returns -1 to go on, or the exit status. */
static int input(struct shell *sh, const struct options *o, int argc, char **argv,
		 struct source *src, char **text, int *script)
{
	memset(src, 0, sizeof *src);
	*script = o->commands != NULL || optind < argc;
	if (o->commands != NULL) {
		src->name = "-c";
		src->user = 1;
		src->text = o->commands;
		src->len = strlen(o->commands);
		src->argc = argc - optind;
		src->argv = argv + optind;
		return -1;
	}
	if (optind >= argc)
		return -1;
	src->argc = argc - optind - 1;
	src->argv = argv + optind + 1;
	if (strcmp(argv[optind], "-") == 0)
		return input_stdin(sh, src, text);
	return input_file(sh, argv[optind], src, text);
}

/* --check: the script checked whole, nothing run.  Returns the status. */
static int check(struct shell *sh, struct source *src)
{
	if (src->text == NULL) {
		out_program_error(sh, _("--check needs a FILE or -c COMMANDS"));
		return EXIT_USAGE;
	}
	return repl_check(sh, src) ? EXIT_USAGE : EXIT_GOOD;
}

/* Phase 3: run the script, if any, then the prompt (none after a script
 * unless -i, nor after quit or a signal that ends the shell), and the TAP
 * plan.  Returns the status so far. */
static int run(struct shell *sh, const struct options *o, struct source *src, int script)
{
	int rc = CMD_OK;

	if (o->timeout_given || script || !isatty(STDIN_FILENO))
		sh->timeout = o->timeout;
	/* save runs only at the prompt and in -c: without either (a lesson
	 * file, a script on stdin) a long run need not keep its journal. */
	sh->no_journal = o->commands == NULL && !(isatty(STDIN_FILENO) && (!script || o->stay));
	if (script)
		rc = repl_run(sh, src);
	if ((!script || o->stay) && (rc != CMD_EXIT || (sh->interrupted && o->stay)) &&
	    !shell_ending()) {
		sh->interrupted = 0;
		if (sh->status == EXIT_INTERRUPTED)
			sh->status = EXIT_GOOD;
		interact(sh, o->timeout, o->timeout_given);
	}
	report_finish(sh);
	return sh->status;
}

/* Phase 4: write what waits, free the session, and make status say when
 * standard output failed.  Returns the exit status. */
static int finish(struct shell *sh, int status)
{
	int out_errno = out_finish(sh);

	errno = out_errno;
	if (out_errno != 0 || fflush(stdout) != 0 || ferror(stdout)) {
		/* A closed stdout, a full disk, a reader that went away: the
		 * output is incomplete, so say so. */
		int e = errno;
		if (e != 0)
			out_program_error(sh, _("cannot write standard output: %s"), strerror(e));
		else
			out_program_error(sh, "%s", _("cannot write standard output"));
		if (status == EXIT_GOOD)
			status = EXIT_FAILED;
	}
	shell_free(sh);
	return status;
}

/* The user's language for messages and characters, LC_MESSAGES and
 * LC_CTYPE only: numbers stay C, so "sleep 0.2" and "-t 0.5" read the same
 * everywhere (es_ES's strtod would want 0,2).  SOCKSHELL_LOCALEDIR, when
 * set, is where the catalogues are (the tests point it at the build
 * tree's po/locale); else LOCALEDIR, where make install put them. */
static void locale_init(void)
{
	setlocale(LC_MESSAGES, "");
	setlocale(LC_CTYPE, "");
#ifdef ENABLE_NLS
	const char *dir = getenv("SOCKSHELL_LOCALEDIR");
	bindtextdomain(PACKAGE, dir != NULL && dir[0] != '\0' ? dir : LOCALEDIR);
	textdomain(PACKAGE);
#endif
}

int main(int argc, char **argv)
{
	struct shell sh;
	struct options o;
	struct source src;
	char *text = NULL;
	int script = 0;

	hold_std_fds();
	close_inherited();
	locale_init();
	shell_init(&sh);
	int status = options(&sh, argc, argv, &o);
	if (status < 0)
		status = network(&sh, &o, argc);
	if (status < 0) {
		signals();
		status = input(&sh, &o, argc, argv, &src, &text, &script);
	}
	if (status < 0)
		status = sh.check_only ? check(&sh, &src) : run(&sh, &o, &src, script);
	status = finish(&sh, status);
	free(text);
	return status;
}
