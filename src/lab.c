/*
 * lab.c - the lab, the shell's side: the table of hosts, the helper child
 * (labd.c) started at the first host, and the requests the shell sends it
 * (see lab.h for the protocol).  Every request waits a bounded time for
 * its answer; a helper that died or never answered breaks the lab, said
 * once, and the shell goes on with its own network.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "i18n.h"
#include "lab.h"
#include "lexer.h"
#include "output.h"
#include "shell.h"
#include "strbuf.h"

/* The shell's end of the socketpair sits at or above this descriptor, out
 * of the way of handles (as capture's does). */
#define LAB_FD_MIN 110
/* How long the helper may take to answer, in milliseconds. */
#define LAB_WAIT_MS 5000

/* The lab of sh, made empty on first use. */
static struct lab *lab_of(struct shell *sh)
{
	if (sh->lab == NULL) {
		sh->lab = xmalloc(sizeof *sh->lab);
		memset(sh->lab, 0, sizeof *sh->lab);
		sh->lab->fd = -1;
		sh->lab->capfd = -1;
		sh->lab->current = -1;
	}
	return sh->lab;
}

/* Why the helper could not start, as one clause, for what failed (its
 * step and errno): what is missing and how to get it. */
static const char *missing(const struct labd_rep *rep)
{
	if (strstr(rep->what, "/dev/net/tun") != NULL)
		return _("the lab needs /dev/net/tun readable and writable, or run as root");
	if (strstr(rep->what, "Linux") != NULL)
		return _("the lab needs Linux");
	if (strstr(rep->what, "CLONE_NEWUSER") != NULL || strstr(rep->what, "_map") != NULL ||
	    strstr(rep->what, "setgroups") != NULL)
		return _("the lab needs unprivileged user namespaces: see the sysctls "
			 "kernel.unprivileged_userns_clone, user.max_user_namespaces and "
			 "kernel.apparmor_restrict_unprivileged_userns, or run as root");
	return _("the lab needs network namespaces and a TUN device");
}

/* Wait (bounded) for the helper's answer into *rep, with the descriptor it
 * passes in *fd when fd is not NULL.  0, or -1 with errno (EPIPE: the
 * helper is gone, ETIMEDOUT: it did not answer). */
static int answer(struct lab *lab, struct labd_rep *rep, int *fd)
{
	struct pollfd p = { .fd = lab->fd, .events = POLLIN };
	union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } cm;
	struct iovec iov = { .iov_base = rep, .iov_len = sizeof *rep };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cm.buf,
			      .msg_controllen = sizeof cm.buf };
	int rc;

	while ((rc = poll(&p, 1, LAB_WAIT_MS)) < 0 && errno == EINTR)
		;
	if (rc == 0)
		return errno = ETIMEDOUT, -1;
	ssize_t n;
	while ((n = recvmsg(lab->fd, &msg, 0)) < 0 && errno == EINTR)
		;
	if (n != (ssize_t)sizeof *rep)
		return errno = EPIPE, -1;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
			int got;
			memcpy(&got, CMSG_DATA(c), sizeof got);
			if (fd != NULL)
				*fd = got;
			else
				close(got);
		}
	return 0;
}

