/*
 * test_lexer.c - unit tests of lex_command: blanks, ';' and '#', quotes
 * and escapes, NUL bytes, word flags and columns, ${...} and $N expansion
 * through the lookup callback, syntax errors with their columns, and the
 * check mode (no lookup).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "../tap/basic.h"

/* ---- the variables the lookup callback knows ---- */

struct fake_var {
	const char *name;
	const char *value;
	size_t len;
};

static const struct fake_var vars[] = {
	{ "PORT", "10000", 5 },
	{ "SP", "a b  c", 6 },
	{ "MIX", "Hello World-1", 13 },
	{ "BIN", "x\0y", 3 },
	{ "EMPTY", "", 0 },
	{ "SEMI", "a;b #c \"d\"", 10 },
	{ "DOLLAR", "${PORT}", 7 },
	{ "1", "first", 5 },
	{ "2", "second arg", 10 },
	{ "10", "tenth", 5 },
	{ NULL, NULL, 0 }
};

static char asked[64];  /* the last name the lexer asked for */
static int lookups;     /* how many times it asked */

static int lookup(void *ctx, const char *name, size_t namelen, const char **val, size_t *vlen)
{
	(void)ctx;
	lookups++;
	snprintf(asked, sizeof asked, "%.*s", (int)namelen, name);
	for (const struct fake_var *v = vars; v->name != NULL; v++) {
		if (strlen(v->name) == namelen && memcmp(v->name, name, namelen) == 0) {
			*val = v->value;
			*vlen = v->len;
			return 1;
		}
	}
	return 0;
}

/* ---- helpers ---- */

static struct command cmd;
static struct lex_error err;
static size_t pos;

/* Lex the first command of line (with the fake variables). */
static int lex(const char *line)
{
	pos = 0;
	return lex_command(line, strlen(line), &pos, &cmd, lookup, NULL, &err);
}

/* Lex the first command of line in check mode (no lookup). */
static int lex_check(const char *line)
{
	pos = 0;
	return lex_command(line, strlen(line), &pos, &cmd, NULL, NULL, &err);
}

/* Word i of the command is exactly want[0..wantlen). */
static void word_mem(int i, const char *want, size_t wantlen, const char *desc)
{
	if (i >= cmd.n) {
		ok(0, "%s", desc);
		diag("only %d words", cmd.n);
		return;
	}
	is_bytes(cmd.w[i].s, cmd.w[i].len, want, wantlen, "%s", desc);
}

static void word(int i, const char *want, const char *desc)
{
	word_mem(i, want, strlen(want), desc);
}

/* The line fails with a message holding needle, pointing at column col. */
static void fails(const char *line, int col, const char *needle, const char *desc)
{
	char d[200];
	int rc = lex(line);

	snprintf(d, sizeof d, "%s: an error", desc);
	is_int(rc, -1, "%s", d);
	snprintf(d, sizeof d, "%s: column %d", desc, col);
	is_int(err.col, col, "%s", d);
	snprintf(d, sizeof d, "%s: message names '%s'", desc, needle);
	ok(strstr(err.msg, needle) != NULL, "%s", d);
	if (strstr(err.msg, needle) == NULL)
		diag("message: %s", err.msg);
	snprintf(d, sizeof d, "%s: width at least 1", desc);
	ok(err.width >= 1, "%s", d);
	snprintf(d, sizeof d, "%s: the rest of the line is consumed", desc);
	is_int((long long)pos, (long long)strlen(line), "%s", d);
}

/* ---- tests ---- */

