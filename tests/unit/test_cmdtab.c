/*
 * test_cmdtab.c - every row of the command table is coherent: names
 * unique and lower case, found by cmdtab_find; the synopsis and summary
 * help prints present; a known topic, rows of a topic together; min <= max and the
 * synopsis saying as much; a completion kind for each argument position
 * the arity allows and none beyond it; flags that are known and agree
 * with each other; and the dispatcher doing what CMD_HANDLE claims, for
 * every row that has it.  Written against the table as it is; a refactor
 * that adds columns or flags extends it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "cmdtab.h"
#include "output.h"
#include "repl.h"
#include "shell.h"
#include "../tap/basic.h"

#define KNOWN_FLAGS (CMD_HANDLE | CMD_CALL | CMD_NOSAVE | CMD_CHECKS)
#define NPOS ((int)(sizeof cmdtab[0].complete / sizeof cmdtab[0].complete[0]))

/* Topic t of a row as an index of cmdtab_topics, or -1 when it is no
 * topic that has a name. */
static int topic_index(enum cmd_topic t)
{
	if ((int)t < 0 || t >= TOPIC_COUNT || cmdtab_topics[t] == NULL || cmdtab_topics[t][0] == '\0')
		return -1;
	return (int)t;
}

static void test_names(void)
{
	int bad = 0, dup = 0, lost = 0;

	ok(cmdtab_count > 30, "the table has its %d rows", cmdtab_count);
	for (int i = 0; i < cmdtab_count; i++) {
		const char *n = cmdtab[i].name;
		if (n == NULL || n[0] == '\0' || strspn(n, "abcdefghijklmnopqrstuvwxyz") != strlen(n)) {
			diag("row %d: name \"%s\" is not a lower-case word", i, n ? n : "(null)");
			bad++;
			continue;
		}
		for (int j = 0; j < i; j++)
			if (cmdtab[j].name != NULL && strcmp(cmdtab[j].name, n) == 0) {
				diag("%s: rows %d and %d", n, j, i);
				dup++;
			}
		int amb = 0;
		if (cmdtab_find(n, strlen(n), &amb) != &cmdtab[i]) {
			diag("cmdtab_find(\"%s\") is not its row", n);
			lost++;
		}
	}
	is_int(bad, 0, "every name is a lower-case word");
	is_int(dup, 0, "no name is on two rows");
	is_int(lost, 0, "cmdtab_find finds each row by its full name");
}

/* What cmdtab_find must answer for name[0..len), by a scan of every row:
 * the row of that exact name, else the one row (or quit/exit's pair)
 * it is a prefix of; *amb when it is a prefix of several commands. */
static const struct command_def *scan(const char *name, size_t len, int *amb)
{
	const struct command_def *found = NULL;
	int matches = 0;

	*amb = 0;
	if (len == 0 || memchr(name, '\0', len) != NULL)
		return NULL;
	for (int i = 0; i < cmdtab_count; i++)
		if (strlen(cmdtab[i].name) == len && memcmp(cmdtab[i].name, name, len) == 0)
			return &cmdtab[i];
	for (int i = 0; i < cmdtab_count; i++)
		if (strncmp(cmdtab[i].name, name, len) == 0) {
			matches += found == NULL || found->fn != cmdtab[i].fn;
			found = &cmdtab[i];
		}
	*amb = matches > 1;
	return matches == 1 ? found : NULL;
}

/* cmdtab_find (a hash of the exact names, then the prefix rule) against
 * that scan, for every prefix of every name, each with a byte more, a
 * NUL in it, and the empty name. */
