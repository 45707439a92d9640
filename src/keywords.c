/*
 * keywords.c - the keyword tables: families, types, protocols, flags,
 * shutdown directions, poll events, on/off, the settings of "set" and its
 * display modes, the words of "expect", and the socket options with their
 * level, name and kind of value.
 *
 * Every constant that may be missing on some system is guarded, so the
 * table shrinks there instead of breaking the build.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#ifdef HAVE_NETINET_TCP_H
#include <netinet/tcp.h>
#endif

#include "errname.h"
#include "i18n.h"
#include "keywords.h"
#include "shell.h"

const struct kw_entry kw_families[] = {
	{ "inet", "AF_INET", AF_INET },
	{ "inet6", "AF_INET6", AF_INET6 },
	{ "unix", "AF_UNIX", AF_UNIX },
	{ "local", "AF_UNIX", AF_UNIX },
	{ "unspec", "AF_UNSPEC", AF_UNSPEC },
	{ NULL, NULL, 0 }
};

const struct kw_entry kw_types[] = {
	{ "stream", "SOCK_STREAM", SOCK_STREAM },
	{ "dgram", "SOCK_DGRAM", SOCK_DGRAM },
	{ "seqpacket", "SOCK_SEQPACKET", SOCK_SEQPACKET },
	{ "raw", "SOCK_RAW", SOCK_RAW },
	{ NULL, NULL, 0 }
};

const struct kw_entry kw_protocols[] = {
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

const struct kw_entry kw_msgflags[] = {
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
#ifdef MSG_ERRQUEUE
	{ "errqueue", "MSG_ERRQUEUE", MSG_ERRQUEUE },
#endif
#ifdef MSG_CONFIRM
	{ "confirm", "MSG_CONFIRM", MSG_CONFIRM },
#endif
	{ NULL, NULL, 0 }
};

const struct kw_entry kw_shutdown[] = {
	{ "rd", "SHUT_RD", SHUT_RD },
	{ "wr", "SHUT_WR", SHUT_WR },
	{ "rdwr", "SHUT_RDWR", SHUT_RDWR },
	{ NULL, NULL, 0 }
};

/* In the order the trace shows them: POLLIN|POLLOUT|POLLHUP. */
const struct kw_entry kw_pollevents[] = {
	{ "in", "POLLIN", POLLIN },
	{ "pri", "POLLPRI", POLLPRI },
	{ "out", "POLLOUT", POLLOUT },
#ifdef POLLRDHUP
	{ "rdhup", "POLLRDHUP", POLLRDHUP },
#endif
	{ "err", "POLLERR", POLLERR },
	{ "hup", "POLLHUP", POLLHUP },
	{ "nval", "POLLNVAL", POLLNVAL },
	{ NULL, NULL, 0 }
};

/* on and off first: completion offers those two. */
const struct kw_entry kw_onoff[] = {
	{ "on", NULL, 1 },
	{ "off", NULL, 0 },
	{ "yes", NULL, 1 },
	{ "no", NULL, 0 },
	{ "1", NULL, 1 },
	{ "0", NULL, 0 },
	{ "true", NULL, 1 },
	{ "false", NULL, 0 },
	{ NULL, NULL, 0 }
};

const struct kw_entry kw_settings[] = {
	{ "display", NULL, KW_SET_DISPLAY },
	{ "timeout", NULL, KW_SET_TIMEOUT },
	{ "echo", NULL, KW_SET_ECHO },
	{ "errexit", NULL, KW_SET_ERREXIT },
	{ "capture", NULL, KW_SET_CAPTURE },
	{ NULL, NULL, 0 }
};

const struct kw_entry kw_display[] = {
	{ "text", NULL, DISPLAY_TEXT },
	{ "hex", NULL, DISPLAY_HEX },
	{ "both", NULL, DISPLAY_BOTH },
	{ "ascii", NULL, DISPLAY_ASCII },
	{ NULL, NULL, 0 }
};

