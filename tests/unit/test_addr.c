/*
 * test_addr.c - unit tests of the address module: ports (numbers and
 * service names), literal addresses on inet and inet6 ("127.0.0.1",
 * "::1", "[::1]", "*"), unix paths, the errors, the printed forms and
 * address equality.  No name here leaves the machine: only literals,
 * the services file and "localhost".
 */
#include <config.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "addr.h"
#include "strbuf.h"
#include "../tap/basic.h"

/* ---- addr_port ---- */

static void port_good(const char *s, int type, unsigned want)
{
	char msg[200], d[120];
	unsigned port = 99999;

	snprintf(d, sizeof d, "port '%s' is %u", s, want);
	int rc = addr_port(s, type, &port, msg, sizeof msg);
	if (rc != 0)
		diag("message: %s", msg);
	ok(rc == 0 && port == want, "%s", d);
}

static void port_bad(const char *s)
{
	char msg[200], d[120];
	unsigned port = 4242;

	msg[0] = '\0';
	snprintf(d, sizeof d, "port '%s' is refused", s);
	int rc = addr_port(s, SOCK_STREAM, &port, msg, sizeof msg);
	is_int(rc, -1, "%s", d);
	snprintf(d, sizeof d, "port '%s': a message and the port untouched", s);
	ok(msg[0] != '\0' && port == 4242, "%s", d);
}

static void test_port(void)
{
	port_good("80", SOCK_STREAM, 80);
	port_good("0", SOCK_STREAM, 0);
	port_good("1", SOCK_DGRAM, 1);
	port_good("65535", SOCK_STREAM, 65535);
	port_good("00080", SOCK_STREAM, 80);
	port_bad("65536");
	port_bad("70000");
	port_bad("99999999999999999999999");
	port_bad("-1");
	port_bad("+80");
	port_bad("80abc");
	port_bad("0x10");
	port_bad("8 0");
	port_bad("");
	port_bad("no-such-service-here");

	/* Service names come from the services database. */
	struct servent *http = getservbyname("http", "tcp");
	if (http != NULL)
		port_good("http", SOCK_STREAM, 80);
	else
		skip("service http is 80: no 'http' in the services database");
	struct servent *domain = getservbyname("domain", "udp");
	if (domain != NULL) {
		port_good("domain", SOCK_DGRAM, 53);
		port_good("domain", SOCK_STREAM, 53);
	} else {
		skip("service domain is 53/udp: no 'domain' in the services database");
		skip("service domain is 53/tcp: no 'domain' in the services database");
	}
}

/* ---- addr_lookup ---- */

/* Look host port up on family; expect one address, printed as want. */
static void lookup_one(const char *host, const char *port, int family, int type,
		       const char *want)
{
	struct addr_list l;
	struct strbuf sb = STRBUF_INIT;
	char msg[200], d[160];
	int gai = 12345;

	snprintf(d, sizeof d, "lookup %s %s (%s): one address", host, port ? port : "(no port)",
		 family == AF_INET ? "inet" : family == AF_INET6 ? "inet6" : "unix");
	int rc = addr_lookup(host, port, family, type, &l, &gai, msg, sizeof msg);
	if (rc != 0)
		diag("rc %d, message: %s", rc, msg);
	if (!ok(rc == 0 && l.n == 1, "%s", d)) {
		if (rc == 0)
			addr_list_free(&l);
		return;
	}
	is_int(gai, 0, "lookup of a literal: no getaddrinfo error");
	snprintf(d, sizeof d, "lookup %s %s: family", host, port ? port : "");
	is_int(l.v[0].ss.ss_family, family, "%s", d);
	addr_format(&sb, (struct sockaddr *)&l.v[0].ss, l.v[0].len);
	snprintf(d, sizeof d, "lookup %s %s: printed as %s", host, port ? port : "", want);
	is_string(sb.buf, want, "%s", d);
	sb_free(&sb);
	addr_list_free(&l);
	ok(l.v == NULL && l.n == 0, "addr_list_free empties the list");
}

