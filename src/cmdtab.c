/*
 * cmdtab.c - the table of commands and the lookups over it.
 *
 * Adding a command is adding a row here and a handler: dispatch, the
 * argument-count check of "--check", usage errors, "help" and completion
 * follow from the row.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "cmdtab.h"
#include "i18n.h"
#include "keywords.h"
#include "shell.h"

/* TRANSLATORS: the topics "help" lists the commands under. */
const char *const cmdtab_topics[TOPIC_COUNT] = {
	[TOPIC_SOCKETS] = N_("sockets"), [TOPIC_DATA] = N_("data"), [TOPIC_OPTIONS] = N_("options"),
	[TOPIC_NAMES] = N_("names"), [TOPIC_TEACHING] = N_("teaching"), [TOPIC_LESSONS] = N_("lessons"),
	[TOPIC_SHELL] = N_("shell"),
};

const struct command_def cmdtab[] = {
	/* ---- sockets ---- */
	{ .name = "socket", .args = "FAMILY TYPE [PROTO]", .topic = TOPIC_SOCKETS,
	  .summary = N_("create a socket; it becomes the current handle"),
	  .calls = "socket(2); getaddrinfo(3) for \"for NAME\"",
	  .detail = N_("FAMILY is inet, inet6 or unix; TYPE is stream, dgram, seqpacket or raw; "
	            "PROTO is tcp, udp, icmp, icmpv6, sctp, a number, or 0 (the default); "
	            "inet dgram icmp is a ping socket, if net.ipv4.ping_group_range "
	            "allows.  "
	            "FAMILY may also be \"for HOST\": the family of that address (inet "
	            "for 127.0.0.1 or *, inet6 for ::1, unix for a path with a /; for a "
	            "name, the first address getaddrinfo gives), so that a lesson works "
	            "with either: socket for ${HOST} stream, then bind ${HOST} PORT."),
	  .example = "socket inet stream",
	  .python = "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
	  .min = 2, .max = 4, .flags = CMD_CALL,
	  .complete = { A_FAMILY, A_TYPE, A_PROTO }, .fn = cmd_socket },
	{ .name = "bind", .args = "HOST PORT", .topic = TOPIC_SOCKETS,
	  .summary = N_("give the socket a local address"),
	  .calls = "bind(2)",
	  .detail = N_("HOST is an address (127.0.0.1, ::1, [::1]), a name, or * for every "
	            "address; PORT 0 lets the kernel choose (see it with getsockname, or "
	            "reach it with @N).  A unix socket binds to a path."),
	  .example = "bind 127.0.0.1 0",
	  .python = "s.bind(('127.0.0.1', 0))",
	  .tool = "nc -l 127.0.0.1 10000",
	  .min = 1, .max = 2, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_HOST, A_PORT }, .fn = cmd_bind },
	{ .name = "listen", .args = "[BACKLOG]", .topic = TOPIC_SOCKETS,
	  .summary = N_("make a stream socket accept connections"),
	  .calls = "listen(2)",
	  .detail = N_("BACKLOG bounds the queue of connections the kernel has completed "
	            "but accept has not taken yet (default SOMAXCONN).  On an IPv4 or "
	            "IPv6 socket no bind succeeded on, listen binds it to any address "
	            "and a port the kernel chooses; a note line says so."),
	  .example = "listen 5",
	  .python = "s.listen(5)",
	  .tool = "nc -l PORT",
	  .min = 0, .max = 1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_COUNT }, .fn = cmd_listen },
	{ .name = "accept", .args = "", .topic = TOPIC_SOCKETS,
	  .summary = N_("take the next connection from a listening socket"),
	  .calls = "accept(2)",
	  .detail = N_("Blocks until a client connects (unless the listener is non-blocking). "
	            "The new connection is a new handle, which becomes current; the "
	            "peer's address is shown and kept as @from."),
	  .example = "accept",
	  .python = "conn, addr = s.accept()",
	  .tool = "nc -l PORT",
	  .min = 0, .max = 0, .flags = CMD_CALL | CMD_HANDLE,
	  .fn = cmd_accept },
	{ .name = "connect", .args = "HOST PORT", .topic = TOPIC_SOCKETS,
	  .summary = N_("connect to a peer (TCP), or fix the peer (UDP)"),
	  .calls = "connect(2)",
	  .detail = N_("A name with several addresses is tried address by address, each "
	            "attempt shown, until one succeeds.  @N is handle N's own address, "
	            "@from the last peer; neither takes a PORT.  PORT may also be written "
	            "@N, handle N's port: connect 127.0.0.1 @3.  ECONNREFUSED on a stream "
	            "socket means nothing listens there: a line says to start the server "
	            "first."),
	  .example = "connect 127.0.0.1 10000",
	  .python = "s.connect(('127.0.0.1', 10000))",
	  .tool = "nc 127.0.0.1 10000",
	  .min = 1, .max = 2, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_HOST, A_PORT }, .fn = cmd_connect },
	{ .name = "shutdown", .args = "rd|wr|rdwr", .topic = TOPIC_SOCKETS,
	  .summary = N_("close one direction of a connection"),
	  .calls = "shutdown(2)",
	  .detail = N_("shutdown wr sends EOF to the peer, which can still answer: a "
	            "half-closed connection."),
	  .example = "shutdown wr",
	  .python = "s.shutdown(socket.SHUT_WR)",
	  .tool = "nc -N HOST PORT",
	  .min = 1, .max = 1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_HOW }, .fn = cmd_shutdown },
	{ .name = "close", .args = "", .topic = TOPIC_SOCKETS,
	  .summary = N_("close the socket"),
	  .calls = "close(2)",
	  .detail = N_("The most recently used open handle becomes current."),
	  .example = "3 close",
	  .python = "s.close()",
	  .min = 0, .max = 0, .flags = CMD_CALL | CMD_HANDLE,
	  .fn = cmd_close },
	{ .name = "socketpair", .args = "[TYPE]", .topic = TOPIC_SOCKETS,
	  .summary = N_("two connected unix sockets; the first becomes current"),
	  .calls = "socketpair(2)",
	  .detail = N_("TYPE is stream (the default), dgram or seqpacket.  Both ends live in "
	            "this shell: what one sends the other receives."),
	  .example = "socketpair",
	  .python = "a, b = socket.socketpair()",
	  .min = 0, .max = 1, .flags = CMD_CALL,
	  .complete = { A_TYPE }, .fn = cmd_socketpair },
	{ .name = "dial", .args = "HOST PORT [TYPE]", .topic = TOPIC_SOCKETS,
	  .summary = N_("connect by name, step by step, over IPv4 or IPv6"),
	  .calls = "getaddrinfo(3), socket(2), connect(2), close(2)",
	  .detail = N_("Resolves HOST, then makes a socket and connects it for each result "
	            "in turn, closing it after a failure, until one connects: the classic "
	            "client that works on IPv4 and IPv6 alike.  TYPE is stream (default) "
	            "or dgram.  @N (handle N's address) or @from may stand for HOST PORT."),
	  .example = "dial localhost 80",
	  .python = "s = socket.create_connection(('localhost', 80))",
	  .tool = "nc localhost 80",
	  .min = 1, .max = 3, .flags = CMD_CALL,
	  .complete = { A_HOST, A_PORT, A_TYPE }, .fn = cmd_dial },

	{ .name = "unlink", .args = "PATH", .topic = TOPIC_SOCKETS,
	  .summary = N_("remove a unix socket's path, so it can be bound again"),
	  .calls = "unlink(2)",
	  .detail = N_("A unix socket bound to a path leaves the path behind after close; "
	            "binding it again fails with EADDRINUSE until it is removed.  Only a "
	            "socket is ever removed: any other kind of file is refused."),
	  .example = "unlink /tmp/echo.sock",
	  .python = "os.unlink('/tmp/echo.sock')",
	  .tool = "rm /tmp/echo.sock",
	  .min = 1, .max = 1, .flags = CMD_CALL,
	  .complete = { A_FILE }, .fn = cmd_unlink },

	/* ---- data ---- */
	{ .name = "send", .args = "DATA [FLAG]...", .topic = TOPIC_DATA,
	  .summary = N_("send data on a connected socket"),
	  .calls = "send(2)",
	  .detail = N_("DATA is a string (\"...\" with C escapes, '...' literal), -n COUNT "
	            "generated bytes, -f FILE, or -e SEQ (an ICMP echo request).  The count actually sent is shown: on a "
	            "non-blocking socket it may be less than asked.  FLAGs: dontwait, "
	            "more, nosignal, oob, eor."),
	  .example = "send \"GET / HTTP/1.0\\r\\n\\r\\n\"",
	  .python = "s.send(b'GET / HTTP/1.0\\r\\n\\r\\n')",
	  .tool = "printf 'GET / ...' | nc HOST PORT",
	  .min = 1, .max = -1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_DATA, A_FLAG, A_FLAG, A_FLAG }, .rest = A_FLAG, .fn = cmd_send },
	{ .name = "recv", .args = "N [FLAG]...", .topic = TOPIC_DATA,
	  .summary = N_("receive at most N bytes"),
	  .calls = "recv(2)",
	  .detail = N_("Shows the count and every byte received, escaped; 0 is EOF.  FLAGs: "
	            "peek, waitall, dontwait, oob, trunc.  Sets ${data}."),
	  .example = "recv 16",
	  .python = "data = s.recv(16)",
	  .min = 1, .max = -1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_COUNT, A_FLAG, A_FLAG, A_FLAG }, .rest = A_FLAG, .fn = cmd_recv },
	{ .name = "sendto", .args = "DATA HOST PORT [FLAG]...", .topic = TOPIC_DATA,
	  .summary = N_("send a datagram to an address"),
	  .calls = "sendto(2)",
	  .detail = N_("DATA as for send.  @from answers the sender of the last recvfrom.  "
	            "On a ping socket (socket inet dgram icmp) -e SEQ is an ICMP echo "
	            "request with that sequence number (sendto -e 1 127.0.0.1 0), and "
	            "the line decodes the ICMP header, as recvfrom does for the reply: "
	            "{type=0 (echo reply), code=0, id=N, seq=1}."),
	  .example = "sendto \"hello\" 127.0.0.1 5000",
	  .python = "s.sendto(b'hello', ('127.0.0.1', 5000))",
	  .tool = "echo hello | nc -u 127.0.0.1 5000",
	  .min = 2, .max = -1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_DATA, A_HOST, A_PORT, A_FLAG }, .rest = A_FLAG, .fn = cmd_sendto },
	{ .name = "recvfrom", .args = "N [FLAG]...", .topic = TOPIC_DATA,
	  .summary = N_("receive a datagram and its sender"),
	  .calls = "recvfrom(2)",
	  .detail = N_("Shows the data and the sender, kept as @from.  A datagram longer than "
	            "N is flagged as truncated, with its real length."),
	  .example = "recvfrom 512",
	  .python = "data, addr = s.recvfrom(512)",
	  .tool = "nc -u -l PORT",
	  .min = 1, .max = -1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_COUNT, A_FLAG, A_FLAG, A_FLAG }, .rest = A_FLAG, .fn = cmd_recvfrom },
	{ .name = "sendmsg", .args = "DATA [fd N]... [HOST PORT] [FLAG]...", .topic = TOPIC_DATA,
	  .summary = N_("send data with ancillary data: descriptors to pass"),
	  .calls = "sendmsg(2)",
	  .detail = N_("DATA as for send.  Each \"fd N\" passes descriptor N over a unix "
	            "socket (SCM_RIGHTS): the receiver gets its own descriptor of the same "
	            "open socket.  HOST PORT (or @N, @from), when written, is the "
	            "destination, as for sendto.  The line shows the message as "
	            "{to ADDR, data \"...\", LEN, [SCM_RIGHTS [N...]]}.  FLAGs as for send."),
	  .example = "sendmsg \"x\" fd 5",
	  .python = "socket.send_fds(s, [b'x'], [5])  # or s.sendmsg([b'x'], [(SOL_SOCKET, SCM_RIGHTS, ...)])",
	  .min = 1, .max = -1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_DATA, A_ANY, A_ANY, A_ANY }, .rest = A_ANY, .fn = cmd_sendmsg },
	{ .name = "recvmsg", .args = "N [control BYTES] [FLAG]...", .topic = TOPIC_DATA,
	  .summary = N_("receive data and its ancillary data"),
	  .calls = "recvmsg(2)",
	  .detail = N_("Shows the data as recv does, the sender as recvfrom does, then the "
	            "control messages in brackets: SCM_RIGHTS [N...] (each descriptor "
	            "received becomes a handle; one that is no socket is closed), "
	            "SCM_CREDENTIALS {pid, uid, gid} after setsockopt passcred 1, "
	            "IP_PKTINFO or IPV6_PKTINFO {dst, ifindex} after setsockopt pktinfo 1, "
	            "IP_RECVERR or IPV6_RECVERR {ee_errno, ee_origin, ee_type, ee_code, "
	            "offender} read with the flag errqueue (MSG_ERRQUEUE, which never "
	            "waits) after setsockopt recverr 1.  "
	            "control BYTES offers that much room for them (default 4096): less than "
	            "they need sets MSG_CTRUNC, flagged like a truncated datagram, and "
	            "expect truncated holds after either."),
	  .example = "recvmsg 16",
	  .python = "data, fds, flags, addr = socket.recv_fds(s, 16, 1)",
	  .min = 1, .max = -1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_COUNT, A_ANY, A_ANY, A_FLAG }, .rest = A_FLAG, .fn = cmd_recvmsg },
	{ .name = "drain", .args = "[N]", .topic = TOPIC_DATA,
	  .summary = N_("recv until EOF, then count the calls and bytes"),
	  .calls = "recv(2)",
	  .detail = N_("One line per recv of at most N bytes (default 4096), then how many "
	            "calls and bytes it took: the number of calls varies from run to run.  "
	            "The time-out bounds the whole drain.  ${data} keeps the first MiB "
	            "(1048576 bytes); the summary says when there was more.  On a "
	            "datagram socket an empty datagram is no EOF: drain waits for the "
	            "first datagram, then takes those queued and stops."),
	  .example = "drain 1024",
	  .python = "while (b := s.recv(1024)): pass",
	  .tool = "nc HOST PORT > /dev/null",
	  .min = 0, .max = 1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_COUNT }, .fn = cmd_drain },
	{ .name = "poll", .args = "[N]... [SECONDS]", .topic = TOPIC_DATA,
	  .summary = N_("which handles are readable, writable or hung up"),
	  .calls = "poll(2)",
	  .detail = N_("Polls the handles named (all open handles by default) for reading "
	            "and writing.  A last argument that is not an open handle is the "
	            "time-out in seconds (0: just look; in a script at most the "
	            "script's time-out)."),
	  .example = "poll 3 4 0.5",
	  .python = "select.poll()",
	  .min = 0, .max = -1, .flags = CMD_CALL,
	  .complete = { A_HANDLE, A_HANDLE, A_HANDLE, A_HANDLE }, .rest = A_HANDLE, .fn = cmd_poll },
	{ .name = "select", .args = "[N]... [SECONDS]", .topic = TOPIC_DATA,
	  .summary = N_("which handles are readable, writable or have urgent data"),
	  .calls = "select(2)",
	  .detail = N_("Like poll, with select's three descriptor sets, shown as lists of "
	            "handles: each handle named (all open handles by default) is in all "
	            "three; the kernel leaves in each set those that are readable, "
	            "writable, or have an exceptional condition (TCP urgent data "
	            "pending).  A last argument that is not an open handle is the "
	            "time-out in seconds (0: just look; in a script at most the "
	            "script's time-out).  A handle at or above FD_SETSIZE is refused."),
	  .example = "select 3 4 0.5",
	  .python = "r, w, x = select.select([s], [s], [s], 0.5)",
	  .min = 0, .max = -1, .flags = CMD_CALL,
	  .complete = { A_HANDLE, A_HANDLE, A_HANDLE, A_HANDLE }, .rest = A_HANDLE, .fn = cmd_select },
	{ .name = "sockatmark", .args = "", .topic = TOPIC_DATA,
	  .summary = N_("is the stream read up to the urgent byte's mark?"),
	  .calls = "sockatmark(3), that is ioctl(SIOCATMARK)",
	  .detail = N_("1 when every byte sent before the urgent byte (send DATA oob) has "
	            "been read: a recv stops at the mark, so a reader knows where the "
	            "urgent byte stood in the stream.  0 otherwise, or with no urgent "
	            "data.  A datagram socket has no mark: ENOTTY."),
	  .example = "sockatmark",
	  .python = "struct.unpack('i', fcntl.ioctl(s, 0x8905, b'\\0' * 4))[0]  # SIOCATMARK",
	  .min = 0, .max = 0, .flags = CMD_CALL | CMD_HANDLE,
	  .fn = cmd_sockatmark },
	{ .name = "nonblock", .args = "[on|off]", .topic = TOPIC_DATA,
	  .summary = N_("make the socket non-blocking (or blocking again)"),
	  .calls = "fcntl(2)",
	  .detail = N_("A non-blocking call that would have to wait fails with EAGAIN "
	            "instead.  on is also yes, 1 or true; off is no, 0 or false.  "
	            "Without an argument, shows the flag."),
	  .example = "nonblock on",
	  .python = "s.setblocking(False)",
	  .min = 0, .max = 1, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_ONOFF }, .fn = cmd_nonblock },

	/* ---- options ---- */
	{ .name = "setsockopt", .args = "OPTION|LEVEL [NAME] VALUE", .topic = TOPIC_OPTIONS,
	  .summary = N_("set a socket option, by short name or by level and name"),
	  .calls = "setsockopt(2)",
	  .detail = N_("OPTION by short name: reuseaddr, reuseport, keepalive, broadcast, "
	            "linger, rcvbuf, sndbuf, rcvlowat, sndlowat, rcvtimeo, sndtimeo, "
	            "priority, mark, bindtodevice, ttl, tos, multicast_ttl, multicast_loop, "
	            "multicast_if, v6only, unicast_hops, multicast_hops, nodelay, maxseg, "
	            "cork, quickack, user_timeout, fastopen, oobinline, ...  VALUE is on/off "
	            "(or yes/no, 1/0, true/false) or an integer in any C base (16, 0x10, "
	            "020); linger takes SECONDS or off; the time-outs take seconds; "
	            "bindtodevice an interface name (\"\" unbinds); multicast_if the "
	            "interface's IPv4 address, or on an inet6 socket its index or name.  "
	            "In a script the time-outs and linger are at most the script's "
	            "time-out.  The generic form reaches any option the kernel has: LEVEL "
	            "is SOL_SOCKET, IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDP (or "
	            "socket, ip, ipv6, tcp, udp) or a number, NAME a constant (TCP_NODELAY) "
	            "or a number, VALUE an int."),
	  .example = "setsockopt reuseaddr on",
	  .python = "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
	  .tool = "socat - TCP:HOST:PORT,setsockopt-int=6:1:1",
	  .min = 2, .max = 3, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_OPTION, A_ONOFF, A_ANY }, .fn = cmd_setsockopt },
	{ .name = "getsockopt", .args = "OPTION|LEVEL [NAME]", .topic = TOPIC_OPTIONS,
	  .summary = N_("show a socket option, by short name or by level and name"),
	  .calls = "getsockopt(2)",
	  .detail = N_("Every option setsockopt names, and the read-only error (the pending "
	            "SO_ERROR), type, domain, protocol, acceptconn.  The value shows with "
	            "its meaning: 1 (on), {on, 5 s}, seconds, 16 (0x10) for tos, \"lo\" for "
	            "bindtodevice; ${result} keeps the bare value.  LEVEL NAME as for "
	            "setsockopt reads an int."),
	  .example = "getsockopt rcvbuf",
	  .python = "s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)",
	  .min = 1, .max = 2, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_OPTION, A_ANY }, .fn = cmd_getsockopt },
	{ .name = "join", .args = "GROUP [IFACE-ADDRESS]", .topic = TOPIC_OPTIONS,
	  .summary = N_("join a multicast group"),
	  .calls = "setsockopt(2) IP_ADD_MEMBERSHIP, IPV6_JOIN_GROUP",
	  .detail = N_("On an inet socket GROUP is an IPv4 group (224.0.0.0/4) and "
	            "IFACE-ADDRESS the local address of the interface to join on (default "
	            "0.0.0.0: the kernel follows the route to the group); on an inet6 "
	            "socket GROUP is an IPv6 group (ff00::/8) and the interface is an "
	            "index or a name (lo).  Bind the socket to the group's port to "
	            "receive what is sent to it."),
	  .example = "join 239.1.2.3 127.0.0.1",
	  .python = "s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, "
	            "socket.inet_aton('239.1.2.3') + socket.inet_aton('127.0.0.1'))",
	  .tool = "socat UDP4-RECV:PORT,ip-add-membership=239.1.2.3:127.0.0.1 -",
	  .min = 1, .max = 2, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_HOST, A_HOST }, .fn = cmd_join },
	{ .name = "leave", .args = "GROUP [IFACE-ADDRESS]", .topic = TOPIC_OPTIONS,
	  .summary = N_("leave a multicast group"),
	  .calls = "setsockopt(2) IP_DROP_MEMBERSHIP, IPV6_LEAVE_GROUP",
	  .detail = N_("GROUP and the interface as for join; leaving a group not joined "
	            "fails with EADDRNOTAVAIL (IPv4) or EADDRNOTAVAIL/ENOENT (IPv6)."),
	  .example = "leave 239.1.2.3",
	  .python = "s.setsockopt(socket.IPPROTO_IP, socket.IP_DROP_MEMBERSHIP, "
	            "socket.inet_aton('239.1.2.3') + socket.inet_aton('0.0.0.0'))",
	  .min = 1, .max = 2, .flags = CMD_CALL | CMD_HANDLE,
	  .complete = { A_HOST, A_HOST }, .fn = cmd_leave },

	/* ---- names ---- */
	{ .name = "getsockname", .args = "", .topic = TOPIC_NAMES,
	  .summary = N_("the socket's own address"),
	  .calls = "getsockname(2)",
	  .detail = N_("After bind with port 0 this shows the port the kernel chose."),
	  .example = "getsockname",
	  .python = "s.getsockname()",
	  .min = 0, .max = 0, .flags = CMD_CALL | CMD_HANDLE,
	  .fn = cmd_getsockname },
	{ .name = "getpeername", .args = "", .topic = TOPIC_NAMES,
	  .summary = N_("the connected peer's address"),
	  .calls = "getpeername(2)",
	  .detail = N_("ENOTCONN when the socket is not connected."),
	  .example = "getpeername",
	  .python = "s.getpeername()",
	  .min = 0, .max = 0, .flags = CMD_CALL | CMD_HANDLE,
	  .fn = cmd_getpeername },
	{ .name = "getaddrinfo", .args = "HOST [PORT] [FAMILY] [TYPE]", .topic = TOPIC_NAMES,
	  .summary = N_("resolve a name: every result"),
	  .calls = "getaddrinfo(3)",
	  .detail = N_("Lists each result: family, type, protocol, canonical name, address.  "
	            "FAMILY inet or inet6 and TYPE stream or dgram narrow the question."),
	  .example = "getaddrinfo localhost 80",
	  .python = "socket.getaddrinfo('localhost', 80)",
	  .tool = "getent ahosts localhost",
	  .min = 1, .max = 4, .flags = CMD_CALL,
	  .complete = { A_HOST, A_PORT, A_FAMILY, A_TYPE }, .fn = cmd_getaddrinfo },
	{ .name = "gethostname", .args = "", .topic = TOPIC_NAMES,
	  .summary = N_("this machine's name"),
	  .calls = "gethostname(2)",
	  .detail = "",
	  .example = "gethostname",
	  .python = "socket.gethostname()",
	  .tool = "hostname",
	  .min = 0, .max = 0, .flags = CMD_CALL,
	  .fn = cmd_gethostname },

	/* ---- teaching ---- */
	{ .name = "status", .args = "[-v]", .topic = TOPIC_TEACHING,
	  .summary = N_("one row per open handle: addresses, TCP state, queued bytes"),
	  .calls = "getsockname(2), getpeername(2), getsockopt(2), ioctl(2), sock_diag(7)",
	  .detail = N_("Columns: descriptor, family, type, local and remote address, TCP "
	            "state, bytes waiting to be read (recvq), bytes not yet sent or "
	            "acknowledged (sendq), the accept queue of a listener, flags "
	            "(nonblock, a pending error).  '*' marks the current handle.  "
	            "With -v, under each TCP handle the kernel's view of the "
	            "connection, as tcpinfo shows it."),
	  .example = "status -v",
	  .tool = "ss -tanpi",
	  .min = 0, .max = 1, .flags = CMD_NOSAVE,
	  .complete = { A_ANY }, .fn = cmd_status },
	{ .name = "tcpinfo", .args = "[N]", .topic = TOPIC_TEACHING,
	  .summary = N_("the kernel's view of a TCP connection (TCP_INFO)"),
	  .calls = "getsockopt(2) TCP_INFO",
	  .detail = N_("For handle N (the current one without N): rtt and rttvar (ms), "
	            "cwnd and ssthresh (segments; '-' before the first loss), mss "
	            "(bytes), unacked segments, retransmissions (now/in all) and "
	            "the delivery rate where the kernel has it."),
	  .example = "tcpinfo 4",
	  .python = "s.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)",
	  .tool = "ss -tni",
	  .min = 0, .max = 1, .flags = CMD_NOSAVE,
	  .complete = { A_HANDLE }, .fn = cmd_tcpinfo },
	{ .name = "capture", .args = "[on|off|FILE.pcap]", .topic = TOPIC_TEACHING,
	  .summary = N_("show the packets of this shell's sockets after each call"),
	  .calls = "socket(7) AF_PACKET, recvfrom(2)",
	  .detail = N_("Each packet of this shell's own TCP and UDP ports on loopback is "
	            "shown once, as an indented line after the call that caused it (one "
	            "that comes later, before the next prompt or command): the time since "
	            "capture began, source > destination, the protocol; for TCP the flags "
	            "as tcpdump writes them ([S], [S.], [.], [P.], [F.], [R.]), seq and ack "
	            "relative to the connection's start, the window, the options (mss, "
	            "wscale, sackOK, TS) and the payload's length; for UDP its length; for "
	            "ICMP the type and code.  FILE.pcap also writes them to a pcap file "
	            "(raw IP) that tcpdump -r, tshark and Wireshark read.  Needs "
	            "CAP_NET_RAW: sockshell --private, or the capability.  expect packets "
	            ">= N and expect packet \"[S.]\" check the packets the previous "
	            "command caused."),
	  .example = "capture on",
	  .tool = "tcpdump -i lo -n -S tcp port 10000",
	  .min = 0, .max = 1, .flags = CMD_NOSAVE,
	  .complete = { A_FILE }, .fn = cmd_capture },
	{ .name = "host", .args = "[NAME|- [ADDRESS [ADDRESS]]]", .topic = TOPIC_TEACHING,
	  .summary = N_("make a host of the lab, or choose the host new sockets are made on"),
	  .calls = "fork(2), unshare(2), setns(2), socket(2), SCM_RIGHTS (in a helper)",
	  .detail = N_("The lab is a network in one shell, without root: each host is a "
	            "network namespace of its own with loopback and eth0, on one link "
	            "with the other hosts.  host NAME makes host NAME (addresses "
	            "10.0.0.N/24 and fd00::N/64, N counting from 1, unless ADDRESS "
	            "gives an IPv4 and/or an IPv6 address, each with /LEN if you like), "
	            "or makes NAME current when it exists: socket and dial then make "
	            "their sockets on it, and the prompt shows it (sockshell[a:3]>).  "
	            "host - goes back to the shell's own network; host alone lists the "
	            "hosts.  A host's name stands for its address (connect b 8000), never "
	            "looked up outside.  status shows each handle's host.  A helper process makes "
	            "the namespaces and the sockets and forwards the packets; it ends "
	            "with the shell.  Needs user namespaces and /dev/net/tun."),
	  .example = "host a",
	  .min = 0, .max = 3,
	  .complete = { A_ANY, A_HOST, A_HOST }, .fn = cmd_host },
	{ .name = "link", .args = "[HOST] [delay MS] [jitter MS] [loss PCT] [duplicate PCT] "
	          "[reorder PCT] [rate KBIT] [seed N]", .topic = TOPIC_TEACHING,
	  .summary = N_("set the conditions of the lab's link; alone, show them"),
	  .calls = "none of its own: the lab's helper applies them to its queue",
	  /* xgettext:no-c-format */
	  .detail = N_("The conditions of the frames HOST sends onto the link (of every "
	            "host's without HOST): delay MS one way, jitter MS (the delay varies "
	            "uniformly by up to that much either way, never reordering), loss, "
	            "duplicate and reorder in percent (a reordered frame goes at once, "
	            "ahead of those delayed), rate KBIT in kbit/s (frames leave back to "
	            "back, each taking its length's time; 0 unlimited).  Decimals as in "
	            "0.5; ms, % and kbit may follow the numbers.  seed N makes the "
	            "randomness replay the same.  A line with conditions sets them all: "
	            "one not written is none; link HOST none is a perfect link.  A queue "
	            "holds at most 1000 frames or 2 MiB: more is dropped, as a router's "
	            "full queue drops.  Without conditions, shows each side as the line "
	            "that sets it.  Needs a lab: host NAME first."),
	  .example = "link a delay 50 loss 10 seed 1",
	  .tool = "tc qdisc change dev eth0 root netem delay 50ms loss 10%",
	  .min = 0, .max = 15,
	  .complete = { A_LINK, A_LINK, A_LINK, A_LINK }, .rest = A_LINK, .fn = cmd_link },
	{ .name = "use", .args = "N", .topic = TOPIC_TEACHING,
	  .summary = N_("make handle N current (as does a leading number: \"4 recv 16\")"),
	  .detail = "",
	  .example = "use 4",
	  .min = 1, .max = 1,
	  .complete = { A_HANDLE }, .fn = cmd_use },
	{ .name = "sleep", .args = "SECONDS", .topic = TOPIC_TEACHING,
	  .summary = N_("wait, fractions allowed"),
	  .calls = "nanosleep(2)",
	  .detail = N_("Ctrl-C ends the wait; in a script it is cut to the time-out."),
	  .example = "sleep 0.2",
	  .python = "time.sleep(0.2)",
	  .min = 1, .max = 1,
	  .complete = { A_ANY }, .fn = cmd_sleep },
	{ .name = "echo", .args = "[TEXT]...", .topic = TOPIC_TEACHING,
	  .summary = N_("print a line: headings and explanations in lessons"),
	  .detail = "",
	  .example = "echo \"Step 1: the server listens.\"",
	  .python = "print(...)",
	  .min = 0, .max = -1,
	  .complete = { A_ANY, A_ANY, A_ANY, A_ANY }, .rest = A_ANY, .fn = cmd_echo },

	/* ---- lessons ---- */
	{ .name = "expect", .args = "WHAT...", .topic = TOPIC_LESSONS,
	  .summary = N_("check the previous call's result"),
	  .detail = N_("WHAT is a number (the return value), a comparison with it (<N, "
	            "<=N, >N, >=N, !=N), a quoted string (the data received, or the "
	            "text of the result), an errno name (ECONNREFUSED, EAI_NONAME), eof "
	            "(recv on a stream returned 0), ok (no error), timeout (the call gave up; this "
	            "settles the failure) or truncated (a datagram did not fit); with "
	            "capture on, first, packets N (or a comparison) or packet \"TEXT\" "
	            "check the packets the command before caused.  Each "
	            "expect line is one TAP test point with --tap.  After a command that "
	            "stopped at a shell error (it made no call) expect fails and says so."),
	  .example = "expect \"This is the mess\"",
	  .python = "assert data == b'This is the mess'",
	  .min = 1, .max = -1, .flags = CMD_NOSAVE | CMD_CHECKS,
	  .complete = { A_EXPECT, A_EXPECT, A_EXPECT, A_EXPECT }, .rest = A_EXPECT, .fn = cmd_expect },
	{ .name = "set", .args = "[NAME [VALUE]]", .topic = TOPIC_LESSONS,
	  .summary = N_("set a variable or a setting; alone, list them"),
	  .detail = N_("Settings: display text|ascii|hex|both (text shows printable UTF-8 as "
	            "characters in a UTF-8 locale; ascii escapes every byte that is not printable ASCII), timeout SECONDS (0: none; a "
	            "script may only shorten it), "
	            "echo on|off, errexit on|off (or yes/no, 1/0, true/false), "
	            "capture text|hex (hex: each captured packet's payload as a hex dump, "
	            "rows marked > or < by direction).  Any other NAME is a variable for "
	            "${NAME}.  Without VALUE, shows it.  Each call sets ${rc}, ${errno}, "
	            "${data} and ${result}, which cannot be set by hand."),
	  .example = "set PORT 10000",
	  .min = 0, .max = 2,
	  .complete = { A_SETTING, A_ANY }, .fn = cmd_set },
	{ .name = "source", .args = "FILE [ARG]...", .topic = TOPIC_LESSONS,
	  .summary = N_("run a lesson file here, with its arguments as $1..."),
	  .detail = N_("The file is checked whole before its first line runs; handles and "
	            "variables are shared with this shell."),
	  .example = "source examples/echo.sock",
	  .min = 1, .max = -1,
	  .complete = { A_FILE, A_ANY, A_ANY, A_ANY }, .rest = A_ANY, .fn = cmd_source },
	{ .name = "save", .args = "[-f] FILE", .topic = TOPIC_LESSONS,
	  .summary = N_("write this session out as a lesson that checks itself"),
	  .detail = N_("Each command is written as typed, each call followed by an expect "
	            "line holding what it returned, so the session replays as a test "
	            "(the data escaped: $ is written \\$).  At most 4 KiB of one call's "
	            "data and 1 MiB in all are kept: past that a comment says what was "
	            "cut and the expect line checks the return value.  An existing FILE "
	            "is kept unless -f is given."),
	  .example = "save mysession.sock",
	  .min = 1, .max = 2, .flags = CMD_NOSAVE,
	  .complete = { A_FILE, A_FILE }, .fn = cmd_save },

	{ .name = "require", .args = "ipv4|ipv6|unix|lab", .topic = TOPIC_LESSONS,
	  .summary = N_("skip the rest of the lesson where the machine lacks this"),
	  .detail = N_("Tries a socket of that family on its loopback address.  Where that "
	            "fails the lesson stops at once with status 0, saying why; with --tap "
	            "it prints a skip plan (1..0 # SKIP), so make check counts it as "
	            "skipped.  It must come before the first expect.  require lab "
	            "skips where the lab's hosts cannot be had (see host)."),
	  .example = "require ipv6",
	  .min = 1, .max = 1, .flags = CMD_NOSAVE,
	  .complete = { A_ANY }, .fn = cmd_require },

	/* ---- shell ---- */
	{ .name = "help", .args = "[COMMAND]", .topic = TOPIC_SHELL,
	  .summary = N_("list the commands, or explain one"),
	  .detail = "",
	  .example = "help connect",
	  .min = 0, .max = 1, .flags = CMD_NOSAVE,
	  .complete = { A_COMMAND }, .fn = cmd_help },
	{ .name = "quit", .args = "[STATUS]", .topic = TOPIC_SHELL,
	  .summary = N_("leave, closing every handle"),
	  .detail = N_("Ctrl-D at the prompt does the same."),
	  .example = "quit",
	  .python = "sys.exit()",
	  .min = 0, .max = 1, .flags = CMD_NOSAVE,
	  .complete = { A_ANY }, .fn = cmd_quit },
	{ .name = "exit", .args = "[STATUS]", .topic = TOPIC_SHELL,
	  .summary = N_("the same as quit"),
	  .detail = "",
	  .example = "exit",
	  .python = "sys.exit()",
	  .min = 0, .max = 1, .flags = CMD_NOSAVE,
	  .complete = { A_ANY }, .fn = cmd_quit },
};