/* The words of display's modes, meaning the same: hex adds a dump. */
const struct kw_entry kw_capture_modes[] = {
	{ "text", NULL, 0 },
	{ "hex", NULL, 1 },
	{ NULL, NULL, 0 }
};

const struct kw_entry kw_expect_words[] = {
	{ "eof", NULL, KW_EXPECT_EOF },
	{ "ok", NULL, KW_EXPECT_OK },
	{ "timeout", NULL, KW_EXPECT_TIMEOUT },
	{ "truncated", NULL, KW_EXPECT_TRUNCATED },
	{ "packet", NULL, KW_EXPECT_PACKET },
	{ "packets", NULL, KW_EXPECT_PACKETS },
	{ NULL, NULL, 0 }
};

const struct kw_entry kw_link[] = {
	{ "delay", NULL, KW_LINK_DELAY },
	{ "jitter", NULL, KW_LINK_JITTER },
	{ "loss", NULL, KW_LINK_LOSS },
	{ "duplicate", NULL, KW_LINK_DUPLICATE },
	{ "reorder", NULL, KW_LINK_REORDER },
	{ "rate", NULL, KW_LINK_RATE },
	{ "seed", NULL, KW_LINK_SEED },
	{ "none", NULL, KW_LINK_NONE },
	{ NULL, NULL, 0 }
};

const char *const kw_expect_comparisons[] = { "!=0", ">0", ">=0", "<0", "<=0", NULL };

/* s as a whole decimal number into *v: 0, or -1 when it is none. */
static int whole_number(const char *s, long long *v)
{
	char *end;

	if (isspace((unsigned char)s[0]))
		return -1;  /* strtoll would skip blanks */
	errno = 0;
	*v = strtoll(s, &end, 10);
	return end != s && *end == '\0' && errno == 0 ? 0 : -1;
}

/* The error names: E... an errno, EAI_... a getaddrinfo error. */
static enum kw_expect_class error_name(const char *s, struct kw_expect *e)
{
	if (strncmp(s, "EAI_", 4) == 0) {
		e->value = errname_gai_value(s);
		return e->cls = e->value != 0 ? KW_EXP_GAI : KW_EXP_BAD_GAI;
	}
	e->value = errname_value(s);
	return e->cls = e->value != 0 ? KW_EXP_ERRNO : KW_EXP_BAD_ERRNO;
}

enum kw_expect_class kw_expect_classify(const char *s, size_t len, struct kw_expect *e)
{
	memset(e, 0, sizeof *e);
	if (len == 0 || memchr(s, '\0', len) != NULL)
		return e->cls = KW_EXP_UNKNOWN;
	if (isdigit((unsigned char)s[0]) || (s[0] == '-' && isdigit((unsigned char)s[1])))
		return e->cls = whole_number(s, &e->num) == 0 ? KW_EXP_NUMBER : KW_EXP_BAD_NUMBER;
	if (s[0] == '<' || s[0] == '>' || (s[0] == '!' && s[1] == '=')) {
		e->op = s[0];
		e->eq = s[1] == '=';
		return e->cls = whole_number(s + 1 + e->eq, &e->num) == 0 ? KW_EXP_COMPARE :
			KW_EXP_BAD_COMPARE;
	}
	const struct kw_entry *w = kw_find(kw_expect_words, s);
	if (w != NULL) {
		e->value = w->value;
		return e->cls = KW_EXP_WORD;
	}
	if (s[0] == 'E')
		return error_name(s, e);
	return e->cls = KW_EXP_UNKNOWN;
}

/* ---- socket options ---- */

#define SO(n, o, k, ro) { n, "SOL_SOCKET", SOL_SOCKET, #o, o, k, ro }
#define IP(n, o, k) { n, "IPPROTO_IP", IPPROTO_IP, #o, o, k, 0 }
#define IP6(n, o, k) { n, "IPPROTO_IPV6", IPPROTO_IPV6, #o, o, k, 0 }
#define TCP(n, o, k) { n, "IPPROTO_TCP", IPPROTO_TCP, #o, o, k, 0 }
#define UDP(n, o, k) { n, "IPPROTO_UDP", IPPROTO_UDP, #o, o, k, 0 }

