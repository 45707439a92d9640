/*
 * labd.c - the lab's helper: the child the shell forks at its first host
 * (lab.c).  It never execs and never touches the shell's state: it closes
 * every descriptor but its end of the socketpair, makes a user namespace
 * (its user mapped to root), then for each host a network namespace with
 * loopback and a TUN device eth0, configured by ioctl alone.  It makes
 * sockets in a host's namespace on request and hands them back
 * (SCM_RIGHTS), and forwards the IP packets between the TUNs through each
 * sending host's link queue (linkq.h).  It dies with the shell: SIGKILL
 * when the shell dies (PR_SET_PDEATHSIG), and an end of file on the
 * socketpair.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>

#include "i18n.h"
#include "lab.h"

#if defined(__linux__) && defined(HAVE_UNSHARE) && defined(HAVE_SETNS) && \
	defined(HAVE_NET_IF_H) && defined(HAVE_LINUX_IF_TUN_H) && \
	defined(CLONE_NEWUSER) && defined(CLONE_NEWNET)
#include <net/if.h>
#include <linux/if_tun.h>
#include <sys/prctl.h>

/* What SIOCSIFADDR takes on an AF_INET6 socket (<linux/ipv6.h>'s
 * in6_ifreq, which does not mix with <netinet/in.h>). */
struct labd_in6_ifreq {
	struct in6_addr addr;
	uint32_t prefixlen;
	int ifindex;
};

/* One host, as the helper has it. */
struct labd_host {
	int ns;                 /* its network namespace (/proc/self/ns/net) */
	int tun;                /* its eth0, non-blocking */
	struct in_addr v4;
	struct in6_addr v6;
	struct linkq *q;        /* its side of the link: what it sends */
};

static struct labd_host hosts[LAB_MAX_HOSTS];
static int nhosts;
/* The capture pair's end (lab.h), and whether the shell wants the frames. */
static int capfd = -1;
static int capturing;

/* The largest packet a TUN hands over (its MTU is 1500; GSO is off). */
#define LABD_FRAME 65536

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Send rep (with descriptor fd when fd >= 0) on the socketpair ctl. */
static void reply(int ctl, const struct labd_rep *rep, int fd)
{
	struct iovec iov = { .iov_base = (void *)rep, .iov_len = sizeof *rep };
	union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } cm;
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };

	if (fd >= 0) {
		memset(&cm, 0, sizeof cm);
		msg.msg_control = cm.buf;
		msg.msg_controllen = sizeof cm.buf;
		struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &fd, sizeof fd);
	}
	while (sendmsg(ctl, &msg, MSG_NOSIGNAL) < 0 && errno == EINTR)
		;
}

/* A reply without a descriptor: err (0: done), and what failed. */
static void fail(int ctl, int err, const char *what)
{
	struct labd_rep rep;
	memset(&rep, 0, sizeof rep);
	rep.err = err;
	snprintf(rep.what, sizeof rep.what, "%s", what);
	reply(ctl, &rep, -1);
}

/* Write text whole to the /proc file path; 0, or -1 with errno. */
static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = (ssize_t)strlen(text), w = write(fd, text, (size_t)n);
	int e = errno;
	close(fd);
	errno = w == n ? 0 : w < 0 ? e : EIO;
	return w == n ? 0 : -1;
}

/* Close every descriptor but keep and keep2, and put /dev/null on 0, 1 and 2, so
 * that no socket of the shell lives on in the helper (a close in the shell
 * would then send no FIN) and no pipe of the shell's caller stays open. */
static void close_others(int keep, int keep2)
{
	int null = open("/dev/null", O_RDWR);
	for (int fd = 0; fd <= 2; fd++)
		if (null >= 0 && null != fd)
			dup2(null, fd);
	DIR *d = opendir("/proc/self/fd");
	if (d == NULL) {
		for (int fd = 3; fd < 1024; fd++)
			if (fd != keep && fd != keep2)
				close(fd);
		return;
	}
	int dfd = dirfd(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		int fd = atoi(e->d_name);
		if (fd > 2 && fd != keep && fd != keep2 && fd != dfd)
			close(fd);
	}
	closedir(d);
}

/* The first part of the helper's life: die with the shell, keep nothing
 * of it, make the user namespace and a network namespace of its own, and
 * check that /dev/net/tun opens.  Replies 0 or what failed; returns 0 or -1. */
