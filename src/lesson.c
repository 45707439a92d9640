/*
 * lesson.c - lessons that test themselves: expect and save.
 *
 * Hides what expect's words mean and how a result is matched against
 * them, and the session's journal that "save" writes out as a lesson.
 * How a check is reported (a TAP point, a message) is report.c's.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "cmds.h"
#include "errname.h"
#include "files.h"
#include "i18n.h"
#include "keywords.h"
#include "lesson.h"
#include "output.h"
#include "report.h"
#include "shell.h"

/* How the previous result reads in a message: 16 "This is the mess". */
static void describe_result(const struct result *r, struct strbuf *sb)
{
	if (r->timed_out)
		sb_adds(sb, "timeout ");
	if (r->truncated)
		sb_adds(sb, "truncated ");
	if (r->gai != 0) {
		const char *n = errname_gai_name(r->gai);
		sb_adds(sb, n ? n : "EAI_?");
		return;
	}
	sb_printf(sb, "%lld", r->rc);
	if (r->err != 0) {
		const char *n = errname_name(r->err);
		sb_printf(sb, " %s", n ? n : "E?");
	}
	if (r->has_data) {
		if (r->eof) {
			sb_adds(sb, " eof");
		} else {
			sb_addc(sb, ' ');
			sb_add_quoted(sb, r->data.buf, r->data.len);
		}
	} else if (r->text.len > 0) {
		sb_addc(sb, ' ');
		sb_add_quoted(sb, r->text.buf, r->text.len);
	}
}

/* Does the result r show what expect's word (enum kw_expect_word) asks? */
static int expect_word(const struct result *r, int word)
{
	switch (word) {
	case KW_EXPECT_EOF: return r->eof;
	case KW_EXPECT_OK: return r->err == 0 && r->gai == 0 && !r->timed_out;
	case KW_EXPECT_TIMEOUT: return r->timed_out;
	case KW_EXPECT_TRUNCATED: return r->truncated;
	default: return -1;  /* packet, packets: only first (expect_packets) */
	}
}

/* Does the result match one WHAT word?  1 yes, 0 no, -1 bad word. */
static int matches(struct shell *sh, const struct word *w)
{
	const struct result *r = &sh->last;
	const char *s = w->s;

	if (w->flags & WORD_QUOTED) {
		const struct strbuf *have = r->has_data ? &r->data : &r->text;
		return have->len == w->len && memcmp(have->buf ? have->buf : "", s, w->len) == 0;
	}
	struct kw_expect e;
	switch (kw_expect_classify(s, w->len, &e)) {
	case KW_EXP_NUMBER:
		return r->gai == 0 && r->rc == e.num;
	case KW_EXP_COMPARE:
		/* A comparison with the return value: <N, <=N, >N, >=N, !=N. */
		if (r->gai != 0)
			return 0;
		if (e.op == '!')
			return r->rc != e.num;
		if (e.op == '<')
			return e.eq ? r->rc <= e.num : r->rc < e.num;
		return e.eq ? r->rc >= e.num : r->rc > e.num;
	case KW_EXP_WORD:
		return expect_word(r, e.value);
	case KW_EXP_ERRNO:
		return r->err == e.value;
	case KW_EXP_GAI:
		return r->gai == e.value;
	default:
		return -1;
	}
}

/* The reason expect has nothing to check, as an error on word w. */
static void nothing_to_check(struct shell *sh, const struct word *w)
{
	const struct result *r = &sh->last;

	if (!r->no_call)
		out_error(sh, w, _("expect: no call has run yet, so there is nothing to check"));
	else if (r->no_call_line > 0 && shell_scripted(sh) && r->no_call_line != sh->src->line)
		out_error(sh, w, _("expect: the command it checks (line %ld) made no call: it stopped "
			  "at a shell error, so there is no result to check"), r->no_call_line);
	else
		out_error(sh, w, _("expect: the command it checks made no call: it stopped at a "
			  "shell error, so there is no result to check"));
}

/* Undo what out_error did to the result: expect's own error is about the
 * expect line, not about the command that it checks. */
static void keep_result(struct shell *sh, const struct result *was)
{
	sh->last.valid = was->valid;
	sh->last.no_call = was->no_call;
	sh->last.no_call_line = was->no_call_line;
}

/* Is w[0..n)'s one word of "expect packets" true of count packets?
 * 1 yes, 0 no, -1 not a number or a comparison. */
static int count_matches(long count, const struct word *w)
{
	struct kw_expect e;
	switch ((w->flags & WORD_QUOTED) ? KW_EXP_UNKNOWN : kw_expect_classify(w->s, w->len, &e)) {
	case KW_EXP_NUMBER: return count == e.num;
	case KW_EXP_COMPARE:
		if (e.op == '!')
			return count != e.num;
		if (e.op == '<')
			return e.eq ? count <= e.num : count < e.num;
		return e.eq ? count >= e.num : count > e.num;
	default: return -1;
	}
}