const struct kw_sockopt kw_sockopts[] = {
	SO("reuseaddr", SO_REUSEADDR, KW_OPT_BOOL, 0),
#ifdef SO_REUSEPORT
	SO("reuseport", SO_REUSEPORT, KW_OPT_BOOL, 0),
#endif
	SO("keepalive", SO_KEEPALIVE, KW_OPT_BOOL, 0),
	SO("broadcast", SO_BROADCAST, KW_OPT_BOOL, 0),
	SO("linger", SO_LINGER, KW_OPT_LINGER, 0),
	SO("rcvbuf", SO_RCVBUF, KW_OPT_INT, 0),
	SO("sndbuf", SO_SNDBUF, KW_OPT_INT, 0),
	SO("rcvlowat", SO_RCVLOWAT, KW_OPT_INT, 0),
	SO("sndlowat", SO_SNDLOWAT, KW_OPT_INT, 0),
	SO("rcvtimeo", SO_RCVTIMEO, KW_OPT_TIMEVAL, 0),
	SO("sndtimeo", SO_SNDTIMEO, KW_OPT_TIMEVAL, 0),
	SO("oobinline", SO_OOBINLINE, KW_OPT_BOOL, 0),
	SO("dontroute", SO_DONTROUTE, KW_OPT_BOOL, 0),
	SO("error", SO_ERROR, KW_OPT_ERRNO, 1),
	SO("type", SO_TYPE, KW_OPT_TYPE, 1),
#ifdef SO_ACCEPTCONN
	SO("acceptconn", SO_ACCEPTCONN, KW_OPT_BOOL, 1),
#endif
#ifdef SO_DOMAIN
	SO("domain", SO_DOMAIN, KW_OPT_FAMILY, 1),
#endif
#ifdef SO_PROTOCOL
	SO("protocol", SO_PROTOCOL, KW_OPT_INT, 1),
#endif
#ifdef SO_PRIORITY
	SO("priority", SO_PRIORITY, KW_OPT_INT, 0),
#endif
#ifdef SO_PASSCRED
	SO("passcred", SO_PASSCRED, KW_OPT_BOOL, 0),
#endif
#ifdef SO_BINDTODEVICE
	SO("bindtodevice", SO_BINDTODEVICE, KW_OPT_IFNAME, 0),
#endif
#ifdef SO_MARK
	SO("mark", SO_MARK, KW_OPT_INT, 0),
#endif
#ifdef IP_PKTINFO
	IP("pktinfo", IP_PKTINFO, KW_OPT_BOOL),
#endif
#ifdef IP_RECVERR
	IP("recverr", IP_RECVERR, KW_OPT_BOOL),
#endif
	IP("ttl", IP_TTL, KW_OPT_INT),
	IP("tos", IP_TOS, KW_OPT_HEX),
	IP("multicast_ttl", IP_MULTICAST_TTL, KW_OPT_INT),
	IP("multicast_loop", IP_MULTICAST_LOOP, KW_OPT_BOOL),
	IP("multicast_if", IP_MULTICAST_IF, KW_OPT_INADDR),
	IP6("v6only", IPV6_V6ONLY, KW_OPT_BOOL),
	IP6("unicast_hops", IPV6_UNICAST_HOPS, KW_OPT_INT),
	IP6("multicast_hops", IPV6_MULTICAST_HOPS, KW_OPT_INT),
#ifdef TCP_NODELAY
	TCP("nodelay", TCP_NODELAY, KW_OPT_BOOL),
#endif
#ifdef TCP_MAXSEG
	TCP("maxseg", TCP_MAXSEG, KW_OPT_INT),
#endif
#ifdef TCP_CORK
	TCP("cork", TCP_CORK, KW_OPT_BOOL),
#endif
#ifdef TCP_QUICKACK
	TCP("quickack", TCP_QUICKACK, KW_OPT_BOOL),
#endif
#ifdef TCP_KEEPIDLE
	TCP("keepidle", TCP_KEEPIDLE, KW_OPT_INT),
#endif
#ifdef TCP_KEEPINTVL
	TCP("keepintvl", TCP_KEEPINTVL, KW_OPT_INT),
#endif
#ifdef TCP_KEEPCNT
	TCP("keepcnt", TCP_KEEPCNT, KW_OPT_INT),
#endif
#ifdef TCP_USER_TIMEOUT
	TCP("user_timeout", TCP_USER_TIMEOUT, KW_OPT_MS),
#endif
#ifdef TCP_FASTOPEN
	TCP("fastopen", TCP_FASTOPEN, KW_OPT_INT),
#endif
};

