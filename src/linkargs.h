/*
 * linkargs.h - the reading of the "link" command's words (linkargs.c).
 */
#ifndef SOCKSHELL_LINKARGS_H
#define SOCKSHELL_LINKARGS_H

#include <stddef.h>

#include "linkq.h"
#include "shell.h"

/* Read link's words arg[0..n) (after the command name): *host the index
 * of the HOST word or -1, *c the conditions (none not written).  CHECK
 * set: before the script runs, words known only then pass.  Returns 1
 * when conditions were given, 0 when the line only shows them, or -1
 * with what is wrong in msg and the index of the bad word in *bad (n
 * when a value is missing after the last). */
int linkargs_parse(const struct word *arg, int n, int check, int *host, struct link_cond *c,
		    char *msg, size_t msglen, int *bad);

#endif
