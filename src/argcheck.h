/*
 * argcheck.h - the check of a command's keyword arguments before a script
 * runs ("--check", and the check of every file before its first line).
 */
#ifndef SOCKSHELL_ARGCHECK_H
#define SOCKSHELL_ARGCHECK_H

#include <stddef.h>

#include "keywords.h"
#include "lexer.h"

/* What a command's row of the table (cmdtab.h) says of its arguments,
 * handed down by the caller: this layer does not read the table. */
struct arg_shape {
	const char *args;               /* the synopsis: "[PORT]" is optional */
	int max;                        /* the most there may be (-1: no limit) */
	const enum arg_kind *complete;  /* the kind of positions 0 to 3... */
	enum arg_kind rest;             /* ...and of every one after those */
};

/*
 * Check the arguments arg[0..n) of a command of shape def as its handler
 * will read them, from the kinds its row gives each position.  A word that holds a
 * ${...} is left to the handler.  Returns 0, or -1 with what is wrong in
 * msg (with a did-you-mean hint when a keyword is near) and the index of
 * the bad word in *bad (n when the word is missing after the last).
 */
int argcheck_command(const struct arg_shape *def, const struct word *arg, int n,
		     char *msg, size_t msglen, int *bad);

#endif
