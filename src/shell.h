/*
 * shell.h - the session: everything one sockshell run knows, in one struct
 * that every module is handed.  The only global is the interrupt flag.
 *
 * Only the session, the handle, the result, the interrupt flag and the
 * codes live here; each module's functions are in its own header
 * (handle.h, output.h, lesson.h, repl.h, vars.h...).
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

/* text: data quoted, UTF-8 shown as text where the locale is UTF-8;
 * ascii: every byte that is not printable ASCII escaped. */
enum display_mode { DISPLAY_TEXT, DISPLAY_HEX, DISPLAY_BOTH, DISPLAY_ASCII };

/* The largest count recv, recvfrom, drain and "-n" accept: 64 MiB. */
#define SHELL_MAX_COUNT (64u * 1024 * 1024)
/* How deep "source" may nest. */
#define SHELL_MAX_DEPTH 16
/* The longest line a script may have (a longer one is skipped), and the
 * largest file that "source", a lesson or "--check -" reads whole. */
#define SHELL_MAX_LINE (4u * 1024 * 1024)
#define SHELL_MAX_FILE SHELL_MAX_COUNT
/* The seconds a blocking call may take in a script, unless -t says. */
#define SHELL_TIMEOUT 10

/* Who set a socket's SO_RCVTIMEO or SO_SNDTIMEO. */
enum timeo_owner {
	TIMEO_NONE,             /* nobody: the kernel's default, off */
	TIMEO_SHELL,            /* the shell, to its time-out (handle_arm_timeout) */
	TIMEO_USER,             /* setsockopt, as asked */
	TIMEO_HELD              /* setsockopt asked for more than a script may wait
				 * (or off): the kernel holds the script's time-out */
};

/* One open socket.  Handles are the descriptors themselves. */
struct handle {
	int open;
	int family, type, protocol;
	int nonblock;           /* O_NONBLOCK as we last set it */
	int peer;               /* our handle at the other end, or -1 */
	int timeo;              /* both time-outs are the shell's: EAGAIN means "timed out" */
	/* Who set SO_RCVTIMEO [0] and SO_SNDTIMEO [1] (enum timeo_owner),
	 * and what setsockopt asked for them (seconds, 0 = off). */
	unsigned char timeo_owner[2];
	double timeo_asked[2];
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
	const char *host;       /* the lab host it was made on (lab.c), or NULL */
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

struct var;              /* vars.h */
struct capture;          /* capture.h */
struct lab;              /* lab.h */

struct shell {
	/* options */
	int interactive;        /* reading a terminal */
	int tap, errexit, check_only, echo, color;
	double timeout;         /* seconds a blocking call may take; 0 = forever */
	double timeout_max;     /* the command line's bound (-t, or a script's 10 s),
				 * which "set timeout" in a script may only shorten;
				 * 0 = none */
	enum display_mode display;
	int capture_hex;         /* set capture hex: packets' payload dumped too */

	/* input */
	struct source *src;     /* innermost source, for FILE:LINE: */
	int depth;
	int unwinding;          /* "source" nested too deep: leave every nested file */
	/* The input loop (repl_run), set by itself: "source" runs a file
	 * through it without a handler calling up into its layer. */
	int (*run_source)(struct shell *sh, struct source *src);
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
	struct strbuf pending;  /* a failure not yet reported (report_pending), or empty */
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
	struct strbuf generated;  /* the bytes of "-n COUNT", made once (args.c) */
	int no_journal;         /* no "save" can run (a lesson file alone): keep none */
	const char *progname;
	struct capture *capture;  /* the wire being shown (capture.c), or NULL: off */
	struct lab *lab;        /* the hosts of the lab and their helper (lab.c), or NULL */
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

/* Make sh an empty session: no handles, no variables, no current handle,
 * the default time-out, output buffered and not yet written (shell.c). */
void shell_init(struct shell *sh);
/* Close every handle quietly and free all sh holds.  What waits for
 * standard output is dropped: out_finish first to write it. */
void shell_free(struct shell *sh);

/* Is the command being run read from a file, -c or stdin, rather than
 * typed at the terminal?  (Messages then carry FILE:LINE:, and -e, the
 * echo of -x and a Ctrl-C that ends the run apply.) */
static inline int shell_scripted(const struct shell *sh)
{
	return sh->src != NULL && !sh->src->terminal;
}

#endif