const int kw_sockopt_count = (int)(sizeof kw_sockopts / sizeof kw_sockopts[0]);

/* The options whose one name means another option on an inet6 socket. */
static const struct kw_sockopt kw_sockopts_inet6[] = {
#ifdef IPV6_RECVERR
	IP6("recverr", IPV6_RECVERR, KW_OPT_BOOL),
#endif
#ifdef IPV6_RECVPKTINFO
	IP6("pktinfo", IPV6_RECVPKTINFO, KW_OPT_BOOL),
#endif
	IP6("multicast_loop", IPV6_MULTICAST_LOOP, KW_OPT_BOOL),
	IP6("multicast_if", IPV6_MULTICAST_IF, KW_OPT_IFINDEX),
	{ NULL, NULL, 0, NULL, 0, KW_OPT_INT, 0 }
};

const struct kw_sockopt *kw_sockopt_for_family(const struct kw_sockopt *o, int family)
{
	if (family != AF_INET6)
		return o;
	for (const struct kw_sockopt *v = kw_sockopts_inet6; v->name != NULL; v++)
		if (strcmp(v->name, o->name) == 0)
			return v;
	return o;
}

const struct kw_sockopt *kw_sockopt_find(const char *name, size_t len)
{
	if (memchr(name, '\0', len) != NULL)
		return NULL;
	for (int i = 0; i < kw_sockopt_count; i++)
		if (strcmp(kw_sockopts[i].name, name) == 0 ||
		    strcasecmp(kw_sockopts[i].optsym, name) == 0)
			return &kw_sockopts[i];
	for (const struct kw_sockopt *v = kw_sockopts_inet6; v->name != NULL; v++)
		if (strcasecmp(v->optsym, name) == 0)
			return v;
	return NULL;
}

/* The levels a generic setsockopt LEVEL NAME VALUE names. */
const struct kw_entry kw_levels[] = {
	{ "socket", "SOL_SOCKET", SOL_SOCKET },
	{ "ip", "IPPROTO_IP", IPPROTO_IP },
	{ "ipv6", "IPPROTO_IPV6", IPPROTO_IPV6 },
	{ "tcp", "IPPROTO_TCP", IPPROTO_TCP },
	{ "udp", "IPPROTO_UDP", IPPROTO_UDP },
	{ NULL, NULL, 0 }
};