static void test_blanks(void)
{
	is_int(lex("  socket   inet\tstream  "), 1, "blanks: a command is read");
	is_int(cmd.n, 3, "blanks: three words");
	word(0, "socket", "blanks: word 1");
	word(1, "inet", "blanks: word 2");
	word(2, "stream", "blanks: word 3 (after a tab)");
	is_int(cmd.w[0].col, 3, "blanks: column of word 1");
	is_int(cmd.w[1].col, 12, "blanks: column of word 2");
	is_int(cmd.w[2].col, 17, "blanks: column of word 3");
	is_int(cmd.w[0].flags, 0, "blanks: a bare word has no flags");
	is_int((long long)pos, 24, "blanks: the whole line is read");

	is_int(lex(""), 0, "empty line: no command");
	is_int(lex("   \t "), 1, "blank line: one empty command");
	is_int(cmd.n, 0, "blank line: no words");
	is_int(lex_command("   \t ", 5, &pos, &cmd, lookup, NULL, &err), 0,
	       "blank line: then the end");

	is_int(lex("echo hi\r"), 1, "CRLF line: read");
	is_int(cmd.n, 2, "CRLF line: the carriage return is a blank");
	word(1, "hi", "CRLF line: no \\r in the last word");

	is_int(lex("4 send \"x\""), 1, "leading handle number");
	word(0, "4", "leading handle number: its own word");
	is_int(cmd.w[2].col, 8, "a quoted word's column is its quote's");
}

static void test_separators(void)
{
	const char *line = "a b;c ; ;d";
	size_t len = strlen(line);

	pos = 0;
	is_int(lex_command(line, len, &pos, &cmd, lookup, NULL, &err), 1, "';': command 1");
	is_int(cmd.n, 2, "';': command 1 has two words");
	word(1, "b", "';': command 1, word 2");
	is_int((long long)pos, 4, "';': pos is past the ';'");
	is_int((long long)cmd.start, 0, "';': command 1 starts at 0");
	is_int((long long)cmd.end, 3, "';': command 1 ends before the ';'");
	is_int(lex_command(line, len, &pos, &cmd, lookup, NULL, &err), 1, "';': command 2");
	is_int(cmd.n, 1, "';': command 2 has one word");
	word(0, "c", "';': command 2 word");
	is_int(cmd.w[0].col, 5, "';': columns count from the start of the line");
	is_int((long long)cmd.start, 4, "';': command 2 starts at 4");
	is_int((long long)cmd.end, 5, "';': command 2 ends after its last word");
	is_int(lex_command(line, len, &pos, &cmd, lookup, NULL, &err), 1, "';': command 3");
	is_int(cmd.n, 0, "';': command 3 is empty");
	is_int(lex_command(line, len, &pos, &cmd, lookup, NULL, &err), 1, "';': command 4");
	word(0, "d", "';': command 4 word");
	is_int(cmd.w[0].col, 10, "';': command 4 column");
	is_int(lex_command(line, len, &pos, &cmd, lookup, NULL, &err), 0, "';': then the end");

	is_int(lex("send x # a comment; recv 1"), 1, "'#': a command is read");
	is_int(cmd.n, 2, "'#': the comment is not words");
	word(1, "x", "'#': the word before the comment");
	is_int((long long)pos, 26, "'#': a ';' in a comment does not start a command");
	is_int(lex("# only a comment"), 1, "'#' alone: one empty command");
	is_int(cmd.n, 0, "'#' alone: no words");

	is_int(lex("echo \"#\" '#' \";\" ';'"), 1, "quoted '#' and ';'");
	is_int(cmd.n, 5, "quoted '#' and ';' are words");
	word(1, "#", "\"#\" is data");
	word(2, "#", "'#' is data");
	word(3, ";", "\";\" is data");
	word(4, ";", "';' is data");
}

static void test_double_quotes(void)
{
	is_int(lex("send \"\\n\\r\\t\\0\\\\\\\"\""), 1, "escapes: read");
	word_mem(1, "\n\r\t\0\\\"", 6, "escapes: \\n \\r \\t \\0 \\\\ \\\"");
	is_int(cmd.w[1].flags, WORD_QUOTED, "escapes: the word is quoted");

	is_int(lex("send \"\\x41\\x4aZ\\xFf\\x00\""), 1, "\\xHH: read");
	word_mem(1, "AJZ\xff\0", 5, "\\xHH: two digits, either case, \\x00 a NUL");
	is_int(lex("send \"\\x4\""), 1, "\\xH: read");
	word_mem(1, "\x04", 1, "\\xH: one digit before the quote");
	is_int(lex("send \"\\x4g\""), 1, "\\xH then a letter: read");
	word_mem(1, "\x04g", 2, "\\xH: one digit before a non-hex letter");
	is_int(lex("send \"\\x414\""), 1, "\\xHHH: read");
	word_mem(1, "A4", 2, "\\xHH takes two digits at most");

	is_int(lex("send \"a\\0b\\0\""), 1, "NUL bytes: read");
	word_mem(1, "a\0b\0", 4, "NUL bytes are kept: the length counts them");
	is_int((long long)cmd.w[1].len, 4, "NUL bytes: len is 4");

	is_int(lex("send \"a b;c#d\""), 1, "blanks, ';', '#' inside quotes: read");
	is_int(cmd.n, 2, "blanks, ';', '#' inside quotes: one word");
	word(1, "a b;c#d", "blanks, ';', '#' inside quotes: kept");
}

