/*
 * test_keywords.c - unit tests of the keyword module (src/keywords.c):
 * every table's names unique and found both ways (word -> row, value ->
 * symbol -> row), the socket options by name and by symbol, the table of
 * each argument kind, the one on/off parser, the expect word classifier,
 * the trace's flag and symbol formatting, and the did-you-mean hint.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "errname.h"
#include "keywords.h"
#include "strbuf.h"
#include "../tap/basic.h"

static const struct {
	const char *label;
	const struct kw_entry *tab;
	int values_unique;  /* one word per value: value -> word -> value */
} tables[] = {
	{ "families", kw_families, 0 },  /* unix and local are AF_UNIX */
	{ "types", kw_types, 1 },
	{ "protocols", kw_protocols, 1 },
	{ "msgflags", kw_msgflags, 1 },
	{ "shutdown", kw_shutdown, 1 },
	{ "pollevents", kw_pollevents, 1 },
	{ "onoff", kw_onoff, 0 },
	{ "settings", kw_settings, 1 },
	{ "display", kw_display, 1 },
	{ "expect words", kw_expect_words, 1 },
};
#define NTABLES (sizeof tables / sizeof tables[0])

/* Every name of tab is a word, unique, and kw_find gives its own row. */
static void test_names(const char *label, const struct kw_entry *tab)
{
	int n = 0, unique = 1, found = 1, words = 1;

	for (const struct kw_entry *e = tab; e->name != NULL; e++, n++) {
		for (const struct kw_entry *f = tab; f != e; f++)
			unique &= strcmp(e->name, f->name) != 0;
		found &= kw_find(tab, e->name) == e;
		words &= e->name[0] != '\0' && strcspn(e->name, " \t;#\"'$") == strlen(e->name);
	}
	ok(n > 0, "%s: the table has rows", label);
	ok(unique, "%s: no name is on two rows", label);
	ok(found, "%s: kw_find finds each row by its name", label);
	ok(words, "%s: every name is one bare word", label);
}

/* value -> symbol -> row holds the value; value -> name -> value. */
static void test_both_ways(const char *label, const struct kw_entry *tab, int values_unique)
{
	int syms = 1, names = 1;

	for (const struct kw_entry *e = tab; e->name != NULL; e++) {
		if (e->sym != NULL) {
			const struct kw_entry *f = kw_find(tab, kw_sym(tab, e->value));
			syms &= f != NULL && f->value == e->value;
		}
		if (values_unique)
			names &= kw_name(tab, e->value) == e->name;
	}
	ok(syms, "%s: each value's symbol finds a row of that value", label);
	if (values_unique)
		ok(names, "%s: each value's word is its row's", label);
}

static void test_tables(void)
{
	for (size_t i = 0; i < NTABLES; i++) {
		test_names(tables[i].label, tables[i].tab);
		test_both_ways(tables[i].label, tables[i].tab, tables[i].values_unique);
	}
	ok(kw_find(kw_families, "af_inet6") != NULL && kw_find(kw_families, "af_inet6")->value ==
	   AF_INET6, "a symbol is found in any case: af_inet6");
	ok(kw_find(kw_types, "bogus") == NULL, "an unknown word is not found");
	ok(kw_find(kw_onoff, "ON") == NULL, "on/off has no symbols: ON is no word of it");
	is_string(kw_sym(kw_families, AF_UNIX), "AF_UNIX", "kw_sym(AF_UNIX)");
	is_string(kw_name(kw_display, 1), "hex", "kw_name(kw_display, 1)");
}

