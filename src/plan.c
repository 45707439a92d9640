/*
 * plan.c - a file lexed once.
 *
 * Hides how the check pass's commands are kept: the check's own text of
 * words (it lexes each command after the last, and what is not kept is
 * taken back), two arrays (commands, words: offsets into that text) that
 * grow as the check goes, and a cursor the run moves forward.  Nothing
 * is copied and nothing allocated per word.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "strbuf.h"

void plan_init(struct plan *pl, const char *file, size_t len)
{
	memset(pl, 0, sizeof *pl);
	sb_init(&pl->text);
	pl->file = file;
	pl->len = len;
}

void plan_free(struct plan *pl)
{
	sb_free(&pl->text);
	free(pl->cmd);
	free(pl->word);
	plan_init(pl, NULL, 0);
}

/* What a plan may hold besides the check's text (about the file's size):
 * beyond it, the commands that follow are lexed when they run, as
 * without a plan. */
#define PLAN_BUDGET(len) (((size_t)16 << 20) + (size_t)(len) * 2)

/* Room for one more command and n more words: 0, or -1 when the plan
 * would pass its budget.  The first room made is a guess from the text's
 * size (a command every 16 bytes), so that a long lesson seldom moves
 * the arrays. */
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
	return 0;
}

/* Can cmd be kept: some words, none an expansion, offsets that fit? */
static int keepable(const struct plan *pl, const struct command *cmd)
{
	if (cmd->n == 0 || pl->full || pl->len >= UINT32_MAX ||
	    cmd->text.len >= UINT32_MAX)
		return 0;
	for (int k = 0; k < cmd->n; k++)
		if (cmd->w[k].flags & WORD_DYNAMIC)
			return 0;
	return 1;
}

void plan_keep(struct plan *pl, size_t line_off, struct command *cmd,
	       const struct command_def *def)
{
	/* Its bytes begin with its first word's. */
	size_t base = cmd->n > 0 ? (size_t)(cmd->w[0].s - cmd->text.buf) : cmd->text.len;

	int keep = def != NULL && keepable(pl, cmd);

	if (keep && make_room(pl, (size_t)cmd->n) < 0) {
		pl->full = 1;  /* past the budget: nothing more is kept */
		keep = 0;
	}
	if (!keep) {
		cmd->text.len = base;
		if (cmd->text.buf != NULL)
			cmd->text.buf[base] = '\0';
		return;
	}
	for (int k = 0; k < cmd->n; k++) {
		const struct word *w = &cmd->w[k];
		struct plan_word *pw = &pl->word[pl->nword++];
		pw->off = (uint32_t)(w->s - cmd->text.buf);
		pw->len = (uint32_t)w->len;
		pw->colq = (uint32_t)w->col << 1 | ((w->flags & WORD_QUOTED) != 0);
	}
	struct plan_cmd *c = &pl->cmd[pl->ncmd++];
	c->def = def;
	c->start = (uint32_t)(line_off + cmd->start);
	c->end = (uint32_t)(line_off + cmd->end);
	c->n = (uint32_t)cmd->n;
}

void plan_take_text(struct plan *pl, struct strbuf *text)
{
	sb_free(&pl->text);
	pl->text = *text;
	sb_init(text);
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
		w->s = pl->text.buf + pw[k].off;
		w->len = pw[k].len;
		w->col = (int)(pw[k].colq >> 1);
		w->flags = pw[k].colq & 1 ? WORD_QUOTED : 0;
	}
	cmd->n = (int)c->n;
	cmd->start = c->start - line_off;
	cmd->end = c->end - line_off;
	cmd->def = c->def;
	*pos = cmd->end;
	return 1;
}