static void test_prefixes(void)
{
	int bad = 0, n = 0;

	for (int i = 0; i < cmdtab_count; i++) {
		char buf[64];
		size_t len = strlen(cmdtab[i].name);
		if (len + 2 > sizeof buf)
			continue;
		memcpy(buf, cmdtab[i].name, len + 1);
		buf[len + 1] = '\0';
		for (size_t k = 0; k <= len + 1; k++) {
			for (int twist = 0; twist < 3; twist++) {
				char name[64];
				memcpy(name, buf, sizeof name);
				if (twist == 1)
					name[len] = 'x';  /* one byte longer than the name */
				if (twist == 2 && k > 1)
					name[k / 2] = '\0';  /* a NUL inside */
				int amb = -1, want_amb;
				const struct command_def *want = scan(name, k, &want_amb);
				n++;
				if (cmdtab_find(name, k, &amb) != want || amb != want_amb) {
					diag("cmdtab_find(\"%.*s\", %zu) is not the scan's answer", (int)k, name, k);
					bad++;
				}
			}
		}
	}
	ok(n > cmdtab_count * 3, "every prefix of every name was looked up");
	is_int(bad, 0, "exact names, unique prefixes and ambiguous ones as a scan finds them");
	int amb;
	ok(cmdtab_find("s", 1, &amb) == NULL && amb, "\"s\" is ambiguous");
	ok(cmdtab_find("send", 4, &amb) != NULL && strcmp(cmdtab_find("send", 4, &amb)->name, "send") == 0,
	   "\"send\" is send, though sendto starts with it");
}

static void test_text(void)
{
	int bad = 0, topic = 0, order = 0, calls = 0;
	int seen[TOPIC_COUNT] = { 0 }, last = -1;

	for (int i = 0; i < cmdtab_count; i++) {
		const struct command_def *d = &cmdtab[i];
		if (d->args == NULL || d->summary == NULL || d->summary[0] == '\0' ||
		    d->detail == NULL || d->fn == NULL) {
			diag("%s: synopsis, summary, detail (\"\" for none) or handler missing",
			     d->name);
			bad++;
		}
		int t = topic_index(d->topic);
		if (t < 0) {
			diag("%s: topic %d is not one of enum cmd_topic with a name", d->name,
			     (int)d->topic);
			topic++;
			continue;
		}
		if (t != last && seen[t]) {
			diag("%s: topic %s comes back after another", d->name, cmdtab_topics[t]);
			order++;
		}
		seen[t] = 1;
		last = t;
		if ((d->flags & CMD_CALL) && (d->calls == NULL || strchr(d->calls, '(') == NULL)) {
			diag("%s: makes a call but names none (\"%s\")", d->name,
			     d->calls ? d->calls : "(null)");
			calls++;
		}
	}
	is_int(bad, 0, "every row has a synopsis, a summary, a detail and a handler");
	is_int(topic, 0, "every row's topic is one of cmdtab_topics");
	is_int(order, 0, "the rows of a topic are together, as help lists them");
	is_int(calls, 0, "every row that makes a call names it, like connect(2)");
	for (int t = 0; t < TOPIC_COUNT; t++)
		ok(seen[t], "topic %s has commands", cmdtab_topics[t]);
}

/* How many words the synopsis has, how many of them outside [...], and
 * whether it ends in "..." (any number). */
static void synopsis(const char *s, int *words, int *required, int *more)
{
	int depth = 0, in = 0;

	*words = *required = *more = 0;
	for (const char *p = s; *p != '\0'; p++) {
		if (*p == ' ') {
			in = 0;
			continue;
		}
		if (!in && depth == 0 && *p != '[')
			(*required)++;
		if (!in)  /* every word, "[delay MS]" two */
			(*words)++;
		in = 1;
		if (*p == '[')
			depth++;
		else if (*p == ']')
			depth--;
		else if (strncmp(p, "...", 3) == 0)
			*more = 1;
	}
}

/*
 * Rows whose FAMILY may be the two words "for HOST": they take one word
 * more than their synopsis shows, and completion has no kind for it.
 * Known and left to the table's refactor; any other row must agree.
 */
