/*
 * handle.c - the table of open handles.
 *
 * Hides how handles are kept: an array indexed by descriptor, which makes
 * every lookup O(1) and keeps "handle N" and "descriptor N" the same thing,
 * as the lessons teach.  Also knows which handles are two ends of one
 * connection, what each peer has sent that the other end has not read,
 * and from that whether a blocking receive would wait forever for this
 * shell (the deadlock guard); arms the scripts' time-out once per socket,
 * with SO_RCVTIMEO and SO_SNDTIMEO; and reads a word as a handle number.
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <netinet/in.h>
#include <poll.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "addr.h"
#include "handle.h"
#include "i18n.h"
#include "output.h"
#include "shell.h"

struct handle *handle_get(struct shell *sh, int fd)
{
	if (fd < 0 || fd >= sh->nh || !sh->h[fd].open)
		return NULL;
	return &sh->h[fd];
}

void handle_use(struct shell *sh, int fd)
{
	sh->h[fd].used = ++sh->use_seq;
	sh->current = fd;
}

struct handle *handle_add(struct shell *sh, int fd, int family, int type, int protocol)
{
	if (fd >= sh->nh) {
		int n = sh->nh ? sh->nh : 16;
		while (n <= fd)
			n *= 2;
		sh->h = xrealloc(sh->h, (size_t)n * sizeof *sh->h);
		memset(sh->h + sh->nh, 0, (size_t)(n - sh->nh) * sizeof *sh->h);
		sh->nh = n;
	}
	struct handle *h = &sh->h[fd];
	memset(h, 0, sizeof *h);
	h->open = 1;
	h->family = family;
	h->type = type;
	h->protocol = protocol;
	h->peer = -1;
	h->listener = -1;
	h->index_next = -1;
	handle_use(sh, fd);
	handle_arm_timeout(sh, fd);
	return h;
}

static void index_remove(struct shell *sh, int fd);
static void forget_queued(struct shell *sh, struct handle *h, int fd);

/* Close-time bookkeeping besides the table: fd leaves the index, and
 * the queue of its listener (or its own queue, if it is one). */
void handle_forget(struct shell *sh, int fd)
{
	struct handle *h = handle_get(sh, fd);
	unsigned long best = 0;

	if (h == NULL)
		return;
	index_remove(sh, fd);
	forget_queued(sh, h, fd);
	h->open = 0;
	sh->current = -1;
	for (int i = 0; i < sh->nh; i++) {
		if (!sh->h[i].open)
			continue;
		if (sh->h[i].peer == fd)
			sh->h[i].peer = -1;
		if (sh->h[i].listener == fd)
			sh->h[i].listener = -1;
		if (sh->h[i].used >= best) {
			best = sh->h[i].used;
			sh->current = i;
		}
	}
}

struct handle *handle_current(struct shell *sh)
{
	if (sh->current < 0 || handle_get(sh, sh->current) == NULL) {
		out_error(sh, NULL, _("no current handle: make one with socket, or select one with its number"));
		return NULL;
	}
	return &sh->h[sh->current];
}

/* What handle.listening holds: an inet6 listener on :: may take IPv4
 * connections too (dual stack), unless it is v6only. */
enum { LISTEN_ONLY = 1, LISTEN_DUAL = 2 };

/* ---- The index: handles by port (inet) or path (unix) ----
 *
 * Connected clients are kept under their own local address, listeners
 * under theirs.  Linking the two ends of a connection of this shell then
 * looks at one bucket, never at every handle: accept and connect cost a
 * constant number of system calls however many handles are open. */

/* The bytes of a unix address's name: the path (to its NUL) or the
 * abstract name (a NUL, then every byte the length covers). */
static size_t unix_name(const struct sockaddr *sa, socklen_t len, const char **name)
{
	const struct sockaddr_un *un = (const void *)sa;
	size_t max = len > offsetof(struct sockaddr_un, sun_path) ?
		     len - offsetof(struct sockaddr_un, sun_path) : 0;

	*name = un->sun_path;
	if (max > 0 && un->sun_path[0] == '\0')
		return max;
	return strnlen(un->sun_path, max);
}

