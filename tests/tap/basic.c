/*
 * basic.c - the one TAP library of the C unit tests: the plan, test
 * points, comparisons with diagnostics, skips, bail-outs and the exit
 * status (see basic.h).
 *
 * Hides the counting: how many points ran and failed, whether the plan was
 * printed first or is still to come, and whether test_finish was called.
 * A program that exits without test_finish says so in a comment and leaves
 * a lazy plan unprinted, so the harness counts it as an error.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "basic.h"

static unsigned long tap_run, tap_failed, tap_planned;
static int tap_lazy, tap_has_plan, tap_finished;

/* Registered by the plan: a program that never reached test_finish. */
static void tap_at_exit(void)
{
	if (!tap_finished) {
		printf("# exited after %lu test points without test_finish\n", tap_run);
		fflush(stdout);
	}
}

/* Start the test: the plan comes now or at the end, never twice. */
static void tap_start(void)
{
	if (tap_has_plan)
		bail("the plan was given twice");
	tap_has_plan = 1;
	/* Each line whole when stdout is a pipe and stderr shares it. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	atexit(tap_at_exit);
}

void plan(unsigned long count)
{
	tap_start();
	tap_planned = count;
	printf("1..%lu\n", count);
}

void plan_lazy(void)
{
	tap_start();
	tap_lazy = 1;
}

void skip_all(const char *fmt, ...)
{
	va_list ap;

	if (tap_run > 0)
		bail("skip_all after %lu test points", tap_run);
	tap_finished = 1;
	fputs("1..0 # SKIP ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	exit(0);
}

/* Print one point's line with its description from fmt and ap. */
static int tap_vpoint(int success, const char *fmt, va_list ap) TAP_PRINTF(2, 0);
static int tap_vpoint(int success, const char *fmt, va_list ap)
{
	if (!tap_has_plan)
		bail("a test point before the plan");
	tap_run++;
	if (!success)
		tap_failed++;
	printf("%sok %lu - ", success ? "" : "not ", tap_run);
	vprintf(fmt, ap);
	putchar('\n');
	return success;
}

int ok(int success, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vpoint(success != 0, fmt, ap);
	va_end(ap);
	return success != 0;
}

int is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;
	int same = got == want;

	va_start(ap, fmt);
	tap_vpoint(same, fmt, ap);
	va_end(ap);
	if (!same)
		printf("#   got:      %lld\n#   expected: %lld\n", got, want);
	return same;
}

int is_uint(unsigned long long got, unsigned long long want, const char *fmt, ...)
{
	va_list ap;
	int same = got == want;

	va_start(ap, fmt);
	tap_vpoint(same, fmt, ap);
	va_end(ap);
	if (!same)
		printf("#   got:      %llu\n#   expected: %llu\n", got, want);
	return same;
}

/* Print n bytes C-escaped, so a NUL or a control byte shows. */
static void tap_escaped(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\\' || p[i] == '"')
			printf("\\%c", p[i]);
		else if (p[i] >= 0x20 && p[i] < 0x7f)
			putchar(p[i]);
		else
			printf("\\x%02x", p[i]);
	}
}

void diag_bytes(const char *label, const void *p, size_t n)
{
	printf("#   %s %zu bytes: \"", label, n);
	tap_escaped(p, n);
	printf("\"\n");
}

/* The comparison of is_bytes and is_string, with the description in ap. */
static int tap_vbytes(const void *got, size_t gotlen, const void *want, size_t wantlen,
		      const char *fmt, va_list ap) TAP_PRINTF(5, 0);
static int tap_vbytes(const void *got, size_t gotlen, const void *want, size_t wantlen,
		      const char *fmt, va_list ap)
{
	int same = got != NULL && gotlen == wantlen && memcmp(got, want, wantlen) == 0;

	tap_vpoint(same, fmt, ap);
	if (!same) {
		if (got == NULL)
			printf("#   got:      (null)\n");
		else
			diag_bytes("got:     ", got, gotlen);
		diag_bytes("expected:", want, wantlen);
	}
	return same;
}

int is_bytes(const void *got, size_t gotlen, const void *want, size_t wantlen,
	     const char *fmt, ...)
{
	va_list ap;
	int same;

	va_start(ap, fmt);
	same = tap_vbytes(got, gotlen, want, wantlen, fmt, ap);
	va_end(ap);
	return same;
}

int is_string(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	int same;

	va_start(ap, fmt);
	same = tap_vbytes(got, got ? strlen(got) : 0, want, strlen(want), fmt, ap);
	va_end(ap);
	return same;
}

void skip(const char *fmt, ...)
{
	va_list ap;

	if (!tap_has_plan)
		bail("a skip before the plan");
	printf("ok %lu # SKIP ", ++tap_run);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void skip_block(unsigned long count, const char *fmt, ...)
{
	va_list ap;

	for (unsigned long i = 0; i < count; i++) {
		va_start(ap, fmt);
		if (!tap_has_plan)
			bail("a skip before the plan");
		printf("ok %lu # SKIP ", ++tap_run);
		vprintf(fmt, ap);
		putchar('\n');
		va_end(ap);
	}
}

void diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void bail(const char *fmt, ...)
{
	va_list ap;

	tap_finished = 1;
	fputs("Bail out! ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	exit(1);
}

void sysbail(const char *fmt, ...)
{
	va_list ap;
	int err = errno;

	tap_finished = 1;
	fputs("Bail out! ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(": %s\n", strerror(err));
	fflush(stdout);
	exit(1);
}

int test_finish(void)
{
	int status = 0;

	if (!tap_has_plan)
		bail("test_finish without a plan");
	tap_finished = 1;
	if (tap_lazy) {
		printf("1..%lu\n", tap_run);
	} else if (tap_run != tap_planned) {
		printf("# planned %lu test points but ran %lu\n", tap_planned, tap_run);
		status = 1;
	}
	if (tap_failed > 0) {
		printf("# failed %lu of %lu test points\n", tap_failed, tap_run);
		status = 1;
	}
	fflush(stdout);
	return status;
}

char *test_file_path(const char *name)
{
	const char *top = getenv("top_srcdir");
	size_t n;
	char *path;

	if (top == NULL || top[0] == '\0')
		top = ".";
	n = strlen(top) + strlen("/tests/data/") + strlen(name) + 1;
	path = malloc(n);
	if (path == NULL)
		sysbail("cannot allocate %zu bytes", n);
	snprintf(path, n, "%s/tests/data/%s", top, name);
	return path;
}