/* The helper is gone or mute: end it and forget every host. */
static void lab_break(struct lab *lab)
{
	if (lab->fd >= 0)
		close(lab->fd);
	if (lab->capfd >= 0)
		close(lab->capfd);
	lab->fd = lab->capfd = -1;
	if (lab->pid > 0) {
		kill(lab->pid, SIGKILL);
		while (waitpid(lab->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	lab->pid = 0;
	lab->broken = 1;
	lab->nhosts = 0;
	lab->current = -1;
}

/* Send request rq and wait for its answer (*fd: a passed descriptor, or -1).
 * 0, or -1 with errno: the helper's error, or EPIPE after it broke. */
static int ask(struct shell *sh, const struct labd_req *rq, struct labd_rep *rep, int *fd)
{
	struct lab *lab = lab_of(sh);

	if (fd != NULL)
		*fd = -1;
	if (lab->fd < 0)
		return errno = ESRCH, -1;
	if (send(lab->fd, rq, sizeof *rq, MSG_NOSIGNAL) != (ssize_t)sizeof *rq ||
	    answer(lab, rep, fd) < 0) {
		int e = errno;
		lab_break(lab);
		out_program_error(sh, _("lab: the helper process is gone (%s); the hosts are "
					"gone with it"), strerror(e));
		return errno = EPIPE, -1;
	}
	if (rep->err != 0)
		return errno = rep->err, -1;
	return 0;
}

/* The end fd of a socketpair moved to a descriptor >= LAB_FD_MIN (where
 * it is when the limit of descriptors is low). */
static int high(int fd)
{
	int hi = fcntl(fd, F_DUPFD_CLOEXEC, LAB_FD_MIN);
	if (hi < 0)
		return fd;
	close(fd);
	return hi;
}

/* Fork the helper with one end of a new socketpair and of the capture
 * pair (lab.h); the other ends are the lab's, high.  0, or -1 with errno. */
static int spawn(struct lab *lab)
{
	int sv[2], cv[2], e;
	pid_t parent = getpid();

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return -1;
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, cv) < 0) {
		e = errno;
		close(sv[0]), close(sv[1]);
		return errno = e, -1;
	}
	int hi = high(sv[0]), chi = high(cv[0]);
	pid_t pid = fork();
	if (pid < 0) {
		e = errno;
		close(hi), close(sv[1]), close(chi), close(cv[1]);
		return errno = e, -1;
	}
	if (pid == 0)
		labd_main(sv[1], cv[1], parent);
	close(sv[1]);
	close(cv[1]);
	lab->fd = hi;
	lab->capfd = chi;
	lab->pid = (int)pid;
	return 0;
}

int lab_start(struct shell *sh, const char **why)
{
	struct lab *lab = lab_of(sh);
	static char said[512];
	struct labd_rep rep;

	if (lab->pid > 0)
		return 0;
	if (lab->broken) {
		if (why != NULL)
			*why = said;
		return -1;
	}
	if (spawn(lab) < 0) {
		snprintf(said, sizeof said, _("host: cannot start the lab's helper: %s"),
			 strerror(errno));
	} else if (answer(lab, &rep, NULL) < 0) {
		snprintf(said, sizeof said, _("host: the lab's helper did not start (%s)"),
			 strerror(errno));
	} else if (rep.err != 0) {
		rep.what[sizeof rep.what - 1] = '\0';
		/* TRANSLATORS: what failed, why (strerror), what the lab is missing. */
		snprintf(said, sizeof said, _("host: %s: %s (%s)"), _(rep.what),
			 strerror(rep.err), missing(&rep));
	} else {
		return 0;
	}
	lab_break(lab);
	if (why != NULL)
		*why = said;
	else
		out_program_error(sh, "%s", said);
	return -1;
}

int lab_host_find(const struct shell *sh, const char *name)
{
	if (sh->lab == NULL)
		return -1;
	for (int i = 0; i < sh->lab->nhosts; i++)
		if (strcmp(sh->lab->host[i].name, name) == 0)
			return i;
	return -1;
}

/* The host that has the IPv4 address v4, or -1. */
static int host_with4(const struct lab *lab, const struct in_addr *v4)
{
	for (int i = 0; i < lab->nhosts; i++)
		if (lab->host[i].v4.s_addr == v4->s_addr)
			return i;
	return -1;
}

/* The host that has the IPv6 address v6, or -1. */
static int host_with6(const struct lab *lab, const struct in6_addr *v6)
{
	for (int i = 0; i < lab->nhosts; i++)
		if (memcmp(&lab->host[i].v6, v6, sizeof *v6) == 0)
			return i;
	return -1;
}

/* Fill in the default addresses of a new host: 10.0.0.N/24 and
 * fd00::N/64, N the lowest number from the count of hosts + 1 that no
 * host has yet. */
static void defaults(const struct lab *lab, struct lab_host *h)
{
	for (unsigned n = (unsigned)lab->nhosts + 1; n < 255; n++) {
		struct in_addr v4 = { .s_addr = htonl(0x0a000000u | n) };
		struct in6_addr v6;
		memset(&v6, 0, sizeof v6);
		v6.s6_addr[0] = 0xfd;
		v6.s6_addr[15] = (unsigned char)n;
		if ((h->v4len == 0 && host_with4(lab, &v4) >= 0) ||
		    (h->v6len == 0 && host_with6(lab, &v6) >= 0))
			continue;
		if (h->v4len == 0)
			h->v4 = v4, h->v4len = 24;
		if (h->v6len == 0)
			h->v6 = v6, h->v6len = 64;
		return;
	}
}

/* Is the new host h's name or address taken?  Then say so on w: 1. */
static int taken(struct shell *sh, const struct word *w, const struct lab_host *h)
{
	const struct lab *lab = sh->lab;
	char text[INET6_ADDRSTRLEN];
	int i;

	if (lab->nhosts >= LAB_MAX_HOSTS) {
		out_error(sh, w, _("host: a lab has at most %d hosts"), LAB_MAX_HOSTS);
		return 1;
	}
	if ((i = host_with4(lab, &h->v4)) >= 0)
		inet_ntop(AF_INET, &h->v4, text, sizeof text);
	else if ((i = host_with6(lab, &h->v6)) >= 0)
		inet_ntop(AF_INET6, &h->v6, text, sizeof text);
	if (i < 0)
		return 0;
	/* TRANSLATORS: an address, then the name of the host that has it. */
	out_error(sh, w, _("host: the address %s is host %s's already"), text,
		  lab->host[i].name);
	return 1;
}

int lab_host_add(struct shell *sh, const struct word *w, const char *name,
		 const struct in_addr *v4, int v4len, const struct in6_addr *v6, int v6len)
{
	struct lab *lab = lab_of(sh);
	struct lab_host h;
	struct labd_req rq;
	struct labd_rep rep;

	memset(&h, 0, sizeof h);
	snprintf(h.name, sizeof h.name, "%s", name);
	if (v4len > 0)
		h.v4 = *v4, h.v4len = v4len;
	if (v6len > 0)
		h.v6 = *v6, h.v6len = v6len;
	defaults(lab, &h);
	if (taken(sh, w, &h))
		return -1;
	const char *why;
	if (lab_start(sh, &why) < 0) {
		out_error(sh, w, "%s", why);
		return -1;
	}
	memset(&rq, 0, sizeof rq);
	rq.op = LABD_HOST;
	rq.host = lab->nhosts;
	rq.v4 = h.v4, rq.v4len = h.v4len;
	rq.v6 = h.v6, rq.v6len = h.v6len;
	if (ask(sh, &rq, &rep, NULL) < 0) {
		if (errno != EPIPE)
			out_error(sh, w, _("host: %s: %s"), _(rep.what), strerror(errno));
		return -1;
	}
	lab->host[lab->nhosts] = h;
	lab->current = lab->nhosts;
	return lab->nhosts++;
}

int lab_socket(struct shell *sh, int family, int type, int proto)
{
	struct labd_req rq;
	struct labd_rep rep;
	int fd;

	memset(&rq, 0, sizeof rq);
	rq.op = LABD_SOCKET;
	rq.host = sh->lab != NULL ? sh->lab->current : -1;
	rq.family = family, rq.type = type, rq.proto = proto;
	if (ask(sh, &rq, &rep, &fd) < 0)
		return -1;
	if (fd < 0)
		return errno = EPROTO, -1;
	return fd;
}

int lab_socket_here(struct shell *sh, int family, int type, int proto)
{
	if (lab_current(sh) == NULL)
		return socket(family, type, proto);
	return lab_socket(sh, family, type, proto);
}

const char *lab_address(const struct shell *sh, const char *name, int family, char *buf,
			size_t size)
{
	int i = lab_host_find(sh, name);

	if (i < 0)
		return name;
	if (family == AF_INET6)
		inet_ntop(AF_INET6, &sh->lab->host[i].v6, buf, (socklen_t)size);
	else
		inet_ntop(AF_INET, &sh->lab->host[i].v4, buf, (socklen_t)size);
	return buf;
}

const char *lab_current(const struct shell *sh)
{
	if (sh->lab == NULL || sh->lab->current < 0)
		return NULL;
	return sh->lab->host[sh->lab->current].name;
}

int lab_prompt(const struct shell *sh, char *buf, size_t size)
{
	if (sh->lab == NULL || sh->lab->nhosts == 0)
		return 0;
	const char *host = lab_current(sh);
	if (sh->current >= 0)
		snprintf(buf, size, "sockshell[%s:%d]> ", host ? host : "-", sh->current);
	else
		snprintf(buf, size, "sockshell[%s]> ", host ? host : "-");
	return 1;
}

/* The number of host (NULL: -1, every host), or -2 with errno ENOENT. */
static int host_number(const struct shell *sh, const char *host)
{
	if (host == NULL)
		return -1;
	int i = lab_host_find(sh, host);
	if (i < 0)
		errno = ENOENT;
	return i < 0 ? -2 : i;
}

int lab_link_set(struct shell *sh, const char *host, const struct link_cond *c)
{
	struct labd_req rq;
	struct labd_rep rep;

	if (sh->lab == NULL || sh->lab->nhosts == 0)
		return errno = ESRCH, -1;
	memset(&rq, 0, sizeof rq);
	rq.op = LABD_LINK_SET;
	if ((rq.host = host_number(sh, host)) == -2)
		return -1;
	rq.cond = *c;
	return ask(sh, &rq, &rep, NULL);
}

int lab_link_get(struct shell *sh, const char *host, struct link_cond *c)
{
	struct labd_req rq;
	struct labd_rep rep;

	if (sh->lab == NULL || sh->lab->nhosts == 0)
		return errno = ESRCH, -1;
	memset(&rq, 0, sizeof rq);
	rq.op = LABD_LINK_GET;
	if ((rq.host = host_number(sh, host)) < 0)
		return errno = ENOENT, -1;
	if (ask(sh, &rq, &rep, NULL) < 0)
		return -1;
	*c = rep.cond;
	return 0;
}

int lab_capture(struct shell *sh, int on)
{
	struct labd_req rq;
	struct labd_rep rep;

	if (sh->lab == NULL || sh->lab->pid <= 0 || sh->lab->capfd < 0)
		return -1;
	memset(&rq, 0, sizeof rq);
	rq.op = LABD_CAPTURE;
	rq.host = on;
	if (ask(sh, &rq, &rep, NULL) < 0 || !on)
		return -1;
	return lab_capture_fd(sh);
}

int lab_capture_fd(const struct shell *sh)
{
	return sh->lab != NULL && sh->lab->pid > 0 ? sh->lab->capfd : -1;
}

void lab_free(struct shell *sh)
{
	struct lab *lab = sh->lab;

	if (lab == NULL)
		return;
	/* The helper has nothing to flush: ending it as a broken one is enough. */
	lab_break(lab);
	free(lab);
	sh->lab = NULL;
}
