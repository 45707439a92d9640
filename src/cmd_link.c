/*
 * cmd_link.c - the "link" command: the conditions of the lab's link, of
 * one host's side of it or of every host's (the queue is linkq.c's, the
 * hosts and their helper lab.c's).
 *
 * Its words are read by linkargs.c, which the check before a script runs
 * shares.  A line with conditions
 * sets them all, as "tc qdisc change ... netem" does: a condition not
 * written is none.  A seed not written leaves the generator as it was.
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "i18n.h"
#include "keywords.h"
#include "lab.h"
#include "linkargs.h"
#include "linkq.h"
#include "output.h"
#include "shell.h"
#include "strbuf.h"

/* Append " WORD V" with V scaled by 10^PLACES, its trailing zeros cut
 * (50, 0.5, 12.345), when V is not 0. */
static void link_add(struct strbuf *sb, const char *word, uint64_t v, unsigned places)
{
	uint64_t scale = 1;
	char frac[24];
	size_t k;

	if (v == 0)
		return;
	for (unsigned p = 0; p < places; p++)
		scale *= 10;
	sb_printf(sb, " %s %" PRIu64, word, v / scale);
	if (v % scale == 0)
		return;
	snprintf(frac, sizeof frac, "%0*" PRIu64, (int)places, v % scale);
	for (k = strlen(frac); k > 0 && frac[k - 1] == '0'; k--)
		frac[k - 1] = '\0';
	sb_printf(sb, ".%s", frac);
}

/* Show host NAME's side as the line that sets it: "link a delay 50
 * loss 10", "link b none".  0, or -1 with errno. */
static int link_show_host(struct shell *sh, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	struct link_cond c;

	if (lab_link_get(sh, name, &c) < 0)
		return -1;
	sb_printf(&sb, "link %s", name);
	link_add(&sb, "delay", c.delay_us, 3);
	link_add(&sb, "jitter", c.jitter_us, 3);
	link_add(&sb, "loss", c.loss_ppm, 4);
	link_add(&sb, "duplicate", c.dup_ppm, 4);
	link_add(&sb, "reorder", c.reorder_ppm, 4);
	link_add(&sb, "rate", c.rate_kbit, 0);
	if (sb.len == strlen("link ") + strlen(name))
		sb_adds(&sb, " none");
	if (c.has_seed)
		sb_printf(&sb, " seed %" PRIu64, c.seed);
	out_line(sh, "%s", sb.buf);
	sb_free(&sb);
	return 0;
}

/* The error of a link request the lab refused (errno), under word W. */
static int link_refused(struct shell *sh, const struct word *w, const char *host)
{
	if (errno == ESRCH)
		out_error(sh, w, _("link: no lab yet: host NAME makes its first host"));
	else if (errno == ENOENT)
		out_error(sh, w, _("link: no host '%.40s' (host lists them)"), host);
	else
		out_error(sh, w, _("link: the lab's helper: %s"), strerror(errno));
	return CMD_ERROR;
}

/* link [HOST] [CONDITION VALUE]... | link [HOST] none: set the conditions
 * of HOST's side of the link (of every host's without HOST), then show
 * them; with no condition only show them. */
int cmd_link(struct shell *sh, int argc, struct word *argv)
{
	struct link_cond c;
	char msg[300];
	int bad, host, r;
	const char *name;
	const struct word *at;

	r = linkargs_parse(argv + 1, argc - 1, 0, &host, &c, msg, sizeof msg, &bad);
	if (r < 0) {
		out_error(sh, &argv[bad + 1 < argc ? bad + 1 : argc - 1], "%s", msg);
		return CMD_ERROR;
	}
	name = host >= 0 ? argv[host + 1].s : NULL;
	at = host >= 0 ? &argv[host + 1] : &argv[0];
	if (host >= 0 && memchr(name, '\0', argv[host + 1].len) != NULL)
		return errno = ENOENT, link_refused(sh, at, name);
	if (r == 0 && host < 0 && (sh->lab == NULL || sh->lab->nhosts == 0)) {
		out_line(sh, "%s", _("link: no hosts yet (host NAME makes one)"));
		return CMD_OK;
	}
	if (r == 1 && lab_link_set(sh, name, &c) < 0)
		return link_refused(sh, at, name);
	if (host >= 0)
		return link_show_host(sh, name) < 0 ? link_refused(sh, at, name) : CMD_OK;
	for (int k = 0; k < sh->lab->nhosts; k++)
		if (link_show_host(sh, sh->lab->host[k].name) < 0)
			return link_refused(sh, at, sh->lab->host[k].name);
	return CMD_OK;
}
