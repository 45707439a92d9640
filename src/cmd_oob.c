/*
 * cmd_oob.c - sockatmark: is the stream read up to the urgent mark?
 *
 * TCP's urgent data (send DATA oob) marks a place in the stream; a recv
 * stops there, and sockatmark(3) (ioctl(SIOCATMARK) on Linux) says when
 * the next byte read is the one after the mark (or, with oobinline, the
 * urgent byte itself).
 */
#include <config.h>

#include <errno.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "cmds.h"
#include "output.h"
#include "shell.h"

/* sockatmark(3) itself, with the answer zeroed first: glibc's passes an
 * unset int to the ioctl, which valgrind reports as read.  Returns 1, 0,
 * or -1 with errno set. */
static int at_mark(int fd)
{
#ifdef SIOCATMARK
	int answer = 0;

	if (ioctl(fd, SIOCATMARK, &answer) < 0)
		return -1;
	return answer != 0;
#else
	return sockatmark(fd);
#endif
}

/* sockatmark: show whether the current handle is at the urgent mark;
 * the result is 1 or 0, or -1 with the errno (ENOTTY on a datagram
 * socket, which has no stream and so no mark). */
int cmd_sockatmark(struct shell *sh, int argc, struct word *argv)
{
	int fd = sh->current;

	(void)argc;
	(void)argv;
	trace_begin(sh, "sockatmark");
	trace_add(sh, "(%d)", fd);
	int rc = at_mark(fd);
	int err = rc < 0 ? errno : 0;
	trace_result(sh, rc, err);
	if (rc == 1)
		trace_adds(sh, " (at the mark: all before the urgent byte is read)");
	else if (rc == 0)
		trace_adds(sh, " (not at the mark)");
	trace_close(sh);
	return CMD_OK;
}
