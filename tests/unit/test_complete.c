/*
 * test_complete.c - unit tests of the completion candidates
 * (src/complete.c), without a terminal: the line is split by the real
 * lexer, the position found from the command table, the words taken from
 * the keyword tables.  tests/term/completion.sh checks the same through
 * readline at a real terminal.
 */
#include <config.h>

#include <string.h>

#include "complete.h"
#include "shell.h"
#include "strbuf.h"
#include "../tap/basic.h"

static struct shell sh;
static struct handle hs[8];
static struct strbuf cands;

/* Complete after line (the word being completed starts at its end). */
static enum complete_how after(const char *line)
{
	return complete_words(&sh, line, strlen(line), &cands);
}

/* Is word among the candidates? */
static int has(const char *word)
{
	for (size_t i = 0; i < cands.len; i += strlen(cands.buf + i) + 1)
		if (strcmp(cands.buf + i, word) == 0)
			return 1;
	return 0;
}

/* line offers every word of want (NULL-terminated), and not "nope" if
 * given. */
static void offers(const char *line, const char *const *want, const char *nope)
{
	int all = after(line) == COMPLETE_WORDS;

	for (int i = 0; want[i] != NULL; i++)
		all &= has(want[i]);
	if (nope != NULL)
		all &= !has(nope);
	ok(all, "'%s' offers %s%s%s", line, want[0], nope ? ", not " : "", nope ? nope : "");
}

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })

static void test_commands(void)
{
	offers("", W("socket", "socketpair", "expect", "quit"), NULL);
	offers("use 3; ", W("socket", "recv"), NULL);
	offers("use 3;", W("socket"), NULL);
	offers("4 ", W("recv"), NULL);
	is_int(after("echo # "), COMPLETE_NONE, "nothing in a comment");
	is_int(after("bogus "), COMPLETE_NONE, "nothing after an unknown command");
	is_int(after("send \"open "), COMPLETE_NONE, "nothing after an open quote");
}

static void test_keywords(void)
{
	offers("socket ", W("inet", "inet6", "unix", "for"), NULL);
	offers("socket inet ", W("stream", "dgram", "seqpacket", "raw"), NULL);
	offers("socket inet stream ", W("tcp", "udp"), NULL);
	offers("socket for ", W("localhost", "127.0.0.1", "::1"), "@3");
	offers("socket for ::1 ", W("stream", "dgram"), NULL);
	offers("shutdown ", W("rd", "wr", "rdwr"), NULL);
	offers("send \"a b; c\" ", W("peek", "dontwait"), NULL);
	offers("3 recv 16 ", W("waitall"), NULL);
	offers("sendto -n 10 ", W("localhost", "@from", "@3"), NULL);
	offers("nonblock ", W("on", "off"), "yes");
	offers("setsockopt ", W("reuseaddr", "reuseport", "linger"), NULL);
	offers("setsockopt reuseaddr ", W("on", "off"), NULL);
	offers("setsockopt linger ", W("off"), "on");
	is_int(after("setsockopt rcvbuf "), COMPLETE_NONE, "a number option: nothing to offer");
	offers("setsockopt ", W("bindtodevice", "user_timeout", "multicast_if", "tcp", "socket"), NULL);
	offers("setsockopt tcp ", W("TCP_NODELAY", "TCP_MAXSEG"), "SO_REUSEADDR");
	offers("getsockopt SOL_SOCKET ", W("SO_REUSEADDR", "SO_BINDTODEVICE"), "TCP_NODELAY");
	offers("getsockopt ipv6 ", W("IPV6_V6ONLY", "IPV6_MULTICAST_HOPS"), "IP_TTL");
	offers("set ", W("display", "timeout", "echo", "errexit", "capture"), NULL);
	offers("set display ", W("text", "hex", "both"), NULL);
	offers("set capture ", W("text", "hex"), "both");
	offers("set echo ", W("on", "off"), NULL);
	is_int(after("set timeout "), COMPLETE_NONE, "set timeout: seconds, nothing to offer");
	is_int(after("set PORT "), COMPLETE_NONE, "a variable's value: nothing to offer");
	offers("help ", W("connect"), NULL);
}

static void test_expect(void)
{
	offers("expect ", W("eof", "ok", "timeout", "truncated"), NULL);
	offers("expect ", W("ECONNREFUSED", "EAGAIN", "EAI_NONAME"), NULL);
	offers("expect ", W("!=0", ">0", ">=0", "<0", "<=0"), NULL);
	offers("expect 0 ", W("truncated", "EAI_AGAIN"), NULL);
}

static void test_handles_files(void)
{
	offers("use ", W("3", "5"), "4");
	offers("poll 3 ", W("3", "5"), NULL);
	offers("connect ", W("@3", "@5", "@from", "localhost"), "@4");
	is_int(after("source "), COMPLETE_FILES, "source: a file name");
	is_int(after("send -f "), COMPLETE_FILES, "send -f: a file name");
	is_int(after("save "), COMPLETE_FILES, "save: a file name");
	is_int(after("recv "), COMPLETE_NONE, "recv N: no file name");
	is_int(after("send -n "), COMPLETE_NONE, "send -n COUNT: nothing");
	offers("send -n 5 ", W("dontwait"), NULL);
	offers("send -f x ", W("more"), NULL);
}

int main(void)
{
	plan_lazy();
	sh.h = hs;
	sh.nh = 8;
	hs[3].open = 1;
	hs[5].open = 1;
	test_commands();
	test_keywords();
	test_expect();
	test_handles_files();
	sb_free(&cands);
	return test_finish();
}
