/*
 * lexer.c - words, quotes, escapes and expansion.
 *
 * Hides the quoting rules.  Everything the user types passes through here
 * once per run of a line; the lexer never allocates per word (a command's
 * words live in one growing buffer that is reused).
 */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "lexer.h"

struct lexer {
	const char *p;        /* the line */
	size_t len;
	size_t i;             /* where we are */
	struct command *cmd;
	lex_lookup_fn lookup;
	void *ctx;
	struct lex_error *err;
	unsigned flags;       /* of the word being built */
};

void lex_command_init(struct command *cmd)
{
	memset(cmd, 0, sizeof *cmd);
	sb_init(&cmd->text);
}

void lex_command_free(struct command *cmd)
{
	free(cmd->w);
	free(cmd->off);
	sb_free(&cmd->text);
	lex_command_init(cmd);
}

void lex_command_reserve(struct command *cmd, int n)
{
	if (n <= cmd->cap)
		return;
	while (cmd->cap < n)
		cmd->cap = cmd->cap ? cmd->cap * 2 : 8;
	cmd->w = xrealloc(cmd->w, (size_t)cmd->cap * sizeof *cmd->w);
	cmd->off = xrealloc(cmd->off, (size_t)cmd->cap * sizeof *cmd->off);
}

int word_is(const struct word *w, const char *s)
{
	size_t n = strlen(s);

	return w->flags == 0 && w->len == n && memcmp(w->s, s, n) == 0;
}

/* The message is msg with its one "%s", if any, replaced by arg (not a
 * printf format: nothing else in it is interpreted). */
static int fail(struct lexer *lx, size_t at, size_t width, const char *msg, const char *arg)
{
	const char *hole = strstr(msg, "%s");

	lx->err->col = (int)at + 1;
	lx->err->width = width > 0 ? (int)width : 1;
	if (hole == NULL)
		snprintf(lx->err->msg, sizeof lx->err->msg, "%s", msg);
	else
		snprintf(lx->err->msg, sizeof lx->err->msg, "%.*s%s%s", (int)(hole - msg), msg,
			 arg ? arg : "", hole + 2);
	return -1;
}

/* Every byte of every line is classified: one table lookup each.
 * BYTE_QUOTING: a byte that ends a run of plain bytes inside "...". */
enum { BYTE_BLANK = 1, BYTE_SPECIAL = 2, BYTE_QUOTING = 4 };
static const unsigned char byte_class[256] = {
	[' '] = BYTE_BLANK, ['\t'] = BYTE_BLANK, ['\r'] = BYTE_BLANK,
	['\v'] = BYTE_BLANK, ['\f'] = BYTE_BLANK, ['\n'] = BYTE_BLANK,
	[';'] = BYTE_SPECIAL, ['#'] = BYTE_SPECIAL, ['\''] = BYTE_SPECIAL,
	['"'] = BYTE_SPECIAL | BYTE_QUOTING, ['$'] = BYTE_SPECIAL | BYTE_QUOTING,
	['\\'] = BYTE_QUOTING,
};

static int is_blank(int c)
{
	return byte_class[(unsigned char)c] & BYTE_BLANK;
}

/* A byte that goes into a bare word as it is: not blank, ; # ' " or $. */
static int plain(char c)
{
	return !(byte_class[(unsigned char)c] & (BYTE_BLANK | BYTE_SPECIAL));
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void add_case(struct strbuf *sb, const char *v, size_t n, int mode)
{
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)v[k];
		if (mode > 0)
			c = (unsigned char)toupper(c);
		else if (mode < 0)
			c = (unsigned char)tolower(c);
		sb_addc(sb, c);
	}
}

/*
 * Expand the "$..." at lx->i into the word being built.  A '$' that starts
 * no expansion is kept as it is.  Returns 0, or -1 on error.
 */