static void test_single_quotes(void)
{
	lookups = 0;
	is_int(lex("send 'a\\n\"b\"${PORT}$1;#'"), 1, "single quotes: read");
	is_int(cmd.n, 2, "single quotes: one word");
	word(1, "a\\n\"b\"${PORT}$1;#", "single quotes: every byte literal");
	is_int(cmd.w[1].flags, WORD_QUOTED, "single quotes: quoted, not dynamic");
	is_int(lookups, 0, "single quotes: no variable looked up");
}

static void test_joined(void)
{
	is_int(lex("send ab\"c d\"'e f'g"), 1, "adjacent parts: read");
	is_int(cmd.n, 2, "adjacent parts: one word");
	word(1, "abc de fg", "adjacent parts: joined");
	is_int(cmd.w[1].flags, WORD_QUOTED, "adjacent parts: quoted");
	is_int(cmd.w[1].col, 6, "adjacent parts: column of the first part");

	is_int(lex("echo x \"\" y ''"), 1, "empty strings: read");
	is_int(cmd.n, 5, "empty strings: each is a word");
	is_int((long long)cmd.w[2].len, 0, "empty strings: \"\" has length 0");
	is_int(cmd.w[2].flags, WORD_QUOTED, "empty strings: \"\" is quoted");
	is_int((long long)cmd.w[4].len, 0, "empty strings: '' has length 0");
	word(3, "y", "empty strings: the word between them");
}

static void test_flags(void)
{
	is_int(lex("abc \"abc\" ${PORT} \"${PORT}\" x${PORT} 'a'b"), 1, "flags: read");
	is_int(cmd.n, 6, "flags: six words");
	is_int(cmd.w[0].flags, 0, "flags: bare word");
	is_int(cmd.w[1].flags, WORD_QUOTED, "flags: \"...\"");
	is_int(cmd.w[2].flags, WORD_DYNAMIC, "flags: ${NAME}");
	is_int(cmd.w[3].flags, WORD_QUOTED | WORD_DYNAMIC, "flags: \"${NAME}\"");
	is_int(cmd.w[4].flags, WORD_DYNAMIC, "flags: x${NAME}");
	is_int(cmd.w[5].flags, WORD_QUOTED, "flags: 'a'b");
	ok(word_is(&cmd.w[0], "abc"), "word_is: a bare word");
	ok(!word_is(&cmd.w[0], "ab"), "word_is: not a prefix");
	ok(!word_is(&cmd.w[0], "abcd"), "word_is: not a longer word");
	ok(!word_is(&cmd.w[1], "abc"), "word_is: a quoted word is data, not a keyword");
	ok(!word_is(&cmd.w[2], "10000"), "word_is: an expanded word is not a keyword");
}

