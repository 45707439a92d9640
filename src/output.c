/*
 * output.c - every line the user sees.
 *
 * Hides the trace format ("call(args) = result"), colour, TAP comments and
 * the shape of error messages, so they are decided in one place; and the
 * end of a call: its result, the "[timed out]" note and the failure a
 * time-out leaves pending, the hint after an address of the wrong family.
 *
 * Standard output is buffered here, in the session (sh->out), and written
 * with write(2) in a loop that goes on after EINTR, partial writes and
 * EAGAIN (a non-blocking stdout: poll, then write again): a Ctrl-C while
 * stdout is a full pipe loses no line, as stdio would (it drops its buffer
 * when a write is interrupted).  The buffer is written before anything
 * that may block, so a peer watching the output sees each line first, and
 * when it holds 64 KiB.  stderr is written the same way, a whole message
 * at once, after stdout.
 *
 * Every line is made safe where it is written, so no caller can forget:
 * control bytes, newlines, ESC and bytes that are not UTF-8 are C-escaped
 * (sb_add_safe), and a line that would read as TAP outside --tap ("ok",
 * "not ok", "Bail out!", "1..") is written as a TAP comment ("# ok").
 */
#include <config.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "addr.h"
#include "errname.h"
#include "i18n.h"
#include "output.h"
#include "report.h"
#include "shell.h"
#include "utf8.h"

/* Write stdout when this much waits. */
#define OUT_CHUNK (64u * 1024)

void out_init(struct shell *sh)
{
	sb_init(&sh->line);
	sb_init(&sh->out);
	sb_init(&sh->last.data);
	sb_init(&sh->last.text);
	sh->out_errno = 0;
}

const char *out_color(struct shell *sh, const char *code)
{
	static char buf[16];

	if (!sh->color)
		return "";
	snprintf(buf, sizeof buf, "\033[%sm", code);
	return buf;
}

const char *out_reset(struct shell *sh)
{
	return sh->color ? "\033[0m" : "";
}

/* How long a stream may take to accept more once a SIGTERM or SIGHUP has
 * come: the shell must end, and a reader that never reads again would
 * hold it for ever.  (A Ctrl-C only makes the write start again.) */
#define OUT_GRACE_MS 2000

/* Wait until fd can take more, at most ms milliseconds (-1: for ever).
 * Returns 1 when it can, 0 at the end of the wait, or -1 on error. */
static int wait_writable(int fd, int ms)
{
	struct pollfd pfd = { fd, POLLOUT, 0 };
	int r = poll(&pfd, 1, ms);

	if (r < 0)
		return errno == EINTR ? 0 : -1;
	return r > 0;
}

/* Write p[0..n) to fd whatever signals do: again after EINTR, on after a
 * partial write, and after poll when a non-blocking fd says EAGAIN.  Once
 * the shell is ending, only as long as the stream keeps taking bytes
 * (OUT_GRACE_MS between two writes), a page at a time so that no write
 * can block for ever.  Returns 0, or the errno of the failure. */
static int write_all(int fd, const char *p, size_t n)
{
	int waited = 0;

	while (n > 0) {
		size_t chunk = n;
		if (shell_ending()) {
			if (waited >= OUT_GRACE_MS)
				return EINTR;
			int r = wait_writable(fd, 100);
			if (r < 0)
				return errno;
			if (r == 0) {
				waited += 100;
				continue;
			}
			chunk = n < 4096 ? n : 4096;  /* PIPE_BUF: room for it */
		}
		ssize_t w = write(fd, p, chunk);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
			waited = 0;
		} else if (w < 0 && errno == EINTR) {
			continue;
		} else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (!shell_ending() && wait_writable(fd, -1) < 0)
				return errno;
		} else {
			return w < 0 ? errno : EIO;
		}
	}
	return 0;
}

