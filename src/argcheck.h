/*
 * argcheck.h - the check of a command's keyword arguments before a script
 * runs ("--check", and the check of every file before its first line).
 */
#ifndef SOCKSHELL_ARGCHECK_H
#define SOCKSHELL_ARGCHECK_H

#include <stddef.h>

#include "cmdtab.h"
#include "lexer.h"

/*
 * Check the arguments arg[0..n) of command def as its handler will read
 * them, from the kinds its row gives each position.  A word that holds a
 * ${...} is left to the handler.  Returns 0, or -1 with what is wrong in
 * msg (with a did-you-mean hint when a keyword is near) and the index of
 * the bad word in *bad (n when the word is missing after the last).
 */
int argcheck_command(const struct command_def *def, const struct word *arg, int n,
		     char *msg, size_t msglen, int *bad);

#endif
