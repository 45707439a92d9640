/*
 * repl.c - the one input loop, for the terminal, files, stdin, -c and
 * nested "source".
 *
 * Hides line reading, the whole-file check that runs before a lesson's
 * first line, dispatch through the command table, the leading handle
 * number, and what a failure, an interrupt or "quit" does to the loop.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "argcheck.h"
#include "capture.h"
#include "cmdtab.h"
#include "handle.h"
#include "i18n.h"
#include "lab.h"
#include "lesson.h"
#include "lineedit.h"
#include "output.h"
#include "plan.h"
#include "repl.h"
#include "report.h"
#include "shell.h"
#include "vars.h"

volatile sig_atomic_t shell_sigint;

/* Does the stream fp hold bytes read ahead, so that the next getc makes
 * no read(2), which could wait?  glibc's FILE says so (its buffer's
 * pointers are public, as gnulib's freadahead reads them); elsewhere the
 * answer is no, and the output is written before every read of a line. */
static int stream_buffered(FILE *fp)
{
#if defined(__GLIBC__)
	return fp->_IO_read_ptr < fp->_IO_read_end;
#else
	(void)fp;
	return 0;
#endif
}

/*
 * One line of the stream src->fp into src->input, without its newline, at
 * most SHELL_MAX_LINE bytes: the rest of a longer line is read and thrown
 * away, in constant memory.  What waits for standard output is written
 * first when the next byte is not buffered (the read may wait: a peer
 * watching the output sees each line before), and only then, so a script
 * on stdin makes no write per line.  Returns 1, 2 for a line that was too
 * long, or 0 at the end (or when a signal stopped the read).
 */
/* Wait until fd has input, looking at the interrupt flag every 200 ms:
 * a signal that lands just before a blocking read would not interrupt
 * it.  Returns 0 (read now), or -1 when a signal came. */
static int wait_input(int fd)
{
	struct pollfd p = { fd, POLLIN, 0 };

	for (;;) {
		if (shell_sigint)
			return -1;
		int r = poll(&p, 1, 200);
		if (r > 0 || (r < 0 && errno != EINTR))
			return 0;
	}
}

static int read_stream_line(struct shell *sh, struct source *src)
{
	struct strbuf *sb = &src->input;
	int c, got = 0, too_long = 0;

	sb_reset(sb);
	flockfile(src->fp);
	for (;;) {
		if (shell_sigint) {
			got = 0;  /* an endless line must not hide a signal */
			break;
		}
		if (!stream_buffered(src->fp)) {
			out_flush(sh);
			if (wait_input(fileno(src->fp)) < 0) {
				got = 0;
				break;
			}
		}
		c = getc_unlocked(src->fp);
		if (c == EOF) {
			if (ferror(src->fp) && errno == EINTR && !shell_sigint) {
				clearerr(src->fp);
				continue;
			}
			break;
		}
		got = 1;
		if (c == '\n')
			break;
		if (sb->len < SHELL_MAX_LINE)
			sb_addc(sb, c);
		else
			too_long = 1;
	}
	funlockfile(src->fp);
	if (!got)
		return 0;
	if (sb->buf == NULL)
		sb_grow(sb, 1);
	return too_long ? 2 : 1;
}

/* The next line of src into *line and *len.  Returns 1, 2 when a stream's
 * line was too long (it is skipped), or 0 at the end. */
static int next_line(struct shell *sh, struct source *src, char **owned, const char **line,
		     size_t *len)
{
	if (src->text != NULL) {
		if (src->pos >= src->len)
			return 0;
		const char *p = src->text + src->pos;
		const char *nl = memchr(p, '\n', src->len - src->pos);
		*line = p;
		*len = nl ? (size_t)(nl - p) : src->len - src->pos;
		src->pos += *len + (nl != NULL);
		return 1;
	}
	if (src->terminal) {
		char prompt[64];
		if (sh->capture != NULL)
			capture_drain(sh, 0);
		out_flush(sh);
		if (sh->current >= 0)
			snprintf(prompt, sizeof prompt, "sockshell[%d]> ", sh->current);
		else
			snprintf(prompt, sizeof prompt, "sockshell> ");
		lab_prompt(sh, prompt, sizeof prompt);  /* with the host, in a lab */
		*owned = lineedit_read(sh, prompt);
		if (*owned == NULL)
			return 0;
		*line = *owned;
		*len = strlen(*owned);
		return 1;
	}
	int r = read_stream_line(sh, src);
	*line = src->input.buf;
	*len = src->input.len;
	return r;
}

