/*
 * icmp.c - ICMP as the ping socket and the error queue show it.
 *
 * Hides the ICMP header's layout (type, code, checksum, identifier,
 * sequence, the last two in network order), the names of the types and
 * codes a course meets for ICMP and ICMPv6, the echo request that
 * "sendto -e SEQ" builds, and the line that names the sysctl when the
 * system refuses a ping socket.
 */
#include <config.h>

#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "icmp.h"
#include "output.h"
#include "shell.h"

/* The ICMP (family AF_INET) or ICMPv6 name of type, or NULL. */
const char *icmp_type_name(int family, int type)
{
	if (family == AF_INET6) {
		switch (type) {
		case 1: return "destination unreachable";
		case 2: return "packet too big";
		case 3: return "time exceeded";
		case 4: return "parameter problem";
		case 128: return "echo request";
		case 129: return "echo reply";
		}
		return NULL;
	}
	switch (type) {
	case 0: return "echo reply";
	case 3: return "destination unreachable";
	case 5: return "redirect";
	case 8: return "echo request";
	case 11: return "time exceeded";
	case 12: return "parameter problem";
	}
	return NULL;
}

/* The name of code for a destination unreachable of family, or NULL. */
const char *icmp_code_name(int family, int type, int code)
{
	static const char *const v4[] = {
		"net unreachable", "host unreachable", "protocol unreachable",
		"port unreachable", "fragmentation needed",
	};
	static const char *const v6[] = {
		"no route", "administratively prohibited", "beyond scope",
		"address unreachable", "port unreachable",
	};

	if (family == AF_INET6 && type == 1 && code >= 0 && code < 5)
		return v6[code];
	if (family != AF_INET6 && type == 3 && code >= 0 && code < 5)
		return v4[code];
	return NULL;
}

/* Append "N (name)", or N alone when the name is unknown. */
static void add_named(struct shell *sh, int n, const char *name)
{
	if (name != NULL)
		trace_add(sh, "%d (%s)", n, name);
	else
		trace_add(sh, "%d", n);
}

int icmp_is_ping(const struct handle *h)
{
	return h->type == SOCK_DGRAM &&
	       ((h->family == AF_INET && h->protocol == IPPROTO_ICMP) ||
		(h->family == AF_INET6 && h->protocol == IPPROTO_ICMPV6));
}

void icmp_trace(struct shell *sh, const struct handle *h, const void *p, size_t n)
{
	const unsigned char *b = p;

	if (!icmp_is_ping(h) || n < ICMP_ECHO_LEN)
		return;
	trace_adds(sh, " {type=");
	add_named(sh, b[0], icmp_type_name(h->family, b[0]));
	trace_adds(sh, ", code=");
	add_named(sh, b[1], icmp_code_name(h->family, b[0], b[1]));
	trace_add(sh, ", id=%u, seq=%u}", (unsigned)(b[4] << 8 | b[5]),
		  (unsigned)(b[6] << 8 | b[7]));
}

void icmp_echo_request(int family, unsigned seq, unsigned char out[ICMP_ECHO_LEN])
{
	memset(out, 0, ICMP_ECHO_LEN);
	out[0] = family == AF_INET6 ? 128 : 8;
	out[6] = (unsigned char)(seq >> 8);
	out[7] = (unsigned char)seq;
}

void icmp_socket_hint(struct shell *sh, int type, int proto, int err)
{
	if (type != SOCK_DGRAM || (proto != IPPROTO_ICMP && proto != IPPROTO_ICMPV6))
		return;
	if (err != EACCES && err != EPERM)
		return;
	out_line(sh, "(ping sockets need your group in net.ipv4.ping_group_range: "
		     "sysctl -w net.ipv4.ping_group_range=\"0 2147483647\")");
}
