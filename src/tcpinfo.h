/*
 * tcpinfo.h - the kernel's view of a TCP connection (TCP_INFO) as one
 * line: what "status -v" and "tcpinfo" show.
 */
#ifndef SOCKSHELL_TCPINFO_H
#define SOCKSHELL_TCPINFO_H

#include "strbuf.h"

/* Append "tcp_info: rtt 0.041 ms rttvar 0.02 ms cwnd 10 ssthresh - mss
 * 32768 unacked 0 retrans 0/0 delivery 1.2 Gbit/s" for the TCP socket fd
 * (the fields this build and this kernel have), or "tcp_info: not
 * available here" (a build without TCP_INFO), or "tcp_info: " and the
 * errno's message.  Returns 0 when the kernel answered, else -1. */
int tcpinfo_line(int fd, struct strbuf *sb);

#endif