int kw_c_int(const char *word, size_t len, int *out)
{
	char *end;

	if (len == 0 || memchr(word, '\0', len) != NULL ||
	    !(isdigit((unsigned char)word[0]) || word[0] == '-' || word[0] == '+'))
		return -1;
	errno = 0;
	long v = strtol(word, &end, 0);
	if (*end != '\0' || errno == ERANGE || v < INT_MIN || v > INT_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

int kw_sockopt_level(const char *word, size_t len, int *level)
{
	const struct kw_entry *e = kw_word(kw_levels, word, len);

	if (e != NULL) {
		*level = e->value;
		return 0;
	}
	return kw_c_int(word, len, level);
}

const char *kw_sockopt_levelsym(int level)
{
	return kw_sym(kw_levels, level);
}

const struct kw_sockopt *kw_sockopt_by_number(int level, int opt)
{
	for (int i = 0; i < kw_sockopt_count; i++)
		if (kw_sockopts[i].level == level && kw_sockopts[i].opt == opt)
			return &kw_sockopts[i];
	for (const struct kw_sockopt *v = kw_sockopts_inet6; v->name != NULL; v++)
		if (v->level == level && v->opt == opt)
			return v;
	return NULL;
}

/* ---- lookups ---- */

const struct kw_entry *kw_find(const struct kw_entry *tab, const char *word)
{
	for (const struct kw_entry *nv = tab; nv->name != NULL; nv++)
		if (strcmp(nv->name, word) == 0)
			return nv;
	for (const struct kw_entry *nv = tab; nv->name != NULL; nv++)
		if (nv->sym != NULL && strcasecmp(nv->sym, word) == 0)
			return nv;
	return NULL;
}

const struct kw_entry *kw_word(const struct kw_entry *tab, const char *word, size_t len)
{
	return memchr(word, '\0', len) != NULL ? NULL : kw_find(tab, word);
}

int kw_onoff_value(const char *s, size_t len)
{
	const struct kw_entry *e = kw_word(kw_onoff, s, len);
	return e != NULL ? e->value : -1;
}

const char *kw_name(const struct kw_entry *tab, int value)
{
	for (const struct kw_entry *nv = tab; nv->name != NULL; nv++)
		if (nv->value == value)
			return nv->name;
	return NULL;
}

const struct kw_entry *kw_table(enum arg_kind k)
{
	switch (k) {
	case A_FAMILY: return kw_families;
	case A_TYPE: return kw_types;
	case A_PROTO: return kw_protocols;
	case A_FLAG: return kw_msgflags;
	case A_HOW: return kw_shutdown;
	case A_ONOFF: return kw_onoff;
	case A_SETTING: return kw_settings;
	case A_EXPECT: return kw_expect_words;
	case A_LINK: return kw_link;
	default: return NULL;
	}
}

const char *kw_sym(const struct kw_entry *tab, int value)
{
	for (const struct kw_entry *nv = tab; nv->name != NULL; nv++)
		if (nv->value == value && nv->sym != NULL)
			return nv->sym;
	return NULL;
}

void kw_add_sym(struct strbuf *sb, const struct kw_entry *tab, int value)
{
	const char *s = kw_sym(tab, value);

	if (s != NULL)
		sb_adds(sb, s);
	else
		sb_printf(sb, "%d", value);
}

void kw_add_flags(struct strbuf *sb, const struct kw_entry *tab, int flags)
{
	int first = 1;

	if (flags == 0) {
		sb_addc(sb, '0');
		return;
	}
	for (const struct kw_entry *nv = tab; nv->name != NULL; nv++) {
		if (nv->value != 0 && (flags & nv->value) == nv->value) {
			if (!first)
				sb_addc(sb, '|');
			sb_adds(sb, nv->sym != NULL ? nv->sym : nv->name);
			flags &= ~nv->value;
			first = 0;
		}
	}
	if (flags != 0)
		sb_printf(sb, "%s%#x", first ? "" : "|", (unsigned)flags);
}

size_t kw_distance(const char *a, size_t n, const char *b, size_t m)
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

void kw_near_init(struct kw_near *nn, const char *word, size_t len)
{
	nn->word = word;
	nn->len = len;
	nn->best = NULL;
	nn->score = (size_t)-1;
}

void kw_near_try(struct kw_near *nn, const char *cand)
{
	size_t m = strlen(cand), n = nn->len;
	size_t d = kw_distance(nn->word, n, cand, m);

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

void kw_near_table(struct kw_near *nn, const struct kw_entry *tab)
{
	for (const struct kw_entry *nv = tab; nv->name != NULL; nv++)
		kw_near_try(nn, nv->name);
}

const char *kw_expect_write(void)
{
	return _("write a number, a \"string\", an errno name, a comparison "
		 "(<N >N <=N >=N !=N), eof, ok, timeout or truncated (or first: packet, packets)");
}

const char *kw_expect_choices(void)
{
	return _("a number, a \"string\", an errno name, a comparison "
		 "(<N >N <=N >=N !=N), eof, ok, timeout or truncated (or first: packet, packets)");
}
