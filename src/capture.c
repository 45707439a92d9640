/*
 * capture.c - the packets of this shell's own sockets (see capture.h).
 *
 * A SOCK_DGRAM AF_PACKET socket bound to loopback gives each IP packet
 * without a link header (so the pcap file is LINKTYPE_RAW).  Loopback
 * shows every packet twice, going out and coming in: the outgoing copy
 * is refused by PACKET_IGNORE_OUTGOING where the kernel has it, and
 * dropped by its sll_pkttype elsewhere.  Only packets to or from a local
 * port of one of this shell's TCP or UDP handles are shown: the ports
 * are read from the handles (getsockname) before each drain and kept,
 * so the FIN after a close is still shown.
 *
 * Once a lab runs (lab.h), the packets come instead from the lab's helper:
 * each frame its link took, with what the link did to it (read_lab), on
 * the capture pair; lo's packet socket is then closed.
 */
#include <config.h>

#include "capture.h"

#ifdef __linux__

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/sockios.h>

#include "addr.h"
#include "i18n.h"
#include "lab.h"
#include "linkq.h"
#include "output.h"
#include "shell.h"
#include "strbuf.h"

/* The descriptors capture keeps stay above the user's handles. */
#define CAPTURE_FD_MIN 100
#define CAPTURE_SNAP 65536     /* loopback's MTU: no packet is longer */
#define CAPTURE_FLOWS 256
#define PCAP_LINKTYPE_RAW 101

/* One direction of a TCP connection and its first sequence number. */
struct flow {
	int family;
	unsigned char src[16], dst[16];
	uint16_t sport, dport;
	uint32_t isn;
	int opener;             /* the first packet seen between the two went so */
};

struct capture {
	int fd;                 /* the packet socket on lo, or -1 (the lab's link) */
	int lab;                /* the frames come from the lab's helper (lab.h) */
	int pcap;               /* the pcap file's descriptor, or -1 */
	int pcap_errno;         /* why writing it failed, or 0 */
	int filter_outgoing;    /* no PACKET_IGNORE_OUTGOING: drop by pkttype */
	struct timespec start;
	unsigned char ports[65536 / 8];  /* local ports of our handles */
	struct flow flows[CAPTURE_FLOWS];
	int nflows, next_flow;
	long shown;             /* packets shown in the batch */
	struct strbuf batch;    /* their lines, for expect packet */
	unsigned char buf[CAPTURE_SNAP];
};

/* What one packet is, decoded from its IP header. */
struct packet {
	int family;
	const unsigned char *src, *dst;  /* addresses: 4 or 16 bytes */
	int proto;
	const unsigned char *l4;         /* the transport header */
	size_t l4len;
	uint16_t sport, dport;
	int has_ports;
};

/* Move fd to a descriptor >= CAPTURE_FD_MIN, close-on-exec, closing the
 * low one.  Returns the new descriptor, or -1 (fd closed, errno kept). */
static int move_high(int fd)
{
	int hi = fcntl(fd, F_DUPFD_CLOEXEC, CAPTURE_FD_MIN);
	int e = errno;
	close(fd);
	errno = e;
	return hi;
}