static void test_expansion(void)
{
	is_int(lex("bind 127.0.0.1 ${PORT}"), 1, "${NAME}: read");
	word(2, "10000", "${NAME}: expanded");
	is_string(asked, "PORT", "${NAME}: the callback gets the bare name");
	is_int(cmd.w[2].col, 16, "${NAME}: column of the '$'");

	is_int(lex("send ${SP} x"), 1, "a value with blanks: read");
	is_int(cmd.n, 3, "a value with blanks is never split");
	word(1, "a b  c", "a value with blanks: kept whole");
	is_int(lex("send <${SP}>"), 1, "a value inside a word: read");
	word(1, "<a b  c>", "a value inside a word: joined");
	is_int(lex("send \"[${SP}]\""), 1, "a value inside quotes: read");
	word(1, "[a b  c]", "a value inside quotes: expanded");
	is_int(lex("send ${SEMI} y"), 1, "a value with ; # and quotes: read");
	is_int(cmd.n, 3, "a value with ; # and quotes is not lexed again");
	word(1, "a;b #c \"d\"", "a value with ; # and quotes: literal");
	is_int(lex("send ${DOLLAR}"), 1, "a value holding ${...}: read");
	word(1, "${PORT}", "a value holding ${...} is not expanded again");
	is_int(lex("send ${BIN}"), 1, "a value with a NUL: read");
	word_mem(1, "x\0y", 3, "a value with a NUL keeps all its bytes");
	is_int(lex("send ${EMPTY}"), 1, "an empty value: read");
	is_int(cmd.n, 2, "an empty value is still a word");
	is_int((long long)cmd.w[1].len, 0, "an empty value: length 0");

	is_int(lex("bind * ${NOPE:-10001}"), 1, "${NAME:-default}, unset: read");
	word(2, "10001", "${NAME:-default}, unset: the default");
	is_int(lex("bind * ${PORT:-1}"), 1, "${NAME:-default}, set: read");
	word(2, "10000", "${NAME:-default}, set: the value");
	is_string(asked, "PORT", "${NAME:-default}: the callback gets the bare name");
	is_int(lex("echo ${NOPE:-}"), 1, "${NAME:-}: read");
	is_int((long long)cmd.w[1].len, 0, "${NAME:-}: empty");
	is_int(lex("echo ${NOPE:-a b} z"), 1, "a default with a blank: read");
	is_int(cmd.n, 3, "a default with a blank is one word");
	word(1, "a b", "a default with a blank: kept");
	is_int(lex("echo \"${NOPE:-x y}!\""), 1, "a default in quotes: read");
	word(1, "x y!", "a default in quotes: expanded");

	is_int(lex("echo ${MIX^^} ${MIX,,}"), 1, "case: read");
	word(1, "HELLO WORLD-1", "${NAME^^}: upper case");
	word(2, "hello world-1", "${NAME,,}: lower case");
	is_int(lex("echo \"${1^^}\""), 1, "case of an argument: read");
	word(1, "FIRST", "${1^^}: upper case");

	is_int(lex("echo $1 $2 ${10} $10 ${2}"), 1, "arguments: read");
	is_int(cmd.n, 6, "arguments: an argument with a blank is not split");
	word(1, "first", "$1");
	word(2, "second arg", "$2, with a blank, one word");
	word(3, "tenth", "${10}");
	word(4, "first0", "$10 is $1 then '0'");
	word(5, "second arg", "${2}");
	is_int(cmd.w[1].flags, WORD_DYNAMIC, "$1 is dynamic");

	is_int(lex("echo $ a$ $x \"5 $\" $-"), 1, "a '$' that starts nothing: read");
	word(1, "$", "a lone '$' is kept");
	word(2, "a$", "a trailing '$' is kept");
	word(3, "$x", "'$x' (no braces) is literal");
	word(4, "5 $", "a '$' before the closing quote is kept");
	word(5, "$-", "'$-' is literal");
	is_int(cmd.w[3].flags, 0, "'$x' is not dynamic");
}

static void test_unset(void)
{
	fails("echo ${NOPE}", 6, "NOPE", "unset ${NOPE}");
	is_int(err.width, 7, "unset ${NOPE}: underlines the whole ${NOPE}");
	fails("echo \"x${NOPE^^}\"", 8, "NOPE", "unset ${NOPE^^} in quotes");
	fails("echo $3", 6, "$3", "argument $3 not given");
	is_int(err.width, 2, "argument $3: underlines $3");
	fails("echo ${4}", 6, "4", "argument ${4} not given");
}

