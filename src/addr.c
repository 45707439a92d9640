/*
 * addr.c - parse and print socket addresses.
 *
 * Hides sockaddr_in, sockaddr_in6 and sockaddr_un behind "HOST PORT" in
 * and "a.b.c.d:port" / "[v6]:port" / "path" out.
 */
#include <config.h>

#include <arpa/inet.h>
#include <ctype.h>
#include <stddef.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/un.h>

#include "addr.h"
#include "i18n.h"

/* Is name[0..n) a plain word (printable, no space, quote or backslash),
 * which abstract:NAME may show bare? */
static int plain_name(const char *name, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isgraph((unsigned char)name[i]) || name[i] == '"' || name[i] == '\\' ||
		    name[i] == '\'')
			return 0;
	return n > 0;
}

/* Append Linux's abstract unix name (the bytes after the leading NUL) as
 * it is written: abstract:NAME, or abstract:"N\x01" when it needs quotes. */
static void add_abstract(struct strbuf *sb, const char *name, size_t n)
{
	sb_adds(sb, ADDR_ABSTRACT);
	if (plain_name(name, n))
		sb_add(sb, name, n);
	else
		sb_add_quoted(sb, name, n);
}

void addr_format(struct strbuf *sb, const struct sockaddr *sa, socklen_t len)
{
	char host[NI_MAXHOST];

	if (len == 0 || sa == NULL) {
		sb_adds(sb, "(none)");
		return;
	}
	switch (sa->sa_family) {
	case AF_INET: {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
		sb_printf(sb, "%s:%u", host, ntohs(in->sin_port));
		break;
	}
	case AF_INET6: {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
		inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
		if (in6->sin6_scope_id != 0)
			sb_printf(sb, "[%s%%%u]:%u", host, (unsigned)in6->sin6_scope_id,
				  ntohs(in6->sin6_port));
		else
			sb_printf(sb, "[%s]:%u", host, ntohs(in6->sin6_port));
		break;
	}
	case AF_UNIX: {
		const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
		size_t off = offsetof(struct sockaddr_un, sun_path);
		if (len <= off) {
			sb_adds(sb, "(unnamed)");
			break;
		}
		size_t n = len - off;
		if (un->sun_path[0] == '\0') {
			add_abstract(sb, un->sun_path + 1, n - 1);
			break;
		}
		n = strnlen(un->sun_path, n);
		sb_add_quoted(sb, un->sun_path, n);
		break;
	}
	case AF_UNSPEC:
		sb_adds(sb, "(unspecified)");
		break;
	default:
		sb_printf(sb, "(family %d)", sa->sa_family);
	}
}

void addr_text(struct strbuf *sb, const struct sockaddr *sa, socklen_t len)
{
	const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
	size_t off = offsetof(struct sockaddr_un, sun_path);

	if (sa != NULL && sa->sa_family == AF_UNIX && len > off && un->sun_path[0] != '\0') {
		sb_add(sb, un->sun_path, strnlen(un->sun_path, len - off));
		return;
	}
	addr_format(sb, sa, len);
}

int addr_port(const char *s, int socktype, unsigned *port, char *msg, size_t msglen)
{
	if (s[0] == '\0') {
		snprintf(msg, msglen, _("empty port"));
		return -1;
	}
	if (isdigit((unsigned char)s[0]) || s[0] == '-' || s[0] == '+') {
		char *end;
		errno = 0;
		unsigned long v = strtoul(s, &end, 10);
		if (!isdigit((unsigned char)s[0]) || *end != '\0' || errno != 0 || v > 65535) {
			snprintf(msg, msglen, _("bad port '%.40s': a port is a number from 0 to 65535 or a service name"), s);
			return -1;
		}
		*port = (unsigned)v;
		return 0;
	}
	struct servent *se = getservbyname(s, socktype == SOCK_DGRAM ? "udp" : "tcp");
	if (se == NULL) {
		snprintf(msg, msglen, _("unknown service '%.40s' (not in the services database)"), s);
		return -1;
	}
	*port = ntohs((unsigned short)se->s_port);
	return 0;
}

static void list_add(struct addr_list *l, const void *sa, socklen_t len)
{
	l->v = xrealloc(l->v, (size_t)(l->n + 1) * sizeof *l->v);
	memset(&l->v[l->n].ss, 0, sizeof l->v[l->n].ss);
	memcpy(&l->v[l->n].ss, sa, len);
	l->v[l->n].len = len;
	l->n++;
}

static void set_port(struct addr *a, unsigned port)
{
	if (a->ss.ss_family == AF_INET)
		((struct sockaddr_in *)&a->ss)->sin_port = htons((unsigned short)port);
	else if (a->ss.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&a->ss)->sin6_port = htons((unsigned short)port);
}

/*
 * "abstract:NAME": Linux's abstract namespace, the name after a NUL byte
 * in sun_path, with the length covering exactly its bytes.  Returns 1
 * with it added to out, 0 when path is not of that form, -1 (reason in
 * msg) when it is but cannot be one here.
 */
static int abstract_name(const char *path, struct addr_list *out, char *msg, size_t msglen)
{
	size_t k = strlen(ADDR_ABSTRACT);

	if (strncmp(path, ADDR_ABSTRACT, k) != 0)
		return 0;
#ifdef __linux__
	struct sockaddr_un un;
	size_t n = strlen(path + k);

	memset(&un, 0, sizeof un);
	un.sun_family = AF_UNIX;
	if (n == 0 || n >= sizeof un.sun_path) {
		snprintf(msg, msglen, _("an abstract unix name must be 1 to %zu bytes long"),
			 sizeof un.sun_path - 1);
		return -1;
	}
	memcpy(un.sun_path + 1, path + k, n);
	list_add(out, &un, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n));
	return 1;
