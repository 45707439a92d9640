/*
 * test_report.c - unit tests of report.c, how checks are reported: the
 * TAP points (numbered, a failure's diagnostic, a "#" in a description
 * escaped so it makes no directive), failures that are no expect, the
 * pending failure settled or forgotten, the plans (1..N, no expect lines,
 * the skip plan, none after a bail-out), "Bail out!" made safe, the
 * message of a failed expect outside TAP, and the exit-status rules: 1
 * after a failure, 0 at the end when each failure was a "not ok" point,
 * and the status put back after an error that is only reported.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "report.h"
#include "shell.h"
#include "../tap/basic.h"

static struct shell sh;

/* What waits for standard output, as a string, and then nothing. */
static char *taken(void)
{
	static char buf[4096];
	size_t n = sh.out.len < sizeof buf - 1 ? sh.out.len : sizeof buf - 1;

	memcpy(buf, sh.out.buf ? sh.out.buf : "", n);
	buf[n] = '\0';
	sb_reset(&sh.out);
	return buf;
}

/* report_finish, which writes standard output: what it wrote (and what
 * it left waiting), as a string. */
static char *finished(void)
{
	static char buf[4096];
	FILE *f = tmpfile();

	if (f == NULL)
		sysbail("tmpfile");
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	if (saved < 0 || dup2(fileno(f), STDOUT_FILENO) < 0)
		sysbail("dup2");
	report_finish(&sh);
	out_flush(&sh);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	rewind(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* A fresh session, in TAP mode or not. */
static void fresh(int tap)
{
	shell_free(&sh);
	shell_init(&sh);
	sh.tap = tap;
}

static void test_points(void)
{
	fresh(1);
	report_point(&sh, 1, "-c:1: send = 5", NULL);
	is_string(taken(), "ok 1 - -c:1: send = 5\n", "a passed point");
	report_point(&sh, 0, "-c:2: recv = 3", "got: 0 eof");
	is_string(taken(), "not ok 2 - -c:2: recv = 3\n#   got: 0 eof\n",
		  "a failed point and its diagnostic");
	is_int(sh.status, EXIT_FAILED, "a failure makes the status 1");
	report_point(&sh, 0, "x # SKIP", "a\nb");
	is_string(taken(), "not ok 3 - x \\# SKIP\n#   a\\nb\n",
		  "a # in a description is escaped, a newline in the diagnostic too");
	report_point(&sh, 1, "y \\# TODO", NULL);
	is_string(taken(), "ok 4 - y \\# TODO\n",
		  "... also after a backslash (an escaped one stays escaped)");
	report_failure(&sh, "-c:5: error: no current handle");
	is_string(taken(), "not ok 5 - -c:5: error: no current handle\n",
		  "a failure that is no expect is a point in TAP mode");
	is_string(finished(), "1..5\n", "the plan counts every point");
	is_int(sh.status, EXIT_GOOD, "each failure was a point: the status is 0 again");
}

static void test_pending(void)
{
	fresh(1);
	report_pending(&sh, "-c:1: recv timed out");
	is_string(taken(), "", "a pending failure is not reported yet");
	report_settle(&sh);
	is_string(taken(), "not ok 1 - -c:1: recv timed out\n", "settled: a failed point");
	report_settle(&sh);
	is_string(taken(), "", "settled once");
	report_pending(&sh, "-c:2: accept timed out");
	report_forget_pending(&sh);
	report_settle(&sh);
	is_string(taken(), "", "forgotten (expect timeout): no point");
	ok(report_started(&sh), "report_started after a point");
	is_string(finished(), "1..1\n", "one point planned");
}

static void test_plans(void)
{
	fresh(1);
	ok(!report_started(&sh), "nothing reported in a new session");
	is_string(finished(), "1..0 # SKIP no expect lines\n", "no point: a skip plan");
	fresh(1);
	report_skip_all(&sh, "no IPv6\n1..9");
	is_string(taken(), "1..0 # SKIP no IPv6\\n1..9\n", "require's skip plan, made safe");
	is_string(finished(), "", "no second plan after it");
	fresh(1);
	report_bail(&sh, "cannot read a\nok 1 - forged");
	is_string(taken(), "Bail out! cannot read a\\nok 1 - forged\n",
		  "Bail out! on one line, made safe");
	sh.status = EXIT_USAGE;
	is_string(finished(), "", "no plan after a bail-out");
	is_int(sh.status, EXIT_USAGE, "and the status stays 2");
}

static void test_status(void)
{
	struct report_mark m;

	fresh(0);
	report_failure(&sh, "-c:1: error: x");
	is_string(taken(), "", "outside TAP a failure prints no point");
	is_int(sh.status, EXIT_FAILED, "... but the status is 1");
	is_string(finished(), "", "no plan outside TAP");
	is_int(sh.status, EXIT_FAILED, "and the status stays 1: no harness counted it");
	fresh(0);
	report_mark(&sh, &m);
	report_failure(&sh, "x");
	report_only_reported(&sh, &m);
	is_int(sh.status, EXIT_GOOD, "an error only reported puts the status back");
	fresh(1);
	report_mark(&sh, &m);
	report_failure(&sh, "x");
	taken();
	report_only_reported(&sh, &m);
	is_int(sh.status, EXIT_FAILED, "... not when it was a TAP point");
	fresh(0);
	report_pending(&sh, "t");
	report_mark(&sh, &m);
	report_settle(&sh);
	report_only_reported(&sh, &m);
	is_int(sh.status, EXIT_FAILED, "... nor when a time-out was pending");
}

/* Outside TAP a failed expect says so on stderr. */
static void test_message(void)
{
	char buf[512];
	FILE *f = tmpfile();

	if (f == NULL)
		sysbail("tmpfile");
	fresh(0);
	fflush(stderr);
	int saved = dup(STDERR_FILENO);
	if (saved < 0 || dup2(fileno(f), STDERR_FILENO) < 0)
		sysbail("dup2");
	report_point(&sh, 0, "-c:3: recv = 4", "got: 2 \"hi\"");
	report_point(&sh, 1, "-c:4: recv = 2", NULL);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(f);
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	is_string(buf, "expect failed: -c:3: recv = 4\n    got: 2 \"hi\"\n",
		  "a failed expect: a message and what it got; a passed one: nothing");
	is_string(taken(), "", "nothing on stdout");
}

int main(void)
{
	plan_lazy();
	shell_init(&sh);
	test_points();
	test_pending();
	test_plans();
	test_status();
	test_message();
	shell_free(&sh);
	return test_finish();
}
