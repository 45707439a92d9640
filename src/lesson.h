/*
 * lesson.h - lesson accounting: TAP points, failures settled or pending,
 * the plan, and the journal that "save" writes (lesson.c).
 */
#ifndef SOCKSHELL_LESSON_H
#define SOCKSHELL_LESSON_H

#include <stddef.h>

#include "shell.h"
#include "strbuf.h"

/* One check: a TAP test point, or a message when it failed outside TAP. */
void lesson_point(struct shell *sh, int ok, const char *desc, const char *diag);
/* A failure that is not an expect (a timeout, a shell error in a script):
 * status 1 and, in TAP mode, a "not ok" point so no harness misses it. */
void lesson_failure(struct shell *sh, const char *desc);
/* A call failed and -e stops the script: a failure, a "not ok" point in
 * TAP mode, so that it is counted without the exit status. */
void lesson_errexit(struct shell *sh);
/* "require" skips the lesson: the TAP plan "1..0 # SKIP why". */
void lesson_skip_all(struct shell *sh, const char *why);
/* A failure that the next command may still settle: a timed-out call is a
 * failure unless an "expect timeout" follows it. */
void lesson_pending(struct shell *sh, const char *desc);
/* Report the pending failure, if any (before any command but expect). */
void lesson_settle(struct shell *sh);
/* Append "FILE:LINE: " for the line being run, in a script. */
void lesson_where(const struct shell *sh, struct strbuf *sb);
/* The end of a run: the TAP plan. */
void lesson_finish(struct shell *sh);
/* Record one command line for "save", with the expect line of its result. */
void lesson_journal(struct shell *sh, const char *text, size_t len, int made_call);

#endif
