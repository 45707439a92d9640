/*
 * cmd_io.c - moving data: send, recv, sendto, recvfrom, drain, poll,
 * nonblock.
 *
 * Hides the details that make the trace honest: received bytes go straight
 * into the result buffer (no copy, no allocation per call), the count the
 * kernel really took is what is shown, and a datagram that did not fit is
 * flagged with its real length.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "cmds.h"
#include "handle.h"
#include "i18n.h"
#include "icmp.h"
#include "keywords.h"
#include "output.h"
#include "shell.h"

/* Is the send of len bytes that returned rc cut short by our time-out? */
static int send_timed_out(const struct shell *sh, const struct handle *h, long long rc,
			  size_t len, int flags)
{
	return rc >= 0 && (size_t)rc < len && h->timeo && !h->nonblock &&
	       !(flags & MSG_DONTWAIT) && h->type == SOCK_STREAM && !shell_sigint &&
	       sh->timeout > 0;
}

/*
 * Send as one blocking send() or sendto() would, but flush our output
 * only when the kernel makes us wait: the first try does not wait
 * (MSG_DONTWAIT), and only if the kernel cannot take every byte at once
 * is the output flushed (a peer watching it sees each line before we
 * wait) and the rest sent by a blocking call.  A call that cannot block
 * (non-blocking socket, dontwait) is made once, without a flush.
 * Returns what the blocking call returns: the count sent (what the first
 * try took, when the second fails after it), or -1 with errno set.
 */
static ssize_t send_data(struct shell *sh, int fd, const struct handle *h, const char *p,
			 size_t len, int flags, const struct sockaddr *to, socklen_t tolen)
{
	ssize_t n = 0, m;

	if (h->nonblock || (flags & MSG_DONTWAIT))
		return sendto(fd, p, len, flags, to, tolen);
	/* An urgent byte marks the end of one send: never split it. */
	if (!(flags & MSG_OOB)) {
		n = sendto(fd, p, len, flags | MSG_DONTWAIT, to, tolen);
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
			return n;
		if (n >= 0 && ((size_t)n == len || h->type != SOCK_STREAM))
			return n;
		if (n < 0)
			n = 0;
	}
	out_before_block(sh);
	m = sendto(fd, p + n, len - (size_t)n, flags, to, tolen);
	if (m < 0)
		return n > 0 ? n : m;
	return n + m;
}

int cmd_send(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	struct data d;
	int next, flags, fd = sh->current;

	if (args_data(sh, argc, argv, 1, &next, &d) < 0)
		return CMD_ERROR;
	if (args_flags(sh, argc, argv, next, &flags) < 0) {
		args_data_free(&d);
		return CMD_ERROR;
	}
	trace_begin(sh, "send");
	trace_adds(sh, "(");
	trace_add_int(sh, fd);
	trace_adds(sh, ", ");
	trace_sent(sh, d.p, d.len);
	trace_adds(sh, ", ");
	trace_add_int(sh, (long long)d.len);
	trace_adds(sh, ", ");
	kw_add_flags(&sh->line, kw_msgflags, flags);
	trace_adds(sh, ")");
	ssize_t rc = send_data(sh, fd, h, d.p, d.len, flags, NULL, 0);
	int err = rc < 0 ? errno : 0;
	handle_note_sent(sh, h, rc, flags);
	trace_outcome(sh, h, rc, err, flags);
	if (send_timed_out(sh, h, rc, d.len, flags))
		trace_mark_timeout(sh);
	trace_close(sh);
	args_data_free(&d);
	return CMD_OK;
}

