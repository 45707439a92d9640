/*
 * lexer.h - split a line into commands and words.
 *
 * The language: blanks separate words; ';' separates commands; '#' starts a
 * comment; "..." holds C escapes; '...' is literal; ${NAME}, ${NAME:-dflt},
 * ${NAME^^}, ${NAME,,} and $1... expand (never splitting a word).  Words are
 * binary safe and remember their column, so errors can point at them.
 */
#ifndef SOCKSHELL_LEXER_H
#define SOCKSHELL_LEXER_H

#include <stddef.h>

#include "strbuf.h"

#define WORD_QUOTED  0x1  /* some part was quoted: the word is data */
#define WORD_DYNAMIC 0x2  /* holds an expansion (in check mode: value unknown) */

struct word {
	const char *s;  /* the bytes, NUL-terminated for convenience */
	size_t len;     /* the length that counts: s may hold NULs */
	int col;        /* 1-based column of the word's first character */
	unsigned flags;
};

struct command_def;  /* cmdtab.h: only pointed at here */

/* One command's words.  Reused from line to line: lexing into it again
 * reuses its memory, so a long script does not churn the allocator. */
struct command {
	struct word *w;
	int n;
	int cap;
	size_t start;  /* byte offset of the command's text in the line */
	size_t end;    /* byte offset just past it (before ';' or '#') */
	struct strbuf text;  /* storage for the words' bytes */
	size_t *off;   /* offsets of the words in text while lexing */
	/* The command table's row, when the check pass found it (plan.h);
	 * NULL after lex_command: the caller looks the name up. */
	const struct command_def *def;
};

struct lex_error {
	int col;        /* 1-based column the error points at */
	int width;      /* how many columns to underline (at least 1) */
	char msg[200];
};

/*
 * Look a variable up for expansion.  NAME is name[0..namelen), not
 * NUL-terminated; digits name a positional argument.  Returns 1 and sets
 * *val and *vlen when the variable is set, 0 when it is not.
 */
typedef int (*lex_lookup_fn)(void *ctx, const char *name, size_t namelen,
			     const char **val, size_t *vlen);

/*
 * Lex one command of line[0..len) starting at *pos, advancing *pos past the
 * ';' that ends it (or to len).  With lookup NULL the expansions are checked
 * for syntax only, expand to nothing and mark the word WORD_DYNAMIC.
 * Returns 1 when a command was read (it may have no words: an empty command
 * or a comment), 0 when *pos was already at the end of the line, and -1 on
 * a syntax error, described in *err.
 */
int lex_command(const char *line, size_t len, size_t *pos, struct command *cmd,
		lex_lookup_fn lookup, void *ctx, struct lex_error *err);

void lex_command_init(struct command *cmd);
/* Room for n words in cmd->w, for a caller that fills them (plan.c). */
void lex_command_reserve(struct command *cmd, int n);
/* The offset of the first byte at or after pos in line[0..len) that is
 * not a blank (len at the end). */
size_t lex_skip_blanks(const char *line, size_t len, size_t pos);
void lex_command_free(struct command *cmd);

/* Is word w a bare (unquoted, unexpanded) word equal to s? */
int word_is(const struct word *w, const char *s);

#endif
