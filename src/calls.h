/*
 * calls.h - what the command handlers share: argument parsing with errors
 * that point at the bad word, addresses with @N and @from, and the end of
 * a call (time-out, the trace line).
 */
#ifndef SOCKSHELL_CALLS_H
#define SOCKSHELL_CALLS_H

#include <stddef.h>

#include "addr.h"
#include "lexer.h"
#include "shell.h"

/* Data to send: a string, -n COUNT or -f FILE. */
struct data {
	const char *p;
	size_t len;
	char *owned;  /* freed by data_free when we made it */
	int generated;
};

/* The current handle, or NULL after an error. */
struct handle *calls_handle(struct shell *sh);
/* A count 0..max ("recv 16").  Returns 0, or -1 after an error. */
int calls_count(struct shell *sh, const struct word *w, unsigned long max, unsigned long *out);
/* Seconds, fractions allowed, 0..1e6.  Returns 0, or -1 after an error. */
int calls_seconds(struct shell *sh, const struct word *w, double *out);
/* MSG_ flags from words argv[from..argc).  Returns 0, or -1 after an error. */
int calls_flags(struct shell *sh, int argc, struct word *argv, int from, int *flags);
/* DATA at argv[i]; *next is the first word after it.  0 or -1. */
int calls_data(struct shell *sh, int argc, struct word *argv, int i, int *next, struct data *d);
void calls_data_free(struct data *d);
/*
 * An address at argv[i] for handle h: "@N", "@from", "HOST PORT" or a unix
 * path.  *next is the first word after it.  Returns 0 with out filled; -1
 * after a usage error; -2 after a failed lookup, which it has traced as a
 * getaddrinfo line (the result then is that failure).
 */
int calls_address(struct shell *sh, const struct handle *h, int family, int type,
		  int argc, struct word *argv, int i, int *next, struct addr_list *out);
/* The port of "@N" or "@from" (PORT may be written so: "127.0.0.1 @3").
 * Returns 0, or -1 after an error. */
int calls_port_of(struct shell *sh, const struct word *w, unsigned *port);
/*
 * After a call on h that returned rc/err with flags: record the result, add
 * "[timed out]" when a blocking call gave up, and end the trace line.
 */
void calls_finish(struct shell *sh, const struct handle *h, long long rc, int err, int flags);
/* The two halves of calls_finish, for a call whose line goes on after its
 * result (" from 127.0.0.1:5000"). */
void calls_result(struct shell *sh, const struct handle *h, long long rc, int err, int flags);
void calls_end(struct shell *sh);
/* Note on the line that the call gave up after the time-out. */
void calls_mark_timeout(struct shell *sh);
/* Would a blocking receive of want bytes on h wait forever for a handle
 * of this shell (nothing queued, or less than waitall asks for, and no
 * EOF)?  Then say so and return 1: the caller must not make the call. */
int calls_would_deadlock(struct shell *sh, int fd, const struct handle *h, int flags,
			 size_t want, const char *call);
/* After a call that failed with EINVAL or EAFNOSUPPORT on an address of
 * another family than the socket's: a line saying what to write instead. */
void calls_family_hint(struct shell *sh, const struct handle *h, const struct sockaddr *sa);
/* Before a call that may block: flush output. */
void calls_before_block(struct shell *sh);
/*
 * Is a blocking receive of want bytes on h sure to return at once, because
 * its peer handle in this shell has sent that much (or a datagram) and no
 * call has run since that could have taken it?  Then the deadlock guard
 * need not ask the kernel, and nothing waits, so output need not be
 * flushed.  calls_note_sent and calls_note_received keep the count, after
 * every send on the peer and every receive on h.
 */
int calls_known_ready(const struct shell *sh, const struct handle *h, int flags, size_t want);
void calls_note_sent(struct shell *sh, const struct handle *h, long long rc, int flags);
void calls_note_received(struct shell *sh, struct handle *h, long long rc, int flags);

#endif