static uint16_t get16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32le(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

/* Write iov[0..n) whole to fd.  Returns 0, or -1 with errno set. */
static int write_iov(int fd, struct iovec *iov, int n)
{
	while (n > 0) {
		ssize_t w = writev(fd, iov, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		while (n > 0 && (size_t)w >= iov->iov_len) {
			w -= (ssize_t)iov->iov_len;
			iov++;
			n--;
		}
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	return 0;
}

/* Write the pcap file's global header.  Returns 0 or -1. */
static int pcap_header(int fd)
{
	unsigned char h[24];
	put32le(h, 0xa1b2c3d4);
	h[4] = 2; h[5] = 0; h[6] = 4; h[7] = 0;   /* version 2.4 */
	put32le(h + 8, 0);                         /* thiszone */
	put32le(h + 12, 0);                        /* sigfigs */
	put32le(h + 16, 262144);                   /* snaplen */
	put32le(h + 20, PCAP_LINKTYPE_RAW);
	struct iovec iov = { h, sizeof h };
	return write_iov(fd, &iov, 1);
}

/* Append one packet of caplen bytes (origlen on the wire) at ts.
 * Returns 0, or -1 with errno set. */
static int pcap_record(int fd, const struct timespec *ts, const void *p, size_t caplen,
		       size_t origlen)
{
	unsigned char r[16];
	put32le(r, (uint32_t)ts->tv_sec);
	put32le(r + 4, (uint32_t)(ts->tv_nsec / 1000));
	put32le(r + 8, (uint32_t)caplen);
	put32le(r + 12, (uint32_t)origlen);
	struct iovec iov[2] = { { r, sizeof r }, { (void *)p, caplen } };
	return write_iov(fd, iov, 2);
}

/* Open pcap for writing on a high descriptor, with its header.  Returns
 * the descriptor, or -1 with errno set. */
static int pcap_open(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || (fd = move_high(fd)) < 0)
		return -1;
	if (pcap_header(fd) < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* The packet socket on loopback, on a high descriptor.  *filter is set
 * when outgoing copies must be dropped by hand.  Returns it, or -1. */
static int open_socket(int *filter)
{
	int fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, htons(ETH_P_ALL));
	if (fd < 0 || (fd = move_high(fd)) < 0)
		return -1;
	struct sockaddr_ll ll;
	memset(&ll, 0, sizeof ll);
	ll.sll_family = AF_PACKET;
	ll.sll_protocol = htons(ETH_P_ALL);
	ll.sll_ifindex = (int)if_nametoindex("lo");
	if (ll.sll_ifindex == 0 || bind(fd, (struct sockaddr *)&ll, sizeof ll) < 0) {
		int e = errno ? errno : ENODEV;
		close(fd);
		errno = e;
		return -1;
	}
	*filter = 1;
#ifdef PACKET_IGNORE_OUTGOING
	int one = 1;
	if (setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one) == 0)
		*filter = 0;
#endif
	return fd;
}

/* Read and forget what the lab's capture pair holds (frames of an earlier
 * capture). */
static void lab_discard(struct shell *sh, struct capture *c)
{
	int fd = lab_capture_fd(sh);
	while (fd >= 0 && recv(fd, c->buf, sizeof c->buf, MSG_DONTWAIT) >= 0)
		;
}

/* Capture the lab's link from now on: the helper reports each frame; the
 * packet socket on lo, if open, is closed (the lab's hosts are not on it). */
static void lab_on(struct shell *sh, struct capture *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	c->lab = 1;
	lab_discard(sh, c);
	lab_capture(sh, 1);
}

int capture_start(struct shell *sh, const char *pcap)
{
	if (sh->capture != NULL)
		capture_stop(sh);
	struct capture *c = calloc(1, sizeof *c);
	if (c == NULL) {
		out_error(sh, NULL, _("capture: out of memory"));
		return -1;
	}
	c->fd = -1;
	if (lab_capture_fd(sh) >= 0)
		c->lab = 1;  /* the helper has the frames: no CAP_NET_RAW needed */
	else
		c->fd = open_socket(&c->filter_outgoing);
	if (!c->lab && c->fd < 0) {
		if (errno == EPERM || errno == EACCES)
			out_error(sh, NULL, _("capture: needs CAP_NET_RAW: run sockshell --private, or "
				  "as root: setcap cap_net_raw+ep $(command -v sockshell)"));
		else
			out_error(sh, NULL, "capture: %s", strerror(errno));
		free(c);
		return -1;
	}
	c->pcap = -1;
	if (pcap != NULL && (c->pcap = pcap_open(pcap)) < 0) {
		out_error(sh, NULL, "capture: %.200s: %s", pcap, strerror(errno));
		if (c->fd >= 0)
			close(c->fd);
		free(c);
		return -1;
	}
	clock_gettime(CLOCK_REALTIME, &c->start);
	sh->capture = c;
	if (c->lab)
		lab_on(sh, c);
	return 0;
}

int capture_lab(const struct shell *sh)
{
	return sh->capture != NULL && sh->capture->lab;
}

void capture_stop(struct shell *sh)
{
	struct capture *c = sh->capture;
	if (c == NULL)
		return;
	capture_drain(sh, 0);
	if (c->fd >= 0)
		close(c->fd);
	if (c->lab) {
		lab_capture(sh, 0);
		lab_discard(sh, c);
	}
	if (c->pcap >= 0 && close(c->pcap) < 0 && c->pcap_errno == 0)
		c->pcap_errno = errno;
	if (c->pcap_errno != 0)
		out_error(sh, NULL, _("capture: writing the pcap file: %s"), strerror(c->pcap_errno));
	sb_free(&c->batch);
	free(c);
	sh->capture = NULL;
}

int capture_fd(const struct shell *sh)
{
	if (sh->capture == NULL)
		return -1;
	return sh->capture->lab ? lab_capture_fd(sh) : sh->capture->fd;
}

void capture_new_batch(struct shell *sh)
{
	sh->capture->shown = 0;
	sb_reset(&sh->capture->batch);
}

long capture_count(const struct shell *sh)
{
	return sh->capture != NULL ? sh->capture->shown : 0;
}

int capture_seen(const struct shell *sh, const char *text, size_t len)
{
	const struct strbuf *b = sh->capture != NULL ? &sh->capture->batch : NULL;
	if (b == NULL || b->len < len)
		return 0;
	if (len == 0)
		return b->len > 0;
	for (size_t i = 0; i + len <= b->len; i++)
		if (memcmp(b->buf + i, text, len) == 0)
			return 1;
	return 0;
}

/* Note the local port of every TCP and UDP handle. */
static void note_ports(struct shell *sh, struct capture *c)
{
	for (int i = 0; i < sh->nh; i++) {
		const struct handle *h = &sh->h[i];
		if (!h->open || (h->family != AF_INET && h->family != AF_INET6) ||
		    (h->type != SOCK_STREAM && h->type != SOCK_DGRAM))
			continue;
		struct sockaddr_storage ss;
		socklen_t len = sizeof ss;
		if (getsockname(i, (struct sockaddr *)&ss, &len) < 0)
			continue;
		unsigned port = ss.ss_family == AF_INET6 ?
			ntohs(((struct sockaddr_in6 *)&ss)->sin6_port) :
			ntohs(((struct sockaddr_in *)&ss)->sin_port);
		if (port != 0)
			c->ports[port / 8] |= (unsigned char)(1u << (port % 8));
	}
}

static int ours(const struct capture *c, unsigned port)
{
	return c->ports[port / 8] & (1u << (port % 8));
}

/* Read the ports of a TCP or UDP header (or, for an ICMP error, of the
 * datagram it quotes) into pk. */
static void read_ports(struct packet *pk)
{
	const unsigned char *p = pk->l4;
	size_t n = pk->l4len;
	int proto = pk->proto;

	if (proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6) {
		/* 8 bytes of ICMP header, then the quoted IP header. */
		if (n < 8 + 20)
			return;
		p += 8;
		n -= 8;
		if (proto == IPPROTO_ICMP && (p[0] >> 4) == 4 && n >= (size_t)(p[0] & 15) * 4 + 4) {
			proto = p[9];
			size_t ihl = (size_t)(p[0] & 15) * 4;
			p += ihl;
			n -= ihl;
		} else if (proto == IPPROTO_ICMPV6 && (p[0] >> 4) == 6 && n >= 40 + 4) {
			proto = p[6];
			p += 40;
			n -= 40;
		} else {
			return;
		}
		if (proto != IPPROTO_TCP && proto != IPPROTO_UDP)
			return;
	}
	if (n < 4)
		return;
	pk->sport = get16(p);
	pk->dport = get16(p + 2);
	pk->has_ports = 1;
}

/* Decode the IP header of p[0..n) into pk.  Returns 0, or -1 when it is
 * not an IP packet we show. */
static int decode_ip(const unsigned char *p, size_t n, struct packet *pk)
{
	memset(pk, 0, sizeof *pk);
	if (n >= 20 && (p[0] >> 4) == 4) {
		size_t ihl = (size_t)(p[0] & 15) * 4;
		size_t total = get16(p + 2);
		if (ihl < 20 || total < ihl || total > n)
			return -1;
		pk->family = AF_INET;
		pk->src = p + 12;
		pk->dst = p + 16;
		pk->proto = p[9];
		pk->l4 = p + ihl;
		pk->l4len = total - ihl;
	} else if (n >= 40 && (p[0] >> 4) == 6) {
		size_t plen = get16(p + 4);
		if (40 + plen > n)
			return -1;
		pk->family = AF_INET6;
		pk->src = p + 8;
		pk->dst = p + 24;
		pk->proto = p[6];
		pk->l4 = p + 40;
		pk->l4len = plen;
	} else {
		return -1;
	}
	read_ports(pk);
	return 0;
}

/* Append addr:port in the trace's notation. */
static void add_endpoint(struct strbuf *sb, const struct packet *pk, const unsigned char *a,
			 unsigned port)
{
	struct sockaddr_storage ss;
	socklen_t len;
	memset(&ss, 0, sizeof ss);
	if (pk->family == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)&ss;
		in->sin_family = AF_INET;
		in->sin_port = htons((uint16_t)port);
		memcpy(&in->sin_addr, a, 4);
		len = sizeof *in;
	} else {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		memcpy(&in6->sin6_addr, a, 16);
		len = sizeof *in6;
	}
	addr_format(sb, (struct sockaddr *)&ss, len);
}

/* The flow from pk's source to its destination (reverse: the other way),
 * or NULL. */
static struct flow *find_flow(struct capture *c, const struct packet *pk, int reverse)
{
	size_t alen = pk->family == AF_INET ? 4 : 16;
	const unsigned char *s = reverse ? pk->dst : pk->src, *d = reverse ? pk->src : pk->dst;
	uint16_t sp = reverse ? pk->dport : pk->sport, dp = reverse ? pk->sport : pk->dport;
	for (int i = 0; i < c->nflows; i++) {
		struct flow *f = &c->flows[i];
		if (f->family == pk->family && f->sport == sp && f->dport == dp &&
		    memcmp(f->src, s, alen) == 0 && memcmp(f->dst, d, alen) == 0)
			return f;
	}
	return NULL;
}

/* The flow of pk's direction, made (or restarted by a SYN) with isn seq. */
static struct flow *note_flow(struct capture *c, const struct packet *pk, uint32_t seq, int syn)
{
	struct flow *f = find_flow(c, pk, 0);
	if (f == NULL) {
		int opener = find_flow(c, pk, 1) == NULL;
		if (c->nflows < CAPTURE_FLOWS)
			f = &c->flows[c->nflows++];
		else
			f = &c->flows[c->next_flow++ % CAPTURE_FLOWS];
		memset(f, 0, sizeof *f);
		f->family = pk->family;
		memcpy(f->src, pk->src, pk->family == AF_INET ? 4 : 16);
		memcpy(f->dst, pk->dst, pk->family == AF_INET ? 4 : 16);
		f->sport = pk->sport;
		f->dport = pk->dport;
		f->isn = seq;
		f->opener = opener;
	} else if (syn) {
		f->isn = seq;
	}
	return f;
}

/* Append the TCP options of opt[0..n) in short form: [mss 65495,sackOK,TS,wscale 7]. */
static void add_options(struct strbuf *sb, const unsigned char *opt, size_t n)
{
	int any = 0;
	for (size_t i = 0; i < n;) {
		unsigned kind = opt[i];
		if (kind == 0)
			break;
		if (kind == 1) {
			i++;
			continue;
		}
		if (i + 1 >= n || opt[i + 1] < 2 || i + opt[i + 1] > n)
			break;
		size_t len = opt[i + 1];
		sb_adds(sb, any ? "," : ", options [");
		any = 1;
		if (kind == 2 && len == 4)
			sb_printf(sb, "mss %u", get16(opt + i + 2));
		else if (kind == 3 && len == 3)
			sb_printf(sb, "wscale %u", opt[i + 2]);
		else if (kind == 4)
			sb_adds(sb, "sackOK");
		else if (kind == 5)
			sb_printf(sb, "sack %zu", (len - 2) / 8);
		else if (kind == 8)
			sb_adds(sb, "TS");
		else
			sb_printf(sb, "opt-%u", kind);
		i += len;
	}
	if (any)
		sb_addc(sb, ']');
}

/* Append the TCP part of pk's line: flags, relative seq/ack, win,
 * options, length.  Returns 0, or -1 when the header is short. */
static int add_tcp(struct strbuf *sb, struct capture *c, const struct packet *pk)
{
	static const struct { unsigned bit; char letter; } flag[] = {
		{ 0x01, 'F' }, { 0x02, 'S' }, { 0x04, 'R' }, { 0x08, 'P' },
		{ 0x20, 'U' }, { 0x40, 'E' }, { 0x80, 'W' }, { 0x10, '.' },
	};
	const unsigned char *t = pk->l4;
	size_t off = t != NULL && pk->l4len >= 20 ? (size_t)(t[12] >> 4) * 4 : 0;
	if (off < 20 || off > pk->l4len)
		return -1;
	unsigned flags = t[13];
	uint32_t seq = get32(t + 4), ack = get32(t + 8);
	size_t data = pk->l4len - off;
	sb_adds(sb, " TCP [");
	for (size_t i = 0; i < sizeof flag / sizeof flag[0]; i++)
		if (flags & flag[i].bit)
			sb_addc(sb, flag[i].letter);
	sb_addc(sb, ']');
	struct flow *f = note_flow(c, pk, seq, flags & 0x02);
	uint32_t rel = seq - f->isn;
	if (data > 0)
		sb_printf(sb, " seq %u:%u", (unsigned)rel, (unsigned)(rel + data));
	else
		sb_printf(sb, " seq %u", (unsigned)rel);
	if (flags & 0x10) {
		const struct flow *r = find_flow(c, pk, 1);
		sb_printf(sb, ", ack %u", (unsigned)(r != NULL ? ack - r->isn : ack));
	}
	sb_printf(sb, ", win %u", get16(t + 14));
	add_options(sb, t + 20, off - 20);
	sb_printf(sb, ", length %zu", data);
	return 0;
}

/* Append the rest of pk's line after the addresses. */
static void add_proto(struct strbuf *sb, struct capture *c, const struct packet *pk)
{
	if (pk->proto == IPPROTO_TCP && add_tcp(sb, c, pk) == 0)
		return;
	if (pk->proto == IPPROTO_UDP && pk->l4len >= 8) {
		sb_printf(sb, " UDP, length %zu", pk->l4len - 8);
	} else if ((pk->proto == IPPROTO_ICMP || pk->proto == IPPROTO_ICMPV6) && pk->l4len >= 2) {
		sb_printf(sb, " %s type %u code %u", pk->proto == IPPROTO_ICMP ? "ICMP" : "ICMP6",
			  pk->l4[0], pk->l4[1]);
		if (pk->proto == IPPROTO_ICMP && pk->l4[0] == 3 && pk->l4[1] == 3)
			sb_adds(sb, " (port unreachable)");
		else if (pk->proto == IPPROTO_ICMPV6 && pk->l4[0] == 1 && pk->l4[1] == 4)
			sb_adds(sb, " (port unreachable)");
	} else {
		sb_printf(sb, " proto %d, length %zu", pk->proto, pk->l4len);
	}
}

/* The payload of pk (TCP's or UDP's data) into *n, or NULL: none. */
static const unsigned char *payload(const struct packet *pk, size_t *n)
{
	const unsigned char *t = pk->l4;
	size_t off = 0;

	if (t != NULL && pk->proto == IPPROTO_TCP && pk->l4len >= 20)
		off = (size_t)(t[12] >> 4) * 4;
	else if (t != NULL && pk->proto == IPPROTO_UDP && pk->l4len >= 8)
		off = 8;
	if (off < 8 || off > pk->l4len)
		return NULL;
	*n = pk->l4len - off;
	return t + off;
}

/* Under set capture hex: pk's payload as output.c's hex dump (the one
 * set display hex shows) under its line, each row marked with the
 * direction: '>' the way the first packet seen between the two ends went
 * (a connection's SYN, a first datagram), '<' the way back.  The rows
 * count as the packet's lines for expect packet. */
static void show_payload(struct shell *sh, struct capture *c, const struct packet *pk)
{
	size_t n = 0;
	const unsigned char *p = payload(pk, &n);
	if (p == NULL || n == 0)
		return;
	const struct flow *f = note_flow(c, pk, 0, 0);
	struct strbuf dump = STRBUF_INIT;
	sb_add_hexdump(&dump, f->opener ? "    > " : "    < ", p, n);
	for (size_t i = 0; i < dump.len;) {
		const char *row = dump.buf + i;
		size_t len = (size_t)((const char *)memchr(row, '\n', dump.len - i) - row);
		out_line(sh, "%.*s", (int)len, row);
		sb_add(&c->batch, row, len + 1);
		i += len + 1;
	}
	sb_free(&dump);
}

/* Show one packet p[0..n) received at ts, if it is ours (mark NULL: a
 * packet of lo, shown when one of its ports is a handle's), or one that
 * crossed the lab's link (mark: what the link did to it, or ""). */
static void show_packet(struct shell *sh, struct capture *c, const unsigned char *p, size_t n,
			size_t orig, const struct timespec *ts, const char *mark)
{
	struct packet pk;
	if (decode_ip(p, n, &pk) < 0 ||
	    (mark == NULL && (!pk.has_ports || !(ours(c, pk.sport) || ours(c, pk.dport)))))
		return;
	int icmp = pk.proto == IPPROTO_ICMP || pk.proto == IPPROTO_ICMPV6;
	struct strbuf line = STRBUF_INIT;
	double t = (double)(ts->tv_sec - c->start.tv_sec) +
		   (double)(ts->tv_nsec - c->start.tv_nsec) / 1e9;
	sb_printf(&line, "  %.6f ", t < 0 ? 0.0 : t);
	/* An ICMP error carries the quoted datagram's ports, not its own. */
	add_endpoint(&line, &pk, pk.src, icmp ? 0 : pk.sport);
	if (icmp)
		line.len -= 2;  /* ":0" */
	sb_adds(&line, " > ");
	add_endpoint(&line, &pk, pk.dst, icmp ? 0 : pk.dport);
	if (icmp)
		line.len -= 2;
	add_proto(&line, c, &pk);
	if (mark != NULL)
		sb_adds(&line, mark);
	out_line(sh, "%s", line.buf);
	sb_add(&c->batch, line.buf, line.len);
	sb_addc(&c->batch, '\n');
	c->shown++;
	if (sh->capture_hex)
		show_payload(sh, c, &pk);
	if (c->pcap >= 0 && c->pcap_errno == 0 && pcap_record(c->pcap, ts, p, n, orig) < 0)
		c->pcap_errno = errno;
	sb_free(&line);
}

/* Read and show every packet waiting.  Returns how many were read. */
static int read_all(struct shell *sh, struct capture *c)
{
	int got = 0;
	for (;;) {
		struct sockaddr_ll ll;
		socklen_t len = sizeof ll;
		ssize_t n = recvfrom(c->fd, c->buf, sizeof c->buf, MSG_TRUNC,
				     (struct sockaddr *)&ll, &len);
		if (n < 0)
			break;
		got++;
		if (c->filter_outgoing && ll.sll_pkttype == PACKET_OUTGOING)
			continue;
		struct timespec ts;
		if (ioctl(c->fd, SIOCGSTAMPNS, &ts) < 0)
			clock_gettime(CLOCK_REALTIME, &ts);
		size_t cap = (size_t)n > sizeof c->buf ? sizeof c->buf : (size_t)n;
		show_packet(sh, c, c->buf, cap, (size_t)n, &ts, NULL);
	}
	return got;
}

/* What the link did to a frame, as the end of its line. */
static const char *verdict_mark(int verdict)
{
	switch (verdict) {
	case LINKQ_DROPPED: return _(" (dropped by the link)");
	case LINKQ_DUPLICATED: return _(" (duplicated by the link)");
	case LINKQ_FULL: return _(" (dropped: the link's queue was full)");
	default: return "";
	}
}

/* Read and show every frame the lab's helper reported.  Returns how many
 * were read. */
static int read_lab(struct shell *sh, struct capture *c)
{
	int fd = lab_capture_fd(sh), got = 0;
	struct labd_frame f;
	for (;;) {
		struct iovec iov[2] = { { &f, sizeof f }, { c->buf, sizeof c->buf } };
		struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 2 };
		ssize_t n = fd >= 0 ? recvmsg(fd, &msg, MSG_DONTWAIT) : -1;
		if (n < 0)
			break;
		got++;
		if ((size_t)n <= sizeof f)
			continue;
		struct timespec ts = { .tv_sec = (time_t)f.sec, .tv_nsec = (long)f.nsec };
		size_t len = (size_t)n - sizeof f;
		show_packet(sh, c, c->buf, len, len, &ts, verdict_mark(f.verdict));
	}
	return got;
}

