/*
 * tap.h - a few lines of TAP for the C unit tests: ok(), is_int(),
 * is_str(), is_mem(), skip(), diag() and the plan at the end.
 *
 * Each test program includes this once.  The helpers are static inline so
 * a program that does not use one of them still builds without warnings.
 */
#ifndef SOCKSHELL_TAP_H
#define SOCKSHELL_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

/* A comment line in the TAP stream. */
static inline void diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
}

/* One test point; returns cond so a caller can skip what depends on it. */
static inline int ok(int cond, const char *desc)
{
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, desc);
	return cond;
}

/* A test point that cannot run here. */
static inline void skip(const char *desc, const char *why)
{
	tap_n++;
	printf("ok %d - %s # SKIP %s\n", tap_n, desc, why);
}

/* Print n bytes C-escaped, so a NUL or a control byte shows. */
static inline void tap_escaped(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '\\' || c == '"')
			printf("\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			putchar(c);
		else
			printf("\\x%02x", c);
	}
}

/* Compare n bytes, NULs included. */
static inline int is_mem(const char *got, size_t gotlen, const char *want, size_t wantlen,
			 const char *desc)
{
	int same = got != NULL && gotlen == wantlen && memcmp(got, want, wantlen) == 0;

	ok(same, desc);
	if (!same) {
		printf("#   got %zu bytes: \"", got ? gotlen : 0);
		if (got != NULL)
			tap_escaped(got, gotlen);
		printf("\"\n#   want %zu bytes: \"", wantlen);
		tap_escaped(want, wantlen);
		printf("\"\n");
	}
	return same;
}

static inline int is_str(const char *got, const char *want, const char *desc)
{
	const char *g = got ? got : "(null)";

	return is_mem(g, strlen(g), want, strlen(want), desc);
}

static inline int is_int(long long got, long long want, const char *desc)
{
	int same = got == want;

	ok(same, desc);
	if (!same)
		printf("#   got %lld, want %lld\n", got, want);
	return same;
}

/* The plan, last; the exit status says whether everything passed. */
static inline int done_testing(void)
{
	printf("1..%d\n", tap_n);
	fflush(stdout);
	return tap_failed ? 1 : 0;
}

#endif
