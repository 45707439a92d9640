/*
 * test_plan.c - unit tests of plan.c: a command of a line the check pass
 * kept is taken at run time with exactly the words, columns, flags, start
 * and end that lexing the line again gives (quotes, escapes, NUL bytes,
 * ';' and '#', blanks, a last line without its newline); a line met again
 * is known and kept once; a line with an expansion, or refused, is not
 * kept (nor are its bytes); a line taken from its start again gives its
 * commands again.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "plan.h"
#include "../tap/basic.h"

/* Any row will do: the plan only keeps the pointer. */
static const struct command_def *const row = (const struct command_def *)&row;

static const char file[] =
	"3 send \"0123456789abcdef\"\n"
	"4 recv 16\n"
	"\n"
	"# a comment\n"
	"  a  'b c'\t\"d\\n\\x00e\" ; f;g # h\n"
	"echo ${X} y\n"
	"echo $ $x \"\\$1\" a\"b\"'c'\n"
	"x;;y ;\n"
	"3 send \"0123456789abcdef\"\n"
	"4 recv 16\n"
	"last \"word\"";

/* Every line of the file checked as the check pass does: lexed without
 * expansion, each text known before passed over, each command handed to
 * plan_keep, except that the line number refuse (counted from 0) is
 * ended as one the check refused.  Returns how many lines were met again
 * (known). */
static size_t keep_but(struct plan *pl, size_t refuse)
{
	struct command cmd;
	struct lex_error err;
	size_t off = 0, known = 0, nline = 0;

	lex_command_init(&cmd);
	while (off < sizeof file - 1) {
		const char *p = file + off, *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p), pos = 0;
		off += len + 1;
		nline++;
		if (plan_known(pl, nline, p, len)) {
			known++;
			continue;
		}
		plan_line_begin(pl, nline, p, len);
		while (pos < len && lex_command(p, len, &pos, &cmd, NULL, NULL, &err) > 0)
			plan_keep(pl, &cmd, row, pos);
		plan_line_end(pl, nline - 1 != refuse);
	}
	lex_command_free(&cmd);
	return known;
}

static size_t keep_all(struct plan *pl)
{
	return keep_but(pl, (size_t)-1);
}

/* Does the taken command a hold what lexing gave in b? */
static int same(const struct command *a, const struct command *b)
{
	if (a->n != b->n || a->start != b->start || a->end != b->end || a->def != row)
		return 0;
	for (int k = 0; k < a->n; k++) {
		const struct word *x = &a->w[k], *y = &b->w[k];
		if (x->len != y->len || memcmp(x->s, y->s, x->len) != 0 || x->s[x->len] != '\0' ||
		    x->col != y->col || x->flags != y->flags)
			return 0;
	}
	return 1;
}

/* Has cmd a word with an expansion (not kept)? */
static int dynamic(const struct command *cmd)
{
	for (int k = 0; k < cmd->n; k++)
		if (cmd->w[k].flags & WORD_DYNAMIC)
			return 1;
	return 0;
}

/* Run every line of the file, each command with words taken from the
 * plan where its line was kept, and check it against the lexer (and that
 * none is left after the last).  Returns how many were taken; *bad counts
 * the ones that differ. */
static size_t take_all(struct plan *pl, int *bad)
{
	struct command got, want;
	struct lex_error err;
	size_t off = 0, taken = 0, nline = 0;

	lex_command_init(&got);
	lex_command_init(&want);
	while (off < sizeof file - 1) {
		const char *p = file + off, *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p), pos = 0, wpos = 0;
		int kept = 1;
		off += len + 1;
		nline++;
		while (wpos < len && lex_command(p, len, &wpos, &want, NULL, NULL, &err) > 0) {
			if (want.n == 0)
				continue;
			if (kept && plan_take(pl, nline, len, &pos, &got)) {
				taken++;
				*bad += !same(&got, &want) || pos != wpos;
			} else {
				kept = 0;
				*bad += !dynamic(&want);
			}
		}
		if (kept && len > 0)
			*bad += !plan_take(pl, nline, len, &pos, &got) || got.n != 0 || pos != len;
	}
	lex_command_free(&got);
	lex_command_free(&want);
	return taken;
}

int main(void)
{
	struct plan pl;
	int bad = 0;

	plan(11);
	plan_init(&pl, file, sizeof file - 1);
	is_uint(keep_all(&pl), 2, "a text met again is known");
	/* 2 + a, f, g + echo $ ... + x, y + last, and the two lines again:
	 * not "echo ${X} y". */
	is_uint(take_all(&pl, &bad), 11, "the run takes each command of a line kept");
	is_int(bad, 0, "with the lexer's words, columns, flags, start and end");
	is_uint(pl.nline, 8, "each text is kept once, and not a line with an expansion");
	/* "echo ${X} y" lexes to "echo", "" and "y": not kept. */
	ok(memmem(pl.text.buf, pl.text.len, "\0\0y", 4) == NULL,
	   "the words of a line not kept are taken back out of the text");
	const char *r = memmem(pl.text.buf, pl.text.len, "recv", 4);
	ok(r != NULL && memmem(r + 1, pl.text.len - (size_t)(r + 1 - pl.text.buf), "recv", 4) == NULL,
	   "nor are those of a text met again");
	plan_free(&pl);

	/* A run that stopped in line 1 goes on at line 2; a line taken
	 * again from its start gives its commands again. */
	plan_init(&pl, file, sizeof file - 1);
	keep_all(&pl);
	struct command cmd;
	lex_command_init(&cmd);
	size_t pos = 0;
	ok(plan_take(&pl, 2, 9, &pos, &cmd) && cmd.n == 3 && strcmp(cmd.w[1].s, "recv") == 0,
	   "a line is found by its text");
	is_uint(pos, 9, "the position moves past the command");
	ok(plan_take(&pl, 2, 9, &pos, &cmd) && cmd.n == 0 && pos == 9,
	   "then the line has no more command");
	pos = 0;
	ok(plan_take(&pl, 2, 9, &pos, &cmd) && cmd.n == 3, "*pos 0 starts the line again");
	plan_free(&pl);

	/* A line the check refused is not kept (it is lexed at run time). */
	plan_init(&pl, file, sizeof file - 1);
	keep_but(&pl, 4);
	const char *line5 = strstr(file, "  a  ");
	pos = 0;
	ok(!plan_take(&pl, 5, (size_t)(strchr(line5, '\n') - line5), &pos, &cmd),
	   "a line refused is not kept");
	plan_free(&pl);
	lex_command_free(&cmd);
	return test_finish();
}
