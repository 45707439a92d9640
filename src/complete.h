/*
 * complete.h - what fits at the cursor: the words Tab completion offers.
 *
 * Knows nothing of readline (lineedit.c is the seam): given the line up
 * to the word being completed, it splits it with the real lexer, finds the
 * command and the argument position from the command table, and gives
 * the candidates from the keyword tables (keywords.c), the open handles
 * and the error names.
 */
#ifndef SOCKSHELL_COMPLETE_H
#define SOCKSHELL_COMPLETE_H

#include <stddef.h>

#include "strbuf.h"

struct shell;

enum complete_how {
	COMPLETE_NONE,   /* nothing fits: a comment, a number, an unknown command */
	COMPLETE_WORDS,  /* the words in cands fit */
	COMPLETE_FILES   /* a file name fits: the caller's own file completion */
};

/*
 * The candidates for the word that starts at line[len], after the text
 * line[0..len), into cands (reset first) as NUL-terminated strings one
 * after another, unfiltered: the caller keeps those that begin with what
 * was typed.  sh gives the open handles.
 */
enum complete_how complete_words(const struct shell *sh, const char *line, size_t len,
				 struct strbuf *cands);

#endif
