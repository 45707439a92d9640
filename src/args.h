/*
 * args.h - argument parsing for the command handlers, with errors that
 * point at the bad word: counts, seconds, flags, data, addresses with @N
 * and @from (args.c).
 */
#ifndef SOCKSHELL_ARGS_H
#define SOCKSHELL_ARGS_H

#include <stddef.h>

#include "addr.h"
#include "lexer.h"
#include "shell.h"

/* Data to send: a string, -n COUNT or -f FILE. */
struct data {
	const char *p;
	size_t len;
	char *owned;  /* freed by args_data_free when we made it */
	int generated;
};

/* A count 0..max ("recv 16").  Returns 0, or -1 after an error. */
int args_count(struct shell *sh, const struct word *w, unsigned long max, unsigned long *out);
/* Seconds, fractions allowed, 0..1e6.  Returns 0, or -1 after an error. */
int args_seconds(struct shell *sh, const struct word *w, double *out);
/* MSG_ flags from words argv[from..argc).  Returns 0, or -1 after an error. */
int args_flags(struct shell *sh, int argc, struct word *argv, int from, int *flags);
/* DATA at argv[i]; *next is the first word after it.  0 or -1. */
int args_data(struct shell *sh, int argc, struct word *argv, int i, int *next, struct data *d);
void args_data_free(struct data *d);
/*
 * An address at argv[i] for handle h: "@N", "@from", "HOST PORT" or a unix
 * path.  *next is the first word after it.  Returns 0 with out filled; -1
 * after a usage error; -2 after a failed lookup, which it has traced as a
 * getaddrinfo line (the result then is that failure).
 */
int args_address(struct shell *sh, const struct handle *h, int family, int type,
		 int argc, struct word *argv, int i, int *next, struct addr_list *out);
/* The port of "@N" or "@from" (PORT may be written so: "127.0.0.1 @3").
 * Returns 0, or -1 after an error. */
int args_port_of(struct shell *sh, const struct word *w, unsigned *port);

#endif
