/*
 * test_safe.c - unit tests of the line-safety filter (strbuf.c), whose
 * printable text is scanned eight bytes at a time with an overlapping
 * last word: a control byte, DEL, a lone high byte, a tab or a newline
 * at every position of lines of every length up to 40 is escaped (or
 * kept) exactly as it is alone; and sb_reads_as_tap, whose first-letter
 * test rules most lines out, still finds every TAP shape.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "strbuf.h"
#include "../tap/basic.h"

/* sb_add_safe of s[0..n), one byte at a time: what the whole must give
 * when no byte of s starts a sequence of several (UTF-8, colour). */
static void bytewise(struct strbuf *sb, const unsigned char *s, size_t n, int flags)
{
	for (size_t i = 0; i < n; i++)
		sb_add_safe(sb, s + i, 1, flags);
}

/* Every length, position and odd byte: returns how many differed. */
static int sweep(int flags)
{
	static const unsigned char odd[] = { '\t', '\n', 0x01, 0x1f, 0x7f, 0x80, 0xff };
	unsigned char s[41];
	int bad = 0;

	for (size_t n = 1; n <= 40; n++) {
		for (size_t pos = 0; pos < n; pos++) {
			for (size_t k = 0; k < sizeof odd; k++) {
				struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
				for (size_t i = 0; i < n; i++)
					s[i] = (unsigned char)(' ' + (i * 7) % 95);
				s[pos] = odd[k];
				sb_add_safe(&got, s, n, flags);
				bytewise(&want, s, n, flags);
				if (got.len != want.len || memcmp(got.buf, want.buf, got.len) != 0) {
					if (bad++ == 0)
						diag("length %zu, byte 0x%02x at %zu", n, odd[k], pos);
				}
				sb_free(&got);
				sb_free(&want);
			}
		}
	}
	return bad;
}

int main(void)
{
	struct strbuf sb = STRBUF_INIT;
	static const char text[] = "send(3, \"0123456789abcdef\", 16, 0) = 16";

	plan(8);
	is_int(sweep(0), 0, "odd bytes escaped as alone, at every position and length");
	is_int(sweep(SB_SAFE_NEWLINES), 0, "the same, newlines kept");
	sb_add_safe(&sb, text, sizeof text - 1, 0);
	is_string(sb.buf, text, "a trace line is copied as it is");
	sb_free(&sb);
	sb_add_safe(&sb, "a\tb\nc\x1b", 6, 0);
	is_string(sb.buf, "a\tb\\nc\\x1b", "a tab kept, a newline and ESC escaped");
	sb_free(&sb);
	ok(sb_reads_as_tap("ok", 2) && sb_reads_as_tap("  OK 1 - x", 10) &&
	   sb_reads_as_tap("not ok 2", 8) && sb_reads_as_tap("\tBail out! x", 12),
	   "test points and Bail out! read as TAP, after blanks and in any case");
	ok(sb_reads_as_tap("1..3", 4) && sb_reads_as_tap("TAP version 13", 14),
	   "plans and version lines read as TAP");
	ok(!sb_reads_as_tap("okay", 4) && !sb_reads_as_tap("nothing", 7) &&
	   !sb_reads_as_tap("Bail out", 8) && !sb_reads_as_tap("1.", 2),
	   "words that only start like TAP do not");
	ok(!sb_reads_as_tap(text, sizeof text - 1) && !sb_reads_as_tap("", 0) &&
	   !sb_reads_as_tap("   ", 3), "trace lines, empty and blank lines do not");
	return test_finish();
}
