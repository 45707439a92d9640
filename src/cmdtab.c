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

#include "cmdtab.h"
#include "shell.h"

const char *const cmdtab_topics[] = {
	"sockets", "data", "options", "names", "teaching", "lessons", "shell", NULL
};

#define NOARGS { A_NONE, A_NONE, A_NONE, A_NONE }

const struct command_def cmdtab[] = {
	/* ---- sockets ---- */
	{ "socket", "FAMILY TYPE [PROTO]", "sockets",
	  "create a socket; it becomes the current handle",
	  "socket(2); getaddrinfo(3) for \"for NAME\"",
	  "FAMILY is inet, inet6 or unix; TYPE is stream, dgram, seqpacket or raw; "
	  "PROTO is tcp, udp, icmp, icmpv6, sctp, a number, or 0 (the default).  "
	  "FAMILY may also be \"for HOST\": the family of that address (inet "
	  "for 127.0.0.1 or *, inet6 for ::1, unix for a path with a /; for a "
	  "name, the first address getaddrinfo gives), so that a lesson works "
	  "with either: socket for ${HOST} stream, then bind ${HOST} PORT.",
	  "socket inet stream",
	  "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)", NULL,
	  2, 4, CMD_CALL, { A_FAMILY, A_TYPE, A_PROTO, A_NONE }, A_NONE, cmd_socket },
	{ "bind", "HOST PORT", "sockets",
	  "give the socket a local address",
	  "bind(2)",
	  "HOST is an address (127.0.0.1, ::1, [::1]), a name, or * for every "
	  "address; PORT 0 lets the kernel choose (see it with getsockname, or "
	  "reach it with @N).  A unix socket binds to a path.",
	  "bind 127.0.0.1 0",
	  "s.bind(('127.0.0.1', 0))", "nc -l 127.0.0.1 10000",
	  1, 2, CMD_CALL | CMD_HANDLE, { A_HOST, A_PORT, A_NONE, A_NONE }, A_NONE, cmd_bind },
	{ "listen", "[BACKLOG]", "sockets",
	  "make a stream socket accept connections",
	  "listen(2)",
	  "BACKLOG bounds the queue of connections the kernel has completed "
	  "but accept has not taken yet (default SOMAXCONN).  On an IPv4 or "
	  "IPv6 socket no bind succeeded on, listen binds it to any address "
	  "and a port the kernel chooses; a note line says so.",
	  "listen 5",
	  "s.listen(5)", "nc -l PORT",
	  0, 1, CMD_CALL | CMD_HANDLE, { A_COUNT, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_listen },
	{ "accept", "", "sockets",
	  "take the next connection from a listening socket",
	  "accept(2)",
	  "Blocks until a client connects (unless the listener is non-blocking). "
	  "The new connection is a new handle, which becomes current; the "
	  "peer's address is shown and kept as @from.",
	  "accept",
	  "conn, addr = s.accept()", "nc -l PORT",
	  0, 0, CMD_CALL | CMD_HANDLE, NOARGS, A_NONE, cmd_accept },
	{ "connect", "HOST PORT", "sockets",
	  "connect to a peer (TCP), or fix the peer (UDP)",
	  "connect(2)",
	  "A name with several addresses is tried address by address, each "
	  "attempt shown, until one succeeds.  @N is handle N's own address, "
	  "@from the last peer; neither takes a PORT.  PORT may also be written "
	  "@N, handle N's port: connect 127.0.0.1 @3.  ECONNREFUSED on a stream "
	  "socket means nothing listens there: a line says to start the server "
	  "first.",
	  "connect 127.0.0.1 10000",
	  "s.connect(('127.0.0.1', 10000))", "nc 127.0.0.1 10000",
	  1, 2, CMD_CALL | CMD_HANDLE, { A_HOST, A_PORT, A_NONE, A_NONE }, A_NONE, cmd_connect },
	{ "shutdown", "rd|wr|rdwr", "sockets",
	  "close one direction of a connection",
	  "shutdown(2)",
	  "shutdown wr sends EOF to the peer, which can still answer: a "
	  "half-closed connection.",
	  "shutdown wr",
	  "s.shutdown(socket.SHUT_WR)", "nc -N HOST PORT",
	  1, 1, CMD_CALL | CMD_HANDLE, { A_HOW, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_shutdown },
	{ "close", "", "sockets",
	  "close the socket",
	  "close(2)",
	  "The most recently used open handle becomes current.",
	  "3 close",
	  "s.close()", NULL,
	  0, 0, CMD_CALL | CMD_HANDLE, NOARGS, A_NONE, cmd_close },
	{ "socketpair", "[TYPE]", "sockets",
	  "two connected unix sockets; the first becomes current",
	  "socketpair(2)",
	  "TYPE is stream (the default), dgram or seqpacket.  Both ends live in "
	  "this shell: what one sends the other receives.",
	  "socketpair",
	  "a, b = socket.socketpair()", NULL,
	  0, 1, CMD_CALL, { A_TYPE, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_socketpair },
	{ "dial", "HOST PORT [TYPE]", "sockets",
	  "connect by name, step by step, over IPv4 or IPv6",
	  "getaddrinfo(3), socket(2), connect(2), close(2)",
	  "Resolves HOST, then makes a socket and connects it for each result "
	  "in turn, closing it after a failure, until one connects: the classic "
	  "client that works on IPv4 and IPv6 alike.  TYPE is stream (default) "
	  "or dgram.  @N (handle N's address) or @from may stand for HOST PORT.",
	  "dial localhost 80",
	  "s = socket.create_connection(('localhost', 80))", "nc localhost 80",
	  1, 3, CMD_CALL, { A_HOST, A_PORT, A_TYPE, A_NONE }, A_NONE, cmd_dial },

	{ "unlink", "PATH", "sockets",
	  "remove a unix socket's path, so it can be bound again",
	  "unlink(2)",
	  "A unix socket bound to a path leaves the path behind after close; "
	  "binding it again fails with EADDRINUSE until it is removed.  Only a "
	  "socket is ever removed: any other kind of file is refused.",
	  "unlink /tmp/echo.sock",
	  "os.unlink('/tmp/echo.sock')", "rm /tmp/echo.sock",
	  1, 1, CMD_CALL, { A_FILE, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_unlink },

	/* ---- data ---- */
	{ "send", "DATA [FLAG]...", "data",
	  "send data on a connected socket",
	  "send(2)",
	  "DATA is a string (\"...\" with C escapes, '...' literal), -n COUNT "
	  "generated bytes, or -f FILE.  The count actually sent is shown: on a "
	  "non-blocking socket it may be less than asked.  FLAGs: dontwait, "
	  "more, nosignal, oob, eor.",
	  "send \"GET / HTTP/1.0\\r\\n\\r\\n\"",
	  "s.send(b'GET / HTTP/1.0\\r\\n\\r\\n')", "printf 'GET / ...' | nc HOST PORT",
	  1, -1, CMD_CALL | CMD_HANDLE, { A_DATA, A_FLAG, A_FLAG, A_FLAG }, A_FLAG, cmd_send },
	{ "recv", "N [FLAG]...", "data",
	  "receive at most N bytes",
	  "recv(2)",
	  "Shows the count and every byte received, escaped; 0 is EOF.  FLAGs: "
	  "peek, waitall, dontwait, oob, trunc.  Sets ${data}.",
	  "recv 16",
	  "data = s.recv(16)", NULL,
	  1, -1, CMD_CALL | CMD_HANDLE, { A_COUNT, A_FLAG, A_FLAG, A_FLAG }, A_FLAG, cmd_recv },
	{ "sendto", "DATA HOST PORT [FLAG]...", "data",
	  "send a datagram to an address",
	  "sendto(2)",
	  "DATA as for send.  @from answers the sender of the last recvfrom.",
	  "sendto \"hello\" 127.0.0.1 5000",
	  "s.sendto(b'hello', ('127.0.0.1', 5000))", "echo hello | nc -u 127.0.0.1 5000",
	  2, -1, CMD_CALL | CMD_HANDLE, { A_DATA, A_HOST, A_PORT, A_FLAG }, A_FLAG, cmd_sendto },
	{ "recvfrom", "N [FLAG]...", "data",
	  "receive a datagram and its sender",
	  "recvfrom(2)",
	  "Shows the data and the sender, kept as @from.  A datagram longer than "
	  "N is flagged as truncated, with its real length.",
	  "recvfrom 512",
	  "data, addr = s.recvfrom(512)", "nc -u -l PORT",
	  1, -1, CMD_CALL | CMD_HANDLE, { A_COUNT, A_FLAG, A_FLAG, A_FLAG }, A_FLAG, cmd_recvfrom },
	{ "drain", "[N]", "data",
	  "recv until EOF, then count the calls and bytes",
	  "recv(2)",
	  "One line per recv of at most N bytes (default 4096), then how many "
	  "calls and bytes it took: the number of calls varies from run to run.  "
	  "The time-out bounds the whole drain.  ${data} keeps the first MiB "
	  "(1048576 bytes); the summary says when there was more.  On a "
	  "datagram socket an empty datagram is no EOF: drain waits for the "
	  "first datagram, then takes those queued and stops.",
	  "drain 1024",
	  "while (b := s.recv(1024)): pass", "nc HOST PORT > /dev/null",
	  0, 1, CMD_CALL | CMD_HANDLE, { A_COUNT, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_drain },
	{ "poll", "[N]... [SECONDS]", "data",
	  "which handles are readable, writable or hung up",
	  "poll(2)",
	  "Polls the handles named (all open handles by default) for reading "
	  "and writing.  A last argument that is not an open handle is the "
	  "time-out in seconds (0: just look).",
	  "poll 3 4 0.5",
	  "select.poll()", NULL,
	  0, -1, CMD_CALL, { A_HANDLE, A_HANDLE, A_HANDLE, A_HANDLE }, A_HANDLE, cmd_poll },
	{ "nonblock", "[on|off]", "data",
	  "make the socket non-blocking (or blocking again)",
	  "fcntl(2)",
	  "A non-blocking call that would have to wait fails with EAGAIN "
	  "instead.  Without an argument, shows the flag.",
	  "nonblock on",
	  "s.setblocking(False)", NULL,
	  0, 1, CMD_CALL | CMD_HANDLE, { A_ONOFF, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_nonblock },

	/* ---- options ---- */
	{ "setsockopt", "OPTION VALUE", "options",
	  "set a socket option",
	  "setsockopt(2)",
	  "OPTION by short name: reuseaddr, reuseport, keepalive, broadcast, "
	  "linger, rcvbuf, sndbuf, rcvtimeo, sndtimeo, v6only, nodelay, "
	  "oobinline, ...  VALUE is on/off or a number; linger takes SECONDS or "
	  "off; the time-outs take seconds.",
	  "setsockopt reuseaddr on",
	  "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)", NULL,
	  2, 2, CMD_CALL | CMD_HANDLE, { A_OPTION, A_ONOFF, A_NONE, A_NONE }, A_NONE, cmd_setsockopt },
	{ "getsockopt", "OPTION", "options",
	  "show a socket option",
	  "getsockopt(2)",
	  "Besides the settable options: error (the pending SO_ERROR), type, "
	  "acceptconn.",
	  "getsockopt rcvbuf",
	  "s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)", NULL,
	  1, 1, CMD_CALL | CMD_HANDLE, { A_OPTION, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_getsockopt },

	/* ---- names ---- */
	{ "getsockname", "", "names",
	  "the socket's own address",
	  "getsockname(2)",
	  "After bind with port 0 this shows the port the kernel chose.",
	  "getsockname",
	  "s.getsockname()", NULL,
	  0, 0, CMD_CALL | CMD_HANDLE, NOARGS, A_NONE, cmd_getsockname },
	{ "getpeername", "", "names",
	  "the connected peer's address",
	  "getpeername(2)",
	  "ENOTCONN when the socket is not connected.",
	  "getpeername",
	  "s.getpeername()", NULL,
	  0, 0, CMD_CALL | CMD_HANDLE, NOARGS, A_NONE, cmd_getpeername },
	{ "getaddrinfo", "HOST [PORT] [FAMILY] [TYPE]", "names",
	  "resolve a name: every result",
	  "getaddrinfo(3)",
	  "Lists each result: family, type, protocol, canonical name, address.  "
	  "FAMILY inet or inet6 and TYPE stream or dgram narrow the question.",
	  "getaddrinfo localhost 80",
	  "socket.getaddrinfo('localhost', 80)", "getent ahosts localhost",
	  1, 4, CMD_CALL, { A_HOST, A_PORT, A_FAMILY, A_TYPE }, A_NONE, cmd_getaddrinfo },
	{ "gethostname", "", "names",
	  "this machine's name",
	  "gethostname(2)",
	  "", "gethostname",
	  "socket.gethostname()", "hostname",
	  0, 0, CMD_CALL, NOARGS, A_NONE, cmd_gethostname },

	/* ---- teaching ---- */
	{ "status", "", "teaching",
	  "one row per open handle: addresses, TCP state, queued bytes",
	  "getsockname(2), getpeername(2), getsockopt(2), ioctl(2)",
	  "Columns: descriptor, family, type, local and remote address, TCP "
	  "state, bytes waiting to be read (recvq), bytes not yet sent or "
	  "acknowledged (sendq), the accept queue of a listener, flags "
	  "(nonblock, a pending error).  '*' marks the current handle.",
	  "status",
	  NULL, "ss -tanp",
	  0, 0, CMD_NOSAVE, NOARGS, A_NONE, cmd_status },
	{ "use", "N", "teaching",
	  "make handle N current (as does a leading number: \"4 recv 16\")",
	  NULL, "", "use 4",
	  NULL, NULL,
	  1, 1, 0, { A_HANDLE, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_use },
	{ "sleep", "SECONDS", "teaching",
	  "wait, fractions allowed",
	  "nanosleep(2)",
	  "Ctrl-C ends the wait.", "sleep 0.2",
	  "time.sleep(0.2)", NULL,
	  1, 1, 0, { A_ANY, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_sleep },
	{ "echo", "[TEXT]...", "teaching",
	  "print a line: headings and explanations in lessons",
	  NULL, "", "echo \"Step 1: the server listens.\"",
	  "print(...)", NULL,
	  0, -1, 0, { A_ANY, A_ANY, A_ANY, A_ANY }, A_ANY, cmd_echo },

	/* ---- lessons ---- */
	{ "expect", "WHAT...", "lessons",
	  "check the previous call's result",
	  NULL,
	  "WHAT is a number (the return value), a comparison with it (<N, "
	  "<=N, >N, >=N, !=N), a quoted string (the data received, or the "
	  "text of the result), an errno name (ECONNREFUSED, EAI_NONAME), eof "
	  "(recv on a stream returned 0), ok (no error), timeout (the call gave up; this "
	  "settles the failure) or truncated (a datagram did not fit).  Each "
	  "expect line is one TAP test point with --tap.  After a command that "
	  "stopped at a shell error (it made no call) expect fails and says so.",
	  "expect \"This is the mess\"",
	  "assert data == b'This is the mess'", NULL,
	  1, -1, CMD_NOSAVE, { A_EXPECT, A_EXPECT, A_EXPECT, A_EXPECT }, A_EXPECT, cmd_expect },
	{ "set", "[NAME [VALUE]]", "lessons",
	  "set a variable or a setting; alone, list them",
	  NULL,
	  "Settings: display text|hex|both, timeout SECONDS (0: none), "
	  "echo on|off, errexit on|off.  Any other NAME is a variable for "
	  "${NAME}.  Without VALUE, shows it.  Each call sets ${rc}, ${errno}, "
	  "${data} and ${result}, which cannot be set by hand.",
	  "set PORT 10000",
	  NULL, NULL,
	  0, 2, 0, { A_SETTING, A_ANY, A_NONE, A_NONE }, A_NONE, cmd_set },
	{ "source", "FILE [ARG]...", "lessons",
	  "run a lesson file here, with its arguments as $1...",
	  NULL,
	  "The file is checked whole before its first line runs; handles and "
	  "variables are shared with this shell.",
	  "source examples/echo.sock",
	  NULL, NULL,
	  1, -1, CMD_NOEXPECT, { A_FILE, A_ANY, A_ANY, A_ANY }, A_ANY, cmd_source },
	{ "save", "[-f] FILE", "lessons",
	  "write this session out as a lesson that checks itself",
	  NULL,
	  "Each command is written as typed, each call followed by an expect "
	  "line holding what it returned, so the session replays as a test "
	  "(the data escaped: $ is written \\$).  At most 4 KiB of one call's "
	  "data and 1 MiB in all are kept: past that a comment says what was "
	  "cut and the expect line checks the return value.  An existing FILE "
	  "is kept unless -f is given.",
	  "save mysession.sock",
	  NULL, NULL,
	  1, 2, CMD_NOSAVE, { A_FILE, A_FILE, A_NONE, A_NONE }, A_NONE, cmd_save },

	{ "require", "ipv4|ipv6|unix", "lessons",
	  "skip the rest of the lesson where the machine lacks this",
	  NULL,
	  "Tries a socket of that family on its loopback address.  Where that "
	  "fails the lesson stops at once with status 0, saying why; with --tap "
	  "it prints a skip plan (1..0 # SKIP), so make check counts it as "
	  "skipped.  It must come before the first expect.",
	  "require ipv6",
	  NULL, NULL,
	  1, 1, CMD_NOSAVE, { A_ANY, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_require },

	/* ---- shell ---- */
	{ "help", "[COMMAND]", "shell",
	  "list the commands, or explain one",
	  NULL, "", "help connect",
	  NULL, NULL,
	  0, 1, CMD_NOSAVE, { A_COMMAND, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_help },
	{ "quit", "[STATUS]", "shell",
	  "leave, closing every handle",
	  NULL, "Ctrl-D at the prompt does the same.", "quit",
	  "sys.exit()", NULL,
	  0, 1, CMD_NOSAVE, { A_ANY, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_quit },
	{ "exit", "[STATUS]", "shell",
	  "the same as quit",
	  NULL, "", "exit",
	  "sys.exit()", NULL,
	  0, 1, CMD_NOSAVE, { A_ANY, A_NONE, A_NONE, A_NONE }, A_NONE, cmd_quit },
};

const int cmdtab_count = (int)(sizeof cmdtab / sizeof cmdtab[0]);

const struct command_def *cmdtab_find(const char *name, size_t len, int *ambiguous)
{
	const struct command_def *found = NULL;
	int matches = 0;

	*ambiguous = 0;
	if (len == 0 || memchr(name, '\0', len) != NULL)
		return NULL;
	for (int i = 0; i < cmdtab_count; i++) {
		const char *c = cmdtab[i].name;
		/* Every command line comes here: no strlen of every row. */
		if (c[0] == name[0] && (len < 2 || c[1] == name[1]) && strncmp(c, name, len) == 0 &&
		    c[len] == '\0')
			return &cmdtab[i];
	}
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

/* Damerau-Levenshtein distance (optimal string alignment), capped. */
static size_t distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t d[24][24];

	if (n > 22 || m > 22)
		return 99;
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[n][m];
}

const char *cmdtab_suggest(const char *name, size_t len)
{
	const char *best = NULL;
	size_t best_d = 3;

	for (int i = 0; i < cmdtab_count; i++) {
		size_t d = distance(name, len, cmdtab[i].name, strlen(cmdtab[i].name));
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
