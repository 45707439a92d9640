/*
 * handle.c - the table of open handles.
 *
 * Hides how handles are kept: an array indexed by descriptor, which makes
 * every lookup O(1) and keeps "handle N" and "descriptor N" the same thing,
 * as the lessons teach.  Also knows which handles are two ends of one
 * connection (for the self-deadlock guard) and arms the scripts' time-out
 * once per socket, with SO_RCVTIMEO and SO_SNDTIMEO.
 */
#include <config.h>

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "addr.h"
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
	handle_use(sh, fd);
	handle_arm_timeout(sh, fd);
	return h;
}

void handle_forget(struct shell *sh, int fd)
{
	struct handle *h = handle_get(sh, fd);
	unsigned long best = 0;

	if (h == NULL)
		return;
	h->open = 0;
	sh->current = -1;
	for (int i = 0; i < sh->nh; i++) {
		if (!sh->h[i].open)
			continue;
		if (sh->h[i].peer == fd)
			sh->h[i].peer = -1;
		if (sh->h[i].used >= best) {
			best = sh->h[i].used;
			sh->current = i;
		}
	}
}

struct handle *handle_current(struct shell *sh)
{
	if (sh->current < 0 || handle_get(sh, sh->current) == NULL) {
		out_error(sh, NULL, "no current handle: make one with socket, or select one with its number");
		return NULL;
	}
	return &sh->h[sh->current];
}

void handle_link_peer(struct shell *sh, int fd)
{
	struct sockaddr_storage mine, theirs, a, b;
	socklen_t minelen = sizeof mine, theirslen = sizeof theirs, alen, blen;
	struct handle *h = handle_get(sh, fd);

	if (h == NULL || (h->family != AF_INET && h->family != AF_INET6))
		return;
	if (getsockname(fd, (struct sockaddr *)&mine, &minelen) < 0 ||
	    getpeername(fd, (struct sockaddr *)&theirs, &theirslen) < 0)
		return;
	for (int i = 0; i < sh->nh; i++) {
		struct handle *o = &sh->h[i];
		/* A linked handle has its one peer already: no system call
		 * for it, so a shell with many connections accepts quickly. */
		if (i == fd || !o->open || o->type != h->type || o->peer >= 0)
			continue;
		alen = sizeof a;
		blen = sizeof b;
		if (getsockname(i, (struct sockaddr *)&a, &alen) < 0 ||
		    !addr_equal((struct sockaddr *)&a, alen, (struct sockaddr *)&theirs, theirslen))
			continue;
		if (getpeername(i, (struct sockaddr *)&b, &blen) < 0 ||
		    !addr_equal((struct sockaddr *)&b, blen, (struct sockaddr *)&mine, minelen))
			continue;
		h->peer = i;
		o->peer = fd;
		return;
	}
}

void handle_arm_timeout(struct shell *sh, int fd)
{
	struct handle *h = handle_get(sh, fd);
	struct timeval tv;

	if (h == NULL || h->user_timeo)
		return;
	if (sh->timeout <= 0 && !h->timeo)
		return;
	memset(&tv, 0, sizeof tv);
	if (sh->timeout > 0) {
		tv.tv_sec = (time_t)sh->timeout;
		tv.tv_usec = (suseconds_t)((sh->timeout - (double)tv.tv_sec) * 1e6);
		if (tv.tv_sec == 0 && tv.tv_usec == 0)
			tv.tv_usec = 1;
	}
	int saved = errno;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0 &&
	    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv) == 0)
		h->timeo = sh->timeout > 0;
	errno = saved;
}

void handle_close_all(struct shell *sh)
{
	for (int i = 0; i < sh->nh; i++) {
		if (sh->h[i].open) {
			close(i);
			sh->h[i].open = 0;
		}
	}
	sh->current = -1;
}

int handle_count(const struct shell *sh)
{
	int n = 0;

	for (int i = 0; i < sh->nh; i++)
		n += sh->h[i].open;
	return n;
}
