/*
 * tcpinfo.c - TCP_INFO as one line.
 *
 * <linux/tcp.h> has the newest struct tcp_info (tcpi_delivery_rate and
 * after); glibc's <netinet/tcp.h> stops at tcpi_total_retrans, and the two
 * cannot be included together: so this file alone reads it, from the
 * Linux header where there is one.  configure checks each newer field;
 * the kernel's answer says how much of the struct it filled, so a field
 * an older kernel lacks is left out too.
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#ifdef HAVE_LINUX_TCP_H
#include <linux/tcp.h>
#elif defined(HAVE_NETINET_TCP_H)
#include <netinet/tcp.h>
#endif

#include "i18n.h"
#include "tcpinfo.h"

#if defined(TCP_INFO) && defined(HAVE_STRUCT_TCP_INFO_TCPI_RTT) && \
	defined(HAVE_STRUCT_TCP_INFO_TCPI_SND_MSS)
/* Does the kernel's answer of len bytes reach past field (its offset and
 * size)? */
#define HAS_FIELD(len, field) \
	((size_t)(len) >= offsetof(struct tcp_info, field) + sizeof(((struct tcp_info *)0)->field))

/* Append bytes/s as a bit rate: "1.2 Gbit/s", "640 kbit/s". */
static void add_rate(struct strbuf *sb, uint64_t bytes_per_s)
{
	static const char *const units[] = { "bit/s", "kbit/s", "Mbit/s", "Gbit/s", "Tbit/s" };
	double v = (double)bytes_per_s * 8;
	size_t u = 0;

	if (bytes_per_s == 0) {
		sb_adds(sb, " delivery -");
		return;
	}
	while (v >= 1000 && u + 1 < sizeof units / sizeof units[0]) {
		v /= 1000;
		u++;
	}
	sb_printf(sb, " delivery %.3g %s", v, units[u]);
}

int tcpinfo_line(int fd, struct strbuf *sb)
{
	struct tcp_info ti;
	socklen_t len = sizeof ti;

	memset(&ti, 0, sizeof ti);
	sb_adds(sb, "tcp_info: ");
	if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) < 0) {
		sb_adds(sb, strerror(errno));
		return -1;
	}
	if (ti.tcpi_state == 10 /* TCP_LISTEN, as Linux numbers it */) {
		sb_adds(sb, _("listening: no connection of its own (its queue: FLAGS)"));
		return 0;
	}
	sb_printf(sb, "rtt %g ms rttvar %g ms cwnd %u", ti.tcpi_rtt / 1000.0,
		  ti.tcpi_rttvar / 1000.0, ti.tcpi_snd_cwnd);
	/* "Infinite" (TCP_INFINITE_SSTHRESH) until the first loss. */
	if (ti.tcpi_snd_ssthresh >= 0x7fffffffu)
		sb_adds(sb, " ssthresh -");
	else
		sb_printf(sb, " ssthresh %u", ti.tcpi_snd_ssthresh);
	sb_printf(sb, " mss %u unacked %u", ti.tcpi_snd_mss, ti.tcpi_unacked);
#ifdef HAVE_STRUCT_TCP_INFO_TCPI_TOTAL_RETRANS
	sb_printf(sb, " retrans %u/%u", (unsigned)ti.tcpi_retransmits, ti.tcpi_total_retrans);
#else
	sb_printf(sb, " retrans %u", (unsigned)ti.tcpi_retransmits);
#endif
#ifdef HAVE_STRUCT_TCP_INFO_TCPI_DELIVERY_RATE
	/* 0 until data was acknowledged: no rate measured yet. */
	if (HAS_FIELD(len, tcpi_delivery_rate))
		add_rate(sb, ti.tcpi_delivery_rate);
#else
	(void)add_rate;
#endif
	return 0;
}
#else
int tcpinfo_line(int fd, struct strbuf *sb)
{
	(void)fd;
	sb_adds(sb, _("tcp_info: not available here (no TCP_INFO in this build)"));
	return -1;
}
#endif