/*
 * expect packets N|COMPARISON, expect packet "TEXT"...: the packets that
 * capture showed after the command before expect (and any that came
 * since).  One TAP point.  Returns CMD_OK, or CMD_ERROR when it fails or
 * cannot check (capture is off, a bad word).
 */
static int expect_packets(struct shell *sh, int argc, struct word *argv, int counting)
{
	const struct result was = sh->last;

	if (sh->capture == NULL) {
		out_error(sh, &argv[1], _("expect: %s: capture is off (capture on first)"), argv[1].s);
		keep_result(sh, &was);
		return CMD_ERROR;
	}
	if (argc < 3 || (counting && argc > 3)) {
		out_error(sh, &argv[1], counting ? _("expect packets: one number or comparison: "
			  "expect packets >=3") : _("expect packet: a \"text\" to find: expect packet \"[S.]\""));
		keep_result(sh, &was);
		return CMD_ERROR;
	}
	report_settle(sh);
	capture_drain(sh, 0);
	long n = capture_count(sh);
	int ok = 1;
	for (int i = 2; i < argc; i++) {
		int m = counting ? count_matches(n, &argv[i]) : capture_seen(sh, argv[i].s, argv[i].len);
		if (m < 0) {
			out_error(sh, &argv[i], _("expect packets: '%.40s' is not a number or a "
				  "comparison (<N >N <=N >=N !=N)"), argv[i].s);
			keep_result(sh, &was);
			return CMD_ERROR;
		}
		ok = ok && m;
	}
	struct strbuf desc = STRBUF_INIT, diag = STRBUF_INIT;
	report_where(sh, &desc);
	sb_adds(&desc, counting ? "packets" : "packet");
	for (int i = 2; i < argc; i++) {
		sb_addc(&desc, ' ');
		if (argv[i].flags & WORD_QUOTED)
			sb_add_quoted(&desc, argv[i].s, argv[i].len);
		else
			sb_add(&desc, argv[i].s, argv[i].len);
	}
	sb_printf(&diag, "got: %ld packet%s", n, n == 1 ? "" : "s");
	report_point(sh, ok, desc.buf, ok ? NULL : diag.buf);
	sb_free(&desc);
	sb_free(&diag);
	return ok ? CMD_OK : CMD_ERROR;
}

int cmd_expect(struct shell *sh, int argc, struct word *argv)
{
	if (!(argv[1].flags & WORD_QUOTED) &&
	    (word_is(&argv[1], "packet") || word_is(&argv[1], "packets")))
		return expect_packets(sh, argc, argv, word_is(&argv[1], "packets"));

	struct strbuf desc = STRBUF_INIT, diag = STRBUF_INIT;
	/* expect's own errors leave the result as it was (out_error marks
	 * the command that failed as one that made no call). */
	const struct result was = sh->last;
	int ok = 1;

	if (!sh->last.valid) {
		nothing_to_check(sh, &argv[0]);
		keep_result(sh, &was);
		return CMD_ERROR;
	}
	for (int i = 1; i < argc; i++)
		if (word_is(&argv[i], "timeout") && sh->last.timed_out)
			report_forget_pending(sh);  /* the time-out was expected */
	report_settle(sh);
	for (int i = 1; i < argc; i++) {
		int m = matches(sh, &argv[i]);
		if (m < 0) {
			out_error(sh, &argv[i], _("expect: '%.40s' is not %s"), argv[i].s, kw_expect_choices());
			keep_result(sh, &was);
			sb_free(&desc);
			return CMD_ERROR;
		}
		ok = ok && m;
	}
	report_where(sh, &desc);
	sb_printf(&desc, "%s =", sh->last.call);
	for (int i = 1; i < argc; i++) {
		sb_addc(&desc, ' ');
		if (argv[i].flags & WORD_QUOTED)
			sb_add_quoted(&desc, argv[i].s, argv[i].len);
		else
			sb_add(&desc, argv[i].s, argv[i].len);
	}
	if (!ok) {
		sb_adds(&diag, "got: ");
		describe_result(&sh->last, &diag);
	}
	report_point(sh, ok, desc.buf, ok ? NULL : diag.buf);
	sb_free(&desc);
	sb_free(&diag);
	return ok ? CMD_OK : CMD_ERROR;
}

/* The journal's bounds: data kept for one call's expect line, for the
 * whole session, and the journal's own size, past which commands are
 * counted rather than kept. */
#define JOURNAL_DATA_CALL 4096u
#define JOURNAL_DATA_TOTAL (1024u * 1024)
#define JOURNAL_MAX (16u * 1024 * 1024)

