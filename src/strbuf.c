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

void sb_add(struct strbuf *sb, const void *p, size_t n)
{
	sb_grow(sb, n);
	if (n > 0)
		memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_addc(struct strbuf *sb, int c)
{
	sb_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	sb_grow(sb, 64);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	if (n < 0) {
		va_end(ap2);
		return;
	}
	if ((size_t)n >= sb->cap - sb->len) {
		sb_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap2);
	}
	sb->len += (size_t)n;
	va_end(ap2);
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void sb_add_quoted(struct strbuf *sb, const void *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = p;

	sb_grow(sb, n + 2);
	sb_addc(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		switch (c) {
		case '\n': sb_add(sb, "\\n", 2); break;
		case '\r': sb_add(sb, "\\r", 2); break;
		case '\t': sb_add(sb, "\\t", 2); break;
		case '"': sb_add(sb, "\\\"", 2); break;
		case '\\': sb_add(sb, "\\\\", 2); break;
		case '\0':
			/* "\0" followed by a digit would read as octal in C;
			 * we never read octal, but stay unambiguous anyway. */
			if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
				sb_add(sb, "\\x00", 4);
			else
				sb_add(sb, "\\0", 2);
			break;
		default:
			if (c < 0x20 || c >= 0x7f) {
				char esc[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };
				sb_add(sb, esc, 4);
			} else {
				sb_addc(sb, c);
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
