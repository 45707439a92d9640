/*
 * plan.c - a file lexed once.
 *
 * Hides how the check pass's commands are kept: three arrays (commands,
 * words, a copy of the text) that grow as the check goes, and a cursor
 * the run moves forward.  A word's bytes are never longer than the text
 * they were lexed from (quotes and escapes only shrink it, and a command
 * with an expansion is not kept), so each is written over its own text
 * in the copy, with its NUL on the blank or separator after it: no
 * allocation per word, and its column is where it lies.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "strbuf.h"

void plan_init(struct plan *pl, const char *file, size_t len)
{
	memset(pl, 0, sizeof *pl);
	pl->file = file;
	pl->len = len;
}

void plan_free(struct plan *pl)
{
	free(pl->text);
	free(pl->cmd);
	free(pl->word);
	plan_init(pl, NULL, 0);
}

/* What a plan may hold besides the copy of the text: beyond it, the
 * commands that follow are lexed when they run, as without a plan. */
#define PLAN_BUDGET(len) (((size_t)16 << 20) + (size_t)(len) * 2)

/* Room for one more command and n more words: 0, or -1 when the plan
 * would pass its budget (it is then full: nothing more is kept).  The
 * first room made is a guess from the text's size (a command every 16
 * bytes), so that a long lesson seldom moves the arrays. */
static int make_room(struct plan *pl, size_t n)
{
	size_t cmds = pl->capcmd, words = pl->capword;

	if (pl->ncmd == cmds)
		cmds = cmds ? cmds * 2 : pl->len / 16 + 16;
	while (pl->nword + n > words)
		words = words ? words * 2 : (pl->len / 16 + 16) * 3;
	if (cmds != pl->capcmd || words != pl->capword) {
		if (cmds * sizeof *pl->cmd + words * sizeof *pl->word > PLAN_BUDGET(pl->len))
			return -1;
		pl->cmd = xrealloc(pl->cmd, cmds * sizeof *pl->cmd);
		pl->word = xrealloc(pl->word, words * sizeof *pl->word);
		pl->capcmd = cmds;
		pl->capword = words;
	}
	if (pl->text == NULL) {
		pl->text = xmalloc(pl->len + 1);
		memcpy(pl->text, pl->file, pl->len);
		pl->text[pl->len] = '\0';
	}
	return 0;
}

/* Write word k of cmd (at line_off) into the copy and the word array.
 * Returns 0, or -1 when it cannot be kept: an expansion, or bytes (with
 * their NUL) that would not fit in its own text, before the next word or
 * the command's end. */
static int keep_word(struct plan *pl, size_t line_off, const struct command *cmd, int k)
{
	const struct word *w = &cmd->w[k];
	size_t at = line_off + (size_t)w->col - 1;
	size_t limit = k + 1 < cmd->n ? line_off + (size_t)cmd->w[k + 1].col - 2 :
		       line_off + cmd->end;

	if ((w->flags & WORD_DYNAMIC) || w->col < 1 || at + w->len > limit || limit > pl->len)
		return -1;
	struct plan_word *pw = &pl->word[pl->nword++];
	pw->off = (uint32_t)at;
	pw->len = (unsigned)w->len;
	pw->quoted = (w->flags & WORD_QUOTED) != 0;
	/* A bare word is its own text: only its NUL is new. */
	if (pw->quoted)
		memcpy(pl->text + at, w->s, w->len);
	pl->text[at + w->len] = '\0';
	return 0;
}

void plan_keep(struct plan *pl, size_t line_off, const struct command *cmd,
	       const struct command_def *def)
{
	size_t nword = pl->nword;

	if (def == NULL || cmd->n == 0 || pl->full || pl->len >= UINT32_MAX)
		return;
	if (make_room(pl, (size_t)cmd->n) < 0) {
		pl->full = 1;
		return;
	}
	for (int k = 0; k < cmd->n; k++) {
		/* (What a word not kept wrote is in this command's own
		 * text, which nothing else reads.) */
		if (keep_word(pl, line_off, cmd, k) < 0) {
			pl->nword = nword;
			return;
		}
	}
	struct plan_cmd *c = &pl->cmd[pl->ncmd++];
	c->def = def;
	c->start = (uint32_t)(line_off + cmd->start);
	c->end = (uint32_t)(line_off + cmd->end);
	c->n = (uint32_t)cmd->n;
}

int plan_take(struct plan *pl, const char *line, size_t len, size_t *pos, struct command *cmd)
{
	size_t line_off = (size_t)(line - pl->file);
	size_t at = line_off + lex_skip_blanks(line, len, *pos);

	/* Past the commands the run left behind (the rest of a line that
	 * stopped at an error) to the first at or after this one. */
	while (pl->next < pl->ncmd && pl->cmd[pl->next].start < at)
		pl->next_word += pl->cmd[pl->next++].n;
	if (pl->next >= pl->ncmd || pl->cmd[pl->next].start != at)
		return 0;
	const struct plan_cmd *c = &pl->cmd[pl->next++];
	const struct plan_word *pw = &pl->word[pl->next_word];
	pl->next_word += c->n;
	lex_command_reserve(cmd, (int)c->n);
	for (uint32_t k = 0; k < c->n; k++) {
		struct word *w = &cmd->w[k];
		w->s = pl->text + pw[k].off;
		w->len = pw[k].len;
		w->col = (int)(pw[k].off - line_off) + 1;
		w->flags = pw[k].quoted ? WORD_QUOTED : 0;
	}
	cmd->n = (int)c->n;
	cmd->start = c->start - line_off;
	cmd->end = c->end - line_off;
	cmd->def = c->def;
	*pos = cmd->end;
	return 1;
}