static void lookup_bad(const char *host, const char *port, int family, const char *needle,
		       const char *desc)
{
	struct addr_list l;
	char msg[200], d[160];
	int gai;

	msg[0] = '\0';
	int rc = addr_lookup(host, port, family, SOCK_STREAM, &l, &gai, msg, sizeof msg);
	snprintf(d, sizeof d, "%s: refused", desc);
	is_int(rc, -1, "%s", d);
	snprintf(d, sizeof d, "%s: the message says '%s'", desc, needle);
	ok(strstr(msg, needle) != NULL, "%s", d);
	if (strstr(msg, needle) == NULL)
		diag("message: %s", msg);
	if (rc == 0)
		addr_list_free(&l);
}

static void test_lookup_inet(void)
{
	struct addr_list l;
	char msg[200];
	int gai;

	lookup_one("127.0.0.1", "80", AF_INET, SOCK_STREAM, "127.0.0.1:80");
	lookup_one("127.0.0.1", "0", AF_INET, SOCK_DGRAM, "127.0.0.1:0");
	lookup_one("10.1.2.3", "65535", AF_INET, SOCK_STREAM, "10.1.2.3:65535");
	lookup_one("*", "10000", AF_INET, SOCK_STREAM, "0.0.0.0:10000");
	lookup_one("::1", "80", AF_INET6, SOCK_STREAM, "[::1]:80");
	lookup_one("[::1]", "80", AF_INET6, SOCK_STREAM, "[::1]:80");
	lookup_one("*", "10000", AF_INET6, SOCK_STREAM, "[::]:10000");
	lookup_one("[2001:db8::5]", "443", AF_INET6, SOCK_STREAM, "[2001:db8::5]:443");
	if (getservbyname("http", "tcp") != NULL)
		lookup_one("127.0.0.1", "http", AF_INET, SOCK_STREAM, "127.0.0.1:80");
	else
		skip("lookup 127.0.0.1 http: no 'http' in the services database");

	/* The address is a real sockaddr_in, length included. */
	if (addr_lookup("127.0.0.1", "8080", AF_INET, SOCK_STREAM, &l, &gai, msg, sizeof msg) == 0 &&
	    l.n == 1) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)&l.v[0].ss;
		is_int(l.v[0].len, (long long)sizeof(struct sockaddr_in), "inet: the length of a sockaddr_in");
		is_int(ntohs(in->sin_port), 8080, "inet: the port in network order");
		ok(in->sin_addr.s_addr == htonl(INADDR_LOOPBACK), "inet: the loopback address");
		addr_list_free(&l);
	} else {
		ok(0, "inet: 127.0.0.1 8080 looked up");
	}
	if (addr_lookup("[::1]", "8080", AF_INET6, SOCK_STREAM, &l, &gai, msg, sizeof msg) == 0 &&
	    l.n == 1) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&l.v[0].ss;
		is_int(l.v[0].len, (long long)sizeof(struct sockaddr_in6),
		       "inet6: the length of a sockaddr_in6");
		is_int(ntohs(in6->sin6_port), 8080, "inet6: the port in network order");
		ok(memcmp(&in6->sin6_addr, &in6addr_loopback, sizeof in6addr_loopback) == 0,
		   "inet6: the loopback address");
		addr_list_free(&l);
	} else {
		ok(0, "inet6: [::1] 8080 looked up");
	}

	/* localhost comes from the hosts file: no lookup leaves the machine. */
	int rc = addr_lookup("localhost", "7", AF_INET, SOCK_STREAM, &l, &gai, msg, sizeof msg);
	if (rc == 0 && l.n > 0) {
		int all = 1;
		for (int i = 0; i < l.n; i++) {
			const struct sockaddr_in *in = (const struct sockaddr_in *)&l.v[i].ss;
			if (in->sin_family != AF_INET || ntohs(in->sin_port) != 7 ||
			    (ntohl(in->sin_addr.s_addr) >> 24) != 127)
				all = 0;
		}
		ok(all, "localhost on inet: loopback IPv4 addresses, each with the port");
		addr_list_free(&l);
	} else {
		skip("localhost on inet: localhost does not resolve here");
	}

	lookup_bad("127.0.0.1", NULL, AF_INET, "port", "inet without a port");
	lookup_bad("::1", NULL, AF_INET6, "port", "inet6 without a port");
	lookup_bad("127.0.0.1", "65536", AF_INET, "port", "inet with port 65536");
	lookup_bad("127.0.0.1", "80abc", AF_INET, "port", "inet with port 80abc");
	lookup_bad("", "80", AF_INET, "host", "an empty host");
}

