/*
 * lineedit.c - the readline seam, with a plain fallback.
 *
 * Hides GNU Readline: the callback interface driven by pselect (so Ctrl-C
 * at the prompt only clears the line, a resized window is redrawn, and
 * Ctrl-Z gives the terminal back as it was until the shell is resumed),
 * completion (the candidates are complete.c's), lines pasted several at a
 * time, and the history file (SOCKSHELL_HISTORY, else
 * $XDG_STATE_HOME/sockshell/history, else ~/.local/state/sockshell/history
 * or an older ~/.sockshell_history; a regular file of our own only, mode
 * 0600, only non-blank lines, appended to at exit so that two shells in two
 * terminals both keep theirs, cut to inputrc's history-size, by default
 * HISTORY_DEFAULT lines).
 *
 * Built without readline, the same calls are a plain line reader that
 * still handles Ctrl-C (a fresh prompt) and Ctrl-D (leave).
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture.h"
#include "complete.h"
#include "i18n.h"
#include "lineedit.h"
#include "output.h"
#include "shell.h"

/* The lines of history kept, when inputrc sets no history-size. */
#define HISTORY_DEFAULT 1000

/* Create each missing directory of path (not its last component's file),
 * private to the user.  Errors are left to the open that follows. */
static void make_dirs(char *path)
{
	for (char *p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
}

char *lineedit_history_path(void)
{
	const char *env = getenv("SOCKSHELL_HISTORY");
	const char *home = getenv("HOME");
	struct strbuf sb = STRBUF_INIT;
	struct stat st;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	env = getenv("XDG_STATE_HOME");
	if (env != NULL && env[0] == '/') {
		sb_printf(&sb, "%s/sockshell/history", env);
	} else {
		/* XDG's default state directory, unless only the file of
		 * older versions is there: then that one. */
		if (home == NULL || home[0] != '/')
			return NULL;
		sb_printf(&sb, "%s/.local/state/sockshell/history", home);
		if (lstat(sb.buf, &st) < 0) {
			struct strbuf old = STRBUF_INIT;
			sb_printf(&old, "%s/.sockshell_history", home);
			if (lstat(old.buf, &st) == 0) {
				sb_free(&sb);
				return old.buf;
			}
			sb_free(&old);
		}
	}
	make_dirs(sb.buf);
	return sb.buf;
}

#ifdef HAVE_LIBREADLINE
#include <readline/history.h>
#include <readline/readline.h>

static struct shell *the_shell;  /* for readline's callbacks only */
static char *got_line;           /* what on_line was handed */
static int line_done;
static char *pasted;             /* lines after the first of a paste */
static int added;                /* history lines added in this run */
/* Signals caught while at the prompt, besides SIGINT (shell_sigint). */
#define GOT_WINCH 1
#define GOT_TSTP  2
static volatile sig_atomic_t prompt_signals;

/* Whether a line holds nothing but blanks. */
static int is_blank_line(const char *line)
{
	return line[strspn(line, " \t\r\n\v\f")] == '\0';
}

/* ---- completion ---- */

static struct strbuf cands;      /* candidates, NUL separated */
static size_t cand_pos;

/* The next candidate that starts with text, in any case when inputrc
 * sets completion-ignore-case (readline then writes it as the candidate
 * is spelt, which the shell reads). */
static char *generator(const char *text, int state)
{
	static int fold;
	size_t n = strlen(text);

	if (state == 0) {
		const char *v = rl_variable_value("completion-ignore-case");
		fold = v != NULL && strcmp(v, "on") == 0;
		cand_pos = 0;
	}
	while (cand_pos < cands.len) {
		const char *c = cands.buf + cand_pos;
		cand_pos += strlen(c) + 1;
		if ((fold ? strncasecmp(c, text, n) : strncmp(c, text, n)) == 0)
			return xstrdup(c);
	}
	return NULL;
}

/* readline's completion: the candidates come from complete.c; a file
 * name is readline's own. */
static char **complete(const char *text, int start, int end)
{
	(void)end;
	/* Inside an open quote readline starts the word after the quote. */
	if (start > 0 && (rl_line_buffer[start - 1] == '"' || rl_line_buffer[start - 1] == '\''))
		start--;
	enum complete_how how = complete_words(the_shell, rl_line_buffer, (size_t)start, &cands);
	rl_attempted_completion_over = how != COMPLETE_FILES;
	if (how != COMPLETE_WORDS)
		return NULL;
	return rl_completion_matches(text, generator);
}

/* ---- the history file ---- */

/*
 * Open the history file: a regular file of our own only, never through a
 * symbolic link, never waiting on a FIFO, never a device (SOCKSHELL_HISTORY
 * =/dev/null keeps no history and leaves /dev/null alone).  flags: O_RDONLY,
 * or O_RDWR | O_CREAT to write (created 0600).  Returns the descriptor, or
 * -1 with errno (ELOOP: a symbolic link).
 */
static int open_history(const char *path, int flags)
{
	struct stat st;

	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		errno = S_ISLNK(st.st_mode) ? ELOOP : EPERM;
		return -1;
	}
	int fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()) {
		close(fd);
		errno = EPERM;
		return -1;
	}
	return fd;
}

