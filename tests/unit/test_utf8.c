/*
 * test_utf8.c - unit tests of sockshell's UTF-8 decoder and of the table
 * of characters shown as text (utf8.c), and of the two escapings built on
 * them (strbuf.c): sb_add_quoted_text, which shows printable UTF-8 data as
 * text, and sb_add_safe, which keeps no bidi or other format control in a
 * line.  Valid 2-, 3- and 4-byte sequences; sequences cut short; overlong
 * forms, surrogates, code points above U+10FFFF; C1 controls, bidi
 * controls, invisible and private characters, noncharacters.
 */
#include <config.h>

#include <stdint.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "../tap/basic.h"

/* The length utf8_decode gives for the C string s, its code point in *cp
 * (0 when none). */
static size_t decode(const char *s, uint32_t *cp)
{
	*cp = 0;
	return utf8_decode((const unsigned char *)s, strlen(s), cp);
}

/* sb_add_quoted_text of the C string s, compared with want. */
static void quoted_text(const char *s, const char *want, const char *desc)
{
	struct strbuf sb = STRBUF_INIT;

	sb_add_quoted_text(&sb, s, strlen(s));
	is_string(sb.buf, want, "%s", desc);
	sb_free(&sb);
}

/* sb_add_safe of the C string s, compared with want. */
static void safe(const char *s, const char *want, const char *desc)
{
	struct strbuf sb = STRBUF_INIT;

	sb_add_safe(&sb, s, strlen(s), 0);
	is_string(sb.buf, want, "%s", desc);
	sb_free(&sb);
}

/* The valid sequences, and what is not one. */
static void test_decode(void)
{
	uint32_t cp;

	ok(decode("\xc3\xb1", &cp) == 2 && cp == 0xf1, "2 bytes: U+00F1");
	ok(decode("\xe2\x82\xac", &cp) == 3 && cp == 0x20ac, "3 bytes: U+20AC");
	ok(decode("\xf0\x9f\x98\x80", &cp) == 4 && cp == 0x1f600, "4 bytes: U+1F600");
	ok(decode("\xf4\x8f\xbf\xbd", &cp) == 4 && cp == 0x10fffd, "4 bytes: U+10FFFD, the last");
	ok(decode("\xc2\x80", &cp) == 2 && decode("\xdf\xbf", &cp) == 2 &&
	   decode("\xe0\xa0\x80", &cp) == 3 && decode("\xf0\x90\x80\x80", &cp) == 4,
	   "the first and last of each length");
	ok(decode("\xc3", &cp) == 0 && decode("\xe2\x82", &cp) == 0 &&
	   decode("\xf0\x9f\x98", &cp) == 0, "a sequence cut short is not one");
	ok(decode("\xc0\xaf", &cp) == 0 && decode("\xc1\xbf", &cp) == 0 &&
	   decode("\xe0\x80\xaf", &cp) == 0 && decode("\xf0\x8f\xbf\xbf", &cp) == 0,
	   "overlong forms are not");
	ok(decode("\xed\xa0\x80", &cp) == 0 && decode("\xed\xbf\xbf", &cp) == 0 &&
	   decode("\xed\x9f\xbf", &cp) == 3, "surrogates are not (U+D7FF is)");
	ok(decode("\xf4\x90\x80\x80", &cp) == 0 && decode("\xf5\x80\x80\x80", &cp) == 0 &&
	   decode("\xff", &cp) == 0, "above U+10FFFF is not, nor 0xF5..0xFF");
	ok(decode("\x80", &cp) == 0 && decode("a", &cp) == 0 && decode("\xc3" "a", &cp) == 0 &&
	   decode("\xe2\x82" "a", &cp) == 0, "a stray continuation byte, ASCII, a bad second byte");
}

/* The table of what is shown. */
static void test_printable(void)
{
	ok(utf8_printable(0xf1) && utf8_printable(0xe9) && utf8_printable(0xbf) &&
	   utf8_printable(0xa1) && utf8_printable(0x20ac) && utf8_printable(0x4e2d) &&
	   utf8_printable(0x1f600) && utf8_printable(0xfffd), "letters, signs, CJK, emoji are text");
	ok(!utf8_printable(0x80) && !utf8_printable(0x85) && !utf8_printable(0x9b) &&
	   !utf8_printable(0x9f), "C1 controls are not (NEL, CSI)");
	ok(!utf8_printable(0x202a) && !utf8_printable(0x202e) && !utf8_printable(0x2066) &&
	   !utf8_printable(0x2069) && !utf8_printable(0x200e) && !utf8_printable(0x200f) &&
	   !utf8_printable(0x061c), "bidi controls are not");
	ok(!utf8_printable(0x2028) && !utf8_printable(0x2029), "line and paragraph separators are not");
	ok(!utf8_printable(0x200b) && !utf8_printable(0x200d) && !utf8_printable(0x2060) &&
	   !utf8_printable(0xfeff) && !utf8_printable(0xad) && !utf8_printable(0xa0) &&
	   !utf8_printable(0x3000) && !utf8_printable(0xe0041) && !utf8_printable(0xfe0f),
	   "zero-width, format, odd spaces, tags and variation selectors are not");
	ok(!utf8_printable(0xfdd0) && !utf8_printable(0xfffe) && !utf8_printable(0xffff) &&
	   !utf8_printable(0x1fffe) && !utf8_printable(0x10ffff) && !utf8_printable(0xe000) &&
	   !utf8_printable(0x110000), "noncharacters, private use and beyond U+10FFFF are not");
	ok(utf8_printable(0x2027) && utf8_printable(0x2030) && utf8_printable(0x206f + 1) &&
	   utf8_printable(0x1f) == 0, "the neighbours of the ranges are text; ASCII is not asked");
}

/* The escaping of data and of lines. */
static void test_quoting(void)
{
	quoted_text("a\xc3\xb1o", "\"año\"", "data: año as text");
	quoted_text("\xe2\x82\xac \xf0\x9f\x98\x80", "\"€ 😀\"", "3 and 4 bytes as text");
	quoted_text("ni\xc3", "\"ni\\xc3\"", "a character cut at the end: its byte escaped");
	quoted_text("\xe2\x82", "\"\\xe2\\x82\"", "a 3-byte character cut: byte by byte");
	quoted_text("\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80",
		    "\"\\xc0\\xaf\\xed\\xa0\\x80\\xf4\\x90\\x80\\x80\"",
		    "overlong, surrogate, above U+10FFFF: byte by byte");
	quoted_text("\xc2\x9b" "2J\xe2\x80\xae" "x\xe2\x81\xa6",
		    "\"\\xc2\\x9b2J\\xe2\\x80\\xaex\\xe2\\x81\\xa6\"",
		    "C1 CSI, bidi override and isolate escaped");
	quoted_text("\"\\\n\r\t\x01" "1\xff", "\"\\\"\\\\\\n\\r\\t\\x011\\xff\"",
		    "ASCII escaped as sb_add_quoted does");
	quoted_text("", "\"\"", "nothing");
	safe("a\xc3\xb1o \xe2\x80\xae\xc2\x85\xe2\x80\xa8", "año \\xe2\\x80\\xae\\xc2\\x85\\xe2\\x80\\xa8",
	     "a line keeps año, escapes RLO, NEL and LS");
}

int main(void)
{
	plan(10 + 7 + 9);
	test_decode();
	test_printable();
	test_quoting();
	return test_finish();
}
