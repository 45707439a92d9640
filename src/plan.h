/*
 * plan.h - a file lexed once a line: what the check pass learnt, kept
 * for the run (plan.c).
 *
 * Before a lesson's first line runs, the check pass lexes every command
 * and finds its row in the command table.  A plan keeps both for every
 * line whose commands all passed and need no expansion (no ${...} or $N),
 * once for each different text: a line met again (a lesson repeats its
 * lines: send, recv, expect) is neither lexed nor checked again, and the
 * plan holds each text's words once, so that a long lesson keeps little.
 * The run takes such a line's commands from the plan instead of lexing
 * and looking them up again; a line with an expansion is lexed at run
 * time, with the variables' values of that moment.
 */
#ifndef SOCKSHELL_PLAN_H
#define SOCKSHELL_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "lexer.h"
#include "strbuf.h"

struct command_def;

/* A word kept: its bytes (with a NUL after them) in the plan's text. */
struct plan_word {
	uint32_t off;
	uint16_t len;
	uint16_t colq;          /* its column << 1, | 1 when WORD_QUOTED */
};

/* A command kept: offsets in its line. */
struct plan_cmd {
	const struct command_def *def;  /* the row the check found */
	uint32_t word;          /* its first word in the plan's words */
	uint16_t n;             /* how many */
	uint16_t start, end;    /* its text: cmd->start and cmd->end */
	uint16_t next;          /* where lexing it left *pos */
};

/* A line's text kept (its bytes are the file's) and its commands. */
struct plan_line {
	uint32_t off, len;      /* the text: file[off..off+len) */
	uint32_t cmd, ncmd;     /* its commands in the plan's commands */
	uint64_t hash;
};

struct plan {
	const char *file;       /* the file's text, as the source holds it */
	size_t len;
	struct strbuf text;     /* the words' bytes */
	struct plan_line *line;
	size_t nline, capline;
	struct plan_cmd *cmd;
	size_t ncmd, capcmd;
	struct plan_word *word;
	size_t nword, capword;
	uint32_t *slot;         /* a hash table of lines: index + 1, 0 free */
	size_t nslot;           /* a power of 2, or 0 */
	uint32_t *at;           /* by line number: the line kept + 1, or 0 */
	size_t nat, capat;
	/* While checking: the line being kept, and whether it still can be. */
	struct plan_line open;
	int open_ok;
	size_t open_text, open_word;  /* what it began at */
	size_t open_lineno;
	/* While running: the line whose commands are being taken. */
	size_t run_lineno;
	const struct plan_line *run_line;
	size_t run_k;
	int full;               /* over its budget: nothing more is kept */
};

/* An empty plan for the text file[0..len), which must outlive it. */
void plan_init(struct plan *pl, const char *file, size_t len);
/* In the check pass: has line[0..len), the file's line number lineno
 * (from 1), a text met and kept before?  Then it has passed the check
 * already: it need not be lexed nor checked again (the run will find it
 * by its number). */
int plan_known(struct plan *pl, size_t lineno, const char *line, size_t len);
/* In the check pass, before the commands of line[0..len), the file's
 * line number lineno, not known, are checked: the plan begins to keep
 * them. */
void plan_line_begin(struct plan *pl, size_t lineno, const char *line, size_t len);
/* Keep cmd, lexed without expansion from the line begun and passed by
 * the check, whose row is def, and *pos where lexing it left the line's
 * position.  A command without words is passed over; one with an
 * expansion, or no row, or too long for the compact form, means the line
 * is not kept. */
void plan_keep(struct plan *pl, const struct command *cmd, const struct command_def *def,
	       size_t pos);
/* The end of the line begun: kept when every command of it was handed
 * to plan_keep and could be kept (ok: the check passed them all). */
void plan_line_end(struct plan *pl, int ok);
/* At run time: if the line number lineno of the file (of length len) is
 * kept, put its next command in cmd (its words, start, end and def), move
 * *pos past it and return 1 (a command of no words, *pos at len, when
 * none is left); else return 0 (lex it).  *pos 0 starts the line again. */
int plan_take(struct plan *pl, size_t lineno, size_t len, size_t *pos, struct command *cmd);
void plan_free(struct plan *pl);

#endif