static void test_sockopts(void)
{
	int unique = 1, syms = 1, byname = 1, bysym = 1, kinds = 1;
	char lower[64];

	ok(kw_sockopt_count > 10, "there are socket options (%d)", kw_sockopt_count);
	for (int i = 0; i < kw_sockopt_count; i++) {
		const struct kw_sockopt *o = &kw_sockopts[i];
		for (int j = 0; j < i; j++) {
			unique &= strcmp(o->name, kw_sockopts[j].name) != 0;
			syms &= strcmp(o->optsym, kw_sockopts[j].optsym) != 0;
		}
		byname &= kw_sockopt_find(o->name, strlen(o->name)) == o;
		size_t k = 0;
		for (; o->optsym[k] != '\0' && k + 1 < sizeof lower; k++)
			lower[k] = (char)tolower((unsigned char)o->optsym[k]);
		lower[k] = '\0';
		bysym &= kw_sockopt_find(lower, k) == o;
		kinds &= o->kind >= KW_OPT_BOOL && o->kind <= KW_OPT_IFINDEX && o->levelsym != NULL;
	}
	ok(unique, "no option name is on two rows");
	ok(syms, "no option symbol is on two rows");
	ok(byname, "kw_sockopt_find finds each option by its name");
	ok(bysym, "and by its symbol in lower case");
	ok(kinds, "every option has a level and a kind of value");
	const struct kw_sockopt *o = kw_sockopt_find("reuseaddr", 9);
	ok(o != NULL && o->level == SOL_SOCKET && o->opt == SO_REUSEADDR && o->kind == KW_OPT_BOOL,
	   "reuseaddr is SOL_SOCKET, SO_REUSEADDR, on/off");
	ok(kw_sockopt_find("reuseaddr\0x", 11) == NULL, "a name with a NUL byte in it is none");
	ok(kw_sockopt_find("reuseadr", 8) == NULL, "a misspelt name is none");
	o = kw_sockopt_find("error", 5);
	ok(o != NULL && o->readonly && o->kind == KW_OPT_ERRNO, "error is read-only, an errno");
}

static void test_kinds(void)
{
	ok(kw_table(A_FAMILY) == kw_families && kw_table(A_TYPE) == kw_types &&
	   kw_table(A_PROTO) == kw_protocols && kw_table(A_FLAG) == kw_msgflags &&
	   kw_table(A_HOW) == kw_shutdown && kw_table(A_ONOFF) == kw_onoff &&
	   kw_table(A_SETTING) == kw_settings && kw_table(A_EXPECT) == kw_expect_words,
	   "each keyword kind has its table");
	ok(kw_table(A_HOST) == NULL && kw_table(A_COUNT) == NULL && kw_table(A_ANY) == NULL,
	   "hosts, counts and any word have none");
}

static void test_onoff(void)
{
	static const char *const on[] = { "on", "yes", "1", "true" };
	static const char *const off[] = { "off", "no", "0", "false" };

	for (size_t i = 0; i < 4; i++) {
		is_int(kw_onoff_value(on[i], strlen(on[i])), 1, "'%s' is on", on[i]);
		is_int(kw_onoff_value(off[i], strlen(off[i])), 0, "'%s' is off", off[i]);
	}
	is_int(kw_onoff_value("maybe", 5), -1, "'maybe' is neither");
	is_int(kw_onoff_value("", 0), -1, "an empty word is neither");
	is_int(kw_onoff_value("On", 2), -1, "'On' is neither: the words are lower case");
	is_int(kw_onoff_value("on\0x", 4), -1, "'on' with a NUL byte after it is neither");
	is_int(kw_onoff_value("2", 1), -1, "'2' is neither");
	is_string(kw_onoff[0].name, "on", "completion's first on/off word is on");
	is_string(kw_onoff[1].name, "off", "and its second off");
}

/* Classify s; the class, and for the comparisons the parts. */
static enum kw_expect_class classify(const char *s, struct kw_expect *e)
{
	return kw_expect_classify(s, strlen(s), e);
}

