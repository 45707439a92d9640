/*
 * vars.h - the variables that ${NAME} reads: set them, look them up.
 */
#ifndef SOCKSHELL_VARS_H
#define SOCKSHELL_VARS_H

#include <stddef.h>

#include "shell.h"

/* One variable: a name and a binary-safe value. */
struct var {
	char *name;
	char *value;
	size_t len;
	struct var *next;
};

/* Set a variable (binary safe). */
void var_set(struct shell *sh, const char *name, const char *value, size_t len);
/* Look a variable up the way ${NAME} does; the lexer's callback. */
int var_lookup(void *ctx, const char *name, size_t namelen, const char **val, size_t *vlen);
/* Free every variable. */
void var_free_all(struct shell *sh);

#endif