/* The port of an inet or inet6 address, or -1. */
static int port_of(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return ntohs(((const struct sockaddr_in *)sa)->sin_port);
	if (sa->sa_family == AF_INET6)
		return ntohs(((const struct sockaddr_in6 *)sa)->sin6_port);
	return -1;
}

/* The bucket key of an address: its port, or a hash of its unix name. */
static unsigned addr_key(const struct sockaddr *sa, socklen_t len)
{
	const char *name;
	unsigned k = 2166136261u;

	if (sa->sa_family != AF_UNIX)
		return (unsigned)port_of(sa) * 2654435761u;
	size_t n = unix_name(sa, len, &name);
	for (size_t i = 0; i < n; i++)
		k = (k ^ (unsigned char)name[i]) * 16777619u;
	return k;
}

static int *bucket_of(struct shell *sh, const struct handle *h)
{
	return &sh->index[addr_key((const struct sockaddr *)&h->local, h->locallen) &
			  (sh->nbuckets - 1)];
}

/* Make the buckets twice as many (16 at first) and put every indexed
 * handle back into its bucket. */
static void index_grow(struct shell *sh)
{
	int *old = sh->index;
	unsigned oldn = sh->nbuckets;

	sh->nbuckets = oldn ? oldn * 2 : 16;
	sh->index = xmalloc(sh->nbuckets * sizeof *sh->index);
	for (unsigned i = 0; i < sh->nbuckets; i++)
		sh->index[i] = -1;
	for (unsigned i = 0; i < oldn; i++) {
		for (int fd = old[i], next; fd >= 0; fd = next) {
			next = sh->h[fd].index_next;
			int *b = bucket_of(sh, &sh->h[fd]);
			sh->h[fd].index_next = *b;
			*b = fd;
		}
	}
	free(old);
}

/* Take fd out of the index, if it is there. */
static void index_remove(struct shell *sh, int fd)
{
	struct handle *h = &sh->h[fd];

	if (h->locallen == 0)
		return;
	for (int *p = bucket_of(sh, h); *p >= 0; p = &sh->h[*p].index_next) {
		if (*p == fd) {
			*p = h->index_next;
			sh->nindexed--;
			break;
		}
	}
	h->locallen = 0;
	h->index_next = -1;
}

/* Read fd's own address with getsockname and index fd under it.
 * Returns 0, or -1 (errno kept) when the call failed. */
static int index_add(struct shell *sh, int fd)
{
	struct handle *h = &sh->h[fd];
	int saved = errno;

	index_remove(sh, fd);
	socklen_t len = sizeof h->local;
	if (getsockname(fd, (struct sockaddr *)&h->local, &len) < 0 || len == 0) {
		errno = saved;
		return -1;
	}
	const char *name;
	if (h->local.ss_family == AF_UNIX &&
	    unix_name((struct sockaddr *)&h->local, len, &name) == 0)
		return -1;  /* unnamed: nothing to find it by */
	if (sh->nindexed >= sh->nbuckets)
		index_grow(sh);
	h->locallen = len;
	int *b = bucket_of(sh, h);
	h->index_next = *b;
	*b = fd;
	sh->nindexed++;
	return 0;
}

/* Is a the any address of its family (0.0.0.0, ::)? */
static int is_any(const struct sockaddr *a)
{
	if (a->sa_family == AF_INET)
		return ((const struct sockaddr_in *)a)->sin_addr.s_addr == htonl(INADDR_ANY);
	return a->sa_family == AF_INET6 &&
	       IN6_IS_ADDR_UNSPECIFIED(&((const struct sockaddr_in6 *)a)->sin6_addr);
}

