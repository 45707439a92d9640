/*
 * files.h - reading and writing whole files (files.c).
 */
#ifndef SOCKSHELL_FILES_H
#define SOCKSHELL_FILES_H

#include <stddef.h>

/* Read path whole into memory (no descriptor stays open).  Returns 0, or
 * -1 with errno set. */
int files_read(const char *path, char **text, size_t *len);

#endif