void out_flush(struct shell *sh)
{
	int e = errno;

	/* The line editor's prompt may still be in stdio: it came first. */
	fflush(stdout);
	if (sh->out.len > 0 && sh->out_errno == 0)
		sh->out_errno = write_all(STDOUT_FILENO, sh->out.buf, sh->out.len);
	/* After a failure the rest is lost too; the exit says so. */
	sb_reset(&sh->out);
	errno = e;
}

int out_finish(struct shell *sh)
{
	out_flush(sh);
	sb_free(&sh->out);
	return sh->out_errno;
}

void out_put(struct shell *sh, const void *p, size_t n)
{
	sb_add(&sh->out, p, n);
	if (sh->out.len >= OUT_CHUNK)
		out_flush(sh);
}

void out_stderr(struct shell *sh, const void *p, size_t n)
{
	int e = errno;

	out_flush(sh);
	/* A closed or broken stderr: the message is lost, nothing else. */
	(void)write_all(STDERR_FILENO, p, n);
	errno = e;
}

void out_program_error(struct shell *sh, const char *fmt, ...)
{
	struct strbuf raw = STRBUF_INIT, all = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(&raw, fmt, ap);
	va_end(ap);
	sb_adds(&all, sh->progname ? sh->progname : "sockshell");
	sb_adds(&all, ": ");
	/* A FILE named on the command line may hold any byte. */
	sb_add_safe(&all, raw.buf ? raw.buf : "", raw.len, 0);
	sb_addc(&all, '\n');
	out_stderr(sh, all.buf, all.len);
	sb_free(&raw);
	sb_free(&all);
}

void out_usage_hint(struct shell *sh)
{
	const char *hint = _("Try 'sockshell --help' for more information.\n");

	out_stderr(sh, hint, strlen(hint));
}

/* Append p[0..n) to sb as one safe line with its newline: see the top of
 * the file.  prefix starts it ("# " in TAP mode); flags as sb_add_safe. */
static void safe_line(struct strbuf *sb, const char *prefix, const char *p, size_t n, int flags)
{
	size_t start = sb->len;

	/* Most lines (every trace line of text) are printable ASCII that
	 * does not read as TAP: copied as they are, with one look. */
	if (*prefix == '\0' && sb_is_printable(p, n) && !sb_reads_as_tap(p, n)) {
		sb_add(sb, p, n);
		sb_addc(sb, '\n');
		return;
	}
	if (*prefix != '\0')
		sb_adds(sb, prefix);
	size_t text = sb->len;
	sb_add_safe(sb, p, n, flags);
	if (*prefix == '\0' && sb_reads_as_tap(sb->buf + text, sb->len - text)) {
		/* "ok 1" from an echo or a peer: a comment, not a test point. */
		sb_grow(sb, 2);
		memmove(sb->buf + start + 2, sb->buf + start, sb->len - start);
		memcpy(sb->buf + start, "# ", 2);
		sb->len += 2;
	}
	sb_addc(sb, '\n');
}

/* One line of stdout, made safe, "# " first in TAP mode. */
static void put_line(struct shell *sh, const char *p, size_t n)
{
	safe_line(&sh->out, sh->tap ? "# " : "", p, n, sh->color ? SB_SAFE_SGR : 0);
	if (sh->out.len >= OUT_CHUNK)
		out_flush(sh);
}

void trace_begin(struct shell *sh, const char *call)
{
	struct result *r = &sh->last;

	sb_reset(&sh->line);
	sb_adds(&sh->line, call);
	sh->ncalls++;
	/* Not valid until the line is printed: a handler that stops on a
	 * shell error after this made no call (trace_end marks it valid). */
	r->valid = 0;
	r->no_call = 1;
	r->no_call_line = shell_scripted(sh) ? sh->src->line : 0;
	r->call = call;
	r->rc = 0;
	r->err = 0;
	r->gai = 0;
	r->has_data = 0;
	r->timed_out = 0;
	r->truncated = 0;
	r->eof = 0;
	sb_reset(&r->data);
	sb_reset(&r->text);
}

