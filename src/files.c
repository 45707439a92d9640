/*
 * files.c - reading and writing whole files: a lesson, "source", "--check
 * -", "send -f FILE" and "save".
 *
 * Hides the descriptor loops (EINTR, short reads and writes), the size
 * bound of a file read whole, and the rules "save" writes by.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "files.h"
#include "i18n.h"
#include "shell.h"
#include "strbuf.h"

/*
 * Wait until fd (not a regular file) has something to read, at most until
 * deadline (CLOCK_MONOTONIC; tv_sec 0: no deadline).  Returns 0, or -1
 * with errno ETIME when the deadline passed, EINTR on Ctrl-C.
 */
static int wait_readable(int fd, const struct timespec *deadline)
{
	struct pollfd p = { fd, POLLIN, 0 };
	struct timespec now;

	for (;;) {
		int ms = -1;
		if (deadline->tv_sec != 0) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			double left = (double)(deadline->tv_sec - now.tv_sec) +
				      (double)(deadline->tv_nsec - now.tv_nsec) / 1e9;
			if (left <= 0) {
				errno = ETIME;
				return -1;
			}
			ms = (int)(left * 1000) + 1;
		}
		int r = poll(&p, 1, ms);
		if (r > 0)
			return 0;
		if (r < 0 && (errno != EINTR || shell_sigint))
			return -1;  /* Ctrl-C gives up on a FIFO or a terminal */
	}
}

/*
 * Read fd to its end into sb, at most SHELL_MAX_FILE bytes; a descriptor
 * that is not a regular file (a pipe, a FIFO, a terminal) is waited for
 * until deadline only.  Returns 0, or an errno value.
 */
static int read_all(int fd, int regular, const struct timespec *deadline, struct strbuf *sb)
{
	for (;;) {
		/* A FIFO without a writer reads as EOF at once: poll first. */
		if (!regular && wait_readable(fd, deadline) < 0)
			return errno;
		sb_grow(sb, 65536);
		ssize_t n = read(fd, sb->buf + sb->len, sb->cap - sb->len - 1);
		if (n < 0 && (errno == EAGAIN || (errno == EINTR && !shell_sigint)))
			continue;
		if (n < 0)
			return errno;
		if (n == 0)
			return 0;
		sb->len += (size_t)n;
		if (sb->len > SHELL_MAX_FILE)
			return EFBIG;
	}
}

int files_read(const char *path, double timeout, char **text, size_t *len)
{
	struct stat st;
	struct strbuf sb = STRBUF_INIT;
	struct timespec deadline = { 0, 0 };
	/* O_NONBLOCK: a FIFO with no writer must not block the open. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), e;

	if (fd < 0)
		return -1;
	if (timeout > 0) {
		clock_gettime(CLOCK_MONOTONIC, &deadline);
		long long ns = (long long)deadline.tv_nsec + llround((timeout - floor(timeout)) * 1e9);
		deadline.tv_sec += (time_t)timeout + (time_t)(ns / 1000000000);
		deadline.tv_nsec = (long)(ns % 1000000000);
	}
	if (fstat(fd, &st) < 0)
		e = errno;
	else if (S_ISDIR(st.st_mode))
		e = EISDIR;
	else
		e = read_all(fd, S_ISREG(st.st_mode), &deadline, &sb);
	close(fd);
	if (e != 0) {
		sb_free(&sb);
		errno = e;
		return -1;
	}
	*text = sb.buf ? sb.buf : xstrdup("");
	if (sb.buf != NULL)
		sb.buf[sb.len] = '\0';
	*len = sb.len;
	return 0;
}

const char *files_error(int err)
{
	if (err == EFBIG)
		return _("larger than 64 MiB");
	if (err == ETIME)
		return _("nothing to read within the script's time-out");
	return strerror(err);
}

int files_write(const char *path, const void *p, size_t n, int force)
{
	/* O_EXCL unless forced: never overwrite a file by surprise (nor
	 * follow a link planted where the new file goes). */
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (force ? O_TRUNC : O_EXCL);
	int fd = open(path, flags, 0644);
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < n) {
		ssize_t w = write(fd, (const char *)p + off, n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = w < 0 ? errno : EIO;
			close(fd);
			errno = e;
			return -1;
		}
		off += (size_t)w;
	}
	return close(fd);
}
