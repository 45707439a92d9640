/*
 * names.c - the keyword tables for families, types, protocols, flags.
 *
 * Every constant that may be missing on some system is guarded, so the
 * table shrinks there instead of breaking the build.
 */
#include <config.h>

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