void trace_add(struct shell *sh, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(&sh->line, fmt, ap);
	va_end(ap);
}

/* Data quoted into the trace line: UTF-8 as text where the display is
 * text or both and the locale is UTF-8, else every byte as sb_add_quoted
 * shows it (so the C locale's output stays the same byte for byte). */
static void trace_quoted(struct shell *sh, const void *p, size_t n)
{
	if ((sh->display == DISPLAY_TEXT || sh->display == DISPLAY_BOTH) && utf8_locale())
		sb_add_quoted_text(&sh->line, p, n);
	else
		sb_add_quoted(&sh->line, p, n);
}

void trace_sent(struct shell *sh, const void *p, size_t n)
{
	if (n <= 128) {
		trace_quoted(sh, p, n);
	} else {
		trace_quoted(sh, p, 64);
		sb_adds(&sh->line, "...");
	}
}

void trace_addr(struct shell *sh, const struct sockaddr *sa, socklen_t len)
{
	addr_format(&sh->line, sa, len);
}

void trace_result(struct shell *sh, long long rc, int err)
{
	struct strbuf *sb = &sh->line;

	sh->last.rc = rc;
	sh->last.err = err;
	sb_add(sb, " = ", 3);
	sb_add_int(sb, rc);
	if (err == 0)
		return;
	const char *name = errname_name(err);
	sb_addc(sb, ' ');
	sb_adds(sb, out_color(sh, "1;31"));
	sb_adds(sb, name ? name : "E?");
	sb_add(sb, " (", 2);
	sb_adds(sb, strerror(err));
	sb_addc(sb, ')');
	sb_adds(sb, out_reset(sh));
}

void trace_gai(struct shell *sh, int code)
{
	const char *name = errname_gai_name(code);

	sh->last.rc = code;
	sh->last.gai = code;
#ifdef EAI_SYSTEM
	if (code == EAI_SYSTEM) {
		sh->last.err = errno;
		sb_printf(&sh->line, " = %s%s (%s: %s)%s", out_color(sh, "1;31"),
			  name ? name : "EAI_SYSTEM", gai_strerror(code), strerror(errno),
			  out_reset(sh));
		return;
	}
#endif
	sb_printf(&sh->line, " = %s%s (%s)%s", out_color(sh, "1;31"),
		  name ? name : "EAI_?", gai_strerror(code), out_reset(sh));
}

void trace_received(struct shell *sh, const void *p, size_t n)
{
	sh->last.has_data = 1;
	if (p == sh->last.data.buf) {
		/* Received in place (recv into last.data): only its length. */
		sh->last.data.len = n;
		if (n > 0 || sh->last.data.cap > 0)
			sh->last.data.buf[n] = '\0';
	} else {
		sb_add(&sh->last.data, p, n);
	}
	if (sh->display == DISPLAY_HEX)
		return;
	sb_addc(&sh->line, ' ');
	trace_quoted(sh, p, n);
}

void trace_end(struct shell *sh)
{
	/* Ctrl-C stopped the call: the terminal echoed "^C" where this
	 * line begins, so write over it. */
	if (sh->last.err == EINTR && shell_sigint && isatty(STDOUT_FILENO))
		sb_addc(&sh->out, '\r');
	/* Words in the line may be the user's or a peer's (a port, a
	 * name from ${data}): the line is made safe like every other. */
	safe_line(&sh->out, sh->tap ? "# " : "", sh->line.buf, sh->line.len,
		  sh->color ? SB_SAFE_SGR : 0);
	sh->last.valid = 1;
	sh->last.no_call = 0;
	if ((sh->display == DISPLAY_HEX || sh->display == DISPLAY_BOTH) && sh->last.has_data && sh->last.data.len > 0)
		sb_add_hexdump(&sh->out, sh->tap ? "#   " : "  ", sh->last.data.buf, sh->last.data.len);
	if (sh->out.len >= OUT_CHUNK)
		out_flush(sh);
}

