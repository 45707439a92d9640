/*
 * names.c - the keyword tables for families, types, protocols, flags.
 *
 * Every constant that may be missing on some system is guarded, so the
 * table shrinks there instead of breaking the build.
 */
#include <config.h>

#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "names.h"

const struct name_value names_families[] = {
	{ "inet", "AF_INET", AF_INET },
	{ "inet6", "AF_INET6", AF_INET6 },
	{ "unix", "AF_UNIX", AF_UNIX },
	{ "local", "AF_UNIX", AF_UNIX },
	{ "unspec", "AF_UNSPEC", AF_UNSPEC },
	{ NULL, NULL, 0 }
};

const struct name_value names_types[] = {
	{ "stream", "SOCK_STREAM", SOCK_STREAM },
	{ "dgram", "SOCK_DGRAM", SOCK_DGRAM },
	{ "seqpacket", "SOCK_SEQPACKET", SOCK_SEQPACKET },
	{ "raw", "SOCK_RAW", SOCK_RAW },
	{ NULL, NULL, 0 }
};

const struct name_value names_protocols[] = {
	{ "ip", "0", 0 },
	{ "tcp", "IPPROTO_TCP", IPPROTO_TCP },
	{ "udp", "IPPROTO_UDP", IPPROTO_UDP },
	{ "icmp", "IPPROTO_ICMP", IPPROTO_ICMP },
#ifdef IPPROTO_ICMPV6
	{ "icmpv6", "IPPROTO_ICMPV6", IPPROTO_ICMPV6 },
#endif
#ifdef IPPROTO_SCTP
	{ "sctp", "IPPROTO_SCTP", IPPROTO_SCTP },
#endif
	{ "raw", "IPPROTO_RAW", IPPROTO_RAW },
	{ NULL, NULL, 0 }
};

const struct name_value names_msgflags[] = {
	{ "peek", "MSG_PEEK", MSG_PEEK },
	{ "waitall", "MSG_WAITALL", MSG_WAITALL },
	{ "dontwait", "MSG_DONTWAIT", MSG_DONTWAIT },
	{ "oob", "MSG_OOB", MSG_OOB },
	{ "trunc", "MSG_TRUNC", MSG_TRUNC },
	{ "dontroute", "MSG_DONTROUTE", MSG_DONTROUTE },
	{ "eor", "MSG_EOR", MSG_EOR },
#ifdef MSG_MORE
	{ "more", "MSG_MORE", MSG_MORE },
#endif
#ifdef MSG_NOSIGNAL
	{ "nosignal", "MSG_NOSIGNAL", MSG_NOSIGNAL },
#endif
#ifdef MSG_CONFIRM
	{ "confirm", "MSG_CONFIRM", MSG_CONFIRM },
#endif
	{ NULL, NULL, 0 }
};

const struct name_value names_shutdown[] = {
	{ "rd", "SHUT_RD", SHUT_RD },
	{ "wr", "SHUT_WR", SHUT_WR },
	{ "rdwr", "SHUT_RDWR", SHUT_RDWR },
	{ NULL, NULL, 0 }
};

const struct name_value *names_find(const struct name_value *tab, const char *word)
{
	for (const struct name_value *nv = tab; nv->name != NULL; nv++)
		if (strcmp(nv->name, word) == 0)
			return nv;
	for (const struct name_value *nv = tab; nv->name != NULL; nv++)
		if (strcasecmp(nv->sym, word) == 0)
			return nv;
	return NULL;
}

const char *names_sym(const struct name_value *tab, int value)
{
	for (const struct name_value *nv = tab; nv->name != NULL; nv++)
		if (nv->value == value)
			return nv->sym;
	return NULL;
}

void names_add_sym(struct strbuf *sb, const struct name_value *tab, int value)
{
	const char *s = names_sym(tab, value);

	if (s != NULL)
		sb_adds(sb, s);
	else
		sb_printf(sb, "%d", value);
}

void names_add_flags(struct strbuf *sb, const struct name_value *tab, int flags)
{
	int first = 1;

	if (flags == 0) {
		sb_addc(sb, '0');
		return;
	}
	for (const struct name_value *nv = tab; nv->name != NULL; nv++) {
		if (nv->value != 0 && (flags & nv->value) == nv->value) {
			if (!first)
				sb_addc(sb, '|');
			sb_adds(sb, nv->sym);
			flags &= ~nv->value;
			first = 0;
		}
	}
	if (flags != 0)
		sb_printf(sb, "%s%#x", first ? "" : "|", (unsigned)flags);
}

/* Edit distance (optimal string alignment), letters compared without
 * case; 99 for words too long to be typos of each other. */
static size_t distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t d[34][34];

	if (n > 32 || m > 32)
		return 99;
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			int x = tolower((unsigned char)a[i - 1]), y = tolower((unsigned char)b[j - 1]);
			size_t v = d[i - 1][j - 1] + (x != y);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && x == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == y && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[n][m];
}

void names_near_init(struct names_near *nn, const char *word, size_t len)
{
	nn->word = word;
	nn->len = len;
	nn->best = NULL;
	nn->score = (size_t)-1;
}

void names_near_try(struct names_near *nn, const char *cand)
{
	size_t m = strlen(cand), n = nn->len;
	size_t d = distance(nn->word, n, cand, m);

	/* At most two edits, fewer than the word has letters; or one word
	 * begins the other ("write" for "wr"), counted as two. */
	if (!(d <= 2 && d < n && d < m)) {
		size_t k = n < m ? n : m;
		if (k < 2 || strncasecmp(nn->word, cand, k) != 0)
			return;
		d = 2;
	}
	/* Ties go to the candidate of the same length ("inet5": "inet6"). */
	size_t score = d * 100 + (n > m ? n - m : m - n);
	if (score < nn->score) {
		nn->score = score;
		nn->best = cand;
	}
}