/* ---- checking ---- */

/* Check one lexed command's name and argument count.  Returns 0, with
 * its table row in *found (NULL when the name is an expansion, unknown
 * until run time), or -1 with the message in msg and the bad word in *bad. */
static int check_command(const struct command *cmd, char *msg, size_t msglen, int *bad,
			 const struct command_def **found)
{
	int first = 0;
	const struct word *w = cmd->w;

	*found = NULL;

	if (cmd->n > 0 && !(w[0].flags & WORD_QUOTED) && w[0].len > 0 &&
	    isdigit((unsigned char)w[0].s[0])) {
		for (size_t i = 0; i < w[0].len; i++) {
			if (!isdigit((unsigned char)w[0].s[i])) {
				snprintf(msg, msglen, _("'%.40s' is not a handle number"), w[0].s);
				*bad = 0;
				return -1;
			}
		}
		first = 1;
	}
	if (first >= cmd->n || (w[first].flags & WORD_DYNAMIC))
		return 0;
	*bad = first;
	int amb;
	const struct command_def *def = cmdtab_find(w[first].s, w[first].len, &amb);
	if (def == NULL) {
		char cand[400];
		struct strbuf shown = STRBUF_INIT;
		sb_add_quoted(&shown, w[first].s, w[first].len < 40 ? w[first].len : 40);
		if (amb) {
			cmdtab_candidates(w[first].s, w[first].len, cand, sizeof cand);
			snprintf(msg, msglen, _("ambiguous command %s: it could be %s"), shown.buf, cand);
		} else {
			const char *s = cmdtab_suggest(w[first].s, w[first].len);
			if (s != NULL)
				snprintf(msg, msglen, _("unknown command %s (did you mean '%s'?)"),
					 shown.buf, s);
			else
				snprintf(msg, msglen, _("unknown command %s (help lists the commands)"),
					 shown.buf);
		}
		sb_free(&shown);
		return -1;
	}
	int argc = cmd->n - first - 1;
	if (argc < def->min || (def->max >= 0 && argc > def->max)) {
		/* TRANSLATORS: a command, then the command and its arguments
		   as "help" shows them: "bind: too few arguments (usage: bind
		   HOST PORT)". */
		snprintf(msg, msglen, argc < def->min ? _("%s: too few arguments (usage: %s%s%s)")
			 : _("%s: too many arguments (usage: %s%s%s)"), def->name, def->name,
			 def->args[0] ? " " : "", def->args);
		*bad = argc < def->min ? first : first + 1 + (def->max >= 0 ? def->max : 0);
		return -1;
	}
	*found = def;
	return 0;
}

/* Check the keyword arguments of a command whose name and count passed
 * (def NULL: its name is a ${...}, known only when it runs).  Returns 0,
 * or -1 with the message in msg and the bad word in *bad. */
static int check_arguments(const struct command *cmd, const struct command_def *def,
			   char *msg, size_t msglen, int *bad)
{
	const struct word *w = cmd->w;
	int first = cmd->n > 0 && !(w[0].flags & WORD_QUOTED) && isdigit((unsigned char)w[0].s[0]);

	if (def == NULL || first >= cmd->n)
		return 0;
	struct arg_shape shape = { def->args, def->max, def->complete, def->rest };
	if (argcheck_command(&shape, w + first + 1, cmd->n - first - 1, msg, msglen, bad) == 0)
		return 0;
	*bad += first + 1;
	return -1;
}