void out_line(struct shell *sh, const char *fmt, ...)
{
	struct strbuf text = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sb_vprintf(&text, fmt, ap);
	va_end(ap);
	put_line(sh, text.buf ? text.buf : "", text.len);
	sb_free(&text);
}

void out_text(struct shell *sh, const char *p, size_t n)
{
	for (;;) {
		const char *nl = memchr(p, '\n', n);
		size_t len = nl ? (size_t)(nl - p) : n;
		put_line(sh, p, len);
		if (nl == NULL)
			break;
		p = nl + 1;  /* "a\n" is "a" and an empty line, as it was */
		n -= len + 1;
	}
}

void out_command(struct shell *sh, const char *line, size_t len)
{
	struct strbuf text = STRBUF_INIT;

	if (sh->current >= 0)
		sb_printf(&text, "sockshell[%d]> ", sh->current);
	else
		sb_adds(&text, "sockshell> ");
	sb_add(&text, line, len);
	put_line(sh, text.buf, text.len);
	sb_free(&text);
}

/* Append text with a caret line under columns [col, col+width). */
static void add_caret(struct strbuf *sb, const char *text, size_t len, int col, int width)
{
	size_t from = 0, to = len;

	if (col < 1)
		return;
	/* Keep long lines readable: a window of 72 columns around the error. */
	if ((size_t)col > 60)
		from = (size_t)col - 40;
	if (to - from > 80)
		to = from + 80;
	size_t start = sb->len;
	sb_adds(sb, "    ");
	if (from > 0)
		sb_adds(sb, "...");
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)text[i];
		sb_addc(sb, c >= 0x20 && c < 0x7f ? c : (c == '\t' ? ' ' : '?'));
	}
	if (to < len)
		sb_adds(sb, "...");
	/* "    Bail out!" stops some TAP parsers even on stderr (automake's
	 * driver with --merge): mark such a line, in the same width. */
	if (sb_reads_as_tap(sb->buf + start, sb->len - start))
		sb->buf[start + 2] = '#';
	sb_adds(sb, "\n    ");
	if (from > 0)
		sb_adds(sb, "   ");
	for (size_t i = from; i + 1 < (size_t)col && i < to; i++)
		sb_addc(sb, ' ');
	sb_addc(sb, '^');
	for (int i = 1; i < width && i < 60; i++)
		sb_addc(sb, '~');
	sb_addc(sb, '\n');
}

/* Append "FILE:LINE: error: " (FILE made safe), in red on a terminal. */
static void location(struct shell *sh, struct strbuf *sb, const char *file, long line)
{
	if (file != NULL) {
		sb_add_safe(sb, file, strlen(file), 0);
		sb_printf(sb, ":%ld: ", line);
	}
	/* stderr may be a file while stdout is the terminal: colour only
	 * a terminal. */
	int color = isatty(STDERR_FILENO);
	/* TRANSLATORS: the label of an error message, "FILE:LINE: error: ...". */
	sb_printf(sb, "%s%s%s ", color ? out_color(sh, "1;31") : "", _("error:"),
		  color ? out_reset(sh) : "");
}

void out_error(struct shell *sh, const struct word *w, const char *fmt, ...)
{
	struct strbuf raw = STRBUF_INIT, msg = STRBUF_INIT, all = STRBUF_INIT;
	va_list ap;
	const char *file = NULL;
	long line = 0;

	va_start(ap, fmt);
	sb_vprintf(&raw, fmt, ap);
	va_end(ap);
	/* The words in it ('%.40s') may hold any byte a peer sent. */
	sb_add_safe(&msg, raw.buf ? raw.buf : "", raw.len, 0);
	if (shell_scripted(sh)) {
		file = sh->src->name;
		line = sh->src->line;
	}
	location(sh, &all, file, line);
	sb_add(&all, msg.buf ? msg.buf : "", msg.len);
	sb_addc(&all, '\n');
	if (w != NULL && sh->cmd_line != NULL && w->col > 0)
		add_caret(&all, sh->cmd_line, sh->cmd_line_len, w->col, w->len > 0 ? (int)w->len : 1);
	out_stderr(sh, all.buf, all.len);
	/* The command stopped here: an expect after it checks nothing. */
	sh->last.valid = 0;
	sh->last.no_call = 1;
	sh->last.no_call_line = line;
	if (file != NULL) {
		struct strbuf desc = STRBUF_INIT;
		sb_add_safe(&desc, file, strlen(file), 0);
		sb_printf(&desc, ":%ld: error: %s", line, msg.buf ? msg.buf : "");
		report_failure(sh, desc.buf);
		sb_free(&desc);
	}
	sb_free(&raw);
	sb_free(&msg);
	sb_free(&all);
}

