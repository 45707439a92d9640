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