/* Add the lines of the history file to the history, within its size. */
static void read_history_file(const char *path)
{
	int fd = open_history(path, O_RDONLY);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (fd < 0)
		return;
	FILE *fp = fdopen(fd, "r");
	if (fp == NULL) {
		close(fd);
		return;
	}
	while ((n = getline(&line, &cap, fp)) > 0) {
		if (line[n - 1] == '\n')
			line[n - 1] = '\0';
		if (!is_blank_line(line))
			add_history(line);
	}
	free(line);
	fclose(fp);
}

/* Where the last max lines of sb start (0: all of it; max < 0: no cut). */
static size_t keep_from(const struct strbuf *sb, int max)
{
	size_t i = sb->len;

	if (max < 0)
		return 0;
	for (int lines = 0; i > 0; i--)
		if (sb->buf[i - 1] == '\n' && lines++ == max)
			return i;
	return 0;
}

/* Read all of fd into sb.  Returns 0, or -1. */
static int slurp(int fd, struct strbuf *sb)
{
	for (;;) {
		sb_grow(sb, 65536);
		ssize_t n = read(fd, sb->buf + sb->len, sb->cap - sb->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return (int)n;
		sb->len += (size_t)n;
	}
}

/* Write all of p[0, n) at offset off of fd.  Returns 0, or -1. */
static int write_at(int fd, const char *p, size_t n, off_t off)
{
	while (n > 0) {
		ssize_t w = pwrite(fd, p, n, off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
		off += w;
	}
	return 0;
}

/*
 * Append this run's lines to the history file and cut it to its last
 * history-size lines (none when negative), under a lock that another
 * sockshell leaving at the same time waits for (at most a second): two
 * shells in two terminals both keep theirs.  Only a regular file of our
 * own is touched, and made private.
 */
static void write_history_file(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	int fd = open_history(path, O_RDWR | O_CREAT);

	if (fd < 0) {
		if (errno == ELOOP)
			fprintf(stderr, _("sockshell: history not saved: %s is a symbolic link\n"), path);
		return;
	}
	for (int i = 0; i < 100 && flock(fd, LOCK_EX | LOCK_NB) < 0 && errno == EWOULDBLOCK; i++)
		usleep(10000);
	if (fstat(fd, &st) == 0 && (st.st_mode & 07777) != 0600)
		fchmod(fd, 0600);
	int rc = slurp(fd, &sb);
	if (rc == 0) {
		size_t old = sb.len;
		if (old > 0 && sb.buf[old - 1] != '\n')
			sb_addc(&sb, '\n');
		int n = added < history_length ? added : history_length;
		for (int i = history_length - n; i < history_length; i++) {
			HIST_ENTRY *e = history_get(history_base + i);
			if (e != NULL)
				sb_printf(&sb, "%s\n", e->line);
		}
		size_t from = keep_from(&sb, history_is_stifled() ? history_max_entries : -1);
		if (from == 0)
			rc = write_at(fd, sb.buf + old, sb.len - old, (off_t)old);
		else if ((rc = write_at(fd, sb.buf + from, sb.len - from, 0)) == 0)
			rc = ftruncate(fd, (off_t)(sb.len - from));
	}
	if (rc < 0)
		fprintf(stderr, _("sockshell: cannot write the history file %s: %s\n"), path, strerror(errno));
	sb_free(&sb);
	close(fd);
}

/* ---- reading ---- */

/* Packets came while the prompt waits: show them above the line being
 * typed, then draw the prompt and the line again. */
static void show_packets(struct shell *sh)
{
	rl_clear_visible_line();
	capture_drain(sh, 0);
	out_flush(sh);
	rl_on_new_line();
	rl_forced_update_display();
}

static void on_line(char *line)
{
	got_line = line;
	line_done = 1;
	rl_callback_handler_remove();
}

/* SIGWINCH and SIGTSTP at the prompt; each blocks the other, so the
 * flags are never updated by two handlers at once. */
static void on_prompt_signal(int sig)
{
	prompt_signals |= sig == SIGTSTP ? GOT_TSTP : GOT_WINCH;
}

void lineedit_init(struct shell *sh)
{
	the_shell = sh;
	rl_readline_name = "sockshell";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_attempted_completion_function = complete;
	rl_basic_word_break_characters = " \t;";
	rl_completer_quote_characters = "'\"";
	rl_filename_quote_characters = " \t;#\"$";
	/* A pasted lesson runs line by line, each behind its own prompt
	 * (~/.inputrc may turn this back on: then see take_pasted). */
	rl_variable_bind("enable-bracketed-paste", "off");
	/* With the trace going to a file or a pipe, the prompt and the line
	 * being edited still belong on the terminal. */
	if (!isatty(STDOUT_FILENO) && isatty(STDERR_FILENO))
		rl_outstream = stderr;
	using_history();
	stifle_history(HISTORY_DEFAULT);
	rl_initialize();  /* reads inputrc: its history-size stifles anew */
	char *path = lineedit_history_path();
	if (path != NULL) {
		read_history_file(path);
		free(path);
	}
	history_set_pos(history_length);
}

/* Split a line that holds newlines (a bracketed paste): return its first
 * line and keep the rest for the next calls. */
static char *take_pasted(char *text)
{
	char *nl = strchr(text, '\n');

	if (nl == NULL)
		return text;
	*nl = '\0';
	if (nl[1] != '\0')
		pasted = xstrdup(nl + 1);
	return text;
}

/* The next line of an earlier paste, or NULL. */
static char *next_pasted(void)
{
	if (pasted == NULL)
		return NULL;
	char *rest = pasted;
	pasted = NULL;
	char *line = xstrdup(rest);
	free(rest);
	return take_pasted(line);
}

/* Ctrl-C at the prompt: end a search, show ^C at the end of the line,
 * drop the line, prompt afresh. */
static void abandon_line(const char *prompt)
{
	rl_callback_sigcleanup();
	rl_point = rl_end;
	rl_redisplay();
	rl_echo_signal_char(SIGINT);
	rl_free_line_state();
	rl_callback_handler_remove();
	fputc('\n', rl_outstream);
	rl_callback_handler_install(prompt, on_line);
}

/* Ctrl-Z at the prompt: restore the terminal, stop as the default action
 * would, and when resumed take the terminal again and redraw the line.
 * SIGTSTP is blocked on entry and on return. */
static void suspend(void)
{
	struct sigaction dfl, ours;
	sigset_t tstp;

	rl_echo_signal_char(SIGTSTP);  /* as the terminal would: ^Z */
	rl_cleanup_after_signal();
	fflush(rl_outstream);
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &ours);
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	raise(SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &tstp, NULL);  /* stops here until SIGCONT */
	sigprocmask(SIG_BLOCK, &tstp, NULL);
	sigaction(SIGTSTP, &ours, NULL);
	rl_reset_after_signal();
	rl_reset_screen_size();
	rl_forced_update_display();
}

/* Catch SIGWINCH and SIGTSTP (unless ignored: then Ctrl-Z stays a no-op)
 * while the prompt waits; old[] keeps what was there, for unwatch. */
static void watch(struct sigaction old[2])
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_prompt_signal;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGWINCH);
	sigaddset(&sa.sa_mask, SIGTSTP);
	sigaction(SIGWINCH, &sa, &old[0]);
	sigaction(SIGTSTP, NULL, &old[1]);
	if (old[1].sa_handler != SIG_IGN)
		sigaction(SIGTSTP, &sa, NULL);
	prompt_signals = 0;
}

