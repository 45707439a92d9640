/*
 * cmd_lab.c - the host command: the hosts of the lab (lab.c), and which
 * of them new sockets are made on.
 */
#include <config.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "i18n.h"
#include "lab.h"
#include "output.h"
#include "shell.h"

/* "host" alone: one line per host, the current one marked with "*". */
static int list_hosts(struct shell *sh)
{
	const struct lab *lab = sh->lab;
	char v4[INET_ADDRSTRLEN], v6[INET6_ADDRSTRLEN];

	if (lab == NULL || lab->nhosts == 0) {
		out_line(sh, "%s", _("no hosts: sockets are the shell's own (host NAME makes one)"));
		return CMD_OK;
	}
	for (int i = 0; i < lab->nhosts; i++) {
		const struct lab_host *h = &lab->host[i];
		inet_ntop(AF_INET, &h->v4, v4, sizeof v4);
		inet_ntop(AF_INET6, &h->v6, v6, sizeof v6);
		out_line(sh, "%s %-*s eth0 %s/%d %s/%d", i == lab->current ? "*" : " ",
			 LAB_NAME_MAX, h->name, v4, h->v4len, v6, h->v6len);
	}
	out_line(sh, "%s %-*s %s", lab->current < 0 ? "*" : " ", LAB_NAME_MAX, "-",
		 _("the shell's own network"));
	return CMD_OK;
}

/* Is w a good host name: a letter, then letters, digits, '-', '_' or '.',
 * at most LAB_NAME_MAX in all?  Else say so: 0. */
static int good_name(struct shell *sh, const struct word *w)
{
	int ok = w->len >= 1 && w->len <= LAB_NAME_MAX && strlen(w->s) == w->len &&
		 ((w->s[0] >= 'a' && w->s[0] <= 'z') || (w->s[0] >= 'A' && w->s[0] <= 'Z'));
	for (size_t i = 1; ok && i < w->len; i++)
		ok = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.",
			    w->s[i]) != NULL;
	if (!ok)
		out_error(sh, w, _("host: bad host name '%.40s' (a letter, then letters, digits, "
			  "'-', '_' or '.', at most %d)"), w->s, LAB_NAME_MAX);
	return ok;
}

/* Read ADDRESS[/LEN] in w into *v4 or *v6 (its prefix length into *v4len
 * or *v6len: /24 and /64 unless given).  0, or -1 after an error. */
static int parse_address(struct shell *sh, const struct word *w, struct in_addr *v4, int *v4len,
			 struct in6_addr *v6, int *v6len)
{
	char text[INET6_ADDRSTRLEN + 8];
	const char *slash = strchr(w->s, '/');
	size_t n = slash ? (size_t)(slash - w->s) : w->len;
	int len = -1, is6;
	char *end;

	if (n >= INET6_ADDRSTRLEN || strlen(w->s) != w->len)
		goto bad;
	memcpy(text, w->s, n);
	text[n] = '\0';
	is6 = strchr(text, ':') != NULL;
	if (slash != NULL) {
		long l = strtol(slash + 1, &end, 10);
		if (slash[1] < '0' || slash[1] > '9' || *end != '\0' || l < 1 || l > (is6 ? 128 : 32))
			goto bad;
		len = (int)l;
	}
	if (is6 ? (*v6len > 0 || inet_pton(AF_INET6, text, v6) != 1)
		: (*v4len > 0 || inet_pton(AF_INET, text, v4) != 1))
		goto bad;
	if (is6)
		*v6len = len > 0 ? len : 64;
	else
		*v4len = len > 0 ? len : 24;
	return 0;
bad:
	out_error(sh, w, _("host: bad address '%.60s' (an IPv4 and/or an IPv6 address, each "
		  "with /LEN if you like: 10.0.0.7/24 fd00::7/64)"), w->s);
	return -1;
}

/* host NAME ADDRESS...: make NAME with the addresses given. */
static int make_host(struct shell *sh, int argc, struct word *argv)
{
	struct in_addr v4;
	struct in6_addr v6;
	int v4len = 0, v6len = 0;
	char a4[INET_ADDRSTRLEN], a6[INET6_ADDRSTRLEN];

	for (int i = 2; i < argc; i++)
		if (parse_address(sh, &argv[i], &v4, &v4len, &v6, &v6len) < 0)
			return CMD_ERROR;
	int n = lab_host_add(sh, &argv[0], argv[1].s, &v4, v4len, &v6, v6len);
	if (n < 0)
		return CMD_ERROR;
	const struct lab_host *h = &sh->lab->host[n];
	inet_ntop(AF_INET, &h->v4, a4, sizeof a4);
	inet_ntop(AF_INET6, &h->v6, a6, sizeof a6);
	out_line(sh, "host %s: eth0 %s/%d %s/%d", h->name, a4, h->v4len, a6, h->v6len);
	return CMD_OK;
}

int cmd_host(struct shell *sh, int argc, struct word *argv)
{
	if (argc == 1)
		return list_hosts(sh);
	if (word_is(&argv[1], "-")) {
		if (argc > 2) {
			out_error(sh, &argv[2], "%s", _("host -: takes no address (it goes back to "
							 "the shell's own network)"));
			return CMD_ERROR;
		}
		if (sh->lab != NULL)
			sh->lab->current = -1;
		return CMD_OK;
	}
	if (!good_name(sh, &argv[1]))
		return CMD_ERROR;
	int i = lab_host_find(sh, argv[1].s);
	if (i >= 0 && argc > 2) {
		/* TRANSLATORS: both %s are the host's name. */
		out_error(sh, &argv[2], _("host: host %s exists already (its addresses stay; "
					  "host %s alone makes it current)"), argv[1].s, argv[1].s);
		return CMD_ERROR;
	}
	if (i >= 0) {
		sh->lab->current = i;
		return CMD_OK;
	}
	return make_host(sh, argc, argv);
}
