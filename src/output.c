/*
 * output.c - every line the user sees.
 *
 * Hides the trace format ("call(args) = result"), colour, TAP comments and
 * the shape of error messages, so they are decided in one place.  Standard
 * output is fully buffered and flushed before anything that may block, so
 * a long script is not slowed by a write per line and a peer watching the
 * output still sees each line before the shell waits.
 */
#include <config.h>

#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "addr.h"
#include "errname.h"
#include "shell.h"

void out_init(struct shell *sh)
{
	static char buf[1 << 16];

	sb_init(&sh->line);
	sb_init(&sh->last.data);
	sb_init(&sh->last.text);
	/* Full buffering; out_flush runs before every wait.  The buffer is
	 * given: glibc ignores the size when it allocates one itself, and
	 * uses st_blksize (4 KiB for a pipe or /dev/null).  It is static:
	 * stdout uses it until the very end, and glibc drops its pointer at
	 * exit, so a heap buffer would show as a leak. */
	setvbuf(stdout, buf, _IOFBF, sizeof buf);
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

void out_flush(struct shell *sh)
{
	(void)sh;
	fflush(stdout);
}

void trace_begin(struct shell *sh, const char *call)
{
	struct result *r = &sh->last;

	sb_reset(&sh->line);
	sb_adds(&sh->line, call);
	sh->ncalls++;
	r->valid = 1;
	r->call = call;
	r->rc = 0;
	r->err = 0;
	r->gai = 0;
	r->has_data = 0;
	r->timed_out = 0;
	r->truncated = 0;
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

void trace_sent(struct shell *sh, const void *p, size_t n)
{
	if (n <= 128) {
		sb_add_quoted(&sh->line, p, n);
	} else {
		sb_add_quoted(&sh->line, p, 64);
		sb_adds(&sh->line, "...");
	}
}

void trace_addr(struct shell *sh, const struct sockaddr *sa, socklen_t len)
{
	addr_format(&sh->line, sa, len);
}

void trace_result(struct shell *sh, long long rc, int err)
{
	sh->last.rc = rc;
	sh->last.err = err;
	if (err == 0) {
		sb_printf(&sh->line, " = %lld", rc);
		return;
	}
	const char *name = errname_name(err);
	sb_printf(&sh->line, " = %lld %s%s (%s)%s", rc, out_color(sh, "1;31"),
		  name ? name : "E?", strerror(err), out_reset(sh));
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
	sb_add_quoted(&sh->line, p, n);
}

void trace_end(struct shell *sh)
{
	const char *prefix = sh->tap ? "# " : "";

	/* Ctrl-C stopped the call: the terminal echoed "^C" where this
	 * line begins, so write over it. */
	if (sh->last.err == EINTR && shell_sigint && isatty(STDOUT_FILENO))
		fputc('\r', stdout);
	if (*prefix != '\0')
		fputs(prefix, stdout);
	/* The line and its newline in one go: one stdio call per line. */
	sb_addc(&sh->line, '\n');
	fwrite(sh->line.buf, 1, sh->line.len, stdout);
	sh->line.buf[--sh->line.len] = '\0';
	if (sh->display != DISPLAY_TEXT && sh->last.has_data && sh->last.data.len > 0) {
		struct strbuf dump = STRBUF_INIT;
		sb_add_hexdump(&dump, sh->tap ? "#   " : "  ", sh->last.data.buf, sh->last.data.len);
		fwrite(dump.buf, 1, dump.len, stdout);
		sb_free(&dump);
	}
}

void out_line(struct shell *sh, const char *fmt, ...)
{
	va_list ap;

	if (sh->tap)
		fputs("# ", stdout);
	va_start(ap, fmt);
	vfprintf(stdout, fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
}

/* Print text with a caret line under columns [col, col+width). */
static void show_caret(const char *text, size_t len, int col, int width)
{
	size_t from = 0, to = len;

	if (col < 1)
		return;
	/* Keep long lines readable: a window of 72 columns around the error. */
	if ((size_t)col > 60)
		from = (size_t)col - 40;
	if (to - from > 80)
		to = from + 80;
	fputs("    ", stderr);
	if (from > 0)
		fputs("...", stderr);
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)text[i];
		fputc(c >= 0x20 && c < 0x7f ? c : (c == '\t' ? ' ' : '?'), stderr);
	}
	if (to < len)
		fputs("...", stderr);
	fputs("\n    ", stderr);
	if (from > 0)
		fputs("   ", stderr);
	for (size_t i = from; i + 1 < (size_t)col && i < to; i++)
		fputc(' ', stderr);
	fputc('^', stderr);
	for (int i = 1; i < width && i < 60; i++)
		fputc('~', stderr);
	fputc('\n', stderr);
}

static void location(struct shell *sh, const char *file, long line)
{
	if (file != NULL)
		fprintf(stderr, "%s:%ld: ", file, line);
	/* stderr may be a file while stdout is the terminal: colour only
	 * a terminal. */
	int color = isatty(STDERR_FILENO);
	fprintf(stderr, "%serror:%s ", color ? out_color(sh, "1;31") : "",
		color ? out_reset(sh) : "");
}

void out_error(struct shell *sh, const struct word *w, const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	va_list ap;
	const char *file = NULL;
	long line = 0;

	va_start(ap, fmt);
	sb_vprintf(&msg, fmt, ap);
	va_end(ap);
	fflush(stdout);
	if (shell_scripted(sh)) {
		file = sh->src->name;
		line = sh->src->line;
	}
	location(sh, file, line);
	fprintf(stderr, "%s\n", msg.buf);
	if (w != NULL && sh->cmd_line != NULL && w->col > 0)
		show_caret(sh->cmd_line, sh->cmd_line_len, w->col, w->len > 0 ? (int)w->len : 1);
	if (file != NULL) {
		struct strbuf desc = STRBUF_INIT;
		sb_printf(&desc, "%s:%ld: error: %s", file, line, msg.buf);
		lesson_failure(sh, desc.buf);
		sb_free(&desc);
	}
	sb_free(&msg);
}

void out_syntax_error(struct shell *sh, const char *file, long line, const char *text,
		      size_t len, int col, int width, const char *msg)
{
	fflush(stdout);
	if (sh->tap && sh->status != EXIT_USAGE)
		printf("Bail out! %s:%ld: error: %s\n", file ? file : "-", line, msg);
	location(sh, file, line);
	fprintf(stderr, "%s\n", msg);
	if (text != NULL)
		show_caret(text, len, col, width);
	sh->status = EXIT_USAGE;
}
