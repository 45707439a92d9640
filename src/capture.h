/*
 * capture.h - seeing the wire: the packets of this shell's own sockets,
 * read from a raw AF_PACKET socket on loopback, shown as indented lines
 * after the call that caused them and optionally written to a pcap file.
 *
 * Hides the packet socket (kept on a descriptor >= 100, so the user's
 * handles stay 3, 4...), the port filter, the decoding of IPv4, IPv6,
 * TCP, UDP and ICMP, the relative sequence numbers and the pcap format.
 * When capture is off, sh->capture is NULL and nothing here runs.
 */
#ifndef SOCKSHELL_CAPTURE_H
#define SOCKSHELL_CAPTURE_H

#include <stddef.h>

struct shell;

/* Start capturing (pcap: a file to write too, or NULL); a capture that
 * runs is stopped first.  Returns 0, or -1 after printing why (no
 * CAP_NET_RAW: how to get it). */
int capture_start(struct shell *sh, const char *pcap);
/* Stop capturing, closing the socket and the file; shows what is left. */
void capture_stop(struct shell *sh);
/* Show every packet waiting (settle: after a call; when packets came,
 * also wait up to 2 ms after the last for more).  Only while capture runs. */
void capture_drain(struct shell *sh, int settle);
/* A new command starts: the packets it causes are counted afresh (for
 * expect packets). */
void capture_new_batch(struct shell *sh);
/* Does capture show the lab's link (the frames its helper reports, lab.h)
 * rather than lo?  So it does once a lab runs: every packet that crosses
 * the link, each once, dropped ones marked. */
int capture_lab(const struct shell *sh);
/* The capture socket's descriptor, for the prompt's wait, or -1. */
int capture_fd(const struct shell *sh);
/* The packets shown since the command before expect began. */
long capture_count(const struct shell *sh);
/* Does one of those packets' lines contain text[0..len)? */
int capture_seen(const struct shell *sh, const char *text, size_t len);

#endif