static int setup(int ctl, pid_t parent)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(0);
	static const int ignored[] = { SIGINT, SIGQUIT, SIGTSTP, SIGHUP, SIGTERM, SIGPIPE, SIGTTOU,
				       SIGTTIN };
	for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
		signal(ignored[i], SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	close_others(ctl, capfd);
	if (unshare(CLONE_NEWUSER) < 0)
		return fail(ctl, errno, "unshare(CLONE_NEWUSER)"), -1;
	if (write_file("/proc/self/setgroups", "deny") < 0 && errno != ENOENT)
		return fail(ctl, errno, N_("writing /proc/self/setgroups")), -1;
	snprintf(map, sizeof map, "0 %lu 1\n", (unsigned long)uid);
	if (write_file("/proc/self/uid_map", map) < 0)
		return fail(ctl, errno, N_("writing /proc/self/uid_map")), -1;
	snprintf(map, sizeof map, "0 %lu 1\n", (unsigned long)gid);
	if (write_file("/proc/self/gid_map", map) < 0)
		return fail(ctl, errno, N_("writing /proc/self/gid_map")), -1;
	if (unshare(CLONE_NEWNET) < 0)
		return fail(ctl, errno, "unshare(CLONE_NEWNET)"), -1;
	int tun = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
	if (tun < 0)
		return fail(ctl, errno, N_("cannot open /dev/net/tun")), -1;
	close(tun);
	fail(ctl, 0, "");
	return 0;
}

/* SIOCSIFFLAGS: interface name up (and running) on the socket s. */
static int iface_up(int s, const char *name)
{
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
	if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0)
		return -1;
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	return ioctl(s, SIOCSIFFLAGS, &ifr);
}

/* Give eth0 the IPv4 address v4/len (the connected route comes with it)
 * on the AF_INET socket s.  0, or -1 with errno. */
static int set_v4(int s, struct in_addr v4, int len)
{
	struct ifreq ifr;
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr = v4 };

	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "eth0");
	memcpy(&ifr.ifr_addr, &sin, sizeof sin);
	if (ioctl(s, SIOCSIFADDR, &ifr) < 0)
		return -1;
	sin.sin_addr.s_addr = htonl(len == 0 ? 0 : 0xffffffffu << (32 - len));
	memcpy(&ifr.ifr_netmask, &sin, sizeof sin);
	return ioctl(s, SIOCSIFNETMASK, &ifr);
}

/* Give eth0 the IPv6 address v6/len, on a new AF_INET6 socket.  0, or -1
 * with errno. */
static int set_v6(const struct in6_addr *v6, int len)
{
	struct ifreq ifr;
	/* As large as a struct ifreq, zeroed: valgrind checks that much. */
	union { struct ifreq pad; struct labd_in6_ifreq r; } u;
	int s = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0), rc = -1;

	if (s < 0)
		return -1;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "eth0");
	if (ioctl(s, SIOCGIFINDEX, &ifr) == 0) {
		memset(&u, 0, sizeof u);
		u.r.addr = *v6;
		u.r.prefixlen = (uint32_t)len;
		u.r.ifindex = ifr.ifr_ifindex;
		rc = ioctl(s, SIOCSIFADDR, &u.r);
	}
	int e = errno;
	close(s);
	errno = e;
	return rc;
}

/* Is the IPv6 address v6 in the current namespace and no longer tentative
 * (/proc/self/net/if_inet6: address, index, prefix, scope, flags in hex)? */
static int v6_ready(const struct in6_addr *v6)
{
	char want[33], line[128], addr[40];
	unsigned idx, plen, scope, flags;
	int ready = 0;
	FILE *f = fopen("/proc/self/net/if_inet6", "re");

	if (f == NULL)
		return 1;  /* cannot tell: go on */
	for (int i = 0; i < 16; i++)
		snprintf(want + 2 * i, 3, "%02x", v6->s6_addr[i]);
	while (!ready && fgets(line, sizeof line, f) != NULL)
		ready = sscanf(line, "%39s %x %x %x %x", addr, &idx, &plen, &scope, &flags) == 5 &&
			strcmp(addr, want) == 0 && !(flags & 0x40 /* IFA_F_TENTATIVE */);
	fclose(f);
	return ready;
}

/* Wait (at most 2 s) until the kernel has made v6 usable: even without
 * duplicate address detection (eth0 has IFF_NOARP) it finishes later, and
 * a bind before that fails with EADDRNOTAVAIL. */
static void v6_wait(const struct in6_addr *v6)
{
	struct timespec ms = { 0, 1000000 };
	for (int i = 0; i < 2000 && !v6_ready(v6); i++)
		nanosleep(&ms, NULL);
}