/* repl_check, keeping in pl (when not NULL) each line that passed,
 * for the run (plan.h). */
static int check_source(struct shell *sh, struct source *src, struct plan *pl)
{
	struct command cmd;
	struct lex_error err;
	char msg[600];
	int errors = 0;
	long line = 0;
	size_t pos = 0;

	lex_command_init(&cmd);
	while (pos < src->len) {
		const char *p = src->text + pos;
		const char *nl = memchr(p, '\n', src->len - pos);
		size_t len = nl ? (size_t)(nl - p) : src->len - pos;
		size_t at = 0;
		int r;
		line++;
		pos += len + (nl != NULL);
		if (len > SHELL_MAX_LINE) {
			snprintf(msg, sizeof msg, _("line longer than %u MiB"), SHELL_MAX_LINE >> 20);
			out_syntax_error(sh, src->name, line, NULL, 0, 1, 1, msg);
			errors++;
			continue;
		}
		/* A text met before has passed: the plan knows it. */
		if (pl != NULL && plan_known(pl, (size_t)line, p, len))
			continue;
		int before = errors;
		if (pl != NULL)
			plan_line_begin(pl, (size_t)line, p, len);
		/* (at < len: no call just to learn that the line has ended) */
		while (at < len && (r = lex_command(p, len, &at, &cmd, NULL, NULL, &err)) != 0) {
			int bad;
			if (r < 0) {
				out_syntax_error(sh, src->name, line, p, len, err.col, err.width, err.msg);
				errors++;
				break;
			}
			const struct command_def *def;
			if (check_command(&cmd, msg, sizeof msg, &bad, &def) < 0 ||
			    check_arguments(&cmd, def, msg, sizeof msg, &bad) < 0) {
				int col = bad < cmd.n ? cmd.w[bad].col : (int)cmd.end + 1;
				int width = bad < cmd.n ? (int)cmd.w[bad].len : 1;
				out_syntax_error(sh, src->name, line, p, len, col, width, msg);
				errors++;
			} else if (pl != NULL) {
				plan_keep(pl, &cmd, def, at);
			}
		}
		if (pl != NULL)
			plan_line_end(pl, errors == before);
	}
	lex_command_free(&cmd);
	return errors;
}

int repl_check(struct shell *sh, struct source *src)
{
	return check_source(sh, src, NULL);
}

/* ---- running ---- */

/* A usage error at run time: as out_error, and status 2 in a script (not
 * in a file sourced at the prompt, where errors are only reported). */
static void usage_error(struct shell *sh, const struct word *w, const char *msg)
{
	out_error(sh, w, "%s", msg);
	if (shell_scripted(sh) && !sh->interactive)
		sh->status = EXIT_USAGE;
}

/*
 * What the loop does after a signal.  SIGTERM and SIGHUP end the shell
 * with status 128+N.  SIGINT stops a script (status 130), but in a file
 * sourced at the prompt it stops only the files: the flag stays up, so
 * that every nested file is left, until the terminal's own line sees it
 * and the prompt comes back with every handle.  Returns CMD_EXIT or
 * CMD_ERROR (the rest of the line is dropped).
 */
static int after_signal(struct shell *sh)
{
	if (shell_ending()) {
		sh->status = 128 + shell_sigint;
		sh->interrupted = 1;
		return CMD_EXIT;
	}
	if (shell_scripted(sh) && sh->interactive)
		return CMD_ERROR;
	shell_sigint = 0;
	if (!shell_scripted(sh))
		return CMD_ERROR;
	sh->interrupted = 1;
	sh->status = EXIT_INTERRUPTED;
	return CMD_EXIT;
}

/* A CMD_CALL command that stopped before its call: an expect after it
 * has no result to check, and says so, as after a shell error. */
static void no_call(struct shell *sh)
{
	sh->last.valid = 0;
	sh->last.no_call = 1;
	sh->last.no_call_line = shell_scripted(sh) ? sh->src->line : 0;
}

