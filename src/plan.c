/*
 * plan.c - a file lexed once a line.
 *
 * Hides how the check pass's lines are kept: a hash table of the lines'
 * texts (their bytes stay the file's: a line kept is found by its hash
 * and compared with memcmp), compact arrays (lines, commands, words, and
 * the line kept for each line number, so that the run hashes nothing)
 * and the words' bytes in one text, which grow as the check goes, and
 * the run's place in the line it is taking commands from.  A line met
 * again adds 4 bytes, and nothing is allocated per word.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "plan.h"

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
	free(pl->line);
	free(pl->cmd);
	free(pl->word);
	free(pl->slot);
	free(pl->at);
	plan_init(pl, NULL, 0);
}

/* What a plan may hold (about the file's size and a MiB): beyond it, the
 * lines not kept yet are checked and lexed each time, as without a plan. */
#define PLAN_BUDGET(len) (((size_t)1 << 20) + (size_t)(len))

/* The bytes a plan holds. */
static size_t plan_bytes(const struct plan *pl)
{
	return pl->text.cap + pl->capline * sizeof *pl->line + pl->capcmd * sizeof *pl->cmd +
	       pl->capword * sizeof *pl->word + pl->nslot * sizeof *pl->slot + pl->capat * sizeof *pl->at;
}

/* A hash of p[0..n), eight bytes at a time. */
static uint64_t line_hash(const char *p, size_t n)
{
	size_t len = n;
	uint64_t h = 0x9e3779b97f4a7c15u ^ n, x;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&x, p, 8);
		h = (h ^ x) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	if (n > 0) {
		/* The last bytes: the eight that end the text when it is as
		 * long, no call to copy fewer. */
		x = 0;
		if (len >= 8)
			memcpy(&x, p + n - 8, 8);
		else
			for (size_t i = 0; i < n; i++)
				x = x << 8 | (unsigned char)p[i];
		h = (h ^ x) * 0xc4ceb9fe1a85ec53u;
	}
	return h ^ (h >> 29);
}

/* The line kept with the text p[0..n) and hash h, or NULL. */
static const struct plan_line *lookup(const struct plan *pl, const char *p, size_t n, uint64_t h)
{
	if (pl->nslot == 0)
		return NULL;
	for (size_t i = (size_t)h & (pl->nslot - 1);; i = (i + 1) & (pl->nslot - 1)) {
		uint32_t s = pl->slot[i];
		if (s == 0)
			return NULL;
		const struct plan_line *l = &pl->line[s - 1];
		if (l->hash == h && l->len == n && memcmp(pl->file + l->off, p, n) == 0)
			return l;
	}
}

/* Grow *arr of *cap elements of size sz to hold need: 0, or -1 past the
 * plan's budget. */
static int grow(struct plan *pl, void **arr, size_t *cap, size_t sz, size_t need);

/* Line number lineno (from 1) of the file has the text of the line kept
 * at l: the run finds it there. */
static void place(struct plan *pl, size_t lineno, const struct plan_line *l)
{
	if (lineno == 0 || grow(pl, (void **)&pl->at, &pl->capat, sizeof *pl->at, lineno) < 0)
		return;
	if (lineno > pl->nat) {
		memset(pl->at + pl->nat, 0, (lineno - pl->nat) * sizeof *pl->at);
		pl->nat = lineno;
	}
	pl->at[lineno - 1] = (uint32_t)(l - pl->line + 1);
}

int plan_known(struct plan *pl, size_t lineno, const char *line, size_t len)
{
	const struct plan_line *l = lookup(pl, line, len, line_hash(line, len));

	if (l == NULL)
		return 0;
	place(pl, lineno, l);
	return 1;
}

/* Put line number k (from 0) in the table, which has room. */
static void insert(struct plan *pl, size_t k)
{
	size_t i = (size_t)pl->line[k].hash & (pl->nslot - 1);

	while (pl->slot[i] != 0)
		i = (i + 1) & (pl->nslot - 1);
	pl->slot[i] = (uint32_t)(k + 1);
}

static int grow(struct plan *pl, void **arr, size_t *cap, size_t sz, size_t need)
{
	size_t c = *cap ? *cap : 16;

	while (c < need)
		c *= 2;
	if (c == *cap)
		return 0;
	if (plan_bytes(pl) + (c - *cap) * sz > PLAN_BUDGET(pl->len) || c > UINT32_MAX / 2)
		return -1;
	*arr = xrealloc(*arr, c * sz);
	*cap = c;
	return 0;
}

/* Room in the table for one more line (kept at most half full). */
static int grow_table(struct plan *pl)
{
	if ((pl->nline + 1) * 2 <= pl->nslot)
		return 0;
	size_t n = pl->nslot ? pl->nslot * 2 : 64;
	if (plan_bytes(pl) + n * sizeof *pl->slot > PLAN_BUDGET(pl->len))
		return -1;
	free(pl->slot);
	pl->slot = xrealloc(NULL, n * sizeof *pl->slot);
	memset(pl->slot, 0, n * sizeof *pl->slot);
	pl->nslot = n;
	for (size_t k = 0; k < pl->nline; k++)
		insert(pl, k);
	return 0;
}

