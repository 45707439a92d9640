/*
 * fuzz_sockshell.c - one libFuzzer entry over everything that reads the
 * text a user types or a lesson file holds.
 *
 * Each input is taken as a lesson file and goes through:
 *   - repl_check, the whole-file check (the lexer without expansion, the
 *     command table, the argument counts, the did-you-mean hints);
 *   - the lexer with expansion, line by line, through var_lookup, with two
 *     lesson arguments and a few variables set (one holding a NUL);
 *   - the argument parsers on every word: args_count, args_seconds,
 *     handle_is_word, addr_port, and addr_lookup on each pair of words
 *     (HOST PORT, for inet, inet6 and unspec) and on each word alone as a
 *     unix path; addr_format prints what came back.
 *
 * No input may make a lookup leave the machine: addr_lookup only gets a
 * host that getaddrinfo accepts with AI_NUMERICHOST (or "*"), and a port
 * that is not a service name.  The fuzz build (make fuzz) also links with
 * --wrap=getaddrinfo, and the wrapper below aborts on any lookup without
 * AI_NUMERICHOST, so a gap in that filter is a crash, not a DNS query.
 *
 * Built twice: by "make fuzz" with clang -fsanitize=fuzzer, and by
 * "make check" into tests/fuzz/fuzz_replay, which feeds it every file in
 * tests/fuzz/regress and tests/fuzz/corpus.
 */
#include <config.h>

#include <netdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "addr.h"
#include "args.h"
#include "handle.h"
#include "output.h"
#include "repl.h"
#include "shell.h"
#include "vars.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef SOCKSHELL_FUZZ_WRAP
int __real_getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
		       struct addrinfo **res);
int __wrap_getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
		       struct addrinfo **res);

/* Every getaddrinfo the fuzzed code makes: numeric, or a bug in the filter. */
int __wrap_getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
		       struct addrinfo **res)
{
	if (hints == NULL || !(hints->ai_flags & AI_NUMERICHOST)) {
		fprintf(stderr, "fuzz: getaddrinfo(\"%.60s\") without AI_NUMERICHOST\n",
			node ? node : "(null)");
		abort();
	}
	return __real_getaddrinfo(node, service, hints, res);
}
#endif

static struct shell sh;
static struct source src;
static char *args[] = { "first", "second" };

/* A shell as main() sets one up, with some variables to expand. */
static void setup(void)
{
	shell_init(&sh);
	var_set(&sh, "PORT", "10000", 5);
	var_set(&sh, "HOST", "127.0.0.1", 9);
	var_set(&sh, "nul", "a\0B", 3);
	var_set(&sh, "empty", "", 0);
}

/* Would addr_lookup take host as a literal, so that nothing is resolved? */
static int numeric_host(const char *host)
{
	struct addr a;

	return strcmp(host, "*") == 0 || addr_numeric(host, &a);
}

/* A port addr_port reads without the services database. */
static int numeric_port(const char *port)
{
	return port[0] == '\0' || (port[0] >= '0' && port[0] <= '9') || port[0] == '-' ||
	       port[0] == '+';
}

static void lookup(const char *host, const char *port, int family, int type)
{
	struct addr_list al;
	struct strbuf sb = STRBUF_INIT;
	char msg[160];
	int gai;

	if (addr_lookup(host, port, family, type, &al, &gai, msg, sizeof msg) == 0) {
		for (int i = 0; i < al.n; i++)
			addr_format(&sb, (struct sockaddr *)&al.v[i].ss, al.v[i].len);
	}
	addr_list_free(&al);
	sb_free(&sb);
}

/* The argument parsers on the words of one command. */
static void parse_words(const struct command *cmd)
{
	static const int families[] = { AF_INET, AF_INET6, AF_UNSPEC };

	for (int i = 0; i < cmd->n; i++) {
		const struct word *w = &cmd->w[i];
		unsigned long count;
		double secs;
		unsigned port;
		char msg[160];
		int fd;

		args_count(&sh, w, SHELL_MAX_COUNT, &count);
		args_seconds(&sh, w, &secs);
		handle_is_word(&sh, w, &fd);
		if (memchr(w->s, '\0', w->len) != NULL)
			continue;
		if (numeric_port(w->s))
			addr_port(w->s, i % 2 ? SOCK_DGRAM : SOCK_STREAM, &port, msg, sizeof msg);
		lookup(w->s, NULL, AF_UNIX, SOCK_STREAM);
		if (i + 1 < cmd->n) {
			const struct word *p = &cmd->w[i + 1];
			if (memchr(p->s, '\0', p->len) == NULL && numeric_port(p->s) &&
			    numeric_host(w->s))
				lookup(w->s, p->s, families[i % 3], i % 2 ? SOCK_DGRAM : SOCK_STREAM);
		}
	}
}

/* The lexer with expansion over each line, as run_line does. */
static void lex_lines(const char *text, size_t len)
{
	struct lex_error err;
	size_t pos = 0;

	src.line = 0;
	while (pos < len) {
		const char *p = text + pos;
		const char *nl = memchr(p, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - p) : len - pos;
		size_t at = 0;
		pos += n + (nl != NULL);
		src.line++;
		sh.cmd_line = p;
		sh.cmd_line_len = n;
		while (lex_command(p, n, &at, &sh.cmd, var_lookup, &sh, &err) > 0)
			parse_words(&sh.cmd);
	}
	sh.cmd_line = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;

	if (!ready) {
		setup();
		ready = 1;
	}
	memset(&src, 0, sizeof src);
	src.name = "fuzz.sock";
	src.text = (const char *)data;
	src.len = size;
	src.argc = 2;
	src.argv = args;
	sh.src = &src;
	sh.status = 0;
	repl_check(&sh, &src);
	lex_lines((const char *)data, size);
	sh.src = NULL;
	return 0;
}