const int cmdtab_count = (int)(sizeof cmdtab / sizeof cmdtab[0]);

/* The exact names, hashed (FNV-1a) into a table of row numbers + 1,
 * with each name's length, built at the first lookup: every command line
 * comes here, and a scan of every row was a tenth of a send's cost. */
#define NAME_SLOTS 512  /* a power of two, well over twice the rows */
static unsigned short name_slot[NAME_SLOTS];
static unsigned char name_len[NAME_SLOTS / 2];

/* The slot of name s[0..len), or -1 when s holds a NUL byte. */
static int name_hash(const char *s, size_t len)
{
	unsigned h = 2166136261u, nul = 1;

	for (size_t i = 0; i < len; i++) {
		nul &= s[i] != '\0';
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	}
	return nul ? (int)(h & (NAME_SLOTS - 1)) : -1;
}

/* The hash of the names, once. */
static void build_names(void)
{
	for (int i = 0; i < cmdtab_count && i < NAME_SLOTS / 2; i++) {
		size_t n = strlen(cmdtab[i].name);
		int h = name_hash(cmdtab[i].name, n);
		while (name_slot[h] != 0)
			h = (h + 1) & (NAME_SLOTS - 1);
		name_slot[h] = (unsigned short)(i + 1);
		name_len[i] = (unsigned char)(n < 255 ? n : 255);
	}
}