void out_syntax_error(struct shell *sh, const char *file, long line, const char *text,
		      size_t len, int col, int width, const char *msg)
{
	struct strbuf all = STRBUF_INIT;

	if (sh->tap && sh->status != EXIT_USAGE) {
		sb_printf(&all, "%s:%ld: error: %s", file ? file : "-", line, msg);
		report_bail(sh, all.buf);
		sb_reset(&all);
	}
	location(sh, &all, file, line);
	sb_add_safe(&all, msg, strlen(msg), 0);
	sb_addc(&all, '\n');
	if (text != NULL)
		add_caret(&all, text, len, col, width);
	out_stderr(sh, all.buf, all.len);
	sb_free(&all);
	sh->status = EXIT_USAGE;
}

/* ---- the end of a call ---- */

/* Did a blocking call on h give up after the time-out the shell armed? */
static int timed_out(const struct handle *h, int err, int flags)
{
#ifdef MSG_ERRQUEUE
	if (flags & MSG_ERRQUEUE)
		return 0;  /* the error queue never waits */
#endif
	return h != NULL && h->timeo && !h->nonblock && !(flags & MSG_DONTWAIT) &&
	       (err == EAGAIN || err == EWOULDBLOCK || err == EINPROGRESS);
}

void trace_outcome(struct shell *sh, const struct handle *h, long long rc, int err, int flags)
{
	trace_result(sh, rc, err);
	if (timed_out(h, err, flags))
		trace_mark_timeout(sh);
}

void trace_mark_timeout(struct shell *sh)
{
	sh->last.timed_out = 1;
	trace_add(sh, " %s[timed out after %g s]%s", out_color(sh, "1;33"), sh->timeout,
		  out_reset(sh));
}

void trace_close(struct shell *sh)
{
	trace_end(sh);
	if (sh->last.timed_out) {
		struct strbuf d = STRBUF_INIT;
		report_where(sh, &d);
		sb_printf(&d, "%s timed out after %g s", sh->last.call, sh->timeout);
		report_pending(sh, d.buf);
		sb_free(&d);
	}
}

void trace_finish(struct shell *sh, const struct handle *h, long long rc, int err, int flags)
{
	trace_outcome(sh, h, rc, err, flags);
	trace_close(sh);
}

void out_family_hint(struct shell *sh, const struct handle *h, const struct sockaddr *sa)
{
	int err = sh->last.err;

	if (h == NULL || (err != EINVAL && err != EAFNOSUPPORT) || sa->sa_family == h->family)
		return;
	if (h->family == AF_INET6 && sa->sa_family == AF_INET) {
		char host[INET_ADDRSTRLEN];
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, host, sizeof host);
		out_line(sh, _("  (an inet6 socket takes IPv6 addresses: an IPv4 address is written "
			 "::ffff:%s there, and needs v6only off)"), host);
	} else if (h->family == AF_INET && sa->sa_family == AF_INET6) {
		out_line(sh, _("  (an inet socket takes IPv4 addresses only: use an inet6 socket "
			 "for an IPv6 address)"));
	}
}

void out_before_block(struct shell *sh)
{
	out_flush(sh);
}
