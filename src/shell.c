/*
 * shell.c - the life of a session: a struct shell made ready, and every
 * byte it holds given back.
 *
 * Hides what a session owns (handles and their index, the command being
 * run, the trace line, the output buffer, the journal, the result, the
 * variables), so that main, the fuzz target and the unit tests make and
 * free one the same way.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "capture.h"
#include "handle.h"
#include "lab.h"
#include "lexer.h"
#include "output.h"
#include "shell.h"
#include "strbuf.h"
#include "vars.h"

void shell_init(struct shell *sh)
{
	memset(sh, 0, sizeof *sh);
	sh->current = -1;
	sh->progname = "sockshell";
	sh->timeout = SHELL_TIMEOUT;
	sh->timeout_max = SHELL_TIMEOUT;  /* as a script: "set timeout 0" cannot lift it */
	lex_command_init(&sh->cmd);
	out_init(sh);
}

void shell_free(struct shell *sh)
{
	capture_stop(sh);
	handle_close_all(sh);
	lab_free(sh);
	free(sh->h);
	sh->h = NULL;
	sh->nh = 0;
	lex_command_free(&sh->cmd);
	sb_free(&sh->line);
	sb_free(&sh->out);
	sb_free(&sh->pending);
	sb_free(&sh->journal);
	sb_free(&sh->generated);
	sb_free(&sh->last.data);
	sb_free(&sh->last.text);
	var_free_all(sh);
}
