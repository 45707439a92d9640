/*
 * complete.c - the words Tab completion offers, from the command table
 * and the keyword tables.
 *
 * The line before the cursor is split by lex_command, as the shell will
 * split it (quotes, ';', '#', expansions), so completion never disagrees
 * with what runs.  The argument position is walked as the check before a
 * script runs walks it (argcheck.c): "-n COUNT" and "-f FILE" are one
 * DATA, "for HOST" one FAMILY, and "@N" stands for HOST and PORT.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cmdtab.h"
#include "complete.h"
#include "errname.h"
#include "keywords.h"
#include "lexer.h"
#include "shell.h"

/* Where the cursor is, in the command it is in. */
struct place {
	const struct command_def *def;  /* NULL: the cursor is at the name */
	const struct word *arg;         /* the arguments before the cursor */
	int nargs;
	enum arg_kind kind;             /* what fits at the cursor */
	int slot;                       /* the row's position it fills */
};

/* Append candidate s, NUL-terminated. */
static void add(struct strbuf *cands, const char *s)
{
	sb_add(cands, s, strlen(s) + 1);
}

/* Append every word of a keyword table. */
static void add_table(struct strbuf *cands, const struct kw_entry *tab)
{
	for (const struct kw_entry *e = tab; e->name != NULL; e++)
		add(cands, e->name);
}

/* Every open handle's number, behind prefix ("" or "@"). */
static void add_handles(struct strbuf *cands, const struct shell *sh, const char *prefix)
{
	char num[32];

	for (int fd = 0; fd < sh->nh; fd++) {
		if (!sh->h[fd].open)
			continue;
		snprintf(num, sizeof num, "%s%d", prefix, fd);
		add(cands, num);
	}
}

/* The addresses a HOST may be; with at, also @from and @N. */
static void add_hosts(struct strbuf *cands, const struct shell *sh, int at)
{
	add(cands, "localhost");
	add(cands, "127.0.0.1");
	add(cands, "::1");
	add(cands, "*");
	if (at) {
		add(cands, "@from");
		add_handles(cands, sh, "@");
	}
}

/* What expect takes: its words, the comparisons, errno and EAI_ names. */
static void add_expect(struct strbuf *cands)
{
	add_table(cands, kw_expect_words);
	for (int i = 0; kw_expect_comparisons[i] != NULL; i++)
		add(cands, kw_expect_comparisons[i]);
	for (int i = 0; errname_at(i) != NULL; i++)
		add(cands, errname_at(i));
	for (int i = 0; errname_gai_at(i) != NULL; i++)
		add(cands, errname_gai_at(i));
}

/* The kind of argument position slot of the row. */
static enum arg_kind kind_at(const struct command_def *def, int slot)
{
	return slot < 4 ? def->complete[slot] : def->rest;
}

/* "@N" or "@from": an address that takes no PORT. */
static int at_form(const struct word *w)
{
	return !(w->flags & WORD_QUOTED) && w->s[0] == '@';
}

/*
 * Walk the arguments arg[0..n) of def to the position after them.  A
 * two-word argument cut by the cursor ("-f " then FILE, "for " then HOST)
 * gives the kind of its second word.
 */
static void walk(struct place *p)
{
	int slot = 0;

	for (int i = 0; i < p->nargs; slot++) {
		enum arg_kind k = kind_at(p->def, slot);
		const struct word *w = &p->arg[i];
		enum arg_kind second = A_NONE;
		if (k == A_DATA && word_is(w, "-n"))
			second = A_COUNT;
		else if (k == A_DATA && word_is(w, "-f"))
			second = A_FILE;
		else if (k == A_FAMILY && word_is(w, KW_FAMILY_FOR))
			second = A_HOST;
		if (second != A_NONE && i + 1 == p->nargs) {
			p->kind = second;
			p->slot = slot;
			return;
		}
		if (k == A_HOST && at_form(w) && kind_at(p->def, slot + 1) == A_PORT)
			slot++;
		i += second != A_NONE ? 2 : 1;
	}
	p->kind = kind_at(p->def, slot);
	p->slot = slot;
}

/*
 * Find the command the cursor is in: lex line[0..len) command by command;
 * the last one, unless a ';' ended it, holds the words before the cursor.
 * A leading handle number ("4 recv 16") is no word of it.  Returns -1
 * when nothing fits: a comment, a syntax error, an unknown command.
 */