void capture_drain(struct shell *sh, int settle)
{
	struct capture *c = sh->capture;
	int e = errno;
	note_ports(sh, c);
	if (!c->lab && lab_capture_fd(sh) >= 0)
		lab_on(sh, c);  /* a lab began since capture did: watch its link */
	int got = c->lab ? read_lab(sh, c) : read_all(sh, c);
	/* The helper reports a frame a moment after the call that sent it:
	 * in the lab, wait up to 5 ms for the first. */
	if (settle && c->lab && got == 0) {
		struct pollfd pfd = { .fd = capture_fd(sh), .events = POLLIN };
		if (poll(&pfd, 1, 5) > 0)
			got = read_lab(sh, c);
	}
	/* A call that sent: the answers (a SYN-ACK, an ACK) come within a
	 * moment on loopback.  Wait 2 ms after the last one, 20 times at
	 * most; a call that sent nothing is not held up. */
	for (int i = 0; settle && got > 0 && i < 20; i++) {
		struct pollfd pfd = { .fd = capture_fd(sh), .events = POLLIN };
		if (poll(&pfd, 1, 2) <= 0 || (c->lab ? read_lab(sh, c) : read_all(sh, c)) == 0)
			break;
	}
	errno = e;
}

#else /* !__linux__ */

#include "i18n.h"
#include "output.h"
#include "shell.h"

int capture_start(struct shell *sh, const char *pcap)
{
	(void)pcap;
	out_error(sh, NULL, _("capture: needs Linux's AF_PACKET sockets"));
	return -1;
}

void capture_stop(struct shell *sh) { (void)sh; }
void capture_drain(struct shell *sh, int settle) { (void)sh; (void)settle; }
void capture_new_batch(struct shell *sh) { (void)sh; }
int capture_fd(const struct shell *sh) { (void)sh; return -1; }
int capture_lab(const struct shell *sh) { (void)sh; return 0; }
long capture_count(const struct shell *sh) { (void)sh; return 0; }
int capture_seen(const struct shell *sh, const char *text, size_t len)
{
	(void)sh; (void)text; (void)len;
	return 0;
}

#endif