int cmd_sendto(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	struct data d;
	struct addr_list al;
	int next, flags, fd = sh->current;

	if (args_data(sh, argc, argv, 1, &next, &d) < 0)
		return CMD_ERROR;
	int rc = args_address(sh, h, h->family, h->type, argc, argv, next, &next, &al);
	if (rc < 0 || args_flags(sh, argc, argv, next, &flags) < 0) {
		args_data_free(&d);
		addr_list_free(&al);
		return rc == -2 ? CMD_OK : CMD_ERROR;
	}
	trace_begin(sh, "sendto");
	trace_adds(sh, "(");
	trace_add_int(sh, fd);
	trace_adds(sh, ", ");
	trace_sent(sh, d.p, d.len);
	trace_adds(sh, ", ");
	trace_add_int(sh, (long long)d.len);
	trace_adds(sh, ", ");
	kw_add_flags(&sh->line, kw_msgflags, flags);
	trace_adds(sh, ", ");
	trace_addr(sh, (struct sockaddr *)&al.v[0].ss, al.v[0].len);
	trace_adds(sh, ")");
	ssize_t n = send_data(sh, fd, h, d.p, d.len, flags, (struct sockaddr *)&al.v[0].ss,
			      al.v[0].len);
	int err = n < 0 ? errno : 0;
	handle_note_sent(sh, h, n, flags);
	trace_outcome(sh, h, n, err, flags);
	if (send_timed_out(sh, h, n, d.len, flags))
		trace_mark_timeout(sh);
	icmp_trace(sh, h, d.p, d.len);
	trace_close(sh);
	out_family_hint(sh, h, (struct sockaddr *)&al.v[0].ss);
	args_data_free(&d);
	addr_list_free(&al);
	return CMD_OK;
}

/*
 * One receive of at most n bytes into the result buffer.  For a datagram
 * or seqpacket socket on Linux MSG_TRUNC is added, so the kernel returns the datagram's
 * real length; *real gets it, and the count shown is what fitted (unless
 * the user asked for trunc).  Returns what recvfrom returned.
 */
static ssize_t receive(struct shell *sh, int fd, const struct handle *h, size_t n, int flags,
		       struct sockaddr_storage *from, socklen_t *fromlen, ssize_t *real)
{
	int kflags = flags;

	sb_grow(&sh->last.data, n);
#if defined(__linux__) && defined(MSG_TRUNC)
	if (h->type == SOCK_DGRAM || h->type == SOCK_RAW || h->type == SOCK_SEQPACKET)
		kflags |= MSG_TRUNC;
#else
	(void)h;
#endif
	ssize_t rc = recvfrom(fd, sh->last.data.buf, n, kflags, (struct sockaddr *)from, fromlen);
	*real = rc;
	if (rc > (ssize_t)n && !(flags & MSG_TRUNC))
		rc = (ssize_t)n;
	return rc;
}

/* Is h a socket whose recv of 0 bytes is an empty datagram rather than
 * the end of file (UDP, unix datagrams, raw)?  Seqpacket ends so. */
static int is_datagram(const struct handle *h)
{
	return h->type != SOCK_STREAM && h->type != SOCK_SEQPACKET;
}

/* Show what receive() got: the count, the bytes, truncation. */
static void show_received(struct shell *sh, const struct handle *h, ssize_t rc,
			  size_t n, int flags, int err)
{
	trace_outcome(sh, h, rc, err, flags);
	if (rc < 0)
		return;
	size_t shown = (size_t)rc > n ? n : (size_t)rc;
	if (h->type == SOCK_STREAM && (flags & MSG_TRUNC) && rc > 0) {
		/* The bytes were thrown away, not received: only the count. */
		sh->last.has_data = 1;
		sh->last.data.len = 0;
		trace_adds(sh, " (discarded: MSG_TRUNC)");
		return;
	}
	if (rc == 0) {
		/* 0 is the end of a stream; a datagram may be empty. */
		sh->last.has_data = 1;
		sh->last.data.len = 0;
		sh->last.eof = !is_datagram(h);
		trace_adds(sh, sh->last.eof ? " (EOF)" : " (empty datagram)");
		return;
	}
	trace_received(sh, sh->last.data.buf, shown);
	icmp_trace(sh, h, sh->last.data.buf, shown);
}

/* Flag a datagram that did not fit, with its real length. */
static void show_truncated(struct shell *sh, ssize_t real, size_t n)
{
	if (real > (ssize_t)n) {
		sh->last.truncated = 1;
		trace_add(sh, " %s[truncated: the datagram had %zd bytes]%s", out_color(sh, "1;33"),
			  real, out_reset(sh));
	}
}

/*
 * What recv and recvfrom share before the call: the handle, N and the
 * flags, the deadlock guard, the start of the trace line, and the flush
 * when the call may wait.  Returns 0 with *h, *n and *flags set, or -1
 * after an error (no call to make).
 */