static int two_word_family(const struct command_def *d)
{
	return strcmp(d->name, "socket") == 0 && strncmp(d->args, "FAMILY ", 7) == 0;
}

static void test_arity(void)
{
	int order = 0, syn = 0, kinds = 0, beyond = 0, rest = 0;

	for (int i = 0; i < cmdtab_count; i++) {
		const struct command_def *d = &cmdtab[i];
		int words, required, more;
		int extra = two_word_family(d);
		if (d->min < 0 || (d->max != -1 && d->max < d->min)) {
			diag("%s: min %d, max %d", d->name, d->min, d->max);
			order++;
		}
		synopsis(d->args ? d->args : "", &words, &required, &more);
		if ((d->max == -1) != more || (d->max != -1 && words + extra != d->max) ||
		    d->min > required) {
			diag("%s: \"%s\" (%d words, %d required%s) for %d..%d", d->name,
			     d->args, words, required, more ? ", more" : "", d->min, d->max);
			syn++;
		}
		for (int p = 0; p < NPOS; p++) {
			int takes = d->max == -1 || p < d->max - extra;
			if (takes && d->complete[p] == A_NONE) {
				diag("%s: argument %d has no completion kind", d->name, p + 1);
				kinds++;
			} else if (!takes && d->complete[p] != A_NONE) {
				diag("%s: a completion kind for argument %d of at most %d",
				     d->name, p + 1, d->max);
				beyond++;
			}
		}
		if ((d->max == -1 || d->max > NPOS) != (d->rest != A_NONE)) {
			diag("%s: rest kind %d with max %d", d->name, (int)d->rest, d->max);
			rest++;
		}
	}
	is_int(order, 0, "every row has 0 <= min <= max (or max -1: no limit)");
	is_int(syn, 0, "the synopsis has max words (\"...\" when unlimited), min of them required");
	is_int(kinds, 0, "every argument position the arity allows has a completion kind");
	is_int(beyond, 0, "no completion kind past the last argument");
	is_int(rest, 0, "a kind for the rest exactly when more than the positions are allowed");
}

static void test_flags(void)
{
	int unknown = 0, handle = 0, save = 0, checks = 0, nchecks = 0, aliases = 0;

	for (int i = 0; i < cmdtab_count; i++) {
		const struct command_def *d = &cmdtab[i];
		if (d->flags & ~(unsigned)KNOWN_FLAGS) {
			diag("%s: unknown flags %#x", d->name, d->flags & ~(unsigned)KNOWN_FLAGS);
			unknown++;
		}
		if ((d->flags & CMD_HANDLE) && !(d->flags & CMD_CALL)) {
			diag("%s: works on the current handle but makes no call", d->name);
			handle++;
		}
		if ((d->flags & CMD_NOSAVE) && (d->flags & CMD_CALL)) {
			diag("%s: makes a call, yet is not saved: the replay would lack it", d->name);
			save++;
		}
		/* A check makes no call and is not saved: save writes the
		 * expect lines of the calls itself. */
		if ((d->flags & CMD_CHECKS) &&
		    ((d->flags & CMD_CALL) || !(d->flags & CMD_NOSAVE) || (d->flags & CMD_HANDLE))) {
			diag("%s: checks a result, yet is saved, makes a call or needs a handle",
			     d->name);
			checks++;
		}
		if (d->fn == cmd_expect)
			nchecks += (d->flags & CMD_CHECKS) != 0;
		/* Rows sharing a handler are aliases: the same arity and flags. */
		for (int j = 0; j < i; j++) {
			const struct command_def *e = &cmdtab[j];
			if (e->fn == d->fn && (e->min != d->min || e->max != d->max ||
					       e->flags != d->flags)) {
				diag("%s and %s share a handler but not arity and flags",
				     e->name, d->name);
				aliases++;
			}
		}
	}
	is_int(unknown, 0, "no row has a flag the table does not define");
	is_int(handle, 0, "every CMD_HANDLE row is also CMD_CALL");
	is_int(save, 0, "no CMD_NOSAVE row is CMD_CALL");
	is_int(checks, 0, "every CMD_CHECKS row is CMD_NOSAVE, without CMD_CALL or CMD_HANDLE");
	is_int(nchecks, 1, "expect's row is CMD_CHECKS (a pending failure waits for it)");
	is_int(aliases, 0, "aliases (one handler) agree on arity and flags");
}