static void test_errors(void)
{
	fails("send \"abc", 6, "unterminated", "unterminated \"...\"");
	fails("send 'abc", 6, "unterminated", "unterminated '...'");
	fails("send x\"", 7, "unterminated", "a quote opened inside a word");
	fails("send \"a\\qb\"", 8, "\\q", "unknown escape \\q");
	is_int(err.width, 2, "unknown escape: underlines backslash and letter");
	fails("send \"\\x\"", 7, "\\x", "\\x without digits");
	fails("send \"\\xg1\"", 7, "\\x", "\\x with a non-hex digit");
	fails("send \"abc\\", 10, "backslash", "a backslash at the end of the line");
	fails("echo ${PORT", 6, "not closed", "unclosed ${");
	fails("echo ${PORT:-1", 6, "not closed", "unclosed ${NAME:-");
	fails("echo ${}", 6, "name", "${} without a name");
	fails("echo ${A-b}", 9, "'}'", "${A-b}: a bad operator");
	fails("echo ${1x}", 8, "name", "${1x}: a bad argument name");
	fails("echo \"a\" 'b; send \"\\y\"", 10, "unterminated", "the first error on a line");

	pos = 0;
	const char *line = "echo ok; send \"\\q\"";
	is_int(lex_command(line, strlen(line), &pos, &cmd, lookup, NULL, &err), 1,
	       "an error in the second command: the first is read");
	is_int(lex_command(line, strlen(line), &pos, &cmd, lookup, NULL, &err), -1,
	       "an error in the second command: then the error");
	is_int(err.col, 16, "an error in the second command: the column counts from the line");
}

static void test_check_mode(void)
{
	is_int(lex_check("bind ${HOST} ${PORT:-1} $1 ${NOPE^^} \"${X}y\""), 1,
	       "check mode: unset names are no error");
	is_int(cmd.n, 6, "check mode: every word is there");
	for (int i = 1; i < 5; i++) {
		char d[80];
		snprintf(d, sizeof d, "check mode: word %d is dynamic", i + 1);
		ok(cmd.w[i].flags & WORD_DYNAMIC, "%s", d);
	}
	is_int((long long)cmd.w[1].len, 0, "check mode: an expansion gives nothing");
	word(5, "y", "check mode: the rest of the word is kept");
	is_int(cmd.w[5].flags, WORD_QUOTED | WORD_DYNAMIC, "check mode: quoted and dynamic");
	is_int(lex_check("echo $9"), 1, "check mode: a missing argument is no error");
	is_int(lex_check("echo ${A"), -1, "check mode: an unclosed ${ is still an error");
	is_int(err.col, 6, "check mode: its column");
	is_int(lex_check("send \"\\q\""), -1, "check mode: an unknown escape is still an error");
	is_int(lex_check("send 'x"), -1, "check mode: an unterminated string is still an error");
}

static void test_growth(void)
{
	char line[4096];
	size_t n = 0;

	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(line + n, sizeof line - n, "w%d ", i);
	is_int(lex(line), 1, "300 words: read");
	is_int(cmd.n, 300, "300 words: all there");
	int good = 1;
	for (int i = 0; i < 300 && i < cmd.n; i++) {
		char want[16];
		snprintf(want, sizeof want, "w%d", i);
		if (strcmp(cmd.w[i].s, want) != 0 || cmd.w[i].len != strlen(want))
			good = 0;
	}
	ok(good, "300 words: every word right after the buffers grew");

	char *big = malloc(20010);
	if (big == NULL)
		return;
	memcpy(big, "send \"", 6);
	memset(big + 6, 'z', 20000);
	memcpy(big + 20006, "\" x", 4);
	is_int(lex(big), 1, "a 20000-byte word: read");
	is_int(cmd.n, 3, "a 20000-byte word: three words");
	is_int((long long)cmd.w[1].len, 20000, "a 20000-byte word: its length");
	word(2, "x", "a 20000-byte word: the word after it");
	free(big);

	is_int(lex("one"), 1, "reuse: a short line after a long one");
	is_int(cmd.n, 1, "reuse: one word");
	word(0, "one", "reuse: the word");
}

int main(void)
{
	plan_lazy();
	lex_command_init(&cmd);
	test_blanks();
	test_separators();
	test_double_quotes();
	test_single_quotes();
	test_joined();
	test_flags();
	test_expansion();
	test_unset();
	test_errors();
	test_check_mode();
	test_growth();
	lex_command_free(&cmd);
	return test_finish();
}