static int receive_begin(struct shell *sh, int argc, struct word *argv, const char *call,
			 struct handle **h, unsigned long *n, int *flags)
{
	int fd = sh->current;

	*h = handle_here(sh);
	if (args_count(sh, &argv[1], SHELL_MAX_COUNT, n) < 0 ||
	    args_flags(sh, argc, argv, 2, flags) < 0)
		return -1;
	int ready = handle_known_ready(sh, *h, *flags, *n);
	if (!ready && handle_would_deadlock(sh, fd, *h, *flags, *n, call))
		return -1;
	trace_begin(sh, call);
	trace_adds(sh, "(");
	trace_add_int(sh, fd);
	trace_adds(sh, ", ");
	trace_add_int(sh, (long long)*n);
	trace_adds(sh, ", ");
	kw_add_flags(&sh->line, kw_msgflags, *flags);
	trace_adds(sh, ")");
	if (!ready)
		out_before_block(sh);
	return 0;
}

int cmd_recv(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h;
	unsigned long n;
	int flags;
	ssize_t real;

	if (receive_begin(sh, argc, argv, "recv", &h, &n, &flags) < 0)
		return CMD_ERROR;
	ssize_t rc = receive(sh, sh->current, h, n, flags, NULL, NULL, &real);
	int err = rc < 0 ? errno : 0;
	handle_note_received(sh, h, rc, flags);
	show_received(sh, h, rc, n, flags, err);
	show_truncated(sh, real, n);
	trace_close(sh);
	return CMD_OK;
}

int cmd_recvfrom(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h;
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	unsigned long n;
	int flags;
	ssize_t real;

	if (receive_begin(sh, argc, argv, "recvfrom", &h, &n, &flags) < 0)
		return CMD_ERROR;
	memset(&ss, 0, sizeof ss);
	ssize_t rc = receive(sh, sh->current, h, n, flags, &ss, &len, &real);
	int err = rc < 0 ? errno : 0;
	handle_note_received(sh, h, rc, flags);
	show_received(sh, h, rc, n, flags, err);
	if (rc >= 0 && len > 0 && ss.ss_family != AF_UNSPEC) {
		trace_adds(sh, " from ");
		trace_addr(sh, (struct sockaddr *)&ss, len);
		memcpy(&sh->from, &ss, len);
		sh->fromlen = len;
	}
	show_truncated(sh, real, n);
	trace_close(sh);
	return CMD_OK;
}

/* What ${data} keeps of a drain: its first bytes, up to this many. */
#define DRAIN_KEPT (1u << 20)

/* One drain in progress. */
struct drain {
	int fd;
	struct handle *h;
	unsigned long n;        /* the size of each recv */
	int dgram;              /* datagrams: no EOF, stop when none is queued */
	struct timespec deadline;  /* the time-out's end, when timeout is set */
	int timeout;
	int user_ms;            /* SO_RCVTIMEO set by the user, in ms; 0: none */
	long calls, datagrams;
	unsigned long long total;
	struct strbuf kept;     /* the first DRAIN_KEPT bytes, for ${data} */
	ssize_t rc;             /* the last recv's return and errno */
	int err;
	int stuck, late, none_queued;
};

/* Milliseconds from now to the deadline, rounded up; 0 once it passed. */
static int ms_left(const struct timespec *deadline)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	double ms = (double)(deadline->tv_sec - now.tv_sec) * 1e3 +
		    (double)(deadline->tv_nsec - now.tv_nsec) / 1e6;
	if (ms <= 0)
		return 0;
	return ms > INT_MAX - 1 ? INT_MAX : (int)ms + 1;
}

/*
 * One recv of a drain, made as a blocking recv(fd, n, flags) would be,
 * but bounded by the drain's deadline: the first try does not wait
 * (MSG_DONTWAIT), and only when nothing is there is the output flushed
 * and the wait made, by poll until the deadline (our time-out armed on
 * the socket would bound each recv, not the drain), then recv.  On a
 * socket whose SO_RCVTIMEO the user set, the wait ends at that time-out
 * too, when it is shorter.  A wait that ends with nothing fails as the
 * blocking recv would: EAGAIN (or EINTR); d->late says the deadline was
 * reached.  Returns what recv returned, with errno set.
 */
