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
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "shell.h"
#include "strbuf.h"

int files_read(const char *path, char **text, size_t *len)
{
	struct stat st;
	struct strbuf sb = STRBUF_INIT;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return -1;
	}
	for (;;) {
		sb_grow(&sb, 65536);
		ssize_t n = read(fd, sb.buf + sb.len, sb.cap - sb.len - 1);
		if (n < 0 && errno == EINTR && !shell_sigint)
			continue;  /* Ctrl-C gives up on a FIFO or a terminal */
		if (n < 0) {
			int e = errno;
			close(fd);
			sb_free(&sb);
			errno = e;
			return -1;
		}
		if (n == 0)
			break;
		sb.len += (size_t)n;
		if (sb.len > SHELL_MAX_COUNT) {
			close(fd);
			sb_free(&sb);
			errno = EFBIG;
			return -1;
		}
	}
	close(fd);
	*text = sb.buf ? sb.buf : xstrdup("");
	if (sb.buf != NULL)
		sb.buf[sb.len] = '\0';
	*len = sb.len;
	return 0;
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