/* Does a connect to address to reach listener l (bound as l->local)? */
static int reaches(const struct handle *l, const struct sockaddr *to, socklen_t tolen)
{
	const struct sockaddr *mine = (const struct sockaddr *)&l->local;
	const char *a, *b;

	if (to->sa_family == AF_UNIX || mine->sa_family == AF_UNIX) {
		size_t n = unix_name(mine, l->locallen, &a);
		return to->sa_family == mine->sa_family && n == unix_name(to, tolen, &b) &&
		       memcmp(a, b, n) == 0;
	}
	if (port_of(mine) != port_of(to))
		return 0;
	if (!is_any(mine))
		return addr_equal(mine, l->locallen, to, tolen);
	/* The any address: of an inet listener, IPv4 (mapped or not); of
	 * an inet6 one, IPv6, and IPv4 too unless it is v6only. */
	int v4 = to->sa_family == AF_INET ||
		 IN6_IS_ADDR_V4MAPPED(&((const struct sockaddr_in6 *)to)->sin6_addr);
	return mine->sa_family == AF_INET ? v4 : !v4 || l->listening == LISTEN_DUAL;
}

/* The listener of this shell that a connect to address to reaches, or -1. */
static int find_listener(struct shell *sh, int type, const struct sockaddr *to, socklen_t tolen)
{
	if (sh->nbuckets == 0)
		return -1;
	for (int fd = sh->index[addr_key(to, tolen) & (sh->nbuckets - 1)]; fd >= 0;
	     fd = sh->h[fd].index_next) {
		const struct handle *l = &sh->h[fd];
		if (l->open && l->listening && l->type == type && reaches(l, to, tolen))
			return fd;
	}
	return -1;
}

/* Add client c to the queue of unix listener l (connect order). */
static void fifo_push(struct handle *l, int c)
{
	if (l->fifo_head + l->fifo_len == l->fifo_cap) {
		if (l->fifo_head > 0) {
			memmove(l->fifo, l->fifo + l->fifo_head, (size_t)l->fifo_len * sizeof *l->fifo);
			l->fifo_head = 0;
		} else {
			l->fifo_cap = l->fifo_cap ? l->fifo_cap * 2 : 8;
			l->fifo = xrealloc(l->fifo, (size_t)l->fifo_cap * sizeof *l->fifo);
		}
	}
	l->fifo[l->fifo_head + l->fifo_len++] = c;
}

/* Handle h (descriptor fd) is closing: a client leaves a hole in its unix
 * listener's queue (its connection is still there, and accept takes it
 * in turn); a listener drops its queue. */
static void forget_queued(struct shell *sh, struct handle *h, int fd)
{
	struct handle *l = handle_get(sh, h->listener);

	if (l != NULL && h->family == AF_UNIX) {
		for (int i = 0; i < l->fifo_len; i++)
			if (l->fifo[l->fifo_head + i] == fd)
				l->fifo[l->fifo_head + i] = -1;
	}
	free(h->fifo);
	h->fifo = NULL;
	h->fifo_head = h->fifo_len = h->fifo_cap = 0;
	h->listening = 0;
}

void handle_note_listen(struct shell *sh, int fd)
{
	struct handle *h = handle_get(sh, fd);
	int v6only = 1;
	socklen_t len = sizeof v6only;

	if (h == NULL || (h->type != SOCK_STREAM && h->type != SOCK_SEQPACKET))
		return;
	h->listening = LISTEN_ONLY;
	if (h->family == AF_INET6 &&
	    getsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, &len) == 0 && !v6only)
		h->listening = LISTEN_DUAL;
	index_add(sh, fd);
}

void handle_note_connect(struct shell *sh, int fd, const struct sockaddr *to, socklen_t tolen,
			 int rc, int err)
{
	struct handle *h = handle_get(sh, fd);

	if (h == NULL || (h->type != SOCK_STREAM && h->type != SOCK_SEQPACKET) || h->listening ||
	    h->peer >= 0 || (rc != 0 && err != EINPROGRESS))
		return;
	/* An inet client is found by its address; a unix client has none
	 * (it is unnamed), so its listener keeps it in a queue. */
	if (h->family != AF_UNIX)
		index_add(sh, fd);
	int l = find_listener(sh, h->type, to, tolen);
	if (l < 0 || (h->family == AF_UNIX && rc != 0))
		return;
	h->listener = l;
	if (h->family == AF_UNIX)
		fifo_push(&sh->h[l], fd);
}

