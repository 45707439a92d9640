/*
 * lineedit.h - the seam between the shell and GNU Readline.
 *
 * Built without readline (configure --without-readline) the same calls are
 * a plain line reader: no history, no completion, still Ctrl-C and Ctrl-D.
 */
#ifndef SOCKSHELL_LINEEDIT_H
#define SOCKSHELL_LINEEDIT_H

struct shell;

/* Before the first prompt: completion, history file, signal handling. */
void lineedit_init(struct shell *sh);
/* One line, without its newline, which the caller frees; NULL at EOF
 * (Ctrl-D on an empty line).  Ctrl-C at the prompt drops the line being
 * typed: readline prompts afresh itself, the plain reader gives back an
 * empty line.  Each line of a block pasted at once comes on its own. */
char *lineedit_read(struct shell *sh, const char *prompt);
/* Remember a line in the history, unless blank or a repeat of the last. */
void lineedit_history(struct shell *sh, const char *line);
/* After the last prompt: append this run's lines to the history file. */
void lineedit_finish(struct shell *sh);
/* The history file's path (the caller frees it), or NULL. */
char *lineedit_history_path(void);

#endif
