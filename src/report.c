/*
 * report.c - how a lesson's checks are reported: TAP test points and the
 * plan, failures (settled at once or pending until the next command), the
 * skip plan, and the exit status they make.
 *
 * Hides the TAP format (descriptions escaped so no text turns a failure
 * into a directive), what --tap changes (a "not ok" point for every
 * failure, silence outside it for success), and the rules of the exit
 * status: 1 after a failure, 0 again at the end when each failure was a
 * "not ok" point a harness has counted.  Part of the output layer: it
 * writes through output.c's buffers, and output.c's errors report their
 * failure here; nothing in it calls up into the commands.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "errname.h"
#include "i18n.h"
#include "output.h"
#include "report.h"
#include "shell.h"
#include "strbuf.h"

void report_where(const struct shell *sh, struct strbuf *sb)
{
	if (shell_scripted(sh))
		sb_printf(sb, "%s:%ld: ", sh->src->name, sh->src->line);
}

/* Append desc to sb as a TAP description: safe (sb_add_safe), and every
 * "#" escaped ("\#", with an odd number of backslashes before it, as prove
 * and automake's driver count them), so that no text, a peer's or the
 * lesson's, turns a failure into a TODO or SKIP directive. */
static void add_tap_desc(struct strbuf *sb, const char *desc)
{
	struct strbuf safe = STRBUF_INIT;
	size_t backslashes = 0;

	sb_add_safe(&safe, desc, strlen(desc), 0);
	for (size_t i = 0; i < safe.len; i++) {
		char c = safe.buf[i];
		if (c == '#' && backslashes % 2 == 0)
			sb_addc(sb, '\\');
		backslashes = c == '\\' ? backslashes + 1 : 0;
		sb_addc(sb, c);
	}
	sb_free(&safe);
}

/* Write "[not ]ok N - DESC" and, when diag is not NULL, "#   DIAG". */
static void tap_point(struct shell *sh, int ok, const char *desc, const char *diag)
{
	struct strbuf line = STRBUF_INIT;

	sb_printf(&line, "%sok %d - ", ok ? "" : "not ", sh->tests);
	add_tap_desc(&line, desc);
	sb_addc(&line, '\n');
	if (diag != NULL) {
		sb_adds(&line, "#   ");
		sb_add_safe(&line, diag, strlen(diag), 0);
		sb_addc(&line, '\n');
	}
	out_put(sh, line.buf, line.len);
	sb_free(&line);
}

void report_point(struct shell *sh, int ok, const char *desc, const char *diag)
{
	sh->tests++;
	if (!ok) {
		sh->failures++;
		if (sh->status == EXIT_GOOD)
			sh->status = EXIT_FAILED;
	}
	if (sh->tap) {
		tap_point(sh, ok, desc, ok ? NULL : diag);
		return;
	}
	if (!ok) {
		struct strbuf msg = STRBUF_INIT;
		int color = isatty(STDERR_FILENO);  /* stderr may be a file */
		sb_printf(&msg, "%s%s%s ", color ? out_color(sh, "1;31") : "", _("expect failed:"),
			  color ? out_reset(sh) : "");
		sb_add_safe(&msg, desc, strlen(desc), 0);
		if (diag != NULL) {
			sb_adds(&msg, "\n    ");
			sb_add_safe(&msg, diag, strlen(diag), 0);
		}
		sb_addc(&msg, '\n');
		out_stderr(sh, msg.buf, msg.len);
		sb_free(&msg);
	}
}

void report_failure(struct shell *sh, const char *desc)
{
	if (sh->status == EXIT_GOOD)
		sh->status = EXIT_FAILED;
	if (sh->tap) {
		sh->tests++;
		sh->failures++;
		tap_point(sh, 0, desc, NULL);
	}
}

void report_errexit(struct shell *sh)
{
	struct strbuf d = STRBUF_INIT;
	const struct result *r = &sh->last;

	if (sh->pending.len > 0) {
		report_settle(sh);  /* a time-out: already a failure of its own */
		return;
	}
	report_where(sh, &d);
	sb_printf(&d, "%s failed", r->call ? r->call : "a call");
	if (r->timed_out) {
		sb_adds(&d, " (timed out)");
	} else if (r->gai != 0 || r->err != 0) {
		const char *n = r->gai ? errname_gai_name(r->gai) : errname_name(r->err);
		sb_printf(&d, " (%s)", n ? n : "?");
	}
	sb_adds(&d, ": -e stops the script here");
	report_failure(sh, d.buf);
	sb_free(&d);
}

void report_pending(struct shell *sh, const char *desc)
{
	report_settle(sh);
	sb_reset(&sh->pending);
	sb_adds(&sh->pending, desc);
}

void report_settle(struct shell *sh)
{
	if (sh->pending.len == 0)
		return;
	if (!sh->tap && shell_scripted(sh)) {
		struct strbuf msg = STRBUF_INIT;
		sb_add_safe(&msg, sh->pending.buf, sh->pending.len, 0);
		sb_addc(&msg, '\n');
		out_stderr(sh, msg.buf, msg.len);
		sb_free(&msg);
	}
	report_failure(sh, sh->pending.buf);
	sb_reset(&sh->pending);
}

void report_forget_pending(struct shell *sh)
{
	sb_reset(&sh->pending);
}

int report_started(const struct shell *sh)
{
	return sh->tests > 0;
}

/* A TAP line of its own: the directive, then why, made safe. */
static void directive_line(struct shell *sh, const char *directive, const char *why)
{
	struct strbuf line = STRBUF_INIT;

	sb_adds(&line, directive);
	sb_add_safe(&line, why, strlen(why), 0);
	sb_addc(&line, '\n');
	out_put(sh, line.buf, line.len);
	sb_free(&line);
}

void report_skip_all(struct shell *sh, const char *why)
{
	directive_line(sh, "1..0 # SKIP ", why);
	sh->skipped = 1;
}

void report_bail(struct shell *sh, const char *why)
{
	directive_line(sh, "Bail out! ", why);
}

void report_mark(const struct shell *sh, struct report_mark *m)
{
	m->status = sh->status;
	m->tests = sh->tests;
	m->pending = sh->pending.len > 0;
}

void report_only_reported(struct shell *sh, const struct report_mark *m)
{
	if (!sh->tap && sh->tests == m->tests && !m->pending && sh->status == EXIT_FAILED)
		sh->status = m->status;
}

void report_finish(struct shell *sh)
{
	report_settle(sh);
	sb_free(&sh->pending);
	if (!sh->tap)
		return;
	/* After "Bail out!" the harness reads nothing more; after a skip
	 * the plan is already out. */
	if ((sh->status == EXIT_USAGE && sh->tests == 0) || sh->skipped)
		return;
	if (sh->tests == 0)
		out_put(sh, "1..0 # SKIP no expect lines\n", 28);
	else {
		char plan[32];
		int n = snprintf(plan, sizeof plan, "1..%d\n", sh->tests);
		out_put(sh, plan, (size_t)n);
	}
	out_flush(sh);
	/* Every failure that made the status 1 is a "not ok" point before
	 * this plan: a harness counts it there, once.  A status of 1 as well
	 * would make automake's driver count the lesson again, as an ERROR.
	 * A lesson that did not run (status 2), was interrupted (130) or
	 * chose another status (quit N) keeps it; a -e stop is a point too
	 * (report_errexit). */
	if (sh->status == EXIT_FAILED && sh->failures > 0)
		sh->status = EXIT_GOOD;
}
