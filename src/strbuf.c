/*
 * strbuf.c - growable byte buffers and checked allocation.
 *
 * Hides the growth policy and the escaping rules for showing bytes: the one
 * place that decides how a received byte looks on the screen.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "strbuf.h"

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL) {
		fputs("sockshell: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL) {
		fputs("sockshell: out of memory\n", stderr);
		abort();
	}
	return q;
}

char *xstrdup(const char *s)
{
	return xmemdup(s, strlen(s) + 1);
}

void *xmemdup(const void *p, size_t n)
{
	char *q = xmalloc(n + 1);

	memcpy(q, p, n);
	q[n] = '\0';
	return q;
}

void sb_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

/* Make room for extra more bytes plus the terminating NUL. */
void sb_grow(struct strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;

	if (need <= sb->cap)
		return;
	if (need < sb->len) {
		fputs("sockshell: buffer size overflow\n", stderr);
		abort();
	}
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap = cap * 2 > cap ? cap * 2 : need;
	sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

/* sb_add, inlined where trace lines are formatted. */
static inline void add_bytes(struct strbuf *sb, const void *p, size_t n)
{
	/* Room for n bytes and the NUL (cap >= len always): no call then. */
	if (n >= sb->cap - sb->len)
		sb_grow(sb, n);
	if (n > 8) {
		memcpy(sb->buf + sb->len, p, n);
	} else {
		/* Trace fragments are a few bytes: cheaper than a call. */
		const char *s = p;
		char *d = sb->buf + sb->len;
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
	}
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_add(struct strbuf *sb, const void *p, size_t n)
{
	add_bytes(sb, p, n);
}

void sb_addc(struct strbuf *sb, int c)
{
	/* The lexer adds every byte of a lesson this way: no call when
	 * there is room. */
	if (sb->cap - sb->len < 2)
		sb_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

/* Append v in decimal, with a minus sign when neg. */
static void add_decimal(struct strbuf *sb, unsigned long long v, int neg)
{
	char buf[24], *end = buf + sizeof buf, *p = end;

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (neg)
		*--p = '-';
	add_bytes(sb, p, (size_t)(end - p));
}

static void add_signed(struct strbuf *sb, long long v)
{
	if (v < 0)
		add_decimal(sb, 0ULL - (unsigned long long)v, 1);
	else
		add_decimal(sb, (unsigned long long)v, 0);
}

/*
 * Format the conversions trace lines use most (%d %u %s %ld %lu %lld %llu
 * %zd %zu %%, with no flags, width or precision) here: vsnprintf's set-up
 * costs more than a fragment like "(%d, " itself, and a long lesson makes
 * several per command.  Returns 0 when done, or -1 at the first other
 * conversion, having added part of the output: the caller takes it back
 * and leaves the whole format to vsnprintf.
 */
static int quick_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	const char *p = fmt;

	for (;;) {
		const char *q = p;
		while (*q != '\0' && *q != '%')
			q++;
		add_bytes(sb, p, (size_t)(q - p));
		if (*q == '\0')
			return 0;
		q++;
		if (*q == '%') {
			sb_addc(sb, '%');
		} else if (*q == 's') {
			const char *s = va_arg(ap, const char *);
			sb_adds(sb, s != NULL ? s : "(null)");
		} else {
			int size = 0;  /* 1 long, 2 long long, 3 size_t */
			if (*q == 'z') {
				size = 3;
				q++;
			} else if (*q == 'l') {
				size = q[1] == 'l' ? 2 : 1;
				q += size;
			}
			if (*q != 'd' && *q != 'u')
				return -1;
			if (*q == 'd')
				add_signed(sb, size == 0 ? va_arg(ap, int) : size == 1 ? va_arg(ap, long) :
					   size == 2 ? va_arg(ap, long long) : va_arg(ap, ssize_t));
			else
				add_decimal(sb, size == 0 ? va_arg(ap, unsigned) :
					    size == 1 ? va_arg(ap, unsigned long) :
					    size == 2 ? va_arg(ap, unsigned long long) : va_arg(ap, size_t), 0);
		}
		p = q + 1;
	}
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	size_t start = sb->len;
	va_list ap2, ap3;
	int n;

	va_copy(ap2, ap);
	if (quick_vprintf(sb, fmt, ap) == 0) {
		va_end(ap2);
		return;
	}
	sb->len = start;
	va_copy(ap3, ap2);
	sb_grow(sb, 64);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap2);
	if (n >= 0 && (size_t)n >= sb->cap - sb->len) {
		sb_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap3);
	}
	if (n >= 0)
		sb->len += (size_t)n;
	sb->buf[sb->len] = '\0';
	va_end(ap3);
	va_end(ap2);
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

/* Is byte c shown as itself between the quotes? */
static int shown_as_is(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

void sb_add_quoted(struct strbuf *sb, const void *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = p;
	size_t i = 0;

	sb_addc(sb, '"');
	while (i < n) {
		/* A run of bytes shown as they are, copied at once... */
		size_t j = i;
		while (j < n && shown_as_is(s[j]))
			j++;
		sb_add(sb, s + i, j - i);
		/* ...then a run of escapes, with room for the worst case (4
		 * bytes each) made 64 at a time rather than byte by byte. */
		for (i = j; i < n && !shown_as_is(s[i]); i++) {
			if ((i - j) % 64 == 0)
				sb_grow(sb, 4 * 64);
			char *o = sb->buf + sb->len;
			unsigned char c = s[i];
			o[0] = '\\';
			sb->len += 2;
			switch (c) {
			case '\n': o[1] = 'n'; break;
			case '\r': o[1] = 'r'; break;
			case '\t': o[1] = 't'; break;
			case '"': o[1] = '"'; break;
			case '\\': o[1] = '\\'; break;
			case '\0':
				/* "\0" followed by a digit would read as octal in
				 * C; we never read octal, but stay unambiguous. */
				if (!(i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')) {
					o[1] = '0';
					break;
				}
				/* fall through */
			default:
				o[1] = 'x';
				o[2] = hex[c >> 4];
				o[3] = hex[c & 15];
				sb->len += 2;
			}
		}
	}
	sb_addc(sb, '"');
}

void sb_add_hexdump(struct strbuf *sb, const char *prefix, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t off = 0; off < n; off += 16) {
		sb_printf(sb, "%s%06zx ", prefix, off);
		for (size_t i = 0; i < 16; i++) {
			if (i == 8)
				sb_addc(sb, ' ');
			if (off + i < n)
				sb_printf(sb, " %02x", s[off + i]);
			else
				sb_add(sb, "   ", 3);
		}
		sb_add(sb, "  |", 3);
		for (size_t i = 0; i < 16 && off + i < n; i++) {
			unsigned char c = s[off + i];
			sb_addc(sb, c >= 0x20 && c < 0x7f ? c : '.');
		}
		sb_add(sb, "|\n", 2);
	}
}

char *sb_strdup(const struct strbuf *sb)
{
	return xmemdup(sb->len ? sb->buf : "", sb->len);
}
