/*
 * lab.h - a network in one shell: hosts of the lab (network namespaces
 * made by a helper child, labd.c), sockets made on them, the link between
 * them (lab.c, the shell's side).
 *
 * The shell stays in its own namespaces.  At the first host it forks the
 * helper (fork only, no exec), which makes a user namespace and one network
 * namespace per host, each with loopback and a TUN device "eth0" holding
 * the host's addresses, and forwards the IP packets between the TUNs
 * through one link queue per host side (linkq.h).  A socket of a host is
 * made by the helper in that host's namespace and handed back over a unix
 * socket (SCM_RIGHTS): it is then a descriptor of the shell like any other.
 */
#ifndef SOCKSHELL_LAB_H
#define SOCKSHELL_LAB_H

#include <netinet/in.h>
#include <sys/types.h>

#include "linkq.h"

struct shell;
struct word;

/* The most hosts a lab has, and the longest host name. */
#define LAB_MAX_HOSTS 32
#define LAB_NAME_MAX 15

/* ---- the protocol between the shell and the helper (labd.c) ----
 * One SOCK_SEQPACKET socketpair; each request is one struct labd_req,
 * answered by exactly one struct labd_rep (with a descriptor in SCM_RIGHTS
 * for LABD_SOCKET).  The helper's first message, before any request, is a
 * labd_rep saying whether it could make its user namespace (err 0) or not
 * (err and what).  A later helper extends the protocol by new ops (the
 * capture of the link: frames forwarded or dropped reported as further
 * messages). */
enum labd_op {
	LABD_HOST,      /* make host number .host with .v4/.v4len, .v6/.v6len */
	LABD_SOCKET,    /* socket(.family, .type, .proto) in host .host: an fd */
	LABD_LINK_SET,  /* linkq_set(.cond) on host .host's side (-1: every host) */
	LABD_LINK_GET,  /* the conditions of host .host's side, in .cond */
	LABD_CAPTURE    /* .host 1: report each frame on the capture pair, 0: stop */
};

/* The capture of the link: a second SOCK_SEQPACKET socketpair, made before
 * the fork, both ends non-blocking.  While LABD_CAPTURE is on, the helper
 * sends one message per frame a host's TUN hands it for another host, at
 * the moment the link decides its fate: this header, then the IP packet.
 * A message that does not fit (the shell reads too slowly) is not sent. */
struct labd_frame {
	int verdict;            /* enum linkq_verdict: queued, dropped, duplicated, full */
	int from, to;           /* the host numbers */
	int pad;
	int64_t sec, nsec;      /* CLOCK_REALTIME when the link took it */
};

struct labd_req {
	int op;
	int host;
	int family, type, proto;
	struct in_addr v4;
	struct in6_addr v6;
	int v4len, v6len;
	struct link_cond cond;
};

struct labd_rep {
	int err;               /* 0, or the errno of what failed */
	char what[64];         /* what failed: "opening /dev/net/tun" */
	struct link_cond cond;
};

/* One host, as the shell knows it. */
struct lab_host {
	char name[LAB_NAME_MAX + 1];
	struct in_addr v4;
	struct in6_addr v6;
	int v4len, v6len;
};

struct lab {
	int pid;                /* the helper, or 0: none */
	int fd;                 /* the shell's end of the socketpair, or -1 */
	int capfd;              /* the shell's end of the capture pair, or -1 */
	int broken;             /* the helper refused (or died): the message said why */
	int nhosts;
	int current;            /* the host new sockets are made on, or -1: the shell's own */
	struct lab_host host[LAB_MAX_HOSTS];
};

/* Is the helper running?  Start it if not (at most once): 0, or -1 after
 * one line on stderr saying what is missing (user namespaces,
 * /dev/net/tun), or with that line in *why (static) when why is not NULL. */
int lab_start(struct shell *sh, const char **why);
/* Make host name with the addresses given (v4len/v6len 0: the default
 * 10.0.0.N/24, fd00::N/64); it becomes current.  Returns its number, or -1
 * after an error on word w. */
int lab_host_add(struct shell *sh, const struct word *w, const char *name,
		 const struct in_addr *v4, int v4len, const struct in6_addr *v6, int v6len);
/* The number of host name, or -1. */
int lab_host_find(const struct shell *sh, const char *name);
/* A socket of the current host (family, type, proto as socket(2)): its
 * descriptor (the lowest free one, as socket(2) gives), or -1 with errno. */
int lab_socket(struct shell *sh, int family, int type, int proto);
/* socket(2) on the current host, or the shell's own when none is current. */
int lab_socket_here(struct shell *sh, int family, int type, int proto);
/* name itself, or when it is a host of the lab, its address as text in
 * buf (IPv6 for family AF_INET6, else IPv4), so that a lab host's name
 * is never looked up outside. */
const char *lab_address(const struct shell *sh, const char *name, int family, char *buf,
			size_t size);
/* The name of the current host, or NULL when sockets are the shell's own. */
const char *lab_current(const struct shell *sh);
/* The prompt when a lab exists ("sockshell[a:3]> "), into buf; 0 when no
 * lab exists (the caller makes the plain prompt). */
int lab_prompt(const struct shell *sh, char *buf, size_t size);
/* Set the conditions of host's side of the link (NULL: every host's);
 * 0, or -1 with errno (ENOENT: no such host, ESRCH: no lab). */
int lab_link_set(struct shell *sh, const char *host, const struct link_cond *c);
/* The conditions of host's side into *c; 0, or -1 with errno. */
int lab_link_get(struct shell *sh, const char *host, struct link_cond *c);
/* Tell the helper to report the link's frames (on 1) or to stop (0); the
 * descriptor they come on (non-blocking, struct labd_frame then the
 * packet), or -1 when no lab runs (or, off, always). */
int lab_capture(struct shell *sh, int on);
/* The descriptor the link's frames come on, or -1 when no lab runs. */
int lab_capture_fd(const struct shell *sh);
/* End the helper (and with it every host) and free the lab. */
void lab_free(struct shell *sh);

/* labd.c: the helper's life, in the child after fork: fd is its end of
 * the socketpair, cap its end of the capture pair, parent the shell's pid.
 * Never returns. */
void labd_main(int fd, int cap, pid_t parent) __attribute__((noreturn));

#endif