/* Was the connection accepted as fd made by this very process? */
static int from_this_process(int fd)
{
#ifdef SO_PEERCRED
	struct ucred cred;
	socklen_t len = sizeof cred;

	return getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 && cred.pid == getpid();
#else
	(void)fd;
	return 0;
#endif
}

/* The client of this shell that accept on unix listener l just took: the
 * one first in l's queue, since the kernel accepts in connect order.  -1
 * when the connection came from another process or the client is closed. */
static int unix_client(struct handle *l, int fd)
{
	if (l->fifo_len == 0 || !from_this_process(fd))
		return -1;
	int c = l->fifo[l->fifo_head++];
	if (--l->fifo_len == 0)
		l->fifo_head = 0;
	return c;
}

/* The client of this shell at the other end of inet connection fd, just
 * accepted: the one handle whose own address is fd's peer, and whose peer
 * is fd's own address.  Or -1. */
static int inet_client(struct shell *sh, int fd, int type)
{
	struct sockaddr_storage mine, theirs, b;
	socklen_t minelen = 0, theirslen = sizeof theirs, blen;

	if (sh->nbuckets == 0 || getpeername(fd, (struct sockaddr *)&theirs, &theirslen) < 0)
		return -1;
	const struct sockaddr *t = (const struct sockaddr *)&theirs;
	for (int i = sh->index[addr_key(t, theirslen) & (sh->nbuckets - 1)]; i >= 0;
	     i = sh->h[i].index_next) {
		const struct handle *o = &sh->h[i];
		if (i == fd || !o->open || o->listening || o->type != type || o->peer >= 0 ||
		    !addr_equal((const struct sockaddr *)&o->local, o->locallen, t, theirslen))
			continue;
		/* A candidate (rare: a connection within this shell): check
		 * the other direction too, which costs two calls. */
		if (minelen == 0) {
			minelen = sizeof mine;
			if (getsockname(fd, (struct sockaddr *)&mine, &minelen) < 0)
				return -1;
		}
		blen = sizeof b;
		if (getpeername(i, (struct sockaddr *)&b, &blen) == 0 &&
		    addr_equal((struct sockaddr *)&b, blen, (struct sockaddr *)&mine, minelen))
			return i;
	}
	return -1;
}

void handle_link_peer(struct shell *sh, int lfd, int fd)
{
	struct handle *h = handle_get(sh, fd), *l = handle_get(sh, lfd);
	int saved = errno, c;

	if (h == NULL || l == NULL)
		return;
	if (h->family == AF_UNIX)
		c = unix_client(l, fd);
	else if (h->family == AF_INET || h->family == AF_INET6)
		c = inet_client(sh, fd, h->type);
	else
		c = -1;
	errno = saved;
	if (c < 0 || handle_get(sh, c) == NULL || sh->h[c].peer >= 0)
		return;
	h->peer = c;
	sh->h[c].peer = fd;
	sh->h[c].listener = -1;
}

double handle_bound(const struct shell *sh)
{
	return shell_scripted(sh) && sh->timeout > 0 ? sh->timeout : 0;
}

void handle_timeval(double secs, struct timeval *tv)
{
	long long us = secs > 0 ? llround(secs * 1e6) : 0;

	if (secs > 0 && us == 0)
		us = 1;  /* 0 would switch the time-out off */
	tv->tv_sec = (time_t)(us / 1000000);
	tv->tv_usec = (suseconds_t)(us % 1000000);
}

/* Whether a time-out set by owner is the shell's time-out now. */
static int shell_held(int owner)
{
	return owner == TIMEO_SHELL || owner == TIMEO_HELD;
}