static int find_place(const char *line, size_t len, struct command *cmd, struct place *p)
{
	struct lex_error err;
	size_t pos = 0;

	while (pos < len)
		if (lex_command(line, len, &pos, cmd, NULL, NULL, &err) < 0)
			return -1;
	size_t after = cmd->n > 0 ? cmd->end : len;
	after += strspn(line + after, " \t\r\v\f");
	if (after < len && line[after] == '#')
		return -1;  /* the cursor is in a comment */
	int first = 0, n = after < len && line[after] == ';' ? 0 : cmd->n;
	if (n > 0 && cmd->w[0].flags == 0 && cmd->w[0].len > 0 &&
	    strspn(cmd->w[0].s, "0123456789") == cmd->w[0].len)
		first = 1;
	memset(p, 0, sizeof *p);
	if (n == first) {
		p->kind = A_COMMAND;
		return 0;
	}
	int amb;
	p->def = cmdtab_find(cmd->w[first].s, cmd->w[first].len, &amb);
	if (p->def == NULL)
		return -1;
	p->arg = cmd->w + first + 1;
	p->nargs = n - first - 1;
	walk(p);
	return 0;
}

/* The VALUE of setsockopt OPTION: what that option takes. */
static void add_option_value(struct strbuf *cands, const struct word *opt)
{
	const struct kw_sockopt *o = kw_sockopt_find(opt->s, opt->len);

	if (o == NULL || o->kind == KW_OPT_BOOL) {
		add(cands, "on");
		add(cands, "off");
	} else if (o->kind == KW_OPT_LINGER || o->kind == KW_OPT_TIMEVAL) {
		add(cands, "off");  /* or a number of seconds */
	}
}

/* The VALUE of set NAME: a display or capture mode, on/off, or nothing to offer. */
static void add_setting_value(struct strbuf *cands, const struct word *name)
{
	const struct kw_entry *e = name->flags ? NULL : kw_word(kw_settings, name->s, name->len);

	if (e != NULL && e->value == KW_SET_DISPLAY)
		add_table(cands, kw_display);
	else if (e != NULL && e->value == KW_SET_CAPTURE)
		add_table(cands, kw_capture_modes);
	else if (e != NULL && (e->value == KW_SET_ECHO || e->value == KW_SET_ERREXIT))
		add(cands, "on"), add(cands, "off");
}

/* The NAME of getsockopt or setsockopt LEVEL NAME: the constants of
 * the level that word lw names.  Does lw name a level? */
static int add_level_names(struct strbuf *cands, const struct word *lw)
{
	int level;

	if (lw->flags || kw_sockopt_level(lw->s, lw->len, &level) < 0)
		return 0;
	for (int i = 0; i < kw_sockopt_count; i++)
		if (kw_sockopts[i].level == level)
			add(cands, kw_sockopts[i].optsym);
	return 1;
}

/* The candidates for the argument at place p, of kind p->kind. */
static void add_kind(struct strbuf *cands, const struct shell *sh, const struct place *p)
{
	if (p->slot == 1 && p->def->complete[0] == A_OPTION && add_level_names(cands, &p->arg[0]))
		return;
	switch (p->kind) {
	case A_COMMAND:
		for (int i = 0; i < cmdtab_count; i++)
			add(cands, cmdtab[i].name);
		break;
	case A_HANDLE: add_handles(cands, sh, ""); break;
	case A_FAMILY: add_table(cands, kw_families); add(cands, KW_FAMILY_FOR); break;
	case A_ONOFF:
		if (p->slot > 0 && p->def->complete[p->slot - 1] == A_OPTION)
			add_option_value(cands, &p->arg[p->nargs - 1]);
		else
			add(cands, "on"), add(cands, "off");
		break;
	case A_OPTION:
		for (int i = 0; i < kw_sockopt_count; i++)
			add(cands, kw_sockopts[i].name);
		for (const struct kw_entry *l = kw_levels; l->name != NULL; l++)
			add(cands, l->name);
		break;
	case A_DATA: add(cands, "-n"); add(cands, "-f"); break;
	case A_HOST:
		/* "socket for HOST": an address or a path, never @N. */
		add_hosts(cands, sh, p->def->complete[0] != A_FAMILY || p->slot != 0);
		break;
	case A_EXPECT: add_expect(cands); break;
	default:
		if (p->slot == 1 && p->def->complete[0] == A_SETTING)
			add_setting_value(cands, &p->arg[0]);
		else if (kw_table(p->kind) != NULL)
			add_table(cands, kw_table(p->kind));
		break;
	}
}

enum complete_how complete_words(const struct shell *sh, const char *line, size_t len,
				 struct strbuf *cands)
{
	struct command cmd;
	struct place p;

	sb_reset(cands);
	lex_command_init(&cmd);
	int r = find_place(line, len, &cmd, &p);
	if (r == 0 && p.kind != A_FILE)
		add_kind(cands, sh, &p);
	lex_command_free(&cmd);
	if (r < 0)
		return COMPLETE_NONE;
	if (p.kind == A_FILE)
		return COMPLETE_FILES;
	return cands->len > 0 ? COMPLETE_WORDS : COMPLETE_NONE;
}
