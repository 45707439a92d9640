/*
 * test_quote.c - quoting round-tripped through the lexer.  What
 * sb_add_literal writes ("save"'s form), lex_command must read back as
 * one quoted word holding the very same bytes: every byte value alone and
 * in context, the escapes next to digits and hex letters, "$" before "{"
 * and digits, and random strings on a fixed seed.  sb_add_quoted (the
 * trace's form, which leaves "$" as it is) must do the same for every
 * string without a "$".
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "strbuf.h"
#include "../tap/basic.h"

static struct command cmd;

/* No variable is set: an expansion in the quoted form is an error. */
static int no_vars(void *ctx, const char *name, size_t namelen, const char **val,
		   size_t *vlen)
{
	(void)ctx, (void)name, (void)namelen, (void)val, (void)vlen;
	return 0;
}

/* The form under test: sb_add_literal, or sb_add_quoted when set. */
static int display_form;

/*
 * Quote p[0..n), lex it back, and say why it did not come back the same
 * (into why), or return 1 when it did.
 */
static int round_trip(const void *p, size_t n, char *why, size_t whylen)
{
	struct strbuf q = STRBUF_INIT;
	struct lex_error err;
	size_t pos = 0;
	int rc, good = 0;

	if (display_form)
		sb_add_quoted(&q, p, n);
	else
		sb_add_literal(&q, p, n);
	rc = lex_command(q.buf, q.len, &pos, &cmd, no_vars, NULL, &err);
	if (rc != 1)
		snprintf(why, whylen, "lex_command gave %d (%s) for %s", rc,
			 rc < 0 ? err.msg : "no command", q.buf);
	else if (cmd.n != 1)
		snprintf(why, whylen, "%d words from %s", cmd.n, q.buf);
	else if (cmd.w[0].len != n || memcmp(cmd.w[0].s, p, n) != 0)
		snprintf(why, whylen, "%s read back as %zu other bytes", q.buf, cmd.w[0].len);
	else if (!(cmd.w[0].flags & WORD_QUOTED) || (cmd.w[0].flags & WORD_DYNAMIC))
		snprintf(why, whylen, "%s: flags %#x, want quoted only", q.buf, cmd.w[0].flags);
	else if (pos != q.len)
		snprintf(why, whylen, "%s: stopped at %zu of %zu", q.buf, pos, q.len);
	else
		good = 1;
	sb_free(&q);
	return good;
}

/* One point for a string given in full. */
static void trip(const void *p, size_t n, const char *desc)
{
	char why[400];

	if (!ok(round_trip(p, n, why, sizeof why), "literal round trip: %s", desc))
		diag("%s", why);
}

/* Each of the 256 byte values alone, then between a digit and a letter
 * (where "\0" or "\x4" could swallow what follows). */
static void test_every_byte(const char *form)
{
	char why[400];
	int bad_alone = 0, bad_context = 0;

	for (int c = 0; c < 256; c++) {
		if (display_form && c == '$')
			continue;
		unsigned char one = (unsigned char)c;
		unsigned char ctx[5] = { '7', (unsigned char)c, '0', 'f', (unsigned char)c };
		if (!round_trip(&one, 1, why, sizeof why) && bad_alone++ < 5)
			diag("byte %#04x: %s", c, why);
		if (!round_trip(ctx, sizeof ctx, why, sizeof why) && bad_context++ < 5)
			diag("byte %#04x in context: %s", c, why);
	}
	is_int(bad_alone, 0, "%s: each byte value alone comes back", form);
	is_int(bad_context, 0, "%s: each byte value before a digit and a hex letter comes back",
	       form);
}

static void test_cases(void)
{
	trip("", 0, "the empty string");
	trip("hello world", 11, "blanks");
	trip("a;b#c", 5, "';' and '#'");
	trip("\"\\\"", 3, "quotes and backslashes");
	trip("'single'", 8, "single quotes");
	trip("\0" "1\0" "a\0", 5, "NULs before a digit, a letter and the end");
	trip("\x01" "1\x1f" "f\x7f", 6, "control bytes before hex digits");
	trip("\r\n\t", 3, "the named escapes");
	trip("\xff\xfe\x80", 3, "bytes above 0x7f");
	trip("$", 1, "a lone '$'");
	trip("$1 $x $-", 8, "'$' before a digit, a letter, a dash");
	trip("${PORT}", 7, "a ${NAME} in the data");
	trip("${PORT:-80} ${x^^}", 18, "${NAME:-default} and ${NAME^^} in the data");
	trip("$${", 3, "'$$' before '{'");
	trip("x${", 3, "a '${' at the end");
}

/* Random strings, biased towards the bytes the escaping cares about. */
static void test_random(const char *form)
{
	static const char special[] = "$\\\"{}01789afxX\0\n;# '";
	unsigned long x = 12345;
	char why[400];
	int bad = 0;

	for (int i = 0; i < 5000; i++) {
		unsigned char s[80];
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		size_t n = (x >> 33) % sizeof s;
		for (size_t j = 0; j < n; j++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			unsigned r = (unsigned)(x >> 40);
			s[j] = r % 2 ? (unsigned char)special[(r >> 1) % (sizeof special - 1)] :
				       (unsigned char)(r >> 8);
			if (display_form && s[j] == '$')
				s[j] = '%';
		}
		if (!round_trip(s, n, why, sizeof why) && bad++ < 5)
			diag("random string %d: %s", i, why);
	}
	is_int(bad, 0, "%s: 5000 random strings come back", form);
}

int main(void)
{
	plan_lazy();
	lex_command_init(&cmd);
	test_every_byte("sb_add_literal");
	test_cases();
	test_random("sb_add_literal");
	display_form = 1;
	test_every_byte("sb_add_quoted, no '$'");
	test_random("sb_add_quoted, no '$'");
	lex_command_free(&cmd);
	return test_finish();
}