static void unwatch(const struct sigaction old[2])
{
	sigaction(SIGWINCH, &old[0], NULL);
	sigaction(SIGTSTP, &old[1], NULL);
}

/* After Ctrl-D, whether readline has already ended the prompt's line:
 * since 8.1 it does when it switched bracketed paste on. */
static int readline_ended_line(void)
{
#if defined(RL_READLINE_VERSION) && RL_READLINE_VERSION >= 0x0801
	const char *v = rl_variable_value("enable-bracketed-paste");
	return v != NULL && strcmp(v, "on") == 0;
#else
	return 0;
#endif
}

char *lineedit_read(struct shell *sh, const char *prompt)
{
	struct sigaction old[2];
	sigset_t block, old_mask;
	int fd = fileno(rl_instream ? rl_instream : stdin);

	char *queued = next_pasted();
	if (queued != NULL)
		return queued;
	/* SIGINT, SIGWINCH and SIGTSTP get through only while pselect
	 * waits, so none is missed between a check of the flags and the
	 * wait.  The shell itself ignores SIGWINCH and stops on SIGTSTP. */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGWINCH);
	sigaddset(&block, SIGTSTP);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigprocmask(SIG_BLOCK, &block, &old_mask);
	watch(old);
	if (!shell_ending())
		shell_sigint = 0;  /* a Ctrl-C that came after the last command */
	if (rl_instream != NULL)
		rl_reset_screen_size();  /* the window may have changed meanwhile */
	line_done = 0;
	got_line = NULL;
	rl_callback_handler_install(prompt, on_line);
	while (!line_done) {
		fd_set fds;
		FD_ZERO(&fds);
		FD_SET(fd, &fds);
		int cfd = capture_fd(sh);
		if (cfd >= 0)
			FD_SET(cfd, &fds);
		int r = pselect((cfd > fd ? cfd : fd) + 1, &fds, NULL, NULL, NULL, &old_mask);
		if ((r < 0 && errno == EINTR) || shell_ending()) {
			if (shell_ending()) {
				/* SIGTERM or SIGHUP: leave as Ctrl-D does. */
				rl_callback_handler_remove();
				break;
			}
			if (shell_sigint) {
				shell_sigint = 0;
				abandon_line(prompt);
			}
			if (prompt_signals & GOT_WINCH) {
				prompt_signals &= ~GOT_WINCH;
				rl_resize_terminal();
			}
			if (prompt_signals & GOT_TSTP) {
				prompt_signals &= ~GOT_TSTP;
				suspend();
			}
			continue;
		}
		if (r < 0) {
			rl_callback_handler_remove();
			break;
		}
		if (cfd >= 0 && FD_ISSET(cfd, &fds))
			show_packets(sh);
		if (FD_ISSET(fd, &fds))
			rl_callback_read_char();
	}
	unwatch(old);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	if (got_line == NULL) {
		if (!readline_ended_line())
			fputc('\n', rl_outstream);  /* Ctrl-D: end the prompt's line */
		fflush(rl_outstream);
		return NULL;
	}
	return take_pasted(got_line);
}