/* The expect line of received data: the data itself, or, past the bounds,
 * a comment that says what was cut and an expect of the return value,
 * which replays the same. */
static void journal_data(struct shell *sh, struct strbuf *j, const struct result *r)
{
	size_t n = r->data.len, room = JOURNAL_DATA_TOTAL - sh->journal_data;

	if (n <= JOURNAL_DATA_CALL && n <= room) {
		sb_printf(j, "expect %lld ", r->rc);
		sb_add_literal(j, r->data.buf, n);
		sh->journal_data += n;
		return;
	}
	size_t keep = room < JOURNAL_DATA_CALL ? room : JOURNAL_DATA_CALL;
	sb_printf(j, "# data cut: %zu bytes received, first %zu kept", n, keep);
	if (keep > 0) {
		sb_adds(j, ":\n#   ");
		sb_add_literal(j, r->data.buf, keep);
	}
	sb_printf(j, "\nexpect %lld", r->rc);
	sh->journal_data += keep;
}

void lesson_journal(struct shell *sh, const char *text, size_t len, int made_call)
{
	struct strbuf *j = &sh->journal;
	const struct result *r = &sh->last;

	if (sh->no_journal)
		return;
	if (j->len >= JOURNAL_MAX) {
		sh->journal_cut++;
		return;
	}
	sb_add(j, text, len);
	sb_addc(j, '\n');
	if (!made_call || !r->valid)
		return;
	if (r->has_data && !r->timed_out && r->gai == 0 && (r->err == 0 || !errname_name(r->err)) &&
	    r->rc != 0) {
		journal_data(sh, j, r);
		sb_addc(j, '\n');
		return;
	}
	sb_adds(j, "expect ");
	if (r->timed_out)
		sb_adds(j, "timeout");
	else if (r->gai != 0)
		sb_adds(j, errname_gai_name(r->gai) ? errname_gai_name(r->gai) : "EAI_FAIL");
	else if (r->err != 0 && errname_name(r->err) != NULL)
		sb_adds(j, errname_name(r->err));
	else if (r->eof)
		sb_adds(j, "eof");
	else {
		sb_printf(j, "%lld", r->rc);
		/* An option's value replays the same; addresses (ports the
		 * kernel chose) would not. */
		if (r->text.len > 0 && strcmp(r->call, "getsockopt") == 0) {
			sb_addc(j, ' ');
			sb_add_literal(j, r->text.buf, r->text.len);
		}
	}
	sb_addc(j, '\n');
}

int cmd_save(struct shell *sh, int argc, struct word *argv)
{
	int force = 0;
	const struct word *file = &argv[1];

	/* A lesson file, or a script piped in (curl ... | sockshell), may be
	 * someone else's: it may read files, never write them (a saved
	 * journal can be made to read as a shell script). */
	if (shell_scripted(sh) && !sh->src->user) {
		out_error(sh, &argv[0], _("save: only at the prompt or in -c COMMANDS: a lesson "
			  "file or a script on stdin may be anyone's, and cannot write files"));
		return CMD_ERROR;
	}
	if (argc == 3) {
		if (!word_is(&argv[1], "-f")) {
			out_error(sh, &argv[1], _("save: the only option is -f (overwrite)"));
			return CMD_ERROR;
		}
		force = 1;
		file = &argv[2];
	} else if (word_is(&argv[1], "-f")) {
		out_error(sh, &argv[1], _("save: -f must be followed by a FILE"));
		return CMD_ERROR;
	}
	if (file->len == 0 || memchr(file->s, '\0', file->len) != NULL) {
		out_error(sh, file, _("save: bad file name"));
		return CMD_ERROR;
	}
	const char *head = "#!/usr/bin/env sockshell\n# A session saved by sockshell: each call is followed by\n"
			   "# what it returned, so this file replays as a test.\n";
	struct strbuf all = STRBUF_INIT;
	sb_adds(&all, head);
	sb_add(&all, sh->journal.buf, sh->journal.len);
	if (sh->journal_cut > 0)
		sb_printf(&all, "# journal cut: the last %lu commands were not kept (a journal "
			  "holds %u MiB)\n", sh->journal_cut, JOURNAL_MAX >> 20);
	size_t off = all.len;
	int rc = files_write(file->s, all.buf, all.len, force);
	int e = errno;
	sb_free(&all);
	if (rc < 0 && e == EEXIST)
		out_error(sh, file, _("save: %s exists (save -f %s to overwrite it)"), file->s, file->s);
	else if (rc < 0)
		out_error(sh, file, _("save: cannot write %s: %s"), file->s, strerror(e));
	if (rc < 0)
		return CMD_ERROR;
	out_line(sh, ngettext("saved %zu byte to %s", "saved %zu bytes to %s", off), off, file->s);
	return CMD_OK;
}
