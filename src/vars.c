/*
 * vars.c - the variables that ${NAME} reads.
 *
 * Hides how they are kept (a list on the session) and the order a name is
 * looked up in: $0 and $1... of the lesson, the names a call sets (rc,
 * errno, result, data), the user's variables, then the environment.
 */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errname.h"
#include "shell.h"
#include "strbuf.h"
#include "vars.h"

void var_set(struct shell *sh, const char *name, const char *value, size_t len)
{
	struct var *v;

	for (v = sh->vars; v != NULL; v = v->next)
		if (strcmp(v->name, name) == 0)
			break;
	if (v == NULL) {
		v = xmalloc(sizeof *v);
		v->name = xstrdup(name);
		v->value = NULL;
		v->next = sh->vars;
		sh->vars = v;
	}
	free(v->value);
	v->value = xmemdup(value, len);
	v->len = len;
}

/* Is name[0..len) exactly the string s? */
static int is(const char *name, size_t len, const char *s)
{
	return strlen(s) == len && memcmp(name, s, len) == 0;
}

int var_lookup(void *ctx, const char *name, size_t len, const char **val, size_t *vlen)
{
	struct shell *sh = ctx;

	if (isdigit((unsigned char)name[0])) {
		/* Only name[0..len): "$12" is $1 then "2", and the name is
		 * not NUL-terminated. */
		long n = 0;
		for (size_t i = 0; i < len && isdigit((unsigned char)name[i]) && n < 100000; i++)
			n = n * 10 + (name[i] - '0');
		const struct source *s = sh->src;
		while (s != NULL && s->argv == NULL)
			s = s->up;
		if (n == 0 && s != NULL) {
			*val = s->name;
			*vlen = strlen(s->name);
			return 1;
		}
		if (s == NULL || n < 1 || n > s->argc)
			return 0;
		*val = s->argv[n - 1];
		*vlen = strlen(*val);
		return 1;
	}
	if (is(name, len, "rc")) {
		if (!sh->last.valid)
			return 0;
		snprintf(sh->rc_text, sizeof sh->rc_text, "%lld", sh->last.rc);
		*val = sh->rc_text;
		*vlen = strlen(sh->rc_text);
		return 1;
	}
	if (is(name, len, "errno")) {
		const char *e = sh->last.gai ? errname_gai_name(sh->last.gai) :
				sh->last.err ? errname_name(sh->last.err) : "";
		*val = e ? e : "";
		*vlen = strlen(*val);
		return sh->last.valid;
	}
	if (is(name, len, "result")) {
		*val = sh->last.text.buf ? sh->last.text.buf : "";
		*vlen = sh->last.text.len;
		return sh->last.valid;
	}
	if (is(name, len, "data")) {
		*val = sh->last.data.buf ? sh->last.data.buf : "";
		*vlen = sh->last.data.len;
		return 1;
	}
	for (struct var *v = sh->vars; v != NULL; v = v->next) {
		if (is(name, len, v->name)) {
			*val = v->value;
			*vlen = v->len;
			return 1;
		}
	}
	char env[80];
	if (len >= sizeof env)
		return 0;
	memcpy(env, name, len);
	env[len] = '\0';
	const char *e = getenv(env);
	if (e == NULL)
		return 0;
	*val = e;
	*vlen = strlen(e);
	return 1;
}

void var_free_all(struct shell *sh)
{
	while (sh->vars != NULL) {
		struct var *v = sh->vars;
		sh->vars = v->next;
		free(v->name);
		free(v->value);
		free(v);
	}
}
