/*
 * strbuf.h - growable byte buffers.
 *
 * Every string sockshell handles may hold NUL bytes (data received from a
 * socket, a "\0" in a lesson), so text is kept as pointer plus length, never
 * as a bare C string.  A strbuf is always NUL-terminated as a convenience,
 * but its length is what counts.  Allocation failure aborts: an interactive
 * shell that cannot allocate a few bytes has nothing better to do.
 */
#ifndef SOCKSHELL_STRBUF_H
#define SOCKSHELL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_init(struct strbuf *sb);
void sb_free(struct strbuf *sb);
void sb_grow(struct strbuf *sb, size_t extra);

/* Append p[0..n).  Inline, as sb_addc and sb_adds: the lexer and the
 * trace make many appends of a few bytes, and a call costs more than the
 * bytes; only growing the buffer is a call. */
static inline void sb_add(struct strbuf *sb, const void *p, size_t n)
{
	/* Room for n bytes and the NUL (cap >= len always). */
	if (n >= sb->cap - sb->len)
		sb_grow(sb, n);
	char *d = sb->buf + sb->len;
	const char *s = p;
	/* Up to 16 bytes by two copies of a fixed size that overlap (a
	 * byte loop would become a call to memcpy). */
	if (n > 16) {
		memcpy(d, s, n);
	} else if (n >= 8) {
		memcpy(d, s, 8);
		/* n >= 8 here: cppcheck sees the sizes of callers of other branches. */
		// cppcheck-suppress pointerOutOfBoundsCond
		memcpy(d + n - 8, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(d, s, 4);
		memcpy(d + n - 4, s + n - 4, 4);
	} else if (n > 0) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

/* Empty sb, keeping its memory. */
static inline void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

/* Append the byte c. */
static inline void sb_addc(struct strbuf *sb, int c)
{
	if (sb->cap - sb->len < 2)
		sb_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

/* Append the C string s. */
static inline void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

/* Append v in decimal: a trace field, without a format string. */
void sb_add_int(struct strbuf *sb, long long v);
void sb_add_uint(struct strbuf *sb, unsigned long long v);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Append p[0..n) C-escaped inside double quotes: "a\r\n\0\xff". */
void sb_add_quoted(struct strbuf *sb, const void *p, size_t n);
/* The same, but a valid and printable UTF-8 character (utf8.h) is shown
 * as it is: "a\xc3\xb1o" is "año".  Every other byte is escaped as by
 * sb_add_quoted, byte by byte (a character cut short, a bidi control). */
void sb_add_quoted_text(struct strbuf *sb, const void *p, size_t n);
/* The same, as a string a lesson reads back as exactly these bytes: "$"
 * is escaped too ("\$"), so nothing in it expands.  For "save". */
void sb_add_literal(struct strbuf *sb, const void *p, size_t n);
/* Append p[0..n) made safe to print as (part of) one line: printable
 * ASCII, tabs and valid, printable UTF-8 (utf8_printable) stay as they
 * are; every other byte (control bytes, newlines, ESC, DEL, C1 controls,
 * bidi and other format controls, bytes that are not UTF-8) is C-escaped
 * ("\n", "\r", "\x1b", "\xe2\x80\xae").  Flags: */
enum {
	SB_SAFE_NEWLINES = 1,   /* keep newlines (the caller splits lines) */
	SB_SAFE_SGR = 2         /* keep colour codes, ESC [ digits ; m */
};
void sb_add_safe(struct strbuf *sb, const void *p, size_t n, int flags);
/* Is p[0..n) all printable ASCII (which sb_add_safe copies as it is)? */
int sb_is_printable(const void *p, size_t n);
/* Does the line p[0..n) read as TAP (a test point, a plan, "Bail out!",
 * a version line) to prove or automake's driver? */
int sb_reads_as_tap(const char *p, size_t n);
/* Append a hex dump of p[0..n), one line per 16 bytes, each line starting
 * with prefix. */
void sb_add_hexdump(struct strbuf *sb, const char *prefix, const void *p, size_t n);
/* Return a NUL-terminated copy the caller frees. */
char *sb_strdup(const struct strbuf *sb);

/* Checked allocation: abort on failure. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
void *xmemdup(const void *p, size_t n);

#endif
