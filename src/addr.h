/*
 * addr.h - socket addresses: written forms in, printed forms out.
 *
 * Hides sockaddr juggling.  Parsing never touches the resolver for a
 * literal ("127.0.0.1", "[::1]", "::1", "*", a unix path); names go through
 * getaddrinfo with the socket's family, so "localhost" on an inet6 socket
 * asks for IPv6 addresses only.
 */
#ifndef SOCKSHELL_ADDR_H
#define SOCKSHELL_ADDR_H

#include <sys/socket.h>

#include "strbuf.h"

struct addr {
	struct sockaddr_storage ss;
	socklen_t len;
};

struct addr_list {
	struct addr *v;
	int n;
};

/* How an abstract unix name (Linux) is written and shown: abstract:NAME. */
#define ADDR_ABSTRACT "abstract:"

/* Append sa as the trace shows it: 127.0.0.1:80, [::1]:80, "/tmp/s",
 * abstract:NAME. */
void addr_format(struct strbuf *sb, const struct sockaddr *sa, socklen_t len);

/* Append sa as a lesson would write it back: the trace's form, but a
 * unix path bare, without quotes ("connect ${result}" must work). */
void addr_text(struct strbuf *sb, const struct sockaddr *sa, socklen_t len);

/*
 * Parse a port: a number 0..65535 or a service name known to the services
 * database.  Returns 0 and sets *port, or -1 with the reason in msg.
 */
int addr_port(const char *s, int socktype, unsigned *port, char *msg, size_t msglen);

/*
 * Turn HOST PORT into addresses for a socket of family and socktype.
 * port may be NULL for a unix path.  Literal addresses and "*" are parsed
 * here; names are resolved.  Returns 0 and fills out (free it with
 * addr_list_free); -1 for bad input (reason in msg); -2 when getaddrinfo
 * failed, its code in *gai.
 */
int addr_lookup(const char *host, const char *port, int family, int socktype,
		struct addr_list *out, int *gai, char *msg, size_t msglen);

void addr_list_free(struct addr_list *l);

/* A numeric host, brackets optional ("1.2.3.4", "::1", "[::1]",
 * "fe80::1%lo"), parsed into *out with port 0 without asking any
 * resolver.  Returns 1 when host is one, 0 otherwise. */
int addr_numeric(const char *host, struct addr *out);

/* Are these the same address and port?  An IPv4-mapped IPv6 address
 * (::ffff:127.0.0.1) is the IPv4 address it holds. */
int addr_equal(const struct sockaddr *a, socklen_t alen,
	       const struct sockaddr *b, socklen_t blen);

#endif
