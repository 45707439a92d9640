/*
 * tap.h - a few lines of TAP for the C unit tests: ok(), is_str(), plan.
 */
#ifndef SOCKSHELL_TAP_H
#define SOCKSHELL_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static void ok(int cond, const char *desc)
{
	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", tap_n, desc);
}

/* Compare n bytes, NULs included. */
static void is_mem(const char *got, size_t gotlen, const char *want, size_t wantlen,
		   const char *desc)
{
	int same = gotlen == wantlen && memcmp(got, want, wantlen) == 0;
	ok(same, desc);
	if (!same)
		printf("#   got %zu bytes: '%.*s'\n#   want %zu bytes: '%.*s'\n", gotlen,
		       (int)gotlen, got, wantlen, (int)wantlen, want);
}

static void is_str(const char *got, const char *want, const char *desc)
{
	is_mem(got ? got : "(null)", strlen(got ? got : "(null)"), want, strlen(want), desc);
}

static int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
