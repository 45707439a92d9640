/*
 * shell.h - the session: everything one sockshell run knows, in one struct
 * that every module is handed.  The only global is the interrupt flag.
 *
 * Also the small interfaces of the modules that work on the session:
 * handles (handle.c), variables and the input loop (repl.c), output
 * (output.c), lessons (lesson.c).
 */
#ifndef SOCKSHELL_SHELL_H
#define SOCKSHELL_SHELL_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/socket.h>

#include "lexer.h"
#include "strbuf.h"

/* What a handler returns. */
enum { CMD_OK = 0, CMD_ERROR = 1, CMD_EXIT = 2 };

/* Exit statuses. */
enum { EXIT_GOOD = 0, EXIT_FAILED = 1, EXIT_USAGE = 2, EXIT_INTERRUPTED = 130 };

enum display_mode { DISPLAY_TEXT, DISPLAY_HEX, DISPLAY_BOTH };

/* The largest count recv, recvfrom, drain and "-n" accept: 64 MiB. */
#define SHELL_MAX_COUNT (64u * 1024 * 1024)
/* How deep "source" may nest. */
#define SHELL_MAX_DEPTH 16
/* The longest line a script may have (a longer one is skipped), and the
 * largest file that "source", a lesson or "--check -" reads whole. */
#define SHELL_MAX_LINE (4u * 1024 * 1024)
#define SHELL_MAX_FILE SHELL_MAX_COUNT

/* One open socket.  Handles are the descriptors themselves. */
struct handle {
	int open;
	int family, type, protocol;
	int nonblock;           /* O_NONBLOCK as we last set it */
	int peer;               /* our handle at the other end, or -1 */
	int timeo;              /* SO_RCVTIMEO/SO_SNDTIMEO armed by us */
	int user_timeo;         /* the user set them: never touched again */
	unsigned long used;     /* when it was last used, for "current" */
	/* What the peer handle sent that this one has not read yet (bytes,
	 * or datagrams when not a stream): a lower bound, true only while
	 * queued_at equals the shell's ncalls (no call has run since). */
	size_t queued;
	unsigned long queued_at;
	/* Peer linking (handle.c): the address kept in the index, read once
	 * at connect or listen (locallen 0: not in the index). */
	struct sockaddr_storage local;
	socklen_t locallen;
	int listening;          /* listen() succeeded on it */
	int index_next;         /* the next handle in its index bucket, or -1 */
	int listener;           /* a client whose connection waits in the
				 * accept queue of this listener handle, or -1 */
	int *fifo;              /* a unix listener: the clients of this shell */
	int fifo_head, fifo_len, fifo_cap;  /* in connect order (-1: closed) */
};

/* What the previous call returned: for expect, ${rc}, ${errno}, ${data}. */
struct result {
	int valid;              /* a call has run since the last reset */
	const char *call;       /* its name */
	long long rc;
	int err;                /* errno, 0 on success */
	int gai;                /* getaddrinfo's code, 0 when none */
	int no_call;            /* not valid: the last command made no call */
	long no_call_line;      /* ... on this line of the script (0: none) */
	int has_data;           /* recv-like: data holds what was received */
	int timed_out;
	int truncated;          /* a datagram or record did not fit */
	int eof;                /* a stream's recv returned 0: end of file */
	struct strbuf data;     /* bytes received */
	struct strbuf text;     /* a result that is text: an address, a name */
};

struct var {
	char *name;
	char *value;
	size_t len;
	struct var *next;
};

/* Where commands come from: one level of the input loop. */
struct source {
	const char *name;       /* for messages: a path, "-c", "<stdin>" */
	const char *text;       /* a whole file or -c string in memory */
	size_t len, pos;
	FILE *fp;               /* or a stream read line by line */
	struct strbuf input;    /* the stream's line being read */
	int terminal;           /* or the terminal, through the line editor */
	int user;               /* -c: the user's own commands, as if typed */
	long line;              /* the line being run */
	int argc;               /* $1..: the lesson's arguments */
	char **argv;
	struct source *up;      /* the source that ran "source" */
};

struct shell {
	/* options */
	int interactive;        /* reading a terminal */
	int tap, errexit, check_only, echo, color;
	double timeout;         /* seconds a blocking call may take; 0 = forever */
	enum display_mode display;

	/* input */
	struct source *src;     /* innermost source, for FILE:LINE: */
	int depth;
	int unwinding;          /* "source" nested too deep: leave every nested file */
	struct command cmd;     /* the command being run (reused) */
	const char *cmd_line;   /* its line, for carets under errors */
	size_t cmd_line_len;

	/* handles, indexed by descriptor */
	struct handle *h;
	int nh;
	int current;            /* -1: none */
	unsigned long use_seq;
	int *index;             /* handle.c: buckets of handles by port or path */
	unsigned nbuckets, nindexed;

	/* the address of the last recvfrom's sender or accept's peer */
	struct sockaddr_storage from;
	socklen_t fromlen;

	struct result last;
	char rc_text[32];       /* ${rc} as text, while the lexer copies it */
	unsigned long ncalls;   /* calls traced so far (trace_begin counts) */
	struct var *vars;

	/* lesson accounting */
	int tests, failures;    /* TAP test points and failed ones */
	struct strbuf pending;  /* a failure not yet reported (lesson_pending), or empty */
	int status;             /* the exit status so far */
	int interrupted;        /* a SIGINT stopped a call: stop the script */
	int skipped;            /* "require" skipped the lesson (plan printed) */

