/*
 * utf8.c - UTF-8 decoding and the table of characters shown as text.
 *
 * Hides which code points sockshell is willing to print: one sorted table
 * of ranges that are escaped instead, small enough to read and to test
 * (tests/unit/test_utf8.c).  It is not the terminal's idea of printable
 * (no iswprint, which depends on the locales installed): it errs towards
 * escaping whatever could hide a byte or reorder a line.
 */
#include <config.h>

#include <langinfo.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;  /* the range of the second byte */
	size_t len;
	uint32_t v;

	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		v = c & 0x0f;
		lo = c == 0xe0 ? 0xa0 : 0x80;   /* no overlong form */
		hi = c == 0xed ? 0x9f : 0xbf;   /* no surrogate */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		v = c & 0x07;
		lo = c == 0xf0 ? 0x90 : 0x80;   /* no overlong form */
		hi = c == 0xf4 ? 0x8f : 0xbf;   /* nothing above U+10FFFF */
	} else {
		return 0;
	}
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	v = v << 6 | (s[1] & 0x3f);
	for (size_t k = 2; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[k] & 0x3f);
	}
	*cp = v;
	return len;
}

/* The code points escaped, as sorted, disjoint ranges [first, last]. */
static const struct range {
	uint32_t first, last;
} escaped[] = {
	{ 0x0080, 0x00a0 },    /* C1 controls; no-break space */
	{ 0x00ad, 0x00ad },    /* soft hyphen */
	{ 0x034f, 0x034f },    /* combining grapheme joiner */
	{ 0x0600, 0x0605 },    /* Arabic number signs (format) */
	{ 0x061c, 0x061c },    /* Arabic letter mark (bidi) */
	{ 0x06dd, 0x06dd },
	{ 0x070f, 0x070f },
	{ 0x08e2, 0x08e2 },
	{ 0x115f, 0x1160 },    /* Hangul fillers (invisible) */
	{ 0x1680, 0x1680 },    /* Ogham space */
	{ 0x180b, 0x180f },    /* Mongolian selectors and separator */
	{ 0x2000, 0x200f },    /* spaces, zero-width, LRM, RLM */
	{ 0x2028, 0x202f },    /* line and paragraph separators, bidi embeddings
	                        * and overrides, narrow no-break space */
	{ 0x205f, 0x206f },    /* space, word joiner, invisible operators, bidi
	                        * isolates, deprecated format controls */
	{ 0x3000, 0x3000 },    /* ideographic space */
	{ 0x3164, 0x3164 },    /* Hangul filler */
	{ 0xd800, 0xf8ff },    /* surrogates; private use */
	{ 0xfdd0, 0xfdef },    /* noncharacters */
	{ 0xfe00, 0xfe0f },    /* variation selectors */
	{ 0xfeff, 0xfeff },    /* zero-width no-break space, BOM */
	{ 0xffa0, 0xffa0 },    /* halfwidth Hangul filler */
	{ 0xfff0, 0xfffb },    /* interlinear annotation controls */
	{ 0x1bca0, 0x1bca3 },  /* shorthand format controls */
	{ 0x1d173, 0x1d17a },  /* musical format controls */
	{ 0xe0000, 0xe0fff },  /* tags, variation selectors supplement */
	{ 0xf0000, 0x10ffff }, /* private use planes */
};

int utf8_printable(uint32_t cp)
{
	size_t lo = 0, hi = sizeof escaped / sizeof escaped[0];

	/* U+xFFFE and U+xFFFF of every plane are noncharacters. */
	if ((cp & 0xfffe) == 0xfffe || cp > 0x10ffff)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < escaped[mid].first)
			hi = mid;
		else if (cp > escaped[mid].last)
			lo = mid + 1;
		else
			return 0;
	}
	return cp >= 0x80;
}

size_t utf8_text_seq(const unsigned char *s, size_t n)
{
	uint32_t cp;
	size_t len = utf8_decode(s, n, &cp);

	return len > 0 && utf8_printable(cp) ? len : 0;
}

int utf8_locale(void)
{
	static int known = -1;

	if (known < 0) {
		const char *set = nl_langinfo(CODESET);
		known = set != NULL && (strcasecmp(set, "UTF-8") == 0 || strcasecmp(set, "UTF8") == 0);
	}
	return known;
}