void plan_line_begin(struct plan *pl, size_t lineno, const char *line, size_t len)
{
	pl->open_lineno = lineno;
	pl->open.off = (uint32_t)(line - pl->file);
	pl->open.len = (uint32_t)len;
	pl->open.cmd = (uint32_t)pl->ncmd;
	pl->open.ncmd = 0;
	pl->open.hash = line_hash(line, len);
	pl->open_text = pl->text.len;
	pl->open_word = pl->nword;
	pl->open_ok = !pl->full && len <= UINT16_MAX && pl->len < UINT32_MAX;
}

/* Keep cmd's words after the plan's: 0, or -1 when one is an expansion
 * or does not fit the compact form. */
static int keep_words(struct plan *pl, const struct command *cmd)
{
	if (grow(pl, (void **)&pl->word, &pl->capword, sizeof *pl->word,
		 pl->nword + (size_t)cmd->n) < 0)
		return -1;
	for (int k = 0; k < cmd->n; k++) {
		const struct word *w = &cmd->w[k];
		if ((w->flags & WORD_DYNAMIC) || w->len > UINT16_MAX || w->col > INT16_MAX ||
		    pl->text.len + w->len + 1 > UINT32_MAX ||
		    plan_bytes(pl) + w->len + 1 > PLAN_BUDGET(pl->len))
			return -1;
		struct plan_word *pw = &pl->word[pl->nword + (size_t)k];
		pw->off = (uint32_t)pl->text.len;
		pw->len = (uint16_t)w->len;
		pw->colq = (uint16_t)(w->col << 1 | ((w->flags & WORD_QUOTED) != 0));
		sb_add(&pl->text, w->s, w->len);
		sb_addc(&pl->text, '\0');
	}
	return 0;
}

void plan_keep(struct plan *pl, const struct command *cmd, const struct command_def *def,
	       size_t pos)
{
	if (!pl->open_ok || cmd->n == 0)
		return;
	if (def == NULL || cmd->n > UINT16_MAX ||
	    grow(pl, (void **)&pl->cmd, &pl->capcmd, sizeof *pl->cmd, pl->ncmd + 1) < 0 ||
	    keep_words(pl, cmd) < 0) {
		pl->open_ok = 0;
		return;
	}
	struct plan_cmd *c = &pl->cmd[pl->ncmd++];
	c->def = def;
	c->word = (uint32_t)pl->nword;
	c->n = (uint16_t)cmd->n;
	c->start = (uint16_t)cmd->start;
	c->end = (uint16_t)cmd->end;
	c->next = (uint16_t)pos;
	pl->nword += (size_t)cmd->n;
	pl->open.ncmd++;
}

void plan_line_end(struct plan *pl, int ok)
{
	int keepable = ok && pl->open_ok;

	if (keepable &&
	    grow(pl, (void **)&pl->line, &pl->capline, sizeof *pl->line, pl->nline + 1) == 0 &&
	    grow_table(pl) == 0) {
		pl->line[pl->nline++] = pl->open;
		insert(pl, pl->nline - 1);
		place(pl, pl->open_lineno, &pl->line[pl->nline - 1]);
		return;
	}
	/* Not kept: what it added is taken back. */
	if (keepable)
		pl->full = 1;  /* out of room: nothing more is kept */
	pl->ncmd = pl->open.cmd;
	pl->nword = pl->open_word;
	pl->text.len = pl->open_text;
	if (pl->text.buf != NULL)
		pl->text.buf[pl->text.len] = '\0';
}

int plan_take(struct plan *pl, size_t lineno, size_t len, size_t *pos, struct command *cmd)
{
	if (*pos == 0 || lineno != pl->run_lineno) {
		uint32_t k = lineno > 0 && lineno <= pl->nat ? pl->at[lineno - 1] : 0;
		pl->run_lineno = lineno;
		pl->run_line = k > 0 ? &pl->line[k - 1] : NULL;
		pl->run_k = 0;
	}
	const struct plan_line *l = pl->run_line;
	if (l == NULL)
		return 0;
	cmd->def = NULL;
	if (pl->run_k >= l->ncmd) {
		/* The rest has no command with words. */
		cmd->n = 0;
		cmd->start = cmd->end = len;
		*pos = len;
		return 1;
	}
	const struct plan_cmd *c = &pl->cmd[l->cmd + pl->run_k++];
	const struct plan_word *pw = &pl->word[c->word];
	lex_command_reserve(cmd, (int)c->n);
	for (uint32_t k = 0; k < c->n; k++) {
		struct word *w = &cmd->w[k];
		w->s = pl->text.buf + pw[k].off;
		w->len = pw[k].len;
		w->col = pw[k].colq >> 1;
		w->flags = pw[k].colq & 1 ? WORD_QUOTED : 0;
	}
	cmd->n = (int)c->n;
	cmd->start = c->start;
	cmd->end = c->end;
	cmd->def = c->def;
	*pos = c->next;
	return 1;
}
