/*
 * lineedit.c - the readline seam, with a plain fallback.
 *
 * Hides GNU Readline: the callback interface (so Ctrl-C at the prompt only
 * clears the line), completion generated from the command table, and the
 * history file (SOCKSHELL_HISTORY, else $XDG_STATE_HOME/sockshell/history,
 * else ~/.sockshell_history, mode 0600, only non-empty lines, capped).
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmdtab.h"
#include "errname.h"
#include "lineedit.h"
#include "names.h"
#include "shell.h"

#define HISTORY_MAX 1000

char *lineedit_history_path(void)
{
	const char *env = getenv("SOCKSHELL_HISTORY");
	struct strbuf sb = STRBUF_INIT;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	env = getenv("XDG_STATE_HOME");
	if (env != NULL && env[0] == '/') {
		sb_printf(&sb, "%s/sockshell", env);
		mkdir(sb.buf, 0700);
		sb_adds(&sb, "/history");
		return sb.buf;
	}
	env = getenv("HOME");
	if (env == NULL || env[0] == '\0')
		return NULL;
	sb_printf(&sb, "%s/.sockshell_history", env);
	return sb.buf;
}

#ifdef HAVE_LIBREADLINE
#include <readline/history.h>
#include <readline/readline.h>

static struct shell *the_shell;  /* for readline's callbacks only */
static char *got_line;
static int line_done;

/* ---- completion ---- */

static struct strbuf cands;      /* candidates, NUL separated */
static size_t cand_pos;

static void cand(const char *s)
{
	sb_add(&cands, s, strlen(s) + 1);
}

static void cand_table(const struct name_value *tab)
{
	for (const struct name_value *nv = tab; nv->name; nv++)
		cand(nv->name);
}

static void fill_candidates(enum arg_kind kind)
{
	char num[32];

	switch (kind) {
	case A_COMMAND:
		for (int i = 0; i < cmdtab_count; i++)
			cand(cmdtab[i].name);
		break;
	case A_HANDLE:
		for (int i = 0; i < the_shell->nh; i++)
			if (the_shell->h[i].open) {
				snprintf(num, sizeof num, "%d", i);
				cand(num);
			}
		break;
	case A_FAMILY: cand_table(names_families); break;
	case A_TYPE: cand_table(names_types); break;
	case A_PROTO: cand_table(names_protocols); break;
	case A_FLAG: cand_table(names_msgflags); break;
	case A_HOW: cand_table(names_shutdown); break;
	case A_ONOFF: cand("on"); cand("off"); break;
	case A_OPTION:
		for (int i = 0; sockopt_name_at(i); i++)
			cand(sockopt_name_at(i));
		break;
	case A_SETTING:
		for (int i = 0; setting_names[i]; i++)
			cand(setting_names[i]);
		break;
	case A_DATA: cand("-n"); cand("-f"); break;
	case A_HOST:
		cand("localhost"); cand("127.0.0.1"); cand("::1"); cand("*"); cand("@from");
		for (int i = 0; i < the_shell->nh; i++)
			if (the_shell->h[i].open) {
				snprintf(num, sizeof num, "@%d", i);
				cand(num);
			}
		break;
	case A_EXPECT:
		cand("eof"); cand("ok"); cand("timeout");
		for (int i = 0; errname_at(i); i++)
			cand(errname_at(i));
		break;
	default:
		break;
	}
}

static char *generator(const char *text, int state)
{
	size_t n = strlen(text);

	if (state == 0)
		cand_pos = 0;
	while (cand_pos < cands.len) {
		const char *c = cands.buf + cand_pos;
		cand_pos += strlen(c) + 1;
		if (strncmp(c, text, n) == 0)
			return xstrdup(c);
	}
	return NULL;
}

/* Which kind of word fits at the cursor: parse the current command. */
static enum arg_kind kind_at(int start, const char **prev)
{
	char *line = rl_line_buffer;
	int i = start, words = 0, cmdstart = 0;
	char first[64] = "", last[64] = "";

