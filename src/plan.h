/*
 * plan.h - a file lexed once: what the check pass learnt, kept for the
 * run (plan.c).
 *
 * Before a lesson's first line runs, the check pass lexes every command
 * and finds its row in the command table.  A plan keeps both for every
 * command whose words need no expansion (no ${...} or $N): the check
 * lexes with its command's append set, so the words of every command
 * stay in one text, which the plan takes at the end; and the row.  The
 * run takes such a command from the plan instead of lexing and looking
 * it up again; a command with an expansion is lexed at run time, with
 * the variables' values of that moment.
 */
#ifndef SOCKSHELL_PLAN_H
#define SOCKSHELL_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "lexer.h"

struct command_def;

/* A word kept: its bytes follow those of the word before it in the
 * plan's text (each with its NUL), so only its length is kept. */
struct plan_word {
	uint16_t len;
	uint16_t colq;          /* its column << 1, | 1 when WORD_QUOTED */
};

/* A command kept (16 bytes: a long lesson keeps one per line). */
struct plan_cmd {
	const struct command_def *def;  /* the row the check found */
	uint32_t start;         /* the command's text: an offset in the file */
	uint16_t span;          /* ...and its length */
	uint16_t n;             /* its words follow those of the ones before */
};

struct plan {
	const char *file;       /* the file's text, as the source holds it */
	size_t len;
	struct strbuf text;     /* the words' bytes: the check's text */
	size_t tail;            /* while checking: the end of the words kept */
	struct plan_cmd *cmd;
	size_t ncmd, capcmd;
	struct plan_word *word;
	size_t nword, capword;
	size_t next, next_word; /* the run's place: the next command kept, */
	size_t next_text;       /* its first word and that word's bytes */
	int full;               /* over its budget: nothing more is kept */
};

/* An empty plan for the text file[0..len), which must outlive it. */
void plan_init(struct plan *pl, const char *file, size_t len);
/* Keep cmd, lexed (without expansion, with cmd->append set) from the
 * line at offset line_off of the file, whose row the check found to be
 * def.  Commands must come in the file's order.  One with an expansion,
 * or no row, or too long for the compact form (a word of 64 KiB, a
 * column past 32767), or past the plan's budget, is not kept (it is
 * lexed when it runs): its words are taken back out of cmd->text, as
 * are those of a command the check refused before it. */
void plan_keep(struct plan *pl, size_t line_off, struct command *cmd,
	       const struct command_def *def);
/* At the end of the check: the plan takes text (cmd->text of the check),
 * which holds the words kept, and leaves it empty. */
void plan_take_text(struct plan *pl, struct strbuf *text);
/* At run time: if the command of line[0..len) that starts at *pos (after
 * blanks) is kept, put it in cmd (its words, start, end and def), move
 * *pos past it and return 1; else return 0 (lex it).  line must be a
 * line of the file, and lines must come in order. */
int plan_take(struct plan *pl, const char *line, size_t len, size_t *pos, struct command *cmd);
void plan_free(struct plan *pl);

#endif