static void test_lookup_unix(void)
{
	struct addr_list l;
	char msg[200], path[200];
	int gai;
	size_t max = sizeof ((struct sockaddr_un *)0)->sun_path;

	lookup_one("/tmp/sockshell.sock", NULL, AF_UNIX, SOCK_STREAM, "\"/tmp/sockshell.sock\"");
	lookup_one("rel/path", NULL, AF_UNIX, SOCK_DGRAM, "\"rel/path\"");
	if (addr_lookup("/tmp/s", NULL, AF_UNIX, SOCK_STREAM, &l, &gai, msg, sizeof msg) == 0 &&
	    l.n == 1) {
		const struct sockaddr_un *un = (const struct sockaddr_un *)&l.v[0].ss;
		is_string(un->sun_path, "/tmp/s", "unix: the path in sun_path");
		is_int(l.v[0].len, (long long)(offsetof(struct sockaddr_un, sun_path) + 7),
		       "unix: the length covers the path and its NUL");
		addr_list_free(&l);
	} else {
		ok(0, "unix: /tmp/s looked up");
	}

	/* The longest path that fits, and one byte more. */
	memset(path, 'p', sizeof path);
	path[0] = '/';
	path[max - 1] = '\0';
	int rc = addr_lookup(path, NULL, AF_UNIX, SOCK_STREAM, &l, &gai, msg, sizeof msg);
	ok(rc == 0 && l.n == 1, "unix: a path of sizeof sun_path - 1 bytes fits");
	if (rc == 0)
		addr_list_free(&l);
	path[max - 1] = 'p';
	path[max] = '\0';
	lookup_bad(path, NULL, AF_UNIX, "path", "unix: a path of sizeof sun_path bytes");
	path[150] = '\0';
	lookup_bad(path, NULL, AF_UNIX, "path", "unix: a 150-byte path");
	lookup_bad("", NULL, AF_UNIX, "path", "unix: an empty path");
	lookup_bad("/tmp/s", "80", AF_UNIX, "port", "unix: a path with a port");
#ifdef __linux__
	/* abstract:NAME: a NUL, then the name, the length covering just it. */
	lookup_one("abstract:demo", NULL, AF_UNIX, SOCK_STREAM, "abstract:demo");
	if (addr_lookup("abstract:ab", NULL, AF_UNIX, SOCK_STREAM, &l, &gai, msg, sizeof msg) == 0) {
		const struct sockaddr_un *un = (const struct sockaddr_un *)&l.v[0].ss;
		ok(un->sun_path[0] == '\0' && memcmp(un->sun_path + 1, "ab", 2) == 0,
		   "abstract: a NUL, then the name");
		is_int(l.v[0].len, (long long)(offsetof(struct sockaddr_un, sun_path) + 3),
		       "abstract: the length covers the NUL and the name, no NUL after");
		addr_list_free(&l);
	} else {
		ok(0, "abstract:ab looked up");
	}
	lookup_bad("abstract:", NULL, AF_UNIX, "abstract", "unix: abstract: with no name");
#endif
}

/* ---- addr_format ---- */

static void format_is(const void *sa, socklen_t len, const char *want, const char *desc)
{
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, "<");
	addr_format(&sb, sa, len);
	sb_adds(&sb, ">");
	char w[300];
	snprintf(w, sizeof w, "<%s>", want);
	is_string(sb.buf, w, "%s", desc);
	sb_free(&sb);
}