static void test_expect(void)
{
	struct kw_expect e;

	ok(classify("0", &e) == KW_EXP_NUMBER && e.num == 0, "0: a number");
	ok(classify("-1", &e) == KW_EXP_NUMBER && e.num == -1, "-1: a number");
	ok(classify("<5", &e) == KW_EXP_COMPARE && e.op == '<' && !e.eq && e.num == 5, "<5");
	ok(classify("<=5", &e) == KW_EXP_COMPARE && e.op == '<' && e.eq && e.num == 5, "<=5");
	ok(classify(">0", &e) == KW_EXP_COMPARE && e.op == '>' && !e.eq && e.num == 0, ">0");
	ok(classify(">=-2", &e) == KW_EXP_COMPARE && e.op == '>' && e.eq && e.num == -2, ">=-2");
	ok(classify("!=3", &e) == KW_EXP_COMPARE && e.op == '!' && e.eq && e.num == 3, "!=3");
	is_int(classify("<x", &e), KW_EXP_BAD_COMPARE, "<x: a bad comparison");
	is_int(classify(">", &e), KW_EXP_BAD_COMPARE, ">: a bad comparison");
	is_int(classify("12x", &e), KW_EXP_BAD_NUMBER, "12x: a bad number");
	is_int(classify("99999999999999999999", &e), KW_EXP_BAD_NUMBER, "an overflow: a bad number");
	ok(classify("eof", &e) == KW_EXP_WORD && e.value == KW_EXPECT_EOF, "eof");
	ok(classify("ok", &e) == KW_EXP_WORD && e.value == KW_EXPECT_OK, "ok");
	ok(classify("timeout", &e) == KW_EXP_WORD && e.value == KW_EXPECT_TIMEOUT, "timeout");
	ok(classify("truncated", &e) == KW_EXP_WORD && e.value == KW_EXPECT_TRUNCATED, "truncated");
	ok(classify("EAGAIN", &e) == KW_EXP_ERRNO && e.value == EAGAIN, "EAGAIN: an errno");
	ok(classify("EAI_NONAME", &e) == KW_EXP_GAI && e.value == EAI_NONAME, "EAI_NONAME");
	is_int(classify("ECONREFUSED", &e), KW_EXP_BAD_ERRNO, "ECONREFUSED: no errno");
	is_int(classify("EAI_NONAM", &e), KW_EXP_BAD_GAI, "EAI_NONAM: no getaddrinfo error");
	is_int(classify("eoff", &e), KW_EXP_UNKNOWN, "eoff: unknown");
	is_int(classify("", &e), KW_EXP_UNKNOWN, "an empty word: unknown");
	is_int(kw_expect_classify("eof\0", 4, &e), KW_EXP_UNKNOWN, "a NUL byte: unknown");
	int all = 1;
	for (int i = 0; kw_expect_comparisons[i] != NULL; i++)
		all &= classify(kw_expect_comparisons[i], &e) == KW_EXP_COMPARE;
	ok(all, "every comparison completion offers is one");
	all = 1;
	for (int i = 0; errname_gai_at(i) != NULL; i++)
		all &= classify(errname_gai_at(i), &e) == KW_EXP_GAI;
	ok(all, "every EAI_ name completion offers is a getaddrinfo error");
}

static void test_format(void)
{
	struct strbuf sb = STRBUF_INIT;

	kw_add_flags(&sb, kw_msgflags, MSG_PEEK | MSG_WAITALL);
	is_string(sb.buf, "MSG_PEEK|MSG_WAITALL", "flags in the table's order");
	sb_reset(&sb);
	kw_add_flags(&sb, kw_msgflags, 0);
	is_string(sb.buf, "0", "no flags: 0");
	sb_reset(&sb);
	kw_add_flags(&sb, kw_pollevents, POLLIN | POLLOUT | POLLHUP);
	is_string(sb.buf, "POLLIN|POLLOUT|POLLHUP", "poll events");
	sb_reset(&sb);
	kw_add_flags(&sb, kw_shutdown, 0x40000000);
	is_string(sb.buf, "0x40000000", "a bit no row names: in hex");
	sb_reset(&sb);
	kw_add_sym(&sb, kw_types, SOCK_DGRAM);
	is_string(sb.buf, "SOCK_DGRAM", "kw_add_sym(SOCK_DGRAM)");
	sb_reset(&sb);
	kw_add_sym(&sb, kw_types, 12345);
	is_string(sb.buf, "12345", "a value without a symbol: its number");
	sb_free(&sb);
}

static void test_near(void)
{
	struct kw_near nn;

	kw_near_init(&nn, "inet5", 5);
	kw_near_table(&nn, kw_families);
	is_string(nn.best, "inet6", "inet5: did you mean inet6");
	kw_near_init(&nn, "write", 5);
	kw_near_table(&nn, kw_shutdown);
	is_string(nn.best, "wr", "write: did you mean wr");
	kw_near_init(&nn, "zzzzzz", 6);
	kw_near_table(&nn, kw_onoff);
	ok(nn.best == NULL, "nothing near zzzzzz");
}

int main(void)
{
	plan_lazy();
	test_tables();
	test_sockopts();
	test_kinds();
	test_onoff();
	test_expect();
	test_format();
	test_near();
	return test_finish();
}
