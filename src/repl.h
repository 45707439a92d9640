/*
 * repl.h - the one input loop: run or check a source of commands
 * (repl.c).
 */
#ifndef SOCKSHELL_REPL_H
#define SOCKSHELL_REPL_H

#include <stddef.h>

#include "shell.h"

/* Run every command of src; returns CMD_OK, or CMD_EXIT when the shell
 * is to stop.  Files and -c strings are checked whole before they run. */
int repl_run(struct shell *sh, struct source *src);
/* Check src whole without running it: returns the number of errors. */
int repl_check(struct shell *sh, struct source *src);

#endif