/*
 * Run the handler of row def on its words w[0..n), doing what the row's
 * flags claim (cmdtab.h): a pending failure reported first unless
 * CMD_CHECKS, the current handle required by CMD_HANDLE, the result of a
 * CMD_CALL kept or marked missing, the line journalled for "save" unless
 * CMD_NOSAVE.  Returns CMD_OK, CMD_ERROR or CMD_EXIT.
 */
static int run_row(struct shell *sh, const struct command_def *def, int n, struct word *w,
		   const char *text, size_t len)
{
	if (!(def->flags & CMD_CHECKS))
		report_settle(sh);
	if ((def->flags & CMD_HANDLE) && handle_current(sh) == NULL)
		return CMD_ERROR;
	if (sh->capture != NULL && !(def->flags & CMD_CHECKS)) {
		capture_drain(sh, 0);  /* what came since: the previous command's */
		capture_new_batch(sh);
	}
	unsigned long calls = sh->ncalls;
	int rc = def->fn(sh, n, w);
	int made_call = sh->ncalls != calls;
	if (sh->capture != NULL && made_call)
		capture_drain(sh, 1);
	if ((def->flags & CMD_CALL) && !made_call)
		no_call(sh);
	/* The journal holds what was typed (or read) at the top level: the
	 * lines of a sourced file are replayed by its source line. */
	if (!(def->flags & CMD_NOSAVE) && rc != CMD_ERROR && sh->depth == 1)
		lesson_journal(sh, text, len, made_call && (def->flags & CMD_CALL));
	/* -e and a call that failed (a shell error is run_line's to stop on). */
	if (sh->errexit && rc == CMD_OK && shell_scripted(sh) &&
	    made_call && (sh->last.err || sh->last.gai || sh->last.timed_out)) {
		report_errexit(sh);
		return CMD_EXIT;
	}
	return rc;
}

/* Run one lexed command.  Returns CMD_OK, CMD_ERROR or CMD_EXIT. */
static int run_command(struct shell *sh, struct command *cmd, const char *text, size_t len)
{
	struct word *w = cmd->w;
	int n = cmd->n, bad;
	char msg[600];
	const struct command_def *def = cmd->def;  /* kept by the check pass */

	if (def == NULL && check_command(cmd, msg, sizeof msg, &bad, &def) < 0) {
		usage_error(sh, bad < n ? &w[bad] : NULL, msg);
		return CMD_ERROR;
	}
	if (!(w[0].flags & WORD_QUOTED) && isdigit((unsigned char)w[0].s[0])) {
		int fd;
		if (!handle_is_word(sh, &w[0], &fd)) {
			out_error(sh, &w[0], _("there is no open handle %.40s"), w[0].s);
			return CMD_ERROR;
		}
		handle_use(sh, fd);
		w++;
		n--;
		if (n == 0)
			return CMD_OK;
	}
	int amb;
	if (def == NULL)  /* a ${...} in command position: look it up now */
		def = cmdtab_find(w[0].s, w[0].len, &amb);
	if (def == NULL) {
		/* Only a ${...} in command position gets here. */
		usage_error(sh, &w[0], _("unknown command"));
		return CMD_ERROR;
	}
	return run_row(sh, def, n, w, text, len);
}

/*
 * run_command, but at the prompt an error of the shell in a sourced file
 * is only reported, as one typed is: it leaves the exit status alone
 * (unless it was a TAP point, or a time-out was waiting to be settled).
 */
static int dispatch(struct shell *sh, struct command *cmd, const char *text, size_t len)
{
	struct report_mark mark;

	report_mark(sh, &mark);
	int rc = run_command(sh, cmd, text, len);
	if (rc == CMD_ERROR && sh->interactive && shell_scripted(sh))
		report_only_reported(sh, &mark);
	return rc;
}

/* The next command of line[0..len) at *pos into sh->cmd: from the plan
 * pl when the check pass kept it, else lexed with expansion.  Returns as
 * lex_command. */
