/*
 * basic.h - the one TAP library of the C unit tests (tests/tap/basic.c).
 *
 * The shape is C TAP Harness's basic.h: a plan first (plan or plan_lazy),
 * then test points that each print "ok N - ..." or "not ok N - ...", and
 * at the end test_finish, which prints a lazy plan and says with the exit
 * status whether every point passed and the count was the plan's.  The
 * descriptions are printf formats.  The comparisons take what the code
 * gave first and what was expected second (Test::More's order, as in the
 * shell library tests/lib/tap.sh), and on a mismatch show both as
 * comments, bytes C-escaped so a NUL or a control byte shows.
 *
 *     int main(void)
 *     {
 *         plan_lazy();
 *         is_int(add(2, 2), 4, "two and two");
 *         return test_finish();
 *     }
 */
#ifndef SOCKSHELL_TESTS_TAP_BASIC_H
#define SOCKSHELL_TESTS_TAP_BASIC_H

#include <stddef.h>

#define TAP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define TAP_NORETURN __attribute__((noreturn))

/* "1..count" now: count points follow. */
void plan(unsigned long count);
/* The plan will be printed by test_finish, from the points that ran. */
void plan_lazy(void);
/* "1..0 # SKIP why" and exit 0: nothing can run here.  Before any point. */
void skip_all(const char *fmt, ...) TAP_PRINTF(1, 2) TAP_NORETURN;

/* One test point, passed when success is not zero.  Returns success. */
int ok(int success, const char *fmt, ...) TAP_PRINTF(2, 3);
/* Points comparing what the code gave (got) with what was expected;
 * each returns 1 when they are equal. */
int is_int(long long got, long long want, const char *fmt, ...) TAP_PRINTF(3, 4);
int is_uint(unsigned long long got, unsigned long long want, const char *fmt, ...)
	TAP_PRINTF(3, 4);
/* NUL-terminated strings; a NULL got is shown as (null) and fails. */
int is_string(const char *got, const char *want, const char *fmt, ...) TAP_PRINTF(3, 4);
/* Byte strings that may hold NULs, of their own lengths. */
int is_bytes(const void *got, size_t gotlen, const void *want, size_t wantlen,
	     const char *fmt, ...) TAP_PRINTF(5, 6);
/* A point that cannot run here, and count of them at once. */
void skip(const char *fmt, ...) TAP_PRINTF(1, 2);
void skip_block(unsigned long count, const char *fmt, ...) TAP_PRINTF(2, 3);

/* A "# " comment line. */
void diag(const char *fmt, ...) TAP_PRINTF(1, 2);
/* Show p[0..n) C-escaped as a comment, after label. */
void diag_bytes(const char *label, const void *p, size_t n);
/* "Bail out! ..." and exit 1: the test cannot go on. */
void bail(const char *fmt, ...) TAP_PRINTF(1, 2) TAP_NORETURN;
/* The same with ": strerror(errno)" added. */
void sysbail(const char *fmt, ...) TAP_PRINTF(1, 2) TAP_NORETURN;

/* Print the lazy plan, and a comment when something went wrong.  Returns
 * the exit status for main: 0 when every point passed and their count is
 * the plan's, else 1.  Call it once, last. */
int test_finish(void);

/* The path of tests/data/name in the source tree ($top_srcdir, else "."),
 * for the caller to free. */
char *test_file_path(const char *name);

#endif
