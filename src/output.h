/*
 * output.h - every line the user sees: the trace line of a call, plain
 * lines, errors with carets, buffered standard output (output.c).
 */
#ifndef SOCKSHELL_OUTPUT_H
#define SOCKSHELL_OUTPUT_H

#include <stddef.h>
#include <sys/socket.h>

#include "lexer.h"
#include "shell.h"

void out_init(struct shell *sh);
/* Start the trace line of call `call`, forgetting the previous result. */
void trace_begin(struct shell *sh, const char *call);
void trace_add(struct shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append the text s, or the number v, to the trace line: the fields of
 * the calls made most, with no format string read at run time (inline:
 * the length of a literal is known when it is compiled). */
static inline void trace_adds(struct shell *sh, const char *s)
{
	sb_adds(&sh->line, s);
}

static inline void trace_add_int(struct shell *sh, long long v)
{
	sb_add_int(&sh->line, v);
}
/* Sent data: shown in full up to 128 bytes, longer ones cut with "...". */
void trace_sent(struct shell *sh, const void *p, size_t n);
void trace_addr(struct shell *sh, const struct sockaddr *sa, socklen_t len);
/* " = rc", or " = -1 ENAME (message)" when err is set; records the result. */
void trace_result(struct shell *sh, long long rc, int err);
/* " = EAI_NAME (message)" for a getaddrinfo failure; records the result. */
void trace_gai(struct shell *sh, int code);
/* Received bytes: every one of them, escaped, and kept for ${data}. */
void trace_received(struct shell *sh, const void *p, size_t n);
/* Print the line (as a TAP comment in TAP mode) and its hex dump. */
void trace_end(struct shell *sh);
/* A plain line of output (status rows, listings), made safe: a newline or
 * control byte in it is escaped, as in every line (see output.c). */
void out_line(struct shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A shell error on stderr, "FILE:LINE: error: ..." in scripts, with a caret
 * under word w when w is not NULL.  Counts as a failure of the script. */
void out_error(struct shell *sh, const struct word *w, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same, for a syntax error at column col of line text (check phase). */
void out_syntax_error(struct shell *sh, const char *file, long line, const char *text,
		      size_t len, int col, int width, const char *msg);
/* Write what waits for standard output: before anything that may block,
 * and at prompts.  Keeps errno. */
void out_flush(struct shell *sh);
/* The last flush, at exit: returns 0, or the errno that made standard
 * output fail at some point (what came after it was lost). */
int out_finish(struct shell *sh);
/* Bytes for standard output as they are: the caller made them safe. */
void out_put(struct shell *sh, const void *p, size_t n);
/* A whole message for stderr (after what waits for stdout). */
void out_stderr(struct shell *sh, const void *p, size_t n);
/* A message about the run itself rather than a line of a script (a bad
 * option, a FILE that cannot be read): "sockshell: MESSAGE" on stderr,
 * made safe. */
void out_program_error(struct shell *sh, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* After a usage error: where to read more, on stderr. */
void out_usage_hint(struct shell *sh);
/* Text the user asked to print (echo): one safe line per line of it. */
void out_text(struct shell *sh, const char *p, size_t n);
/* The -x echo of a command line, behind the prompt. */
void out_command(struct shell *sh, const char *line, size_t len);
/* Wrap s in a colour when colour is on: "1;31" red, "32" green... */
const char *out_color(struct shell *sh, const char *code);
const char *out_reset(struct shell *sh);

/* ---- the end of a call ---- */
/*
 * After a call on h that returned rc/err with flags: record the result, add
 * "[timed out]" when a blocking call gave up, and end the trace line.
 */
void trace_finish(struct shell *sh, const struct handle *h, long long rc, int err, int flags);
/* The two halves of trace_finish, for a call whose line goes on after its
 * result (" from 127.0.0.1:5000"). */
void trace_outcome(struct shell *sh, const struct handle *h, long long rc, int err, int flags);
void trace_close(struct shell *sh);
/* Note on the line that the call gave up after the time-out. */
void trace_mark_timeout(struct shell *sh);
/* After a call that failed with EINVAL or EAFNOSUPPORT on an address of
 * another family than the socket's: a line saying what to write instead. */
void out_family_hint(struct shell *sh, const struct handle *h, const struct sockaddr *sa);
/* Before a call that may block: flush output. */
void out_before_block(struct shell *sh);

#endif
