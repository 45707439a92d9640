/*
 * cmd_mcast.c - join and leave a multicast group.
 *
 * Hides the two request structures: struct ip_mreq (the group and the
 * local address of the interface) on an inet socket, struct ipv6_mreq
 * (the group and the interface's index) on an inet6 socket.  The family
 * is the socket's; the trace shows the structure as C would write it.
 */
#include <config.h>

#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "addr.h"
#include "cmds.h"
#include "handle.h"
#include "i18n.h"
#include "output.h"
#include "shell.h"

/* The request of a join or a leave, either family. */
struct mreq {
	int level, opt;
	const char *levelsym, *optsym;
	union {
		struct ip_mreq v4;
		struct ipv6_mreq v6;
	} u;
	socklen_t len;
};

/*
 * Parse w as an address of family (no resolver) into *sa's family's
 * in_addr at dst.  Returns 0, or -1 after an error naming what.
 */
static int parse_in(struct shell *sh, const struct word *w, int family, void *dst,
		    const char *what)
{
	struct addr a;

	if (addr_numeric(w->s, &a) && a.ss.ss_family == family) {
		if (family == AF_INET)
			memcpy(dst, &((struct sockaddr_in *)&a.ss)->sin_addr, sizeof(struct in_addr));
		else
			memcpy(dst, &((struct sockaddr_in6 *)&a.ss)->sin6_addr, sizeof(struct in6_addr));
		return 0;
	}
	/* TRANSLATORS: "group" or "interface address", the word written,
	   IPv4 or IPv6, then what such a socket joins. */
	out_error(sh, w, _("%s '%.60s' is no %s address (%s)"), _(what), w->s,
		  family == AF_INET ? "IPv4" : "IPv6",
		  family == AF_INET ? _("an inet socket joins 224.0.0.0/4, e.g. 239.1.2.3")
				    : _("an inet6 socket joins ff00::/8, e.g. ff02::1:3"));
	return -1;
}

/* An IPv6 interface as an index: a number, or a name if_nametoindex
 * knows.  Returns 0 and sets *ix, or -1 after an error. */
static int parse_ifindex(struct shell *sh, const struct word *w, unsigned *ix)
{
	char *end;
	unsigned long n = strtoul(w->s, &end, 10);

	if (w->len > 0 && *end == '\0' && n <= 0x7fffffff) {
		*ix = (unsigned)n;
		return 0;
	}
	if ((*ix = if_nametoindex(w->s)) != 0)
		return 0;
	out_error(sh, w, _("no interface '%.40s' (an index such as 1, or a name such as lo)"), w->s);
	return -1;
}

/*
 * Fill *m for a join (join 1) or a leave on a socket of family from
 * GROUP and the optional interface word (NULL: the kernel chooses by
 * the route to the group).  Returns 0, or -1 after an error.
 */
static int make_mreq(struct shell *sh, int family, int join, const struct word *group,
		     const struct word *iface, struct mreq *m)
{
	memset(m, 0, sizeof *m);
	if (family == AF_INET) {
		m->level = IPPROTO_IP;
		m->levelsym = "IPPROTO_IP";
		m->opt = join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP;
		m->optsym = join ? "IP_ADD_MEMBERSHIP" : "IP_DROP_MEMBERSHIP";
		m->len = sizeof m->u.v4;
		m->u.v4.imr_interface.s_addr = htonl(INADDR_ANY);
		if (parse_in(sh, group, AF_INET, &m->u.v4.imr_multiaddr, N_("group")) < 0)
			return -1;
		if (iface != NULL && parse_in(sh, iface, AF_INET, &m->u.v4.imr_interface,
					      N_("interface address")) < 0)
			return -1;
		return 0;
	}
	if (family != AF_INET6) {
		out_error(sh, group, _("%s: only an inet or inet6 socket joins a multicast group"),
			  join ? "join" : "leave");
		return -1;
	}
	m->level = IPPROTO_IPV6;
	m->levelsym = "IPPROTO_IPV6";
	m->opt = join ? IPV6_JOIN_GROUP : IPV6_LEAVE_GROUP;
	m->optsym = join ? "IPV6_JOIN_GROUP" : "IPV6_LEAVE_GROUP";
	m->len = sizeof m->u.v6;
	if (parse_in(sh, group, AF_INET6, &m->u.v6.ipv6mr_multiaddr, N_("group")) < 0)
		return -1;
	if (iface != NULL && parse_ifindex(sh, iface, &m->u.v6.ipv6mr_interface) < 0)
		return -1;
	return 0;
}

/* Append the request as C writes it. */
static void trace_mreq(struct shell *sh, int family, const struct mreq *m)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	if (family == AF_INET) {
		inet_ntop(AF_INET, &m->u.v4.imr_multiaddr, a, sizeof a);
		inet_ntop(AF_INET, &m->u.v4.imr_interface, b, sizeof b);
		trace_add(sh, "{imr_multiaddr=%s, imr_address=%s})", a, b);
		return;
	}
	inet_ntop(AF_INET6, &m->u.v6.ipv6mr_multiaddr, a, sizeof a);
	trace_add(sh, "{ipv6mr_multiaddr=%s, ipv6mr_interface=%u})", a,
		  m->u.v6.ipv6mr_interface);
}

/* join and leave: one setsockopt with the request, join 1 or 0. */
static int member(struct shell *sh, int argc, struct word *argv, int join)
{
	struct handle *h = handle_here(sh);
	struct mreq m;

	if (make_mreq(sh, h->family, join, &argv[1], argc > 2 ? &argv[2] : NULL, &m) < 0)
		return CMD_ERROR;
	trace_begin(sh, "setsockopt");
	trace_add(sh, "(%d, %s, %s, ", sh->current, m.levelsym, m.optsym);
	trace_mreq(sh, h->family, &m);
	int rc = setsockopt(sh->current, m.level, m.opt, &m.u, m.len);
	int err = rc < 0 ? errno : 0;
	trace_finish(sh, h, rc, err, 0);
	return CMD_OK;
}

int cmd_join(struct shell *sh, int argc, struct word *argv)
{
	return member(sh, argc, argv, 1);
}

int cmd_leave(struct shell *sh, int argc, struct word *argv)
{
	return member(sh, argc, argv, 0);
}