void handle_arm_timeout(struct shell *sh, int fd)
{
	static const int opts[2] = { SO_RCVTIMEO, SO_SNDTIMEO };
	struct handle *h = handle_get(sh, fd);
	double bound = handle_bound(sh);
	int saved = errno;

	if (h == NULL)
		return;
	for (int d = 0; d < 2; d++) {
		int owner = h->timeo_owner[d];
		double v = sh->timeout;
		if (owner == TIMEO_USER)
			continue;
		if (owner == TIMEO_HELD) {
			v = h->timeo_asked[d];
			if (bound > 0 && (v == 0 || v > bound))
				v = bound;
			else
				owner = TIMEO_USER;
		} else if (sh->timeout > 0) {
			owner = TIMEO_SHELL;
		} else if (owner == TIMEO_SHELL) {
			owner = TIMEO_NONE;  /* disarm */
		} else {
			continue;  /* never armed: no call for it */
		}
		struct timeval tv;
		handle_timeval(v, &tv);
		if (setsockopt(fd, SOL_SOCKET, opts[d], &tv, sizeof tv) == 0)
			h->timeo_owner[d] = (unsigned char)owner;
	}
	h->timeo = sh->timeout > 0 && shell_held(h->timeo_owner[0]) && shell_held(h->timeo_owner[1]);
	errno = saved;
}

void handle_close_all(struct shell *sh)
{
	for (int i = 0; i < sh->nh; i++) {
		if (sh->h[i].open) {
			close(i);
			sh->h[i].open = 0;
		}
		free(sh->h[i].fifo);
		sh->h[i].fifo = NULL;
	}
	free(sh->index);
	sh->index = NULL;
	sh->nbuckets = sh->nindexed = 0;
	sh->current = -1;
}

int handle_count(const struct shell *sh)
{
	int n = 0;

	for (int i = 0; i < sh->nh; i++)
		n += sh->h[i].open;
	return n;
}

int handle_is_word(struct shell *sh, const struct word *w, int *fd)
{
	long v = 0;

	/* A quoted word is data; an expansion (use ${H}) may name a handle. */
	if ((w->flags & WORD_QUOTED) || w->len == 0 || w->len > 9)
		return 0;
	/* Digits only (at most 9: no overflow); most commands start so. */
	for (size_t i = 0; i < w->len; i++) {
		if (w->s[i] < '0' || w->s[i] > '9')
			return 0;
		v = v * 10 + (w->s[i] - '0');
	}
	if (handle_get(sh, (int)v) == NULL)
		return 0;
	*fd = (int)v;
	return 1;
}

/* ---- what a peer in this shell has queued: the deadlock guard ---- */

/* The listener of this shell whose accept queue holds h's connection
 * (h connected to it and no accept has taken it yet), or -1.  The
 * listener must have something queued: an empty queue cannot hold it. */
static int queued_at_listener(struct shell *sh, const struct handle *h)
{
	struct handle *l = handle_get(sh, h->listener);
	struct pollfd p = { h->listener, POLLIN, 0 };

	if (h->peer >= 0 || l == NULL || !l->listening)
		return -1;
	if (poll(&p, 1, 0) <= 0 || !(p.revents & POLLIN))
		return -1;
	return h->listener;
}

/* Wait a little for something to read on fd (see handle_would_deadlock).
 * Returns 1 when fd is readable or hung up, so a receive cannot hang,
 * 0 when nothing came, -1 when poll failed (then the call is made). */
static int readable_soon(int fd, int *queued)
{
	struct pollfd p = { fd, POLLIN, 0 };

#ifdef POLLRDHUP
	p.events |= POLLRDHUP;
#endif
	*queued = 0;
	/* Bytes the peer has sent may still be on their way: a small segment
	 * that Nagle's algorithm holds until the peer's delayed ACK (at most
	 * 200 ms on Linux), or a stack that delivers loopback packets
	 * asynchronously.  So wait a little before saying nothing will come. */
	if (poll(&p, 1, 300) < 0)
		return -1;
	if (p.revents & (POLLHUP | POLLERR))
		return 1;
#ifdef POLLRDHUP
	if (p.revents & POLLRDHUP)
		return 1;
#endif
	if (!(p.revents & POLLIN))
		return 0;
	if (ioctl(fd, FIONREAD, queued) < 0)
		*queued = INT_MAX;
	return 1;
}