void lineedit_history(struct shell *sh, const char *line)
{
	(void)sh;
	if (is_blank_line(line))
		return;
	HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
	if (last != NULL && strcmp(last->line, line) == 0)
		return;
	add_history(line);
	added++;
}

void lineedit_finish(struct shell *sh)
{
	(void)sh;
	free(pasted);
	pasted = NULL;
	sb_free(&cands);
	char *path = lineedit_history_path();
	if (path == NULL)
		return;
	write_history_file(path);
	free(path);
}

#else /* !HAVE_LIBREADLINE: the plain line reader */

void lineedit_init(struct shell *sh)
{
	(void)sh;
}

char *lineedit_read(struct shell *sh, const char *prompt)
{
	char *line = NULL;
	size_t cap = 0;

	(void)sh;
	if (!shell_ending())
		shell_sigint = 0;
	fputs(prompt, stdout);
	fflush(stdout);
	errno = 0;
	ssize_t n = shell_ending() ? -1 : getline(&line, &cap, stdin);
	if (n < 0 && errno == EINTR && shell_sigint && !shell_ending()) {
		/* Ctrl-C: the terminal showed ^C; a fresh prompt. */
		shell_sigint = 0;
		clearerr(stdin);
		fputc('\n', stdout);
		free(line);
		return xstrdup("");
	}
	if (n <= 0) {
		free(line);
		fputc('\n', stdout);  /* Ctrl-D: end the prompt's line */
		fflush(stdout);
		return NULL;
	}
	if (line[n - 1] == '\n') {
		line[n - 1] = '\0';
	} else {
		/* Ctrl-D twice after some text: that text is the line, and
		 * the terminal is still open. */
		clearerr(stdin);
		fputc('\n', stdout);
	}
	return line;
}

void lineedit_history(struct shell *sh, const char *line)
{
	(void)sh;
	(void)line;
}

void lineedit_finish(struct shell *sh)
{
	(void)sh;
}

#endif