/* Open a TUN device eth0 in the current network namespace, non-blocking;
 * its descriptor, or -1 with errno. */
static int tun_open(void)
{
	struct ifreq ifr;
	int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof ifr);
	ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "eth0");
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* Configure a new host's namespace (the current one): lo up, eth0 up
 * with its addresses.  NULL, or what failed (errno set). */
static const char *host_configure(const struct labd_req *rq, int *tun)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	const char *what = NULL;

	if (s < 0)
		return N_("socket(AF_INET) for the ioctls");
	if (iface_up(s, "lo") < 0)
		what = N_("bringing lo up");
	else if ((*tun = tun_open()) < 0)
		what = N_("making the TUN device eth0");
	else if (set_v4(s, rq->v4, rq->v4len) < 0)
		what = N_("giving eth0 its IPv4 address");
	else if (iface_up(s, "eth0") < 0)
		what = N_("bringing eth0 up");
	else if (rq->v6len > 0 && set_v6(&rq->v6, rq->v6len) < 0)
		what = N_("giving eth0 its IPv6 address");
	else if (rq->v6len > 0)
		v6_wait(&rq->v6);
	int e = errno;
	close(s);
	errno = e;
	return what;
}

/* LABD_HOST: a new network namespace for host number rq->host (the next). */
static void host_make(int ctl, const struct labd_req *rq)
{
	struct labd_host *h = &hosts[nhosts];
	int tun = -1;
	const char *what = NULL;

	if (rq->host != nhosts || nhosts >= LAB_MAX_HOSTS)
		return fail(ctl, EINVAL, N_("host number"));
	if (unshare(CLONE_NEWNET) < 0)
		return fail(ctl, errno, "unshare(CLONE_NEWNET)");
	int ns = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (ns < 0)
		return fail(ctl, errno, N_("opening /proc/self/ns/net"));
	what = host_configure(rq, &tun);
	if (what != NULL) {
		int e = errno;
		if (tun >= 0)
			close(tun);
		close(ns);
		return fail(ctl, e, what);
	}
	memset(h, 0, sizeof *h);
	h->ns = ns;
	h->tun = tun;
	h->v4 = rq->v4;
	h->v6 = rq->v6;
	h->q = linkq_new();
	nhosts++;
	fail(ctl, 0, "");
}

/* LABD_SOCKET: a socket in host rq->host's namespace, handed back. */
static void socket_make(int ctl, const struct labd_req *rq)
{
	if (rq->host < 0 || rq->host >= nhosts)
		return fail(ctl, ENOENT, N_("host number"));
	if (setns(hosts[rq->host].ns, CLONE_NEWNET) < 0)
		return fail(ctl, errno, "setns");
	int fd = socket(rq->family, rq->type, rq->proto);
	if (fd < 0)
		return fail(ctl, errno, "socket");
	struct labd_rep rep;
	memset(&rep, 0, sizeof rep);
	reply(ctl, &rep, fd);
	close(fd);
}

/* LABD_LINK_SET and LABD_LINK_GET. */
static void link_cond(int ctl, const struct labd_req *rq)
{
	struct labd_rep rep;

	memset(&rep, 0, sizeof rep);
	if (rq->host < -1 || rq->host >= nhosts || (rq->host < 0 && rq->op == LABD_LINK_GET))
		return fail(ctl, ENOENT, N_("host number"));
	for (int i = 0; i < nhosts; i++) {
		if (rq->host >= 0 && i != rq->host)
			continue;
		if (rq->op == LABD_LINK_SET)
			linkq_set(hosts[i].q, &rq->cond);
		else
			linkq_get(hosts[i].q, &rep.cond);
	}
	reply(ctl, &rep, -1);
}

/* One request from the shell; 0, or -1 at its end of file (the shell is gone). */
static int request(int ctl)
{
	struct labd_req rq;
	ssize_t n = recv(ctl, &rq, sizeof rq, 0);

	if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
		return -1;
	if (n != (ssize_t)sizeof rq)
		return n < 0 ? 0 : (fail(ctl, EPROTO, N_("request size")), 0);
	switch (rq.op) {
	case LABD_HOST: host_make(ctl, &rq); break;
	case LABD_SOCKET: socket_make(ctl, &rq); break;
	case LABD_LINK_SET: case LABD_LINK_GET: link_cond(ctl, &rq); break;
	case LABD_CAPTURE: capturing = rq.host != 0 && capfd >= 0; fail(ctl, 0, ""); break;
	default: fail(ctl, EPROTO, N_("request")); break;
	}
	return 0;
}

