/*
 * cmdtab.h - the command table: one row per command.
 *
 * Dispatch, argument-count checks, usage errors, "help", completion and the
 * man page's command list (held against it by a test) all come from here.
 */
#ifndef SOCKSHELL_CMDTAB_H
#define SOCKSHELL_CMDTAB_H

#include <stddef.h>

#include "keywords.h"
#include "lexer.h"

struct shell;

/* A handler gets its words: argv[0] is the command name.  It returns
 * CMD_OK, CMD_ERROR or CMD_EXIT and never exits the process. */
typedef int (*cmd_fn)(struct shell *sh, int argc, struct word *argv);

/* The topics "help" groups the commands under, in the order it lists them. */
enum cmd_topic {
	TOPIC_SOCKETS, TOPIC_DATA, TOPIC_OPTIONS, TOPIC_NAMES, TOPIC_TEACHING, TOPIC_LESSONS,
	TOPIC_SHELL, TOPIC_COUNT
};

/*
 * What a row claims, and what the dispatcher (repl.c) does about it:
 *
 * CMD_HANDLE  works on the current handle: without an open current handle
 *             the dispatcher reports "no current handle" and the handler
 *             does not run; it takes the handle from handle_here().
 * CMD_CALL    makes a call (traces it): that call's result is what expect
 *             and ${rc} see, and "save" writes an expect line of it.  A
 *             row without it makes no call of its own ("source" runs its
 *             file's), so its line is saved without one.  If the command
 *             stops before its call, the result is marked "made no call".
 * CMD_NOSAVE  not written out by "save".
 * CMD_CHECKS  checks the previous call's result (expect): a pending
 *             failure (a time-out) is not reported before it runs, as it
 *             is before every other command, since it may settle it.
 */
#define CMD_HANDLE  0x1
#define CMD_CALL    0x2
#define CMD_NOSAVE  0x4
#define CMD_CHECKS  0x8

struct command_def {
	const char *name;
	const char *args;      /* synopsis of the arguments */
	enum cmd_topic topic;  /* help groups commands by topic */
	const char *summary;   /* one line */
	const char *calls;     /* the C calls it makes: "connect(2)" */
	const char *detail;    /* what it does, for "help NAME" */
	const char *example;
	const char *python;    /* the Python equivalent, or NULL */
	const char *tool;      /* the nc/socat equivalent, or NULL */
	int min, max;          /* argument counts (max -1: no limit) */
	unsigned flags;
	enum arg_kind complete[4];  /* the kind of each argument position... */
	enum arg_kind rest;         /* ...and of every one after those */
	cmd_fn fn;
};

extern const struct command_def cmdtab[];
extern const int cmdtab_count;
/* The name of each topic, as help shows it. */
extern const char *const cmdtab_topics[TOPIC_COUNT];

/*
 * Find a command by exact name or unique prefix.  Returns the row, or NULL:
 * then *ambiguous is set when the prefix matched several commands.
 */
const struct command_def *cmdtab_find(const char *name, size_t len, int *ambiguous);
/* The command nearest to a misspelt name (edit distance <= 2), or NULL. */
const char *cmdtab_suggest(const char *name, size_t len);
/* List the commands that start with prefix, comma separated, into buf. */
void cmdtab_candidates(const char *prefix, size_t len, char *buf, size_t buflen);

#endif