static int next_command(struct shell *sh, struct plan *pl, const char *line, size_t len,
			size_t *pos, struct lex_error *err)
{
	if (pl != NULL && plan_take(pl, (size_t)sh->src->line, len, pos, &sh->cmd))
		return 1;
	return lex_command(line, len, pos, &sh->cmd, var_lookup, sh, err);
}

/* Run every command of one line (of the file pl plans, when not NULL).
 * Returns CMD_OK, CMD_ERROR or CMD_EXIT. */
static int run_line(struct shell *sh, struct plan *pl, const char *line, size_t len)
{
	struct lex_error err;
	size_t pos = 0;
	int r, rc = CMD_OK;

	sh->cmd_line = line;
	sh->cmd_line_len = len;
	if (sh->echo && shell_scripted(sh))
		out_command(sh, line, len);
	while (pos < len && (r = next_command(sh, pl, line, len, &pos, &err)) != 0) {
		if (r < 0) {
			struct word w = { line, 0, err.col, 0 };
			w.len = (size_t)err.width;
			usage_error(sh, &w, err.msg);
			return sh->errexit && shell_scripted(sh) ? CMD_EXIT : CMD_ERROR;
		}
		if (sh->cmd.n == 0)
			continue;
		/* A signal (Ctrl-C: the call showed EINTR) that came during
		 * this command or the one before drops the rest of the line. */
		if (shell_sigint)
			return after_signal(sh);
		rc = dispatch(sh, &sh->cmd, line + sh->cmd.start, sh->cmd.end - sh->cmd.start);
		if (shell_sigint)
			return after_signal(sh);
		if (rc == CMD_ERROR && sh->errexit && shell_scripted(sh)) {
			/* -e: a shell error (no such handle, a bad argument)
			 * stops the script as a failed call does. */
			if (sh->status == EXIT_GOOD)
				sh->status = EXIT_FAILED;
			return CMD_EXIT;
		}
		if (rc == CMD_EXIT || sh->unwinding)
			return rc;
	}
	return rc;
}

/* A line of a stream that was longer than SHELL_MAX_LINE: an error, and
 * the shell goes on with the next line (unless -e). */
static int too_long(struct shell *sh)
{
	char msg[120];

	sh->cmd_line = NULL;
	snprintf(msg, sizeof msg, _("line longer than %u MiB: skipped"), SHELL_MAX_LINE >> 20);
	usage_error(sh, NULL, msg);
	return sh->errexit ? CMD_EXIT : CMD_ERROR;
}

int repl_run(struct shell *sh, struct source *src)
{
	char *owned = NULL;
	const char *line;
	size_t len;
	int rc = CMD_OK;

	sh->run_source = repl_run;  /* for "source" (shell.h) */
	src->up = sh->src;
	sh->src = src;
	sh->depth++;
	int status = sh->status;
	struct plan plan;
	plan_init(&plan, src->text, src->len);
	struct plan *pl = src->text != NULL ? &plan : NULL;
	if (pl != NULL && check_source(sh, src, pl) > 0) {
		plan_free(&plan);
		if (sh->interactive)
			sh->status = status;  /* at the prompt: only reported */
		sh->src = src->up;
		sh->depth--;
		return sh->depth == 0 ? CMD_EXIT : CMD_ERROR;
	}
	int got;
	while ((got = next_line(sh, src, &owned, &line, &len)) != 0) {
		src->line++;
		if (got == 2) {
			rc = too_long(sh);
		} else {
			if (src->terminal && len > 0)
				lineedit_history(sh, line);
			rc = run_line(sh, pl, line, len);
		}
		free(owned);
		owned = NULL;
		if (rc == CMD_EXIT || sh->unwinding || shell_sigint)
			break;
	}
	/* A signal that ended the reading, or that the terminal must see. */
	if (rc != CMD_EXIT && shell_sigint)
		rc = after_signal(sh);
	sb_free(&src->input);
	plan_free(&plan);
	sh->cmd_line = NULL;
	sh->src = src->up;
	sh->depth--;
	return rc == CMD_EXIT ? CMD_EXIT : CMD_OK;
}