static void test_format(void)
{
	struct sockaddr_in in;
	struct sockaddr_in6 in6;
	struct sockaddr_un un;

	memset(&in, 0, sizeof in);
	in.sin_family = AF_INET;
	in.sin_port = htons(10000);
	inet_pton(AF_INET, "192.0.2.33", &in.sin_addr);
	format_is(&in, sizeof in, "192.0.2.33:10000", "format: IPv4 a.b.c.d:port");
	in.sin_port = 0;
	in.sin_addr.s_addr = htonl(INADDR_ANY);
	format_is(&in, sizeof in, "0.0.0.0:0", "format: IPv4 wildcard, port 0");

	memset(&in6, 0, sizeof in6);
	in6.sin6_family = AF_INET6;
	in6.sin6_port = htons(443);
	inet_pton(AF_INET6, "2001:db8::1", &in6.sin6_addr);
	format_is(&in6, sizeof in6, "[2001:db8::1]:443", "format: IPv6 [addr]:port");
	in6.sin6_addr = in6addr_loopback;
	in6.sin6_port = htons(65535);
	format_is(&in6, sizeof in6, "[::1]:65535", "format: IPv6 loopback");
	inet_pton(AF_INET6, "::ffff:127.0.0.1", &in6.sin6_addr);
	in6.sin6_port = htons(80);
	format_is(&in6, sizeof in6, "[::ffff:127.0.0.1]:80", "format: IPv4-mapped IPv6");
	inet_pton(AF_INET6, "fe80::1", &in6.sin6_addr);
	in6.sin6_scope_id = 2;
	format_is(&in6, sizeof in6, "[fe80::1%2]:80", "format: IPv6 link-local with its scope");

	memset(&un, 0, sizeof un);
	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "/tmp/echo.sock");
	format_is(&un, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 15),
		  "\"/tmp/echo.sock\"", "format: unix path, quoted");
	format_is(&un, (socklen_t)sizeof un, "\"/tmp/echo.sock\"",
		  "format: unix path, full-size length");
	format_is(&un, (socklen_t)offsetof(struct sockaddr_un, sun_path), "(unnamed)",
		  "format: an unnamed unix socket");
	memset(un.sun_path, 0, sizeof un.sun_path);
	memcpy(un.sun_path, "\0abs", 4);
	format_is(&un, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 4), "abstract:abs",
		  "format: an abstract unix name");
	memcpy(un.sun_path, "\0a b", 4);
	format_is(&un, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 4),
		  "abstract:\"a b\"", "format: an abstract name with a space, quoted");
	format_is(&in, 0, "(none)", "format: length 0");
}

/* ---- addr_equal ---- */

static void test_equal(void)
{
	struct sockaddr_in a, b;
	struct sockaddr_in6 c, d;
	struct sockaddr_un u, v;

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_port = htons(80);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	b = a;
	memset(b.sin_zero, 0x55, sizeof b.sin_zero);
	ok(addr_equal((void *)&a, sizeof a, (void *)&b, sizeof b),
	   "equal: same IPv4 address and port (padding ignored)");
	b.sin_port = htons(81);
	ok(!addr_equal((void *)&a, sizeof a, (void *)&b, sizeof b), "equal: another port");
	b.sin_port = a.sin_port;
	b.sin_addr.s_addr = htonl(0x7f000002);
	ok(!addr_equal((void *)&a, sizeof a, (void *)&b, sizeof b), "equal: another address");
	ok(!addr_equal((void *)&a, 0, (void *)&a, sizeof a), "equal: an empty address is no match");

	memset(&c, 0, sizeof c);
	c.sin6_family = AF_INET6;
	c.sin6_port = htons(80);
	c.sin6_addr = in6addr_loopback;
	d = c;
	d.sin6_flowinfo = htonl(7);
	ok(addr_equal((void *)&c, sizeof c, (void *)&d, sizeof d), "equal: same IPv6 address and port");
	d.sin6_port = htons(8080);
	ok(!addr_equal((void *)&c, sizeof c, (void *)&d, sizeof d), "equal: IPv6, another port");
	d.sin6_port = c.sin6_port;
	d.sin6_addr = in6addr_any;
	ok(!addr_equal((void *)&c, sizeof c, (void *)&d, sizeof d), "equal: IPv6, another address");
	ok(!addr_equal((void *)&a, sizeof a, (void *)&c, sizeof c), "equal: IPv4 is not IPv6");

	memset(&u, 0, sizeof u);
	u.sun_family = AF_UNIX;
	strcpy(u.sun_path, "/tmp/x");
	v = u;
	socklen_t ul = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 7);
	ok(addr_equal((void *)&u, ul, (void *)&v, ul), "equal: same unix path");
	strcpy(v.sun_path, "/tmp/y");
	ok(!addr_equal((void *)&u, ul, (void *)&v, ul), "equal: another unix path");
}

int main(void)
{
	plan_lazy();
	test_port();
	test_lookup_inet();
	test_lookup_unix();
	test_format();
	test_equal();
	return test_finish();
}
