/*
 * icmp.h - ICMP as the ping socket and the error queue show it (icmp.c).
 */
#ifndef SOCKSHELL_ICMP_H
#define SOCKSHELL_ICMP_H

#include <stddef.h>

struct shell;
struct handle;
struct cmsghdr;

/* The length of an echo request's header: type, code, checksum, id, seq. */
#define ICMP_ECHO_LEN 8

/* The name of an ICMP (family AF_INET) or ICMPv6 type, or NULL. */
const char *icmp_type_name(int family, int type);
/* The name of a destination unreachable's code, or NULL. */
const char *icmp_code_name(int family, int type, int code);
/* Is h a ping socket: dgram with protocol icmp (inet) or icmpv6 (inet6)? */
int icmp_is_ping(const struct handle *h);
/* On a ping socket, append the ICMP header of the n bytes at p to the
 * trace line: " {type=0 (echo reply), code=0, id=N, seq=N}"; nothing for
 * another socket or fewer than 8 bytes. */
void icmp_trace(struct shell *sh, const struct handle *h, const void *p, size_t n);
/* The 8 bytes of an echo request with sequence seq (type 8, or 128 for
 * AF_INET6; the kernel of a ping socket fills the checksum and id). */
void icmp_echo_request(int family, unsigned seq, unsigned char out[ICMP_ECHO_LEN]);
/* After socket() failed with err: for a ping socket refused with EACCES or
 * EPERM, a line naming the sysctl that allows it. */
void icmp_socket_hint(struct shell *sh, int type, int proto, int err);
/* A control message of IP_RECVERR or IPV6_RECVERR (Linux): append it,
 * "IP_RECVERR {ee_errno=ECONNREFUSED, ee_origin=SO_EE_ORIGIN_ICMP,
 * ee_type=3 (destination unreachable), ee_code=3 (port unreachable),
 * offender=127.0.0.1}", and return 1; 0 for another message. */
int icmp_show_recverr(struct shell *sh, const struct cmsghdr *c);

#endif