#else
	(void)out;
	snprintf(msg, msglen, _("abstract unix names are Linux's: this system has none"));
	return -1;
#endif
}

static int unix_path(const char *path, struct addr_list *out, char *msg, size_t msglen)
{
	struct sockaddr_un un;
	size_t n = strlen(path);

	int abs = abstract_name(path, out, msg, msglen);
	if (abs != 0)
		return abs < 0 ? -1 : 0;
	memset(&un, 0, sizeof un);
	un.sun_family = AF_UNIX;
	if (n == 0 || n >= sizeof un.sun_path) {
		snprintf(msg, msglen, _("a unix socket path must be 1 to %zu bytes long"),
			 sizeof un.sun_path - 1);
		return -1;
	}
	memcpy(un.sun_path, path, n);
	list_add(out, &un, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1));
	return 0;
}

int addr_numeric(const char *host, struct addr *out)
{
	char buf[NI_MAXHOST];
	size_t n = strlen(host);
	struct addrinfo hints, *res;

	if (n >= 2 && host[0] == '[' && host[n - 1] == ']' && n - 2 < sizeof buf) {
		memcpy(buf, host + 1, n - 2);
		buf[n - 2] = '\0';
	} else if (n < sizeof buf) {
		memcpy(buf, host, n + 1);
	} else {
		return 0;
	}
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_flags = AI_NUMERICHOST;
	if (getaddrinfo(buf, NULL, &hints, &res) != 0)
		return 0;
	memset(&out->ss, 0, sizeof out->ss);
	memcpy(&out->ss, res->ai_addr, res->ai_addrlen);
	out->len = res->ai_addrlen;
	freeaddrinfo(res);
	return 1;
}

/* A literal address: "*" or what addr_numeric takes.
 * Returns 1 when host was one, 0 when it is a name to resolve. */
static int literal(const char *host, int family, unsigned port, struct addr_list *out)
{

	if (strcmp(host, "*") == 0) {
		if (family == AF_INET6) {
			struct sockaddr_in6 in6;
			memset(&in6, 0, sizeof in6);
			in6.sin6_family = AF_INET6;
			in6.sin6_addr = in6addr_any;
			list_add(out, &in6, sizeof in6);
		} else {
			struct sockaddr_in in;
			memset(&in, 0, sizeof in);
			in.sin_family = AF_INET;
			in.sin_addr.s_addr = htonl(INADDR_ANY);
			list_add(out, &in, sizeof in);
		}
		set_port(&out->v[out->n - 1], port);
		return 1;
	}
	struct addr a;
	if (!addr_numeric(host, &a))
		return 0;
	list_add(out, &a.ss, a.len);
	set_port(&out->v[out->n - 1], port);
	return 1;
}

int addr_lookup(const char *host, const char *port, int family, int socktype,
		struct addr_list *out, int *gai, char *msg, size_t msglen)
{
	unsigned portnum = 0;

	out->v = NULL;
	out->n = 0;
	*gai = 0;
	if (family == AF_UNIX) {
		if (port != NULL) {
			snprintf(msg, msglen, _("a unix-domain address is a path alone, with no port"));
			return -1;
		}
		return unix_path(host, out, msg, msglen);
	}
	if (port == NULL) {
		snprintf(msg, msglen, _("a port must follow the host '%.60s'"), host);
		return -1;
	}
	if (addr_port(port, socktype, &portnum, msg, msglen) < 0)
		return -1;
	if (host[0] == '\0') {
		snprintf(msg, msglen, _("empty host"));
		return -1;
	}
	if (literal(host, family, portnum, out))
		return 0;

	struct addrinfo hints, *res;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = family;
	hints.ai_socktype = socktype > 0 ? socktype : SOCK_STREAM;
	int rc = getaddrinfo(host, NULL, &hints, &res);
	if (rc != 0) {
		*gai = rc;
		snprintf(msg, msglen, "%s", gai_strerror(rc));
		return -2;
	}
	for (struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
		list_add(out, ai->ai_addr, ai->ai_addrlen);
		set_port(&out->v[out->n - 1], portnum);
	}
	freeaddrinfo(res);
	return 0;
}

void addr_list_free(struct addr_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Is a, an IPv6 ::ffff:a.b.c.d address, the IPv4 endpoint b?  That is how
 * a dual-stack socket sees its IPv4 peer. */
static int mapped_equal(const struct sockaddr *a, const struct sockaddr *b)
{
	const struct sockaddr_in6 *x = (const void *)a;
	const struct sockaddr_in *y = (const void *)b;

	if (a->sa_family != AF_INET6 || b->sa_family != AF_INET)
		return 0;
	return IN6_IS_ADDR_V4MAPPED(&x->sin6_addr) && x->sin6_port == y->sin_port &&
	       memcmp(&x->sin6_addr.s6_addr[12], &y->sin_addr, 4) == 0;
}

int addr_equal(const struct sockaddr *a, socklen_t alen,
	       const struct sockaddr *b, socklen_t blen)
{
	if (alen == 0 || blen == 0)
		return 0;
	if (a->sa_family != b->sa_family)
		return mapped_equal(a, b) || mapped_equal(b, a);
	if (a->sa_family == AF_INET) {
		const struct sockaddr_in *x = (const void *)a, *y = (const void *)b;
		return x->sin_port == y->sin_port && x->sin_addr.s_addr == y->sin_addr.s_addr;
	}
	if (a->sa_family == AF_INET6) {
		const struct sockaddr_in6 *x = (const void *)a, *y = (const void *)b;
		return x->sin6_port == y->sin6_port &&
		       memcmp(&x->sin6_addr, &y->sin6_addr, sizeof x->sin6_addr) == 0;
	}
	return alen == blen && memcmp(a, b, alen) == 0;
}