	for (int k = 0; k < start; k++)
		if (line[k] == ';')
			cmdstart = k + 1;
	/* Split [cmdstart, start) into words (quotes are not worth more here). */
	i = cmdstart;
	while (i < start) {
		while (i < start && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i >= start)
			break;
		int b = i;
		while (i < start && line[i] != ' ' && line[i] != '\t')
			i++;
		int n = i - b < 63 ? i - b : 63;
		if (words == 0 && line[b] >= '0' && line[b] <= '9') {
			continue;  /* a leading handle number */
		}
		if (words == 0)
			snprintf(first, sizeof first, "%.*s", n, line + b);
		snprintf(last, sizeof last, "%.*s", n, line + b);
		words++;
	}
	static char prevbuf[64];
	snprintf(prevbuf, sizeof prevbuf, "%s", last);
	*prev = prevbuf;
	if (words == 0)
		return A_COMMAND;
	int amb;
	const struct command_def *def = cmdtab_find(first, strlen(first), &amb);
	if (def == NULL)
		return A_NONE;
	int pos = words - 1;
	return pos < 4 ? def->complete[pos] : def->rest;
}

static char **complete(const char *text, int start, int end)
{
	const char *prev;
	enum arg_kind kind = kind_at(start, &prev);

	(void)end;
	rl_attempted_completion_over = 1;
	if (strcmp(prev, "-f") == 0 || kind == A_FILE) {
		rl_attempted_completion_over = 0;
		return NULL;
	}
	if (strcmp(prev, "display") == 0) {
		sb_reset(&cands);
		cand("text"); cand("hex"); cand("both");
		return rl_completion_matches(text, generator);
	}
	sb_reset(&cands);
	fill_candidates(kind);
	if (cands.len == 0)
		return NULL;
	return rl_completion_matches(text, generator);
}

/* ---- reading ---- */

static void on_line(char *line)
{
	got_line = line;
	line_done = 1;
	rl_callback_handler_remove();
}

void lineedit_init(struct shell *sh)
{
	the_shell = sh;
	rl_readline_name = "sockshell";
	rl_catch_signals = 0;
	rl_attempted_completion_function = complete;
	rl_basic_word_break_characters = " \t;";
	using_history();
	stifle_history(HISTORY_MAX);
	char *path = lineedit_history_path();
	if (path != NULL) {
		read_history(path);
		free(path);
	}
}

char *lineedit_read(struct shell *sh, const char *prompt)
{
	(void)sh;
	line_done = 0;
	got_line = NULL;
	rl_callback_handler_install(prompt, on_line);
	while (!line_done) {
		fd_set fds;
		int fd = fileno(rl_instream ? rl_instream : stdin);
		FD_ZERO(&fds);
		FD_SET(fd, &fds);
		int r = select(fd + 1, &fds, NULL, NULL, NULL);
		if (r < 0 && errno == EINTR) {
			if (shell_sigint) {
				/* Ctrl-C at the prompt: abandon the line. */
				shell_sigint = 0;
				rl_free_line_state();
				rl_callback_sigcleanup();
				rl_replace_line("", 0);
				rl_crlf();
				rl_on_new_line();
				rl_redisplay();
			}
			continue;
		}
		if (r < 0) {
			rl_callback_handler_remove();
			return NULL;
		}
		rl_callback_read_char();
	}
	if (got_line == NULL)
		fputc('\n', stdout);  /* Ctrl-D: end the prompt's line */
	return got_line;
}

void lineedit_history(struct shell *sh, const char *line)
{
	(void)sh;
	HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
	if (line[0] != '\0' && (last == NULL || strcmp(last->line, line) != 0))
		add_history(line);
}

void lineedit_finish(struct shell *sh)
{
	(void)sh;
	char *path = lineedit_history_path();
	if (path == NULL)
		return;
	/* Create it private; write_history keeps an existing file's mode. */
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0) {
		fchmod(fd, 0600);
		close(fd);
		write_history(path);
		history_truncate_file(path, HISTORY_MAX);
	}
	free(path);
	sb_free(&cands);
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
	fputs(prompt, stdout);
	fflush(stdout);
	errno = 0;
	ssize_t n = getline(&line, &cap, stdin);
	if (n < 0) {
		if (errno == EINTR && shell_sigint) {
			shell_sigint = 0;
			clearerr(stdin);
			fputc('\n', stdout);
			free(line);
			return xstrdup("");
		}
		free(line);
		fputc('\n', stdout);
		return NULL;
	}
	if (n > 0 && line[n - 1] == '\n')
		line[n - 1] = '\0';
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