/* The host that has the destination address of the IP packet p (len
 * bytes), or -1 (not in the lab: a multicast, a neighbour solicitation). */
static int route(const unsigned char *p, size_t len)
{
	if (len >= 20 && p[0] >> 4 == 4) {
		for (int i = 0; i < nhosts; i++)
			if (memcmp(p + 16, &hosts[i].v4, 4) == 0)
				return i;
	} else if (len >= 40 && p[0] >> 4 == 6) {
		for (int i = 0; i < nhosts; i++)
			if (memcmp(p + 24, &hosts[i].v6, 16) == 0)
				return i;
	}
	return -1;
}

/* Under capture: tell the shell that the frame p[0..n) from host from to
 * host to got verdict v.  A message the pair has no room for is not sent:
 * the link never waits for the shell. */
static void report(int from, int to, enum linkq_verdict v, const unsigned char *p, size_t n)
{
	struct labd_frame f;
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	memset(&f, 0, sizeof f);
	f.verdict = (int)v;
	f.from = from, f.to = to;
	f.sec = (int64_t)ts.tv_sec, f.nsec = (int64_t)ts.tv_nsec;
	struct iovec iov[2] = { { &f, sizeof f }, { (void *)p, n } };
	struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 2 };
	while (sendmsg(capfd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL) < 0 && errno == EINTR)
		;
}

/* Read what host i's TUN has (a bounded number of packets), into its
 * link queue towards each one's destination. */
static void take(int i, unsigned char *buf)
{
	for (int k = 0; k < 64; k++) {
		ssize_t n = read(hosts[i].tun, buf, LABD_FRAME);
		if (n <= 0)
			return;
		int dest = route(buf, (size_t)n);
		if (dest < 0 || dest == i)
			continue;
		enum linkq_verdict v = linkq_push(hosts[i].q, buf, (size_t)n, dest, now_ns());
		if (capturing)
			report(i, dest, v, buf, (size_t)n);
	}
}

/* Write every frame now due into its destination's TUN; the time until
 * the next is due, in ns (-1: none waits). */
static int64_t deliver(unsigned char *buf)
{
	int64_t next = -1;
	uint64_t now = now_ns();

	for (int i = 0; i < nhosts; i++) {
		int dest;
		ssize_t n;
		while ((n = linkq_pop(hosts[i].q, now, buf, LABD_FRAME, &dest)) >= 0)
			if (dest >= 0 && dest < nhosts && write(hosts[dest].tun, buf, (size_t)n) < 0)
				break;  /* a full TUN queue drops, as a wire would */
		int64_t t = linkq_next(hosts[i].q, now);
		if (t >= 0 && (next < 0 || t < next))
			next = t;
	}
	return next;
}

/* Poll the socketpair and every TUN until the shell is gone. */
static void forward(int ctl)
{
	static unsigned char buf[LABD_FRAME];
	struct pollfd pfd[LAB_MAX_HOSTS + 1];
	int64_t next = -1;

	for (;;) {
		struct timespec ts, *tp = NULL;
		if (next >= 0) {
			ts.tv_sec = (time_t)(next / 1000000000);
			ts.tv_nsec = (long)(next % 1000000000);
			tp = &ts;
		}
		pfd[0].fd = ctl;
		pfd[0].events = POLLIN;
		for (int i = 0; i < nhosts; i++)
			pfd[i + 1].fd = hosts[i].tun, pfd[i + 1].events = POLLIN;
		int n = nhosts;
		if (ppoll(pfd, (nfds_t)n + 1, tp, NULL) < 0 && errno != EINTR)
			return;
		if (pfd[0].revents & (POLLIN | POLLHUP | POLLERR))
			if (request(ctl) < 0)
				return;
		for (int i = 0; i < n; i++)
			if (pfd[i + 1].revents & POLLIN)
				take(i, buf);
		next = deliver(buf);
	}
}

void labd_main(int ctl, int cap, pid_t parent)
{
	capfd = cap;
	if (setup(ctl, parent) == 0)
		forward(ctl);
	_exit(0);
}

#else  /* no namespaces or TUN: the helper says so and ends */

void labd_main(int ctl, int cap, pid_t parent)
{
	struct labd_rep rep;
	(void)parent;
	(void)cap;
	memset(&rep, 0, sizeof rep);
	rep.err = ENOSYS;
	snprintf(rep.what, sizeof rep.what, N_("network namespaces (Linux only)"));
	(void)!send(ctl, &rep, sizeof rep, 0);
	_exit(0);
}

#endif
