/*
 * private.c - sockshell --private and --join PID.
 *
 * --private: unshare(2) a user namespace and a network namespace at once,
 * map the user (and group) to root inside, so that CAP_NET_RAW and
 * CAP_NET_ADMIN hold there, and bring loopback up: the only interface a
 * new network namespace has, and down.  --join: setns(2) into another
 * process's two namespaces, as nsenter -U -n does.  Linux only; elsewhere
 * both say they are not available.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_NET_IF_H
#include <net/if.h>
#endif
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "i18n.h"
#include "output.h"
#include "private.h"
#include "shell.h"

#if defined(__linux__) && defined(HAVE_UNSHARE) && defined(HAVE_SETNS) && \
	defined(HAVE_NET_IF_H) && defined(CLONE_NEWUSER) && defined(CLONE_NEWNET)

/* Write text whole to the file path (a /proc file, one write); 0 on
 * success, else -1 with errno set.  The descriptor is closed. */
static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t n = strlen(text);
	ssize_t w = write(fd, text, n);
	int e = errno;
	close(fd);
	errno = e;
	if (w == (ssize_t)n)
		return 0;
	if (w >= 0)
		errno = EIO;
	return -1;
}

/* Does the sysctl file path hold the number want (first word)? */
static int sysctl_is(const char *path, long want)
{
	char buf[32];
	int fd = open(path, O_RDONLY | O_CLOEXEC), hit = 0;
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n > 0) {
		buf[n] = '\0';
		hit = strtol(buf, NULL, 10) == want;
	}
	return hit;
}

/* Say, in one line, why no user namespace was had (what failed: what),
 * naming the system setting that refuses them where one does. */
static void refused(struct shell *sh, const char *what, int e)
{
	const char *why = NULL;

	if (sysctl_is("/proc/sys/kernel/unprivileged_userns_clone", 0))
		why = _("kernel.unprivileged_userns_clone = 0 forbids them (sysctl -w kernel.unprivileged_userns_clone=1 allows them)");
	else if (sysctl_is("/proc/sys/user/max_user_namespaces", 0))
		why = _("user.max_user_namespaces = 0 forbids them (sysctl -w user.max_user_namespaces=10000 allows them)");
	else if (sysctl_is("/proc/sys/kernel/apparmor_restrict_unprivileged_userns", 1))
		why = _("AppArmor restricts them: kernel.apparmor_restrict_unprivileged_userns = 1 (an AppArmor profile with 'userns,' for sockshell, or that setting 0, allows them)");
	if (why != NULL)
		out_program_error(sh, _("--private: no user namespace here (%s: %s): %s"), what,
				  strerror(e), why);
	else
		out_program_error(sh, _("--private: no user namespace here (%s: %s)"), what, strerror(e));
}

/* Map uid and gid to root in the new user namespace; 0, or -1 after
 * saying why not. */
static int map_ids(struct shell *sh, uid_t uid, gid_t gid)
{
	char map[64];

	/* Without "deny" an unprivileged gid_map write is refused; an old
	 * kernel without the file needs none. */
	if (write_file("/proc/self/setgroups", "deny") < 0 && errno != ENOENT) {
		refused(sh, "writing /proc/self/setgroups", errno);
		return -1;
	}
	snprintf(map, sizeof map, "0 %lu 1\n", (unsigned long)uid);
	if (write_file("/proc/self/uid_map", map) < 0) {
		refused(sh, "writing /proc/self/uid_map", errno);
		return -1;
	}
	snprintf(map, sizeof map, "0 %lu 1\n", (unsigned long)gid);
	if (write_file("/proc/self/gid_map", map) < 0) {
		refused(sh, "writing /proc/self/gid_map", errno);
		return -1;
	}
	return 0;
}

/* Bring the loopback interface up (SIOCSIFFLAGS on a socket closed after);
 * 0, or -1 after saying why not. */
static int loopback_up(struct shell *sh)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0) {
		out_program_error(sh, _("--private: socket: %s"), strerror(errno));
		return -1;
	}
	memset(&ifr, 0, sizeof ifr);
	strcpy(ifr.ifr_name, "lo");
	int r = ioctl(fd, SIOCGIFFLAGS, &ifr);
	if (r == 0) {
		ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
		r = ioctl(fd, SIOCSIFFLAGS, &ifr);
	}
	int e = errno;
	close(fd);
	if (r < 0) {
		out_program_error(sh, _("--private: cannot bring lo up: %s"), strerror(e));
		return -1;
	}
	return 0;
}

int private_enter(struct shell *sh, int chatty)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();
	char line[200];

	if (unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0) {
		refused(sh, "unshare", errno);
		return EXIT_FAILED;
	}
	if (map_ids(sh, uid, gid) < 0 || loopback_up(sh) < 0)
		return EXIT_FAILED;
	int n = snprintf(line, sizeof line,
			 _("private network: join it from another terminal with: sockshell --join %ld"
			 " (or: nsenter --preserve-credentials -U -n -t %ld)\n"),
			 (long)getpid(), (long)getpid());
	if (chatty)
		out_put(sh, line, (size_t)n);
	else
		out_stderr(sh, line, (size_t)n);
	return 0;
}

/* Join namespace kind (CLONE_NEWUSER or CLONE_NEWNET) of process pid, its
 * file /proc/PID/ns/name; 0, or -1 after saying why not. */
static int join_one(struct shell *sh, long pid, const char *name, int kind)
{
	char path[64];

	snprintf(path, sizeof path, "/proc/%ld/ns/%s", pid, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		out_program_error(sh, _("--join %ld: cannot open %s: %s"), pid, path,
				  errno == ENOENT ? _("no such process") : strerror(errno));
		return -1;
	}
	int r = setns(fd, kind);
	int e = errno;
	close(fd);
	if (r < 0) {
		out_program_error(sh, _("--join %ld: setns %s: %s"), pid, path, strerror(e));
		return -1;
	}
	return 0;
}

int private_join(struct shell *sh, const char *pid_text)
{
	char *end;
	long pid;
	char self[64], theirs[64];

	errno = 0;
	pid = strtol(pid_text, &end, 10);
	if (end == pid_text || *end != '\0' || errno != 0 || pid <= 0) {
		out_program_error(sh, _("--join: '%s' is no process id"), pid_text);
		out_usage_hint(sh);
		return EXIT_USAGE;
	}
	/* Already in its user namespace (root joining, or a join of a join):
	 * setns would say EINVAL; the network is what matters. */
	snprintf(self, sizeof self, "/proc/%ld/ns/user", pid);
	ssize_t a = readlink(self, theirs, sizeof theirs - 1);
	ssize_t b = readlink("/proc/self/ns/user", self, sizeof self - 1);
	int same = a > 0 && a == b && memcmp(self, theirs, (size_t)a) == 0;
	if ((!same && join_one(sh, pid, "user", CLONE_NEWUSER) < 0) ||
	    join_one(sh, pid, "net", CLONE_NEWNET) < 0)
		return EXIT_FAILED;
	return 0;
}

#else

int private_enter(struct shell *sh, int chatty)
{
	(void)chatty;
	out_program_error(sh, _("--private: not available here (it needs Linux's user and network namespaces)"));
	return EXIT_FAILED;
}

int private_join(struct shell *sh, const char *pid_text)
{
	(void)pid_text;
	out_program_error(sh, _("--join: not available here (it needs Linux's namespaces)"));
	return EXIT_FAILED;
}

#endif