/* Standard output and error, caught in a file while commands run (the
 * trace lines are no TAP). */
static int saved_out = -1, saved_err = -1;
static FILE *caught;

static void catch_output(void)
{
	caught = tmpfile();
	if (caught == NULL)
		sysbail("tmpfile");
	fflush(stdout);
	fflush(stderr);
	saved_out = dup(STDOUT_FILENO);
	saved_err = dup(STDERR_FILENO);
	if (saved_out < 0 || saved_err < 0 || dup2(fileno(caught), STDOUT_FILENO) < 0 ||
	    dup2(fileno(caught), STDERR_FILENO) < 0)
		sysbail("dup2");
}

/* Put stdout and stderr back; what was caught into buf (NUL-terminated). */
static void release_output(char *buf, size_t size)
{
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(saved_out);
	close(saved_err);
	rewind(caught);
	size_t n = fread(buf, 1, size - 1, caught);
	buf[n] = '\0';
	fclose(caught);
}

/* Run text as "-c" commands in sh; returns repl_run's code, the output
 * in out. */
static int run(struct shell *sh, const char *text, char *out, size_t outlen)
{
	struct source src;

	memset(&src, 0, sizeof src);
	src.name = "-c";
	src.user = 1;
	src.text = text;
	src.len = strlen(text);
	catch_output();
	int rc = repl_run(sh, &src);
	out_flush(sh);
	release_output(out, outlen);
	return rc;
}

/*
 * The dispatcher does what CMD_HANDLE claims: with no current handle,
 * every CMD_HANDLE row is refused with the one message, before its handler
 * runs (no call is made); a row without it runs.  The arguments are
 * ${A}: words known only at run time, which the check before the first
 * line leaves alone, as the handler never sees them.
 */
static void test_handle_rows(void)
{
	static struct shell sh;
	char err[2048];
	int refused = 0, rows = 0;

	shell_init(&sh);
	for (int i = 0; i < cmdtab_count; i++) {
		const struct command_def *d = &cmdtab[i];
		if (!(d->flags & CMD_HANDLE))
			continue;
		struct strbuf line = STRBUF_INIT;
		sb_printf(&line, "set A x\n%s", d->name);
		for (int a = 0; a < d->min; a++)
			sb_adds(&line, " ${A}");
		unsigned long calls = sh.ncalls;
		sh.status = 0;
		run(&sh, line.buf, err, sizeof err);
		rows++;
		if (sh.ncalls == calls && sh.status == EXIT_FAILED &&
		    strstr(err, "-c:2: error: no current handle") != NULL)
			refused++;
		else
			diag("%s: %lu calls, status %d, stderr: %s", d->name, sh.ncalls - calls,
			     sh.status, err);
		sb_free(&line);
	}
	ok(rows >= 10, "%d rows are CMD_HANDLE", rows);
	is_int(refused, rows, "each is refused without a current handle, making no call");
	sh.status = 0;
	run(&sh, "socketpair\ngetsockname\n", err, sizeof err);
	is_int(sh.status, 0, "with a current handle they run (socketpair, getsockname)");
	ok(strstr(err, "no current handle") == NULL, "and say nothing about a handle");
	is_int((long long)sh.ncalls, 2, "two calls made, traced");
	out_finish(&sh);
	shell_free(&sh);
}

int main(void)
{
	plan_lazy();
	test_names();
	test_prefixes();
	test_text();
	test_arity();
	test_flags();
	test_handle_rows();
	return test_finish();
}
