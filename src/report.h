/*
 * report.h - how checks are reported: TAP points, failures settled or
 * pending, the skip plan, the plan and the exit status (report.c).
 */
#ifndef SOCKSHELL_REPORT_H
#define SOCKSHELL_REPORT_H

#include "shell.h"
#include "strbuf.h"

/* One check: a TAP test point, or a message when it failed outside TAP. */
void report_point(struct shell *sh, int ok, const char *desc, const char *diag);
/* A failure that is not an expect (a timeout, a shell error in a script):
 * status 1 and, in TAP mode, a "not ok" point so no harness misses it. */
void report_failure(struct shell *sh, const char *desc);
/* A call failed and -e stops the script: a failure, a "not ok" point in
 * TAP mode, so that it is counted without the exit status. */
void report_errexit(struct shell *sh);
/* "require" skips the lesson: the TAP plan "1..0 # SKIP why". */
void report_skip_all(struct shell *sh, const char *why);
/* A failure that the next command may still settle: a timed-out call is a
 * failure unless an "expect timeout" follows it. */
void report_pending(struct shell *sh, const char *desc);
/* Report the pending failure, if any (before any command but expect). */
void report_settle(struct shell *sh);
/* The pending failure was expected ("expect timeout"): it is none. */
void report_forget_pending(struct shell *sh);
/* Has a test point been reported yet ("require" must come before)? */
int report_started(const struct shell *sh);
/* Append "FILE:LINE: " for the line being run, in a script. */
void report_where(const struct shell *sh, struct strbuf *sb);
/* The lesson cannot run at all (a syntax error, an unreadable FILE):
 * "Bail out! WHY" for the harness, made safe.  The caller sets the
 * status (2) and prints the error itself. */
void report_bail(struct shell *sh, const char *why);
/* What the report stood at before a command, for report_only_reported. */
struct report_mark {
	int status, tests, pending;
};
void report_mark(const struct shell *sh, struct report_mark *m);
/* The command since mark m failed with an error of the shell that is only
 * reported (in a file sourced at the prompt, as one typed there): the
 * exit status goes back to what it was, unless the failure was a TAP
 * point or a time-out was waiting to be settled. */
void report_only_reported(struct shell *sh, const struct report_mark *m);
/* The end of a run: the TAP plan. */
void report_finish(struct shell *sh);

#endif
