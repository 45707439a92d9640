/*
 * strbuf.c - growable byte buffers and checked allocation.
 *
 * Hides the growth policy and the escaping rules for showing bytes: the one
 * place that decides how a received byte looks on the screen.
 */
#include <config.h>

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "i18n.h"
#include "strbuf.h"
#include "utf8.h"

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL) {
		fputs(_("sockshell: out of memory\n"), stderr);
		abort();
	}
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL) {
		fputs(_("sockshell: out of memory\n"), stderr);
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


/* Make room for extra more bytes plus the terminating NUL. */
void sb_grow(struct strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;

	if (need <= sb->cap)
		return;
	if (need < sb->len) {
		fputs(_("sockshell: buffer size overflow\n"), stderr);
		abort();
	}
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap = cap * 2 > cap ? cap * 2 : need;
	sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

/* Append v in decimal, with a minus sign when neg.  (Not inlined: its
 * buffer would cost the one- and two-digit case a stack guard.) */
__attribute__((noinline)) static void add_decimal(struct strbuf *sb, unsigned long long v, int neg)
{
	char buf[24], *end = buf + sizeof buf, *p = end;

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	if (neg)
		*--p = '-';
	sb_add(sb, p, (size_t)(end - p));
}

void sb_add_int(struct strbuf *sb, long long v)
{
	/* Descriptors and small counts: one or two digits, no loop. */
	if (v >= 0 && v < 100) {
		if (sb->cap - sb->len < 3)
			sb_grow(sb, 2);
		char *d = sb->buf + sb->len;
		if (v >= 10)
			*d++ = (char)('0' + v / 10);
		*d++ = (char)('0' + v % 10);
		*d = '\0';
		sb->len = (size_t)(d - sb->buf);
		return;
	}
	if (v < 0)
		add_decimal(sb, 0ULL - (unsigned long long)v, 1);
	else
		add_decimal(sb, (unsigned long long)v, 0);
}

void sb_add_uint(struct strbuf *sb, unsigned long long v)
{
	add_decimal(sb, v, 0);
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
		sb_add(sb, p, (size_t)(q - p));
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
				sb_add_int(sb, size == 0 ? va_arg(ap, int) : size == 1 ? va_arg(ap, long) :
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

/* Is byte c shown as itself between the quotes?  In a lesson literal
 * (lesson set) "$" is escaped too. */
static int shown_as_is(unsigned char c, int lesson)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && !(lesson && c == '$');
}

/* Append the escape of byte s[i] (one not shown as it is); next is the
 * byte after it, or -1.  Room for 4 bytes has been made. */
static void add_escape(struct strbuf *sb, unsigned char c, int next)
{
	static const char hex[] = "0123456789abcdef";
	char *o = sb->buf + sb->len;

	o[0] = '\\';
	sb->len += 2;
	switch (c) {
	case '\n': o[1] = 'n'; break;
	case '\r': o[1] = 'r'; break;
	case '\t': o[1] = 't'; break;
	case '"': o[1] = '"'; break;
	case '\\': o[1] = '\\'; break;
	case '$': o[1] = '$'; break;
	case '\0':
		/* "\0" followed by a digit would read as octal in C; we
		 * never read octal, but stay unambiguous. */
		if (!(next >= '0' && next <= '9')) {
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
	sb->buf[sb->len] = '\0';
}

/* Quote s for sb_add_literal when lesson is set: "$" is
 * escaped too.  (sb_add_quoted itself, which shows every received byte,
 * has a faster loop below.) */
static void add_quoted(struct strbuf *sb, const unsigned char *s, size_t n, int lesson)
{
	size_t i = 0;

	sb_addc(sb, '"');
	while (i < n) {
		/* A run of bytes shown as they are, copied at once... */
		size_t j = i;
		while (j < n && shown_as_is(s[j], lesson))
			j++;
		sb_add(sb, s + i, j - i);
		/* ...then a run of escapes, with room for the worst case (4
		 * bytes each) made 64 at a time rather than byte by byte. */
		for (i = j; i < n && !shown_as_is(s[i], lesson); i++) {
			if ((i - j) % 64 == 0)
				sb_grow(sb, 4 * 64);
			add_escape(sb, s[i], i + 1 < n ? s[i + 1] : -1);
		}
	}
	sb_addc(sb, '"');
}

/*
 * How each byte is shown between the quotes, made by the compiler: the
 * byte itself (length 1), a short escape (\n \r \t \" \\ \0, length 2) or
 * \xHH (length 4).  The table lets the loop below copy four bytes and
 * move on by the length, with no branch per byte: drain shows every byte
 * of a stream of gigabytes this way.
 */
#define Q_PLAIN(c) ((c) >= 0x20 && (c) < 0x7f && (c) != '"' && (c) != '\\')
#define Q_SHORT(c) ((c) == '\n' ? 'n' : (c) == '\r' ? 'r' : (c) == '\t' ? 't' : \
		    (c) == '"' ? '"' : (c) == '\\' ? '\\' : (c) == 0 ? '0' : 0)
#define Q_HEX(d) ((char)((d) < 10 ? '0' + (d) : 'a' + (d) - 10))
#define Q_ESC(c) { Q_PLAIN(c) ? 1 : Q_SHORT(c) ? 2 : 4, \
	{ Q_PLAIN(c) ? (char)(c) : '\\', Q_PLAIN(c) ? '\0' : Q_SHORT(c) ? (char)Q_SHORT(c) : 'x', \
	  Q_HEX((c) >> 4), Q_HEX((c) & 15) } }
#define Q_ESC4(c) Q_ESC(c), Q_ESC((c) + 1), Q_ESC((c) + 2), Q_ESC((c) + 3)
#define Q_ESC16(c) Q_ESC4(c), Q_ESC4((c) + 4), Q_ESC4((c) + 8), Q_ESC4((c) + 12)
#define Q_ESC64(c) Q_ESC16(c), Q_ESC16((c) + 16), Q_ESC16((c) + 32), Q_ESC16((c) + 48)

static const struct quoted {
	unsigned char len;
	char s[4];
} quoted[256] = { Q_ESC64(0), Q_ESC64(64), Q_ESC64(128), Q_ESC64(192) };

/* SWAR tests on 8 bytes at once: is any byte of x zero, below n
 * (n <= 128), above n (n <= 127)? */
#define Q_ONES 0x0101010101010101ull
#define Q_HIGH 0x8080808080808080ull
#define Q_HAS_ZERO(x) (((x) - Q_ONES) & ~(x) & Q_HIGH)
#define Q_HAS_LESS(x, n) (((x) - Q_ONES * (n)) & ~(x) & Q_HIGH)
#define Q_HAS_MORE(x, n) ((((x) + Q_ONES * (127 - (n))) | (x)) & Q_HIGH)

/* Are the 8 bytes of x all shown as themselves? */
static int all_plain(uint64_t x)
{
	return !(Q_HAS_LESS(x, 0x20) | Q_HAS_MORE(x, 0x7e) | Q_HAS_ZERO(x ^ (Q_ONES * '"')) |
		 Q_HAS_ZERO(x ^ (Q_ONES * '\\')));
}

/* Show s[i], the byte at o; returns the end of what it wrote (up to 4
 * bytes, though 4 are always written). */
static char *quote_byte(char *o, const unsigned char *s, size_t i, size_t n)
{
	const struct quoted *q = &quoted[s[i]];

	memcpy(o, q->s, 4);
	o += q->len;
	/* "\0" followed by a digit would read as octal in C; we never read
	 * octal, but stay unambiguous: \x00 there. */
	if (s[i] == 0 && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
		memcpy(o - 2, "\\x00", 4);
		o += 2;
	}
	return o;
}

/* Show s[0..n) at o, as sb_add_quoted between its quotes; returns the end
 * of what it wrote (room for 4 * n + 3 bytes has been made).  The byte
 * after s[n - 1], if any, is not a digit. */
static char *quote_bytes(char *o, const unsigned char *s, size_t n)
{
	size_t i = 0;

	/* Eight bytes at a time while they are all plain (text) or all
	 * NUL (a stream of zeros) and no digit follows; else one by one. */
	while (i + 8 <= n) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		if (all_plain(x)) {
			memcpy(o, s + i, 8);
			o += 8;
		} else if (x == 0 && (i + 8 == n || s[i + 8] < '0' || s[i + 8] > '9')) {
			memcpy(o, "\\0\\0\\0\\0\\0\\0\\0\\0", 16);
			o += 16;
		} else {
			for (size_t j = i; j < i + 8; j++)
				o = quote_byte(o, s, j, n);
		}
		i += 8;
	}
	for (; i < n; i++)
		o = quote_byte(o, s, i, n);
	return o;
}

/* Make room for p[0..n) quoted in the worst case; returns where the
 * opening quote went. */
static char *quote_start(struct strbuf *sb, size_t n)
{
	if (n > (SIZE_MAX - sb->len - 8) / 4) {
		fputs(_("sockshell: buffer size overflow\n"), stderr);
		abort();
	}
	/* Room for the worst case and the quotes at once; every step
	 * writes four bytes, so the last may write three past its end. */
	sb_grow(sb, 4 * n + 2);
	char *o = sb->buf + sb->len;
	*o++ = '"';
	return o;
}

/* Close the quotes at o, the end of what was written. */
static void quote_end(struct strbuf *sb, char *o)
{
	*o++ = '"';
	sb->len = (size_t)(o - sb->buf);
	sb->buf[sb->len] = '\0';
}

void sb_add_quoted(struct strbuf *sb, const void *p, size_t n)
{
	char *o = quote_start(sb, n);

	quote_end(sb, quote_bytes(o, p, n));
}

/* The length of the run of ASCII (bytes below 0x80) at the start of
 * s[0..n), eight bytes at a time. */
static size_t ascii_run(const unsigned char *s, size_t n)
{
	size_t j = 0;
	uint64_t x;

	for (; j + 8 <= n; j += 8) {
		memcpy(&x, s + j, 8);
		if (x & Q_HIGH)
			break;
	}
	while (j < n && s[j] < 0x80)
		j++;
	return j;
}

void sb_add_quoted_text(struct strbuf *sb, const void *p, size_t n)
{
	const unsigned char *s = p;
	char *o = quote_start(sb, n);
	size_t i = 0;

	while (i < n) {
		/* A run of ASCII, as sb_add_quoted shows it... */
		size_t j = i + ascii_run(s + i, n - i);
		o = quote_bytes(o, s + i, j - i);
		if (j == n)
			break;
		/* ...then one character as it is (its 2 to 4 bytes take no
		 * more room than their escapes), or one byte escaped. */
		size_t k = utf8_text_seq(s + j, n - j);
		if (k > 0) {
			memcpy(o, s + j, k);
			o += k;
			i = j + k;
		} else {
			o = quote_byte(o, s, j, n);
			i = j + 1;
		}
	}
	quote_end(sb, o);
}

void sb_add_literal(struct strbuf *sb, const void *p, size_t n)
{
	add_quoted(sb, p, n, 1);
}

/* The length of a colour code at s: ESC [ digits and ; m, or 0. */
static size_t sgr_seq(const unsigned char *s, size_t n)
{
	size_t k = 2;

	if (n < 3 || s[0] != 0x1b || s[1] != '[')
		return 0;
	while (k < n && k < 16 && ((s[k] >= '0' && s[k] <= '9') || s[k] == ';'))
		k++;
	return k < n && s[k] == 'm' ? k + 1 : 0;
}

/* The length of the run of printable ASCII at the start of s[0..n):
 * eight bytes at a time, the last eight overlapping what was seen, so a
 * line of text (a trace line) costs a few steps and no byte loop. */
static size_t printable_run(const unsigned char *s, size_t n)
{
	size_t j = 0;
	uint64_t x;

	if (n < 8) {
		while (j < n && s[j] >= 0x20 && s[j] < 0x7f)
			j++;
		return j;
	}
	for (; j + 8 <= n; j += 8) {
		memcpy(&x, s + j, 8);
		if (Q_HAS_LESS(x, 0x20) | Q_HAS_MORE(x, 0x7e))
			break;
	}
	if (j + 8 > n && j < n) {
		memcpy(&x, s + n - 8, 8);
		if (!(Q_HAS_LESS(x, 0x20) | Q_HAS_MORE(x, 0x7e)))
			return n;
	}
	while (j < n && s[j] >= 0x20 && s[j] < 0x7f)
		j++;
	return j;
}

int sb_is_printable(const void *p, size_t n)
{
	return printable_run(p, n) == n;
}

/* Is s[j] a byte sb_add_safe keeps as it is, besides printable ASCII? */
static int kept_byte(unsigned char c, int flags)
{
	return c == '\t' || (c == '\n' && (flags & SB_SAFE_NEWLINES));
}

void sb_add_safe(struct strbuf *sb, const void *p, size_t n, int flags)
{
	const unsigned char *s = p;
	size_t i = 0;

	while (i < n) {
		/* A run of printable ASCII (and tabs) at once... */
		size_t j = i + printable_run(s + i, n - i);
		while (j < n && kept_byte(s[j], flags))
			j += 1 + printable_run(s + j + 1, n - j - 1);
		sb_add(sb, s + i, j - i);
		if (j >= n)
			break;
		/* ...then one character that is not. */
		size_t k = s[j] >= 0x80 ? utf8_text_seq(s + j, n - j) : 0;
		if (k == 0 && (flags & SB_SAFE_SGR))
			k = sgr_seq(s + j, n - j);
		if (k > 0) {
			sb_add(sb, s + j, k);
			i = j + k;
			continue;
		}
		sb_grow(sb, 4);
		add_escape(sb, s[j], j + 1 < n ? s[j + 1] : -1);
		i = j + 1;
	}
}

/* Does p[0..n) start with word w, followed by the end or a byte that is
 * not part of a word?  Letters in any case. */
static int starts_word(const char *p, size_t n, const char *w)
{
	size_t k = strlen(w);

	if (n < k || strncasecmp(p, w, k) != 0)
		return 0;
	return n == k || !(isalnum((unsigned char)p[k]) || p[k] == '_');
}

int sb_reads_as_tap(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	/* Most lines (every trace line) are ruled out by their first
	 * letter: TAP starts with "ok", "not ok", "Bail out!", "1.." or
	 * "TAP version". */
	switch (i < n ? p[i] : '\0') {
	case 'o': case 'O': case 'n': case 'N': case 'b': case 'B': case '1': case 't': case 'T':
		break;
	default:
		return 0;
	}
	/* Some parsers take "Bail out!" after blanks: take every line
	 * that could read as TAP to any of them. */
	if (n - i >= 9 && strncasecmp(p + i, "Bail out!", 9) == 0)
		return 1;
	p += i;
	n -= i;
	return starts_word(p, n, "ok") || (n >= 4 && strncasecmp(p, "not ", 4) == 0 &&
					   starts_word(p + 4, n - 4, "ok")) ||
	       (n >= 3 && memcmp(p, "1..", 3) == 0) || starts_word(p, n, "TAP version");
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
