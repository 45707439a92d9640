/*
 * test_vars.c - unit tests of the variables: var_set and var_lookup on a
 * session (set, overwrite, binary values, names that are not
 * NUL-terminated, the environment behind them, the names a call sets,
 * $0 and $1...), and the expansions through the lexer with var_lookup as
 * its callback: ${NAME}, ${NAME:-default}, ${NAME^^} and ${NAME,,}.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "shell.h"
#include "vars.h"
#include "../tap/basic.h"

static struct shell sh;
static struct command cmd;

/* Look name up; returns what var_lookup returned, the value in *val. */
static int look(const char *name, size_t len, const char **val, size_t *vlen)
{
	*val = NULL;
	*vlen = 0;
	return var_lookup(&sh, name, len, val, vlen);
}

/* name is set, to exactly want[0..wantlen). */
static void set_to(const char *name, const char *want, size_t wantlen, const char *desc)
{
	const char *val;
	size_t vlen;

	if (ok(look(name, strlen(name), &val, &vlen) == 1, "%s: set", desc))
		is_bytes(val, vlen, want, wantlen, "%s: the value", desc);
	else
		skip("%s: the value (not set)", desc);
}

static void test_set_lookup(void)
{
	const char *val;
	size_t vlen;

	is_int(look("NOPE_NOT_SET_HERE", 17, &val, &vlen), 0, "an unset name is not found");
	var_set(&sh, "PORT", "10000", 5);
	set_to("PORT", "10000", 5, "var_set PORT");
	var_set(&sh, "PORT", "8", 1);
	set_to("PORT", "8", 1, "var_set again replaces");
	var_set(&sh, "BIN", "a\0b", 3);
	set_to("BIN", "a\0b", 3, "a value with a NUL keeps every byte");
	var_set(&sh, "EMPTY", "", 0);
	set_to("EMPTY", "", 0, "an empty value is set");
	var_set(&sh, "Mixed_Case9", "x", 1);
	set_to("Mixed_Case9", "x", 1, "names are case-sensitive");
	is_int(look("mixed_case9", 11, &val, &vlen), 0, "another case is another name");
	/* The lexer hands over name[0..len) inside a longer line. */
	if (ok(look("PORTX", 4, &val, &vlen) == 1, "a name not NUL-terminated: found"))
		is_bytes(val, vlen, "8", 1, "a name not NUL-terminated: its value");
	else
		skip("a name not NUL-terminated: its value (not found)");
	is_int(look("POR", 3, &val, &vlen), 0, "a prefix of a name is not the name");
}

static void test_environment(void)
{
	const char *val;
	size_t vlen;

	setenv("SOCKSHELL_TEST_ENV", "from the environment", 1);
	set_to("SOCKSHELL_TEST_ENV", "from the environment", 20, "the environment is looked up");
	var_set(&sh, "SOCKSHELL_TEST_ENV", "mine", 4);
	set_to("SOCKSHELL_TEST_ENV", "mine", 4, "a variable hides the environment's");
	char longname[200];
	memset(longname, 'A', sizeof longname);
	is_int(look(longname, sizeof longname, &val, &vlen), 0,
	       "a 200-byte name is not found (and does not overflow)");
}

static void test_call_names(void)
{
	const char *val;
	size_t vlen;

	is_int(look("rc", 2, &val, &vlen), 0, "${rc} is unset before any call");
	sh.last.valid = 1;
	sh.last.rc = -1;
	sh.last.err = ECONNREFUSED;
	set_to("rc", "-1", 2, "${rc} after a failed call");
	set_to("errno", "ECONNREFUSED", 12, "${errno} names the error");
	sh.last.err = 0;
	sh.last.rc = 42;
	set_to("rc", "42", 2, "${rc} after a call that returned 42");
	set_to("errno", "", 0, "${errno} is empty after a success");
	sb_add(&sh.last.data, "got\0it", 6);
	set_to("data", "got\0it", 6, "${data} holds the bytes received");
	sb_adds(&sh.last.text, "127.0.0.1:80");
	set_to("result", "127.0.0.1:80", 12, "${result} holds a text result");
	var_set(&sh, "rc", "mine", 4);
	set_to("rc", "42", 2, "${rc} is the call's, not a variable of that name");
}

static void test_arguments(void)
{
	static char a1[] = "first", a2[] = "second one";
	static char *argv[] = { a1, a2 };
	/* static: the session keeps pointing at it for test_expansion's $1. */
	static struct source src;
	const char *val;
	size_t vlen;

	is_int(look("1", 1, &val, &vlen), 0, "$1 outside a lesson is unset");
	src.name = "lesson.sock";
	src.argc = 2;
	src.argv = argv;
	sh.src = &src;
	set_to("0", "lesson.sock", 11, "$0 is the lesson");
	set_to("1", "first", 5, "$1");
	set_to("2", "second one", 10, "$2");
	is_int(look("3", 1, &val, &vlen), 0, "$3 of two arguments is unset");
	is_int(look("99999999999999999999", 20, &val, &vlen), 0, "a huge argument number is unset");
}

/* The first word of line, lexed with the session's variables. */
static void expands(const char *line, const char *want, const char *desc)
{
	struct lex_error err;
	size_t pos = 0;
	int rc = lex_command(line, strlen(line), &pos, &cmd, var_lookup, &sh, &err);

	if (rc != 1 || cmd.n < 1) {
		ok(0, "%s: %s", desc, line);
		diag("lex_command gave %d, %d words: %s", rc, cmd.n, rc < 0 ? err.msg : "");
		return;
	}
	is_bytes(cmd.w[0].s, cmd.w[0].len, want, strlen(want), "%s: %s", desc, line);
}

static void test_expansion(void)
{
	struct lex_error err;
	size_t pos = 0;

	var_set(&sh, "HOST", "Example.Org", 11);
	var_set(&sh, "PORT", "8080", 4);
	expands("${HOST}", "Example.Org", "a variable");
	expands("\"${HOST}:${PORT}\"", "Example.Org:8080", "two in one word");
	expands("${PORT:-80}", "8080", "a default, set");
	expands("${UNSET_HERE:-80}", "80", "a default, unset");
	expands("${UNSET_HERE:-}", "", "an empty default");
	expands("${EMPTY:-x}", "", "a default, set but empty: the value");
	expands("${HOST^^}", "EXAMPLE.ORG", "upper case");
	expands("${HOST,,}", "example.org", "lower case");
	expands("\"${1^^}-${2,,}\"", "FIRST-second one", "case of arguments");
	expands("${SOCKSHELL_TEST_ENV^^}", "MINE", "case of a variable hiding the environment");
	expands("'${HOST}'", "${HOST}", "single quotes do not expand");
	is_int(lex_command("${UNSET_HERE}", 13, &pos, &cmd, var_lookup, &sh, &err), -1,
	       "an unset variable without a default is an error");
	ok(strstr(err.msg, "UNSET_HERE") != NULL, "and the error names it");
}

int main(void)
{
	plan_lazy();
	shell_init(&sh);
	lex_command_init(&cmd);
	test_set_lookup();
	test_environment();
	test_call_names();
	test_arguments();
	test_expansion();
	lex_command_free(&cmd);
	shell_free(&sh);
	return test_finish();
}