static ssize_t drain_recv(struct shell *sh, struct drain *d, int flags, ssize_t *real)
{
	struct pollfd p = { d->fd, POLLIN, 0 };

	if (d->h->nonblock || (flags & MSG_DONTWAIT))
		return receive(sh, d->fd, d->h, d->n, flags, NULL, NULL, real);
	ssize_t rc = receive(sh, d->fd, d->h, d->n, flags | MSG_DONTWAIT, NULL, NULL, real);
	if (rc >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
		return rc;
	out_before_block(sh);
	if (d->timeout) {
		int ms = ms_left(&d->deadline), by_user = d->user_ms > 0 && d->user_ms < ms;
		int ready = ms > 0 ? poll(&p, 1, by_user ? d->user_ms : ms) : 0;
		if (ready <= 0) {
			int e = ready < 0 ? errno : EAGAIN;
			d->late = ready == 0 && !by_user;
			rc = receive(sh, d->fd, d->h, d->n, flags | MSG_DONTWAIT, NULL, NULL, real);
			if (rc < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
				errno = e;
			return rc;
		}
	}
	return receive(sh, d->fd, d->h, d->n, flags, NULL, NULL, real);
}

/* The receive time-out the user set on h in milliseconds, rounded up;
 * 0 when none is set (or it is off, ours, or held at the script's time-out). */
static int user_timeout_ms(int fd, const struct handle *h)
{
	struct timeval tv;
	socklen_t len = sizeof tv;

	if (h->timeo_owner[0] != TIMEO_USER || getsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, &len) < 0)
		return 0;
	double ms = (double)tv.tv_sec * 1e3 + (double)tv.tv_usec / 1e3;
	return ms <= 0 ? 0 : ms > INT_MAX - 1 ? INT_MAX : (int)ms + (ms > (int)ms);
}

/*
 * One step of a drain: the deadlock guard, then one recv on its own
 * trace line, counted.  Returns 1 to go on, 0 when the drain is over.
 */
static int drain_step(struct shell *sh, struct drain *d)
{
	/* After the first datagram, take only what is queued. */
	int flags = d->dgram && d->calls > 0 ? MSG_DONTWAIT : 0;
	ssize_t real;

	if (d->timeout && d->calls > 0 && ms_left(&d->deadline) == 0) {
		d->late = 1;  /* the stream never paused: no call after the time */
		return 0;
	}
	if (!handle_known_ready(sh, d->h, flags, d->n) &&
	    handle_would_deadlock(sh, d->fd, d->h, flags, d->n, "drain")) {
		d->stuck = 1;
		return 0;
	}
	trace_begin(sh, "recv");
	trace_add(sh, "(%d, %lu, %s)", d->fd, d->n, flags ? "MSG_DONTWAIT" : "0");
	d->rc = drain_recv(sh, d, flags, &real);
	d->err = d->rc < 0 ? errno : 0;
	handle_note_received(sh, d->h, d->rc, flags);
	d->calls++;
	show_received(sh, d->h, d->rc, d->n, flags, d->err);
	if (d->dgram)
		show_truncated(sh, real, d->n);
	trace_end(sh);
	if (d->rc > 0) {
		size_t take = (size_t)d->rc;
		if (take > DRAIN_KEPT - d->kept.len)
			take = DRAIN_KEPT - d->kept.len;
		sb_add(&d->kept, sh->last.data.buf, take);
		d->total += (unsigned long long)d->rc;
	}
	if (d->dgram && d->rc >= 0)
		d->datagrams++;
	if (d->dgram && d->rc < 0 && ((flags & MSG_DONTWAIT) || d->h->nonblock) &&
	    (d->err == EAGAIN || d->err == EWOULDBLOCK))
		d->none_queued = 1;
	return !shell_sigint && (d->rc > 0 || (d->dgram && d->rc == 0));
}

/* The drain's own line: the count of bytes and calls, how it ended, and
 * the result (${rc}: the bytes, or -1 when its last recv failed). */
static void drain_summary(struct shell *sh, struct drain *d)
{
	int timed_out = d->late || sh->last.timed_out;
	int failed = d->rc < 0 && !d->none_queued;

	trace_begin(sh, "drain");
	trace_add(sh, "(%d, %lu) = %llu bytes in ", d->fd, d->n, d->total);
	if (d->dgram)
		trace_add(sh, "%ld datagram%s (%ld recv call%s)", d->datagrams,
			  d->datagrams == 1 ? "" : "s", d->calls, d->calls == 1 ? "" : "s");
	else
		trace_add(sh, "%ld recv call%s", d->calls, d->calls == 1 ? "" : "s");
	sb_printf(&sh->last.text, "%ld", d->calls);  /* ${result}: how many calls */
	if (d->stuck)
		trace_add(sh, ", then stopped: the next would wait forever");
	else if (d->none_queued)
		trace_add(sh, ", then none queued");
	else if (timed_out)
		trace_add(sh, ", then stopped");
	else if (d->rc == 0)
		trace_add(sh, ", then EOF");
	else if (d->rc < 0 || shell_sigint)
		trace_add(sh, ", then %s", d->err == EINTR || shell_sigint ? "interrupted" : "an error");
	if (d->total > d->kept.len)
		trace_add(sh, "; ${data} holds the first %zu bytes", d->kept.len);
	sh->last.rc = failed ? -1 : (long long)d->total;
	sh->last.err = failed ? d->err : 0;
	sh->last.eof = !d->dgram && d->rc == 0 && d->total == 0;
	sh->last.has_data = 1;
	sb_free(&sh->last.data);
	sh->last.data = d->kept;  /* the kept bytes move: no copy */
	sb_init(&d->kept);
	if (timed_out)
		trace_mark_timeout(sh);
	/* The bytes were shown call by call: the summary does not repeat
	 * them, even in hex. */
	enum display_mode keep = sh->display;
	sh->display = DISPLAY_TEXT;
	trace_close(sh);
	sh->display = keep;
}

int cmd_drain(struct shell *sh, int argc, struct word *argv)
{
	struct drain d;

	memset(&d, 0, sizeof d);
	d.h = handle_here(sh);
	d.fd = sh->current;
	d.n = 4096;
	if (argc > 1 && args_count(sh, &argv[1], SHELL_MAX_COUNT, &d.n) < 0)
		return CMD_ERROR;
	if (d.n == 0) {
		out_error(sh, &argv[1], _("drain: a count of 0 would never reach EOF"));
		return CMD_ERROR;
	}
	d.dgram = is_datagram(d.h);
	d.user_ms = user_timeout_ms(d.fd, d.h);
	sb_init(&d.kept);
	if (sh->timeout > 0) {
		d.timeout = 1;
		clock_gettime(CLOCK_MONOTONIC, &d.deadline);
		double whole = (double)(time_t)sh->timeout;
		d.deadline.tv_sec += (time_t)sh->timeout;
		d.deadline.tv_nsec += (long)((sh->timeout - whole) * 1e9);
		if (d.deadline.tv_nsec >= 1000000000L) {
			d.deadline.tv_sec++;
			d.deadline.tv_nsec -= 1000000000L;
		}
	}
	while (drain_step(sh, &d))
		;
	if (d.stuck && d.calls == 0) {
		sb_free(&d.kept);
		return CMD_ERROR;
	}
	/* What came so far still gets its summary. */
	drain_summary(sh, &d);
	return d.stuck ? CMD_ERROR : CMD_OK;
}

int cmd_poll(struct shell *sh, int argc, struct word *argv)
{
	struct pollfd *pfd;
	int n = 0, fd, timeout_ms = -1, explicit_timeout = 0;
	short events = POLLIN | POLLOUT;

#ifdef POLLRDHUP
	events |= POLLRDHUP;
#endif
	int last = argc - 1;
	if (argc > 1 && !handle_is_word(sh, &argv[last], &fd)) {
		double secs;
		if (args_seconds(sh, &argv[last], &secs) < 0)
			return CMD_ERROR;
		timeout_ms = (int)(secs * 1000 + 0.5);
		explicit_timeout = 1;
		argc--;
		if (handle_bound(sh) > 0 && secs > handle_bound(sh)) {
			/* No longer than a script may wait: then a time-out. */
			timeout_ms = (int)(handle_bound(sh) * 1000 + 0.5);
			explicit_timeout = 0;
		}
	} else if (sh->timeout > 0) {
		timeout_ms = (int)(sh->timeout * 1000 + 0.5);
	}
	pfd = xmalloc(sizeof *pfd * (size_t)(argc > 1 ? argc : sh->nh + 1));
	if (argc > 1) {
		for (int i = 1; i < argc; i++) {
			if (!handle_is_word(sh, &argv[i], &fd)) {
				out_error(sh, &argv[i], _("poll: '%.40s' is not an open handle"), argv[i].s);
				free(pfd);
				return CMD_ERROR;
			}
			pfd[n++] = (struct pollfd){ fd, events, 0 };
		}
	} else {
		for (int i = 0; i < sh->nh; i++)
			if (sh->h[i].open)
				pfd[n++] = (struct pollfd){ i, events, 0 };
	}
	trace_begin(sh, "poll");
	trace_add(sh, "([");
	for (int i = 0; i < n; i++) {
		trace_add(sh, "%s{fd=%d, events=", i ? ", " : "", pfd[i].fd);
		kw_add_flags(&sh->line, kw_pollevents, pfd[i].events);
		trace_add(sh, "}");
	}
	trace_add(sh, "], %d, %d)", n, timeout_ms);
	out_before_block(sh);
	int rc = poll(pfd, (nfds_t)n, timeout_ms);
	int err = rc < 0 ? errno : 0;
	trace_result(sh, rc, err);
	if (rc > 0) {
		struct strbuf *t = &sh->last.text;
		for (int i = 0; i < n; i++) {
			if (pfd[i].revents == 0)
				continue;
			sb_printf(t, "%s{fd=%d, revents=", t->len ? ", " : "[", pfd[i].fd);
			kw_add_flags(t, kw_pollevents, pfd[i].revents);
			sb_addc(t, '}');
		}
		sb_addc(t, ']');
		trace_add(sh, " (%s)", t->buf);
	} else if (rc == 0) {
		trace_add(sh, " (none ready)");
		if (!explicit_timeout && timeout_ms >= 0)
			trace_mark_timeout(sh);
	}
	trace_close(sh);
	free(pfd);
	return CMD_OK;
}

static void add_fl(struct strbuf *sb, int fl)
{
	int acc = fl & O_ACCMODE;

	sb_adds(sb, acc == O_RDWR ? "O_RDWR" : acc == O_WRONLY ? "O_WRONLY" : "O_RDONLY");
	if (fl & O_NONBLOCK)
		sb_adds(sb, "|O_NONBLOCK");
	fl &= ~(O_ACCMODE | O_NONBLOCK);
	if (fl)
		sb_printf(sb, "|%#o", (unsigned)fl);
}

int cmd_nonblock(struct shell *sh, int argc, struct word *argv)
{
	struct handle *h = handle_here(sh);
	int fd = sh->current;

	int on = 1;
	if (argc > 1) {
		on = kw_onoff_value(argv[1].s, argv[1].len);
		if (on < 0) {
			out_error(sh, &argv[1], _("nonblock: write on or off"));
			return CMD_ERROR;
		}
	}
	int fl = fcntl(fd, F_GETFL);
	if (argc == 1 || fl < 0) {
		trace_begin(sh, "fcntl");
		trace_add(sh, "(%d, F_GETFL)", fd);
		trace_result(sh, fl, fl < 0 ? errno : 0);
		if (fl >= 0) {
			trace_add(sh, " (");
			add_fl(&sh->line, fl);
			trace_add(sh, ")");
			h->nonblock = (fl & O_NONBLOCK) != 0;
		}
		trace_end(sh);
		return CMD_OK;
	}
	fl = on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK;
	trace_begin(sh, "fcntl");
	trace_add(sh, "(%d, F_SETFL, ", fd);
	add_fl(&sh->line, fl);
	trace_add(sh, ")");
	int rc = fcntl(fd, F_SETFL, fl);
	trace_result(sh, rc, rc < 0 ? errno : 0);
	trace_end(sh);
	if (rc == 0)
		h->nonblock = on;
	return CMD_OK;
}
