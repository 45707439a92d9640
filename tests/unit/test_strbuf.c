/*
 * test_strbuf.c - unit tests of strbuf.c's printf: sb_printf formats the
 * common conversions by hand (quick_vprintf) and leaves the rest to
 * vsnprintf, so for every format and value its output must be the very
 * bytes vsnprintf makes, appended after what the buffer held.  Also the
 * fall-back taking back a half-done quick pass, growth past the first
 * allocation, and the other appenders.
 */
#include <config.h>

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "strbuf.h"
#include "../tap/basic.h"

static void same(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* sb_printf(fmt, ...) after a prefix is the prefix and vsnprintf's bytes. */
static void same(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	char want[8192];
	va_list ap, ap2;
	int n;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	memcpy(want, "pre:", 4);
	n = vsnprintf(want + 4, sizeof want - 4, fmt, ap);
	sb_adds(&sb, "pre:");
	sb_vprintf(&sb, fmt, ap2);
	va_end(ap2);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof want - 4)
		bail("vsnprintf of \"%s\" gave %d", fmt, n);
	is_bytes(sb.buf, sb.len, want, 4 + (size_t)n, "sb_printf(\"%s\") is vsnprintf's", fmt);
	sb_free(&sb);
}

/* Every conversion quick_vprintf formats itself, at its edges. */
static void test_quick_conversions(void)
{
	same("plain text, no conversion");
	same("%s", "");
	same("%%");
	same("100%% sure, %d%%", 42);
	same("%d", 0);
	same("%d", 1);
	same("%d", -1);
	same("%d", INT_MAX);
	same("%d", INT_MIN);
	same("%u", 0u);
	same("%u", UINT_MAX);
	same("%ld", LONG_MAX);
	same("%ld", LONG_MIN);
	same("%lu", ULONG_MAX);
	same("%lld", LLONG_MAX);
	same("%lld", LLONG_MIN);
	same("%llu", ULLONG_MAX);
	same("%zu", (size_t)0);
	same("%zu", SIZE_MAX);
	same("%zd", (ssize_t)-1);
	same("%zd", (ssize_t)(SIZE_MAX / 2));
	same("%s", "hello");
	same("%s|%s", "a b", "");
	same("%s", "a string with \"quotes\" and a \\ backslash");
	same("recv(%d, %zu, %s) = %lld \"%s\"", 3, (size_t)100, "0", -1LL, "x");
	same("%d%d%d", 1, 22, 333);
	same("%s%d%s", "<", -7, ">");
	same("(%d, ", 4);
	same("%llu bytes in %lu calls, %u left", 1ULL << 40, 7UL, 3u);
}

/* Conversions quick_vprintf hands over (flags, widths, precision, other
 * letters), alone and after conversions it had already done. */
static void test_fallback_conversions(void)
{
	same("%x", 0xbeefu);
	same("%02x", 7u);
	same("%5d|%-5d|%05d", 42, 42, 42);
	same("%+d % d", 5, 5);
	same("%.3s", "abcdef");
	same("%10s|%-10s|", "right", "left");
	same("%c%c", 'o', 'k');
	same("%.2f", 3.14159);
	same("%g", 1e-7);
	same("%lx", ULONG_MAX);
	same("%zx", (size_t)4096);
	same("%llx", 0x123456789abcdefULL);
	same("%o", 8u);
	same("%06zx ", (size_t)16);
	same("%.*s", 2, "abc");
	/* A quick pass already added "a=1 " before meeting %x. */
	same("a=%d b=%x", 1, 255u);
	same("%s then %5s", "quick", "slow");
	same("%d %d %d %d %.1f", 1, 2, 3, 4, 5.0);
}

/* Output longer than the first allocation, on both paths. */
static void test_growth(void)
{
	char big[3000];

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	same("%s", big);
	same("%s%s%d", big, big + 1000, 12345);
	same("%500d|", 1);
	same("%-1000s|%x", "pad", 1u);
}

/* Random values through each integer conversion, on a fixed seed. */
static void test_random_values(void)
{
	unsigned long long x = 0x9e3779b97f4a7c15ULL;
	int bad = 0;

	for (int i = 0; i < 2000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		struct strbuf sb = STRBUF_INIT;
		char want[256];
		int shift = (int)(x % 64);
		unsigned long long v = x >> shift;
		switch (i % 6) {
		case 0:
			sb_printf(&sb, "%d", (int)v);
			snprintf(want, sizeof want, "%d", (int)v);
			break;
		case 1:
			sb_printf(&sb, "%u:%ld", (unsigned)v, (long)v);
			snprintf(want, sizeof want, "%u:%ld", (unsigned)v, (long)v);
			break;
		case 2:
			sb_printf(&sb, "%lld", (long long)(x - (v << 1)));
			snprintf(want, sizeof want, "%lld", (long long)(x - (v << 1)));
			break;
		case 3:
			sb_printf(&sb, "%llu %lu", v, (unsigned long)x);
			snprintf(want, sizeof want, "%llu %lu", v, (unsigned long)x);
			break;
		case 4:
			sb_printf(&sb, "[%zu|%zd]", (size_t)v, (ssize_t)x);
			snprintf(want, sizeof want, "[%zu|%zd]", (size_t)v, (ssize_t)x);
			break;
		default:
			sb_printf(&sb, "%d%%%x", (int)x, (unsigned)v);
			snprintf(want, sizeof want, "%d%%%x", (int)x, (unsigned)v);
		}
		if (sb.len != strlen(want) || memcmp(sb.buf, want, sb.len) != 0) {
			if (bad++ < 5)
				diag("value %llu: got \"%s\", expected \"%s\"", x, sb.buf, want);
		}
		sb_free(&sb);
	}
	is_int(bad, 0, "2000 random values through %%d %%u %%ld %%lld %%llu %%lu %%zu %%zd");
}

/* Appends keep what was there, and a NULL %s reads as vsnprintf shows it. */
static void test_appending(void)
{
	struct strbuf sb = STRBUF_INIT;
	const char *volatile nothing = NULL;
	char want[64];

	sb_printf(&sb, "%d", 1);
	sb_printf(&sb, ",%s", "two");
	sb_printf(&sb, ",%x", 3u);
	sb_add(&sb, ",\0,", 3);
	sb_addc(&sb, '4');
	is_bytes(sb.buf, sb.len, "1,two,3,\0,4", 11, "printf, add and addc append");
	is_int(sb.buf[sb.len], '\0', "the buffer stays NUL-terminated");
	sb_reset(&sb);
	is_int((long long)sb.len, 0, "sb_reset empties it");
	sb_printf(&sb, "%s", nothing);
	snprintf(want, sizeof want, "%s", nothing);
	is_string(sb.buf, want, "a NULL %%s is shown as vsnprintf shows it");
	sb_free(&sb);
}

int main(void)
{
	plan_lazy();
	test_quick_conversions();
	test_fallback_conversions();
	test_growth();
	test_random_values();
	test_appending();
	return test_finish();
}
