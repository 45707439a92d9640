/*
 * files.h - reading and writing whole files (files.c).
 */
#ifndef SOCKSHELL_FILES_H
#define SOCKSHELL_FILES_H

#include <stddef.h>

/* Read path whole into memory (no descriptor stays open).  Returns 0, or
 * -1 with errno set. */
int files_read(const char *path, char **text, size_t *len);
/* Write p[0..n) to path as a new file (mode 0644 less the umask); one
 * that exists is an error (EEXIST) unless force, then it is truncated.
 * Returns 0, or -1 with errno set (the file may then be partly written). */
int files_write(const char *path, const void *p, size_t n, int force);

#endif
