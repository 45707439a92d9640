/*
 * plan.c - a file lexed once.
 *
 * Hides how the check pass's commands are kept: the check's own text of
 * words (it lexes each command after the last, and what is not kept is
 * taken back), two compact arrays (commands: 16 bytes, words: 4 bytes,
 * their bytes found by adding up the lengths before them) that grow as
 * the check goes, and a cursor the run moves forward.  Nothing is copied
 * and nothing allocated per word.
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

/* Can cmd be kept: some words, offsets and sizes that fit the compact
 * form?  (Its words are looked at as they are written.) */
static int keepable(const struct plan *pl, const struct command *cmd)
{
	return cmd->n > 0 && cmd->n <= UINT16_MAX && !pl->full && pl->len < UINT32_MAX &&
	       cmd->text.len < UINT32_MAX && cmd->end - cmd->start <= UINT16_MAX;
}

/* Write cmd's words after the plan's: 0, or -1 (none written) when one
 * is an expansion or too long for the compact form. */
static int keep_words(struct plan *pl, const struct command *cmd)
{
	struct plan_word *pw = &pl->word[pl->nword];

	for (int k = 0; k < cmd->n; k++) {
		const struct word *w = &cmd->w[k];
		if ((w->flags & WORD_DYNAMIC) || w->len > UINT16_MAX || w->col > INT16_MAX)
			return -1;
		pw[k].len = (uint16_t)w->len;
		pw[k].colq = (uint16_t)(w->col << 1 | ((w->flags & WORD_QUOTED) != 0));
	}
	pl->nword += (size_t)cmd->n;
	return 0;
}

void plan_keep(struct plan *pl, size_t line_off, struct command *cmd,
	       const struct command_def *def)
{
	/* Its bytes begin with its first word's; words of a command the
	 * check refused (not handed here) may lie between tail and them. */
	size_t base = cmd->n > 0 ? (size_t)(cmd->w[0].s - cmd->text.buf) : cmd->text.len;
	int keep = def != NULL && keepable(pl, cmd);

	if (keep && make_room(pl, (size_t)cmd->n) < 0) {
		pl->full = 1;  /* past the budget: nothing more is kept */
		keep = 0;
	}
	if (!keep || keep_words(pl, cmd) < 0) {
		cmd->text.len = pl->tail;
		if (cmd->text.buf != NULL)
			cmd->text.buf[pl->tail] = '\0';
		return;
	}
	if (base > pl->tail) {
		/* (and the NUL after them) */
		memmove(cmd->text.buf + pl->tail, cmd->text.buf + base, cmd->text.len - base + 1);
		cmd->text.len -= base - pl->tail;
	}
	pl->tail = cmd->text.len;
	struct plan_cmd *c = &pl->cmd[pl->ncmd++];
	c->def = def;
	c->start = (uint32_t)(line_off + cmd->start);
	c->span = (uint16_t)(cmd->end - cmd->start);
	c->n = (uint16_t)cmd->n;
}

void plan_take_text(struct plan *pl, struct strbuf *text)
{
	sb_free(&pl->text);
	pl->text = *text;
	sb_init(text);
}

/* Move the run's cursor past the next command kept (its words and their
 * bytes); returns that command. */
static const struct plan_cmd *step(struct plan *pl)
{
	const struct plan_cmd *c = &pl->cmd[pl->next++];

	for (uint32_t k = 0; k < c->n; k++)
		pl->next_text += pl->word[pl->next_word + k].len + 1u;
	pl->next_word += c->n;
	return c;
}

int plan_take(struct plan *pl, const char *line, size_t len, size_t *pos, struct command *cmd)
{
	size_t line_off = (size_t)(line - pl->file);
	size_t at = line_off + lex_skip_blanks(line, len, *pos);

	/* Past the commands the run left behind (the rest of a line that
	 * stopped at an error) to the first at or after this one. */
	while (pl->next < pl->ncmd && pl->cmd[pl->next].start < at)
		step(pl);
	if (pl->next >= pl->ncmd || pl->cmd[pl->next].start != at)
		return 0;
	const struct plan_cmd *c = &pl->cmd[pl->next++];
	const struct plan_word *pw = &pl->word[pl->next_word];
	const char *s = pl->text.buf + pl->next_text;
	pl->next_word += c->n;
	lex_command_reserve(cmd, (int)c->n);
	for (uint32_t k = 0; k < c->n; k++) {
		struct word *w = &cmd->w[k];
		w->s = s;
		w->len = pw[k].len;
		w->col = pw[k].colq >> 1;
		w->flags = pw[k].colq & 1 ? WORD_QUOTED : 0;
		s += pw[k].len + 1u;
	}
	pl->next_text = (size_t)(s - pl->text.buf);
	cmd->n = (int)c->n;
	cmd->start = c->start - line_off;
	cmd->end = cmd->start + c->span;
	cmd->def = c->def;
	*pos = cmd->end;
	return 1;
}
