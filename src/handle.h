/*
 * handle.h - the handles: descriptors of the session, which one is current,
 * their time-outs, the peer each has in this shell and what it has queued
 * for them (the deadlock guard) (handle.c).
 */
#ifndef SOCKSHELL_HANDLE_H
#define SOCKSHELL_HANDLE_H

#include <sys/socket.h>
#include <sys/time.h>

#include "lexer.h"
#include "shell.h"

/* The open handle with descriptor fd, or NULL. */
struct handle *handle_get(struct shell *sh, int fd);
/* Register a new descriptor as a handle and make it current. */
struct handle *handle_add(struct shell *sh, int fd, int family, int type, int protocol);
/* Forget a closed handle; the most recently used open one becomes current. */
void handle_forget(struct shell *sh, int fd);
/* Mark h used now and make it current. */
void handle_use(struct shell *sh, int fd);
/* The current handle, or NULL after reporting that there is none (the
 * dispatcher's check of a CMD_HANDLE row). */
struct handle *handle_current(struct shell *sh);
/* The handle a CMD_HANDLE command works on: the current one, which the
 * dispatcher has found open before it ran the command. */
static inline struct handle *handle_here(struct shell *sh)
{
	return &sh->h[sh->current];
}
/* Find which of our handles is at the other end of fd's connection (fd
 * was just accepted on listener lfd): a constant number of calls, whatever the count of
 * handles. */
void handle_link_peer(struct shell *sh, int lfd, int fd);
/* After connect() of fd to address to returned rc with err: note fd's
 * address and the listener of this shell it reached, for
 * handle_link_peer and the deadlock guard. */
void handle_note_connect(struct shell *sh, int fd, const struct sockaddr *to, socklen_t tolen,
			 int rc, int err);
/* After listen() on fd succeeded: note its address for connects. */
void handle_note_listen(struct shell *sh, int fd);
/* Arm (or disarm, timeout 0) the time-outs on fd that the shell owns, and
 * hold those that setsockopt asked above the script's time-out to it
 * (give them back as asked at the prompt). */
void handle_arm_timeout(struct shell *sh, int fd);
/* The most a wait may take, in seconds: the time-out in a script, 0 (no
 * bound) at the prompt. */
double handle_bound(const struct shell *sh);
/* secs as a struct timeval: rounded to the microsecond with the carry
 * into tv_sec, and a positive time never 0 (which is "off"). */
void handle_timeval(double secs, struct timeval *tv);
/* Close every handle, quietly. */
void handle_close_all(struct shell *sh);
/* Is word w an open handle's number (unquoted digits)?  Then *fd is it. */
int handle_is_word(struct shell *sh, const struct word *w, int *fd);
/* How many handles are open. */
int handle_count(const struct shell *sh);

/* ---- what a peer in this shell has queued: the deadlock guard ---- */
/* Would a blocking receive of want bytes on h wait forever for a handle
 * of this shell (nothing queued, or less than waitall asks for, and no
 * EOF)?  Then say so and return 1: the caller must not make the call. */
int handle_would_deadlock(struct shell *sh, int fd, const struct handle *h, int flags,
			  size_t want, const char *call);
/*
 * Is a blocking receive of want bytes on h sure to return at once, because
 * its peer handle in this shell has sent that much (or a datagram) and no
 * call has run since that could have taken it?  Then the deadlock guard
 * need not ask the kernel, and nothing waits, so output need not be
 * flushed.  handle_note_sent and handle_note_received keep the count, after
 * every send on the peer and every receive on h.
 */
int handle_known_ready(const struct shell *sh, const struct handle *h, int flags, size_t want);
void handle_note_sent(struct shell *sh, const struct handle *h, long long rc, int flags);
void handle_note_received(struct shell *sh, struct handle *h, long long rc, int flags);

#endif
