/*
 * help.c - the help command: the command table read out, a row in full
 * or every row by topic.
 *
 * In the command table's layer (not among the handlers below it, which
 * never read the table): help is the one command whose subject is the
 * table itself.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "cmdtab.h"
#include "i18n.h"
#include "output.h"
#include "shell.h"

/* Print text wrapped at 72 columns, indented. */
static void wrapped(struct shell *sh, const char *indent, const char *text)
{
	size_t width = 72 - strlen(indent);

	while (*text) {
		size_t n = strlen(text);
		if (n > width) {
			n = width;
			while (n > 0 && text[n] != ' ')
				n--;
			if (n == 0)
				n = width;
		}
		out_line(sh, "%s%.*s", indent, (int)n, text);
		text += n;
		while (*text == ' ')
			text++;
	}
}

static void help_one(struct shell *sh, const struct command_def *c)
{
	out_line(sh, "%s%s%s", c->name, c->args[0] ? " " : "", c->args);
	out_line(sh, "    %s", _(c->summary));
	if (c->calls)
		/* TRANSLATORS: the C calls a command makes, as "connect(2)". */
		out_line(sh, _("    calls: %s"), c->calls);
	if (c->detail[0]) {
		out_line(sh, "%s", "");
		wrapped(sh, "    ", _(c->detail));
	}
	out_line(sh, "%s", "");
	/* TRANSLATORS: keep the three labels of help COMMAND (example:,
	   python:, nc/socat:) the same width, so their texts line up. */
	out_line(sh, _("    example:   %s"), c->example);
	if (c->python)
		out_line(sh, _("    python:    %s"), c->python);
	if (c->tool)
		out_line(sh, _("    nc/socat:  %s"), c->tool);
}

int cmd_help(struct shell *sh, int argc, struct word *argv)
{
	if (argc > 1) {
		int amb;
		const struct command_def *c = cmdtab_find(argv[1].s, argv[1].len, &amb);
		if (c == NULL && amb) {
			char cand[400];
			cmdtab_candidates(argv[1].s, argv[1].len, cand, sizeof cand);
			out_error(sh, &argv[1], _("help: '%.40s' could be %s"), argv[1].s, cand);
			return CMD_ERROR;
		}
		if (c == NULL) {
			const char *s = cmdtab_suggest(argv[1].s, argv[1].len);
			if (s != NULL)
				out_error(sh, &argv[1], _("help: no command '%.40s' (did you mean '%s'?)"),
					  argv[1].s, s);
			else
				out_error(sh, &argv[1], _("help: no command '%.40s'"), argv[1].s);
			return CMD_ERROR;
		}
		help_one(sh, c);
		return CMD_OK;
	}
	out_line(sh, _("Commands (help COMMAND for more; a leading number selects a handle: 4 recv 16):"));
	for (int t = 0; t < TOPIC_COUNT; t++) {
		out_line(sh, "%s", "");
		out_line(sh, "  %s:", _(cmdtab_topics[t]));
		for (int i = 0; i < cmdtab_count; i++) {
			const struct command_def *c = &cmdtab[i];
			if ((int)c->topic != t)
				continue;
			char syn[64];
			snprintf(syn, sizeof syn, "%s %s", c->name, c->args);
			if (strlen(syn) > 30) {
				out_line(sh, "    %s", syn);
				out_line(sh, "    %-30s %s", "", _(c->summary));
			} else {
				out_line(sh, "    %-30s %s", syn, _(c->summary));
			}
		}
	}
	return CMD_OK;
}
