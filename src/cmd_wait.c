/*
 * cmd_wait.c - select: the older way to wait for several sockets.
 *
 * Beside poll (cmd_io.c), select(2) takes three descriptor sets and a
 * struct timeval.  The arguments follow poll's rules: handles, then an
 * optional time-out that a script's own time-out bounds.  The sets are
 * shown as lists of handles, before the call and after it.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/time.h>

#include "args.h"
#include "cmds.h"
#include "handle.h"
#include "i18n.h"
#include "output.h"
#include "shell.h"

/* The handles one select waits on, and how long. */
struct wait_set {
	int *fd;
	int n;
	int nfds;             /* the highest handle plus one */
	double secs;          /* the time-out; < 0: none (wait forever) */
	int explicit_timeout; /* the user's own time-out, not the script's */
};

/* Add the list of the handles of fds that are in set to sb: "[3 5]". */
static void add_set(struct strbuf *sb, const struct wait_set *w, const fd_set *set)
{
	int first = 1;

	sb_addc(sb, '[');
	for (int i = 0; i < w->n; i++) {
		if (!FD_ISSET(w->fd[i], set))
			continue;
		sb_printf(sb, "%s%d", first ? "" : " ", w->fd[i]);
		first = 0;
	}
	sb_addc(sb, ']');
}

/* Add handle fd (the word naming it, or NULL) to w; -1 after an error
 * when select cannot watch it (at or above FD_SETSIZE). */
static int wait_add(struct shell *sh, struct wait_set *w, int fd, const struct word *word)
{
	if (fd >= FD_SETSIZE) {
		out_error(sh, word, _("select: handle %d is too high for select (FD_SETSIZE is %d): use poll"),
			  fd, FD_SETSIZE);
		return -1;
	}
	w->fd[w->n++] = fd;
	if (fd + 1 > w->nfds)
		w->nfds = fd + 1;
	return 0;
}

/*
 * Read select's arguments into w, as poll reads its own: a last word that
 * is not an open handle is the time-out in seconds, cut to the script's
 * bound; without one a script waits its time-out.  Every other word must
 * be an open handle below FD_SETSIZE; none named: every open handle.
 * Returns 0, or -1 after an error (w->fd freed).
 */
static int wait_args(struct shell *sh, int argc, struct word *argv, struct wait_set *w)
{
	int fd, last = argc - 1;

	w->secs = sh->timeout > 0 ? sh->timeout : -1;
	w->explicit_timeout = 0;
	if (argc > 1 && !handle_is_word(sh, &argv[last], &fd)) {
		if (args_seconds(sh, &argv[last], &w->secs) < 0)
			return -1;
		w->explicit_timeout = 1;
		argc--;
		if (handle_bound(sh) > 0 && w->secs > handle_bound(sh)) {
			/* No longer than a script may wait: then a time-out. */
			w->secs = handle_bound(sh);
			w->explicit_timeout = 0;
		}
	}
	w->fd = xmalloc(sizeof *w->fd * (size_t)(argc > 1 ? argc : sh->nh + 1));
	w->n = w->nfds = 0;
	for (int i = 1; i < argc; i++) {
		if (!handle_is_word(sh, &argv[i], &fd)) {
			out_error(sh, &argv[i], _("select: '%.40s' is not an open handle"), argv[i].s);
			goto fail;
		}
		if (wait_add(sh, w, fd, &argv[i]) < 0)
			goto fail;
	}
	for (int i = 0; argc <= 1 && i < sh->nh; i++)
		if (sh->h[i].open && wait_add(sh, w, i, NULL) < 0)
			goto fail;
	return 0;
fail:
	free(w->fd);
	return -1;
}

/*
 * select [N]... [SECONDS]: wait until one of the handles is readable,
 * writable or has an exceptional condition (urgent data pending), and
 * show the three sets the kernel left.  ${result} is "readable [..],
 * writable [..], except [..]".
 */
int cmd_select(struct shell *sh, int argc, struct word *argv)
{
	struct wait_set w;
	fd_set sets[3];
	struct timeval tv;
	static const char *const names[3] = { "readable", "writable", "except" };

	if (wait_args(sh, argc, argv, &w) < 0)
		return CMD_ERROR;
	for (int s = 0; s < 3; s++) {
		FD_ZERO(&sets[s]);
		for (int i = 0; i < w.n; i++)
			FD_SET(w.fd[i], &sets[s]);
	}
	trace_begin(sh, "select");
	trace_add(sh, "(%d", w.nfds);
	for (int s = 0; s < 3; s++) {
		trace_adds(sh, ", ");
		add_set(&sh->line, &w, &sets[s]);
	}
	if (w.secs >= 0) {
		handle_timeval(w.secs, &tv);
		trace_add(sh, ", {tv_sec=%lld, tv_usec=%ld})", (long long)tv.tv_sec,
			  (long)tv.tv_usec);
	} else {
		trace_adds(sh, ", NULL)");
	}
	out_before_block(sh);
	int rc = select(w.nfds, &sets[0], &sets[1], &sets[2], w.secs >= 0 ? &tv : NULL);
	int err = rc < 0 ? errno : 0;
	trace_result(sh, rc, err);
	if (rc > 0) {
		struct strbuf *t = &sh->last.text;
		for (int s = 0; s < 3; s++) {
			sb_printf(t, "%s%s ", s ? ", " : "", names[s]);
			add_set(t, &w, &sets[s]);
		}
		trace_add(sh, " (%s)", t->buf);
	} else if (rc == 0) {
		trace_adds(sh, " (none ready)");
		if (!w.explicit_timeout && w.secs >= 0)
			trace_mark_timeout(sh);
	}
	trace_close(sh);
	free(w.fd);
	return CMD_OK;
}