static int expand(struct lexer *lx)
{
	const char *p = lx->p;
	size_t start = lx->i, name, namelen, dflt = 0, dfltlen = 0;
	int has_default = 0, casemode = 0;

	if (start + 1 < lx->len && isdigit((unsigned char)p[start + 1])) {
		name = start + 1;
		namelen = 1;
		lx->i = start + 2;
	} else if (start + 1 < lx->len && p[start + 1] == '{') {
		size_t j = start + 2;
		name = j;
		while (j < lx->len && (isalnum((unsigned char)p[j]) || p[j] == '_'))
			j++;
		namelen = j - name;
		if (namelen == 0)
			return fail(lx, start, 2, _("a variable name must follow '${'"), NULL);
		if (isdigit((unsigned char)p[name])) {
			for (size_t k = name; k < j; k++)
				if (!isdigit((unsigned char)p[k]))
					return fail(lx, name, namelen, _("bad variable name"), NULL);
		}
		if (j + 1 < lx->len && p[j] == ':' && p[j + 1] == '-') {
			has_default = 1;
			dflt = j + 2;
			j = dflt;
			while (j < lx->len && p[j] != '}')
				j++;
			dfltlen = j - dflt;
		} else if (j + 1 < lx->len && p[j] == '^' && p[j + 1] == '^') {
			casemode = 1;
			j += 2;
		} else if (j + 1 < lx->len && p[j] == ',' && p[j + 1] == ',') {
			casemode = -1;
			j += 2;
		}
		if (j >= lx->len)
			return fail(lx, start, j - start, _("'${' is not closed by '}'"), NULL);
		if (p[j] != '}')
			return fail(lx, j, 1, _("unexpected character in ${...}: expected '}', ':-', '^^' or ',,'"), NULL);
		lx->i = j + 1;
	} else {
		sb_addc(&lx->cmd->text, '$');
		lx->i = start + 1;
		return 0;
	}

	lx->flags |= WORD_DYNAMIC;
	if (lx->lookup == NULL)
		return 0;

	const char *val;
	size_t vlen;
	if (lx->lookup(lx->ctx, p + name, namelen, &val, &vlen)) {
		add_case(&lx->cmd->text, val, vlen, casemode);
	} else if (has_default) {
		sb_add(&lx->cmd->text, p + dflt, dfltlen);
	} else {
		char nm[64];
		snprintf(nm, sizeof nm, "%.*s", (int)(namelen < 60 ? namelen : 60), p + name);
		lx->err->col = (int)start + 1;
		lx->err->width = (int)(lx->i - start);
		if (isdigit((unsigned char)nm[0]))
			snprintf(lx->err->msg, sizeof lx->err->msg,
				 _("argument $%s was not given (write ${%s:-default} for a default)"),
				 nm, nm);
		else
			snprintf(lx->err->msg, sizeof lx->err->msg,
				 _("${%s} is not set (set it, or write ${%s:-default})"), nm, nm);
		return -1;
	}
	return 0;
}

/* The escape at lx->i (a backslash) inside double quotes. */
static int escape(struct lexer *lx)
{
	size_t at = lx->i;
	struct strbuf *sb = &lx->cmd->text;

	if (at + 1 >= lx->len)
		return fail(lx, at, 1, _("a backslash ends the line inside a string"), NULL);
	char c = lx->p[at + 1];
	lx->i = at + 2;
	switch (c) {
	case 'n': sb_addc(sb, '\n'); return 0;
	case 'r': sb_addc(sb, '\r'); return 0;
	case 't': sb_addc(sb, '\t'); return 0;
	case '0': sb_addc(sb, '\0'); return 0;
	case 'a': sb_addc(sb, '\a'); return 0;
	case 'b': sb_addc(sb, '\b'); return 0;
	case 'e': sb_addc(sb, 0x1b); return 0;
	case 'f': sb_addc(sb, '\f'); return 0;
	case 'v': sb_addc(sb, '\v'); return 0;
	case '\\': case '"': case '\'': case '$':
		sb_addc(sb, c);
		return 0;
	case 'x': {
		int h1 = at + 2 < lx->len ? hexval((unsigned char)lx->p[at + 2]) : -1;
		if (h1 < 0)
			return fail(lx, at, 2, _("\\x must be followed by one or two hex digits"), NULL);
		int h2 = at + 3 < lx->len ? hexval((unsigned char)lx->p[at + 3]) : -1;
		if (h2 < 0) {
			sb_addc(sb, h1);
			lx->i = at + 3;
		} else {
			sb_addc(sb, h1 * 16 + h2);
			lx->i = at + 4;
		}
		return 0;
	}
	default: {
		char shown[8];
		if (isprint((unsigned char)c))
			snprintf(shown, sizeof shown, "\\%c", c);
		else
			snprintf(shown, sizeof shown, "\\x%02x", (unsigned char)c);
		return fail(lx, at, 2, _("unknown escape '%s' (known: \\n \\r \\t \\0 \\\\ \\\" \\xHH)"), shown);
	}
	}
}

/* The "..." at lx->i into the word being built: runs of plain bytes at
 * once, escapes and expansions between them.  Returns 0, or -1. */