int handle_would_deadlock(struct shell *sh, int fd, const struct handle *h, int flags,
			  size_t want, const char *call)
{
	int queued;

	/* MSG_OOB never waits: it returns the urgent byte or fails at once. */
	if (h->nonblock || (flags & (MSG_DONTWAIT | MSG_OOB)))
		return 0;
#ifdef MSG_ERRQUEUE
	if (flags & MSG_ERRQUEUE)
		return 0;  /* nor does the error queue */
#endif
	int listener = queued_at_listener(sh, h);
	if (h->peer < 0 && listener < 0)
		return 0;
	int r = readable_soon(fd, &queued);
	if (r < 0)
		return 0;
	if (r == 1) {
		/* Data is queued; only waitall asking for more can hang. */
		if (!(flags & MSG_WAITALL) || want == 0 || (size_t)queued >= want || h->peer < 0)
			return 0;
		out_error(sh, NULL, _("%s on %d would wait forever: waitall asks for %zu bytes, only %d "
			  "are queued, and the rest can only come from handle %d of this shell"),
			  call, fd, want, queued, h->peer);
		return 1;
	}
	if (listener >= 0)
		out_error(sh, NULL, _("%s on %d would wait forever: its connection is still in the "
			  "accept queue of listener %d of this shell, so nothing can come "
			  "(accept on %d first, or add dontwait)"), call, fd, listener, listener);
	else
		out_error(sh, NULL, _("%s on %d would wait forever: its peer is handle %d of this "
			  "shell, and nothing is queued for %d (send on %d first, or add dontwait)"),
			  call, fd, h->peer, fd, h->peer);
	return 1;
}

/* What one end of these sockets sends, the other end will read: nothing
 * is dropped on the way (unlike UDP). */
static int reliable(const struct handle *h)
{
	return h->type == SOCK_STREAM || h->family == AF_UNIX;
}

int handle_known_ready(const struct shell *sh, const struct handle *h, int flags, size_t want)
{
	if (h->peer < 0 || h->queued == 0 || h->queued_at != sh->ncalls || !reliable(h) ||
	    (flags & MSG_OOB))
		return 0;
	/* A stream returns at once only with want bytes there (SO_RCVLOWAT
	 * may ask for up to want); any datagram ends a datagram receive. */
	return h->type != SOCK_STREAM || h->queued >= want;
}

/* The count is still true when the previous call left it so: the
 * current call has just been counted in ncalls by trace_begin. */
static int queued_current(const struct shell *sh, const struct handle *h)
{
	return h->queued_at + 1 == sh->ncalls;
}

void handle_note_sent(struct shell *sh, const struct handle *h, long long rc, int flags)
{
	struct handle *p = handle_get(sh, h->peer);

	if (p == NULL || !reliable(p))
		return;
	if (!queued_current(sh, p))
		p->queued = 0;
	/* An urgent byte leaves the stream: do not count that send. */
	if (rc >= 0 && !(flags & MSG_OOB))
		p->queued += p->type == SOCK_STREAM ? (size_t)rc : 1;
	p->queued_at = sh->ncalls;
}

void handle_note_received(struct shell *sh, struct handle *h, long long rc, int flags)
{
	if (!queued_current(sh, h) || rc < 0) {
		h->queued = 0;
	} else if (!(flags & (MSG_PEEK | MSG_OOB))) {
		size_t took = h->type == SOCK_STREAM ? (size_t)rc : 1;
		h->queued = h->queued > took ? h->queued - took : 0;
	}
	h->queued_at = sh->ncalls;
}
