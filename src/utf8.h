/*
 * utf8.h - UTF-8 decoding and which characters are shown as text.
 *
 * sockshell's own decoder, so that what is shown never depends on the
 * locales installed: a sequence counts only when it is valid (no overlong
 * form, no surrogate, nothing above U+10FFFF, not cut short), and it is
 * shown as the character only when utf8_printable says so.  Everything
 * else is escaped byte by byte by the callers (strbuf.c), as "\xHH", which
 * a lesson reads back as the same bytes.
 */
#ifndef SOCKSHELL_UTF8_H
#define SOCKSHELL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The length (2 to 4) of the valid UTF-8 sequence of two or more bytes at
 * the start of s[0..n), its code point in *cp; or 0 when there is none: an
 * ASCII or stray continuation byte, an overlong form, a surrogate, a code
 * point above U+10FFFF, or a sequence the end of s cuts short. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Is the code point cp (U+0080 or above) shown as itself?  No for the C1
 * controls, spaces other than U+0020 and invisible characters (they would
 * pass for a space or for nothing), the format and bidi controls
 * (U+200B..U+200F, U+202A..U+202E, U+2066..U+2069...), the line and
 * paragraph separators, variation selectors, tags, private use areas and
 * noncharacters.  Yes for every other code point. */
int utf8_printable(uint32_t cp);

/* The length of the sequence at s[0..n) when it is valid UTF-8 of two or
 * more bytes and printable (utf8_printable); else 0. */
size_t utf8_text_seq(const unsigned char *s, size_t n);

/* Does the locale (LC_CTYPE, as setlocale set it) use UTF-8?  Read from
 * nl_langinfo(CODESET) at the first call, then remembered. */
int utf8_locale(void);

#endif