static int read_dquoted(struct lexer *lx)
{
	const char *p = lx->p;
	size_t len = lx->len, q = lx->i++;

	lx->flags |= WORD_QUOTED;
	for (;;) {
		size_t i = lx->i, j = i;
		while (j < len && !(byte_class[(unsigned char)p[j]] & BYTE_QUOTING))
			j++;
		sb_add(&lx->cmd->text, p + i, j - i);
		lx->i = j;
		if (j >= len)
			return fail(lx, q, len - q, "unterminated \"...\" string", NULL);
		if (p[j] == '"') {
			lx->i = j + 1;
			return 0;
		}
		if ((p[j] == '\\' ? escape(lx) : expand(lx)) < 0)
			return -1;
	}
}

/* The word read from start to lx->i ends: its length, column and flags,
 * and the NUL after its bytes.  Returns 0. */
static int end_word(struct lexer *lx, size_t start)
{
	struct command *cmd = lx->cmd;
	struct word *w = &cmd->w[cmd->n++];

	w->len = cmd->text.len - cmd->off[cmd->n - 1];
	w->col = (int)start + 1;
	w->flags = lx->flags;
	sb_addc(&cmd->text, '\0');
	return 0;
}

/* Read one word starting at lx->i (not a blank, ';' or '#'). */
static int read_word(struct lexer *lx)
{
	struct command *cmd = lx->cmd;
	const char *p = lx->p;
	size_t len = lx->len, start = lx->i;

	lx->flags = 0;
	if (cmd->n == cmd->cap)
		lex_command_reserve(cmd, cmd->n + 1);
	cmd->off[cmd->n] = cmd->text.len;

	/* Most words are bare: plain bytes up to a blank, ';', '#' or the
	 * end, copied at once. */
	size_t e = start;
	while (e < len && plain(p[e]))
		e++;
	if (e == len || is_blank(p[e]) || p[e] == ';' || p[e] == '#') {
		sb_add(&cmd->text, p + start, e - start);
		lx->i = e;
		return end_word(lx, start);
	}
	while (lx->i < len) {
		size_t i = lx->i;
		char c = p[i];
		if (plain(c)) {
			size_t j = i + 1;
			while (j < len && plain(p[j]))
				j++;
			sb_add(&cmd->text, p + i, j - i);
			lx->i = j;
		} else if (is_blank(c) || c == ';' || c == '#') {
			break;
		} else if (c == '\'') {
			lx->flags |= WORD_QUOTED;
			const char *end = memchr(p + i + 1, '\'', len - i - 1);
			if (end == NULL)
				return fail(lx, i, len - i, "unterminated '...' string", NULL);
			sb_add(&cmd->text, p + i + 1, (size_t)(end - (p + i + 1)));
			lx->i = (size_t)(end - p) + 1;
		} else if ((c == '"' ? read_dquoted(lx) : expand(lx)) < 0) {
			return -1;
		}
	}
	return end_word(lx, start);
}

size_t lex_skip_blanks(const char *line, size_t len, size_t pos)
{
	while (pos < len && is_blank(line[pos]))
		pos++;
	return pos;
}

int lex_command(const char *line, size_t len, size_t *pos, struct command *cmd,
		lex_lookup_fn lookup, void *ctx, struct lex_error *err)
{
	/* cppcheck-suppress ctuuninitvar ; err is written here, never read */
	struct lexer lx = { line, len, *pos, cmd, lookup, ctx, err, 0 };

	cmd->n = 0;
	cmd->def = NULL;
	sb_reset(&cmd->text);
	err->col = 0;
	err->width = 0;
	err->msg[0] = '\0';
	if (*pos >= len)
		return 0;
	while (lx.i < len && is_blank(line[lx.i]))
		lx.i++;
	cmd->start = lx.i;
	cmd->end = lx.i;
	while (lx.i < len) {
		char c = line[lx.i];
		if (is_blank(c)) {
			lx.i++;
			continue;
		}
		if (c == '#') {
			lx.i = len;
			break;
		}
		if (c == ';') {
			lx.i++;
			break;
		}
		if (read_word(&lx) < 0) {
			*pos = len;
			return -1;
		}
		cmd->end = lx.i;
	}
	*pos = lx.i;
	/* The buffer may have moved while growing: point the words into it. */
	for (int k = 0; k < cmd->n; k++)
		cmd->w[k].s = cmd->text.buf + cmd->off[k];
	return 1;
}
