/*
 * files.h - reading and writing whole files (files.c).
 */
#ifndef SOCKSHELL_FILES_H
#define SOCKSHELL_FILES_H

#include <stddef.h>

/* Read path whole into memory (no descriptor stays open).  Neither the
 * open nor a pipe, FIFO or terminal waits longer than timeout seconds (0:
 * until Ctrl-C).  Returns 0, or -1 with errno set (ETIME: timed out). */
int files_read(const char *path, double timeout, char **text, size_t *len);
/* Why files_read failed with errno err, in words: EFBIG and ETIME (no
 * data came in time) say it in the shell's terms, the rest strerror's. */
const char *files_error(int err);
/* Write p[0..n) to path as a new file (mode 0644 less the umask); one
 * that exists is an error (EEXIST) unless force, then it is truncated.
 * Returns 0, or -1 with errno set (the file may then be partly written). */
int files_write(const char *path, const void *p, size_t n, int force);

#endif
