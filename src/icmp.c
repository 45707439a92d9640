/*
 * icmp.c - ICMP as the ping socket and the error queue show it.
 *
 * Hides the ICMP header's layout (type, code, checksum, identifier,
 * sequence, the last two in network order), the names of the types and
 * codes a course meets for ICMP and ICMPv6, the echo request that
 * "sendto -e SEQ" builds, and the line that names the sysctl when the
 * system refuses a ping socket; and, on Linux, the struct
 * sock_extended_err of IP_RECVERR that the error queue brings.
 */
#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#ifdef __linux__
#include <linux/errqueue.h>
#endif
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "errname.h"
#include "i18n.h"
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
	out_line(sh, _("(ping sockets need your group in net.ipv4.ping_group_range: "
		     "sysctl -w net.ipv4.ping_group_range=\"0 2147483647\")"));
}

#if defined(__linux__) && defined(IP_RECVERR) && defined(IPV6_RECVERR)
/* The name of a sock_extended_err's origin. */
static const char *origin_name(int origin)
{
	switch (origin) {
	case SO_EE_ORIGIN_NONE: return "SO_EE_ORIGIN_NONE";
	case SO_EE_ORIGIN_LOCAL: return "SO_EE_ORIGIN_LOCAL";
	case SO_EE_ORIGIN_ICMP: return "SO_EE_ORIGIN_ICMP";
	case SO_EE_ORIGIN_ICMP6: return "SO_EE_ORIGIN_ICMP6";
	}
	return NULL;
}

/* Append the offender's address (the node that sent the ICMP error), or
 * "none". */
static void add_offender(struct shell *sh, const struct sockaddr *sa)
{
	char a[INET6_ADDRSTRLEN];

	if (sa->sa_family == AF_INET)
		trace_adds(sh, inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, a,
					 sizeof a));
	else if (sa->sa_family == AF_INET6)
		trace_adds(sh, inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr,
					 a, sizeof a));
	else
		trace_adds(sh, "none");
}

int icmp_show_recverr(struct shell *sh, const struct cmsghdr *c)
{
	int v6 = c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_RECVERR;
	size_t len = (size_t)(c->cmsg_len - CMSG_LEN(0));
	union { struct sock_extended_err ee; char b[sizeof(struct sock_extended_err) +
						    sizeof(struct sockaddr_in6)]; } u;

	if (!v6 && !(c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_RECVERR))
		return 0;
	if (len < sizeof u.ee)
		return 0;
	memset(&u, 0, sizeof u);
	memcpy(&u, CMSG_DATA(c), len < sizeof u ? len : sizeof u);
	const struct sock_extended_err *ee = &u.ee;
	int icmp = ee->ee_origin == SO_EE_ORIGIN_ICMP || ee->ee_origin == SO_EE_ORIGIN_ICMP6;
	int family = ee->ee_origin == SO_EE_ORIGIN_ICMP6 ? AF_INET6 : AF_INET;
	const char *en = errname_name((int)ee->ee_errno), *on = origin_name(ee->ee_origin);
	trace_add(sh, "%s {ee_errno=%s, ee_origin=", v6 ? "IPV6_RECVERR" : "IP_RECVERR",
		  en != NULL ? en : "?");
	if (on != NULL)
		trace_adds(sh, on);
	else
		trace_add(sh, "%d", ee->ee_origin);
	trace_adds(sh, ", ee_type=");
	add_named(sh, ee->ee_type, icmp ? icmp_type_name(family, ee->ee_type) : NULL);
	trace_adds(sh, ", ee_code=");
	add_named(sh, ee->ee_code, icmp ? icmp_code_name(family, ee->ee_type, ee->ee_code) : NULL);
	trace_adds(sh, ", offender=");
	if (len >= sizeof u.ee + sizeof(sa_family_t))
		add_offender(sh, SO_EE_OFFENDER(ee));
	else
		trace_adds(sh, "none");
	trace_adds(sh, "}");
	return 1;
}
#else
int icmp_show_recverr(struct shell *sh, const struct cmsghdr *c)
{
	(void)sh;
	(void)c;
	return 0;
}
#endif