	/* output */
	struct strbuf line;     /* the trace line being built */
	struct strbuf out;      /* standard output not yet written (output.c) */
	int out_errno;          /* why standard output failed, or 0 */
	struct strbuf journal;  /* the session, for "save" (bounded: lesson.c) */
	size_t journal_data;    /* received bytes kept in it */
	unsigned long journal_cut;  /* commands not kept: it was full */
	struct strbuf generated;  /* the bytes of "-n COUNT", made once (calls.c) */
	int no_journal;         /* no "save" can run (a lesson file alone): keep none */
	const char *progname;
};

/* Set by the signal handler while a command runs or the prompt waits:
 * the number of the signal.  SIGINT interrupts the call; SIGTERM and
 * SIGHUP end the shell (shell_ending), and a SIGINT never overwrites them. */
extern volatile sig_atomic_t shell_sigint;

/* Has a SIGTERM or SIGHUP come, so that the shell must end now? */
static inline int shell_ending(void)
{
	return shell_sigint == SIGTERM || shell_sigint == SIGHUP;
}

/* Is the command being run read from a file, -c or stdin, rather than
 * typed at the terminal?  (Messages then carry FILE:LINE:, and -e, the
 * echo of -x and a Ctrl-C that ends the run apply.) */
static inline int shell_scripted(const struct shell *sh)
{
	return sh->src != NULL && !sh->src->terminal;
}

/* ---- handle.c ---- */
/* The open handle with descriptor fd, or NULL. */
struct handle *handle_get(struct shell *sh, int fd);
/* Register a new descriptor as a handle and make it current. */
struct handle *handle_add(struct shell *sh, int fd, int family, int type, int protocol);
/* Forget a closed handle; the most recently used open one becomes current. */
void handle_forget(struct shell *sh, int fd);
/* Mark h used now and make it current. */
void handle_use(struct shell *sh, int fd);
/* The current handle, or NULL after reporting that there is none. */
struct handle *handle_current(struct shell *sh);
/* Find which of our handles is at the other end of fd's connection (fd
 * was just accepted on listener lfd): a constant number of calls, whatever the count of
 * handles. */
void handle_link_peer(struct shell *sh, int lfd, int fd);
/* After connect() of fd to address to returned rc with err: note fd's
 * address and the listener of this shell it reached, for
 * handle_link_peer and the deadlock guard. */
void handle_note_connect(struct shell *sh, int fd, const struct sockaddr *to, socklen_t tolen,
			 int rc, int err);
/* After listen() on fd succeeded: note its address for connects. */
void handle_note_listen(struct shell *sh, int fd);
/* Arm (or disarm, timeout 0) the time-out on fd, unless the user owns it. */
void handle_arm_timeout(struct shell *sh, int fd);
/* Close every handle, quietly. */
void handle_close_all(struct shell *sh);
/* How many handles are open. */
int handle_count(const struct shell *sh);

/* ---- repl.c ---- */
/* Run every command of src; returns CMD_OK, or CMD_EXIT when the shell
 * is to stop.  Files and -c strings are checked whole before they run. */
int repl_run(struct shell *sh, struct source *src);
/* Check src whole without running it: returns the number of errors. */
int repl_check(struct shell *sh, struct source *src);
/* Read path whole into memory (no descriptor stays open).  Returns 0, or
 * -1 with errno set. */
int repl_read_file(const char *path, char **text, size_t *len);
/* Set a variable (binary safe). */
void var_set(struct shell *sh, const char *name, const char *value, size_t len);
/* Look a variable up the way ${NAME} does; the lexer's callback. */
int var_lookup(void *ctx, const char *name, size_t namelen, const char **val, size_t *vlen);

/* ---- output.c ---- */
void out_init(struct shell *sh);
/* Start the trace line of call `call`, forgetting the previous result. */
void trace_begin(struct shell *sh, const char *call);
void trace_add(struct shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
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
/* Text the user asked to print (echo): one safe line per line of it. */
void out_text(struct shell *sh, const char *p, size_t n);
/* The -x echo of a command line, behind the prompt. */
void out_command(struct shell *sh, const char *line, size_t len);
/* Wrap s in a colour when colour is on: "1;31" red, "32" green... */
const char *out_color(struct shell *sh, const char *code);
const char *out_reset(struct shell *sh);

/* ---- lesson.c ---- */
/* One check: a TAP test point, or a message when it failed outside TAP. */
void lesson_point(struct shell *sh, int ok, const char *desc, const char *diag);
/* A failure that is not an expect (a timeout, a shell error in a script):
 * status 1 and, in TAP mode, a "not ok" point so no harness misses it. */
void lesson_failure(struct shell *sh, const char *desc);
/* A call failed and -e stops the script: a failure, a "not ok" point in
 * TAP mode, so that it is counted without the exit status. */
void lesson_errexit(struct shell *sh);
/* "require" skips the lesson: the TAP plan "1..0 # SKIP why". */
void lesson_skip_all(struct shell *sh, const char *why);
/* A failure that the next command may still settle: a timed-out call is a
 * failure unless an "expect timeout" follows it. */
void lesson_pending(struct shell *sh, const char *desc);
/* Report the pending failure, if any (before any command but expect). */
void lesson_settle(struct shell *sh);
/* Append "FILE:LINE: " for the line being run, in a script. */
void lesson_where(const struct shell *sh, struct strbuf *sb);
/* The end of a run: the TAP plan. */
void lesson_finish(struct shell *sh);
/* Record one command line for "save", with the expect line of its result. */
void lesson_journal(struct shell *sh, const char *text, size_t len, int made_call);

#endif
