/*
 * test_plan.c - unit tests of plan.c: a command the check pass kept is
 * taken at run time with exactly the words, columns, flags, start and end
 * that lexing the line again gives (quotes, escapes, NUL bytes, ';' and
 * '#', blanks, a last line without its newline), a command with an
 * expansion is not kept (nor are its bytes: the text holds only the
 * words kept), and the run's cursor skips what a stopped line left
 * behind.
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
	"last \"word\"";

/* Every command of the file, lexed without expansion as the check pass
 * does, kept in pl, except the refuse'th (counted from 0): like one the
 * check refused, it is not handed to plan_keep, and its words stay in the
 * check's text.  Returns how many were kept. */
static size_t keep_but(struct plan *pl, size_t refuse)
{
	size_t seen = 0;

	struct command cmd;
	struct lex_error err;
	size_t off = 0, kept = 0;

	lex_command_init(&cmd);
	cmd.append = 1;
	while (off < sizeof file - 1) {
		const char *p = file + off, *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p), pos = 0;
		while (pos < len && lex_command(p, len, &pos, &cmd, NULL, NULL, &err) > 0) {
			size_t before = pl->ncmd;
			if (seen++ == refuse)
				continue;
			plan_keep(pl, off, &cmd, row);
			kept += pl->ncmd - before;
		}
		off += len + 1;
	}
	plan_take_text(pl, &cmd.text);
	lex_command_free(&cmd);
	return kept;
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

/* Run every line of the file, each command taken from the plan where it
 * was kept, and check it against the lexer.  Returns how many were taken;
 * *bad counts the ones that differ. */
static size_t take_all(struct plan *pl, int *bad)
{
	struct command got, want;
	struct lex_error err;
	size_t off = 0, taken = 0;

	lex_command_init(&got);
	lex_command_init(&want);
	while (off < sizeof file - 1) {
		const char *p = file + off, *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p), pos = 0;
		while (pos < len) {
			size_t wpos = pos;
			if (lex_command(p, len, &wpos, &want, NULL, NULL, &err) <= 0)
				break;
			if (plan_take(pl, p, len, &pos, &got)) {
				taken++;
				*bad += !same(&got, &want);
			} else {
				*bad += want.n > 0 && !dynamic(&want);
				pos = wpos;
			}
		}
		off += len + 1;
	}
	lex_command_free(&got);
	lex_command_free(&want);
	return taken;
}

int main(void)
{
	struct plan pl;
	int bad = 0;

	plan(9);
	plan_init(&pl, file, sizeof file - 1);
	/* 2 + a, f, g + echo $ ... + x, y + last: not "echo ${X} y". */
	is_uint(keep_all(&pl), 9, "every command without an expansion is kept");
	is_uint(take_all(&pl, &bad), 9, "the run takes each of them");
	is_int(bad, 0, "with the lexer's words, columns, flags, start and end");
	/* "echo ${X} y" lexes to "echo", "" and "y": not kept. */
	ok(memmem(pl.text.buf, pl.text.len, "\0\0y", 4) == NULL,
	   "the words of a command not kept are taken back out of the text");
	plan_free(&pl);

	/* A run that stopped in line 1 goes on at line 2. */
	plan_init(&pl, file, sizeof file - 1);
	keep_all(&pl);
	struct command cmd;
	lex_command_init(&cmd);
	const char *line2 = strchr(file, '\n') + 1;
	size_t pos = 0;
	ok(plan_take(&pl, line2, 9, &pos, &cmd) && cmd.n == 3 && strcmp(cmd.w[1].s, "recv") == 0,
	   "a command left behind is skipped");
	is_uint(pos, 9, "the position moves past the command");
	pos = 0;
	ok(!plan_take(&pl, file, 25, &pos, &cmd), "the cursor does not go back");
	plan_free(&pl);

	/* The words of a command the check refused lie in its text before
	 * the next one's: the plan finds the next one's words all the same
	 * (they follow each other, only their lengths are kept). */
	plan_init(&pl, file, sizeof file - 1);
	is_uint(keep_but(&pl, 0), 8, "a command refused is not kept");
	pos = 0;
	ok(plan_take(&pl, line2, 9, &pos, &cmd) && cmd.n == 3 && strcmp(cmd.w[0].s, "4") == 0 &&
	   strcmp(cmd.w[1].s, "recv") == 0 && strcmp(cmd.w[2].s, "16") == 0,
	   "the next command kept has its own words, not the refused one's");
	plan_free(&pl);
	lex_command_free(&cmd);
	return test_finish();
}