const struct command_def *cmdtab_find(const char *name, size_t len, int *ambiguous)
{
	static int built;
	const struct command_def *found = NULL;
	int matches = 0, h = len > 0 ? name_hash(name, len) : -1;

	*ambiguous = 0;
	if (h < 0)
		return NULL;  /* empty, or a NUL in it: no command */
	if (!built) {
		build_names();
		built = 1;
	}
	for (; name_slot[h] != 0; h = (h + 1) & (NAME_SLOTS - 1)) {
		int i = name_slot[h] - 1;
		if (name_len[i] == len && memcmp(cmdtab[i].name, name, len) == 0)
			return &cmdtab[i];
	}
	/* A prefix: unique, or ambiguous. */
	for (int i = 0; i < cmdtab_count; i++) {
		if (strncmp(cmdtab[i].name, name, len) == 0) {
			/* quit and exit are one command under two names. */
			if (found == NULL || found->fn != cmdtab[i].fn)
				matches++;
			found = &cmdtab[i];
		}
	}
	if (matches == 1)
		return found;
	*ambiguous = matches > 1;
	return NULL;
}

const char *cmdtab_suggest(const char *name, size_t len)
{
	const char *best = NULL;
	size_t best_d = 3;

	for (int i = 0; i < cmdtab_count; i++) {
		size_t d = kw_distance(name, len, cmdtab[i].name, strlen(cmdtab[i].name));
		if (d < best_d) {
			best_d = d;
			best = cmdtab[i].name;
		}
	}
	return best;
}

void cmdtab_candidates(const char *prefix, size_t len, char *buf, size_t buflen)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; i < cmdtab_count; i++) {
		if (strncmp(cmdtab[i].name, prefix, len) != 0)
			continue;
		int n = snprintf(buf + used, buflen - used, "%s%s", used ? ", " : "", cmdtab[i].name);
		if (n < 0 || (size_t)n >= buflen - used)
			break;
		used += (size_t)n;
	}
}
