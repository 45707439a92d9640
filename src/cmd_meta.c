/*
 * cmd_meta.c - the commands that are not socket calls: use, sleep, echo,
 * set, source, quit, require (status is in cmd_status.c, help, which
 * reads the command table, in help.c).
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <time.h>

#include "addr.h"
#include "args.h"
#include "cmds.h"
#include "files.h"
#include "handle.h"
#include "i18n.h"
#include "keywords.h"
#include "lab.h"
#include "output.h"
#include "report.h"
#include "shell.h"
#include "vars.h"

/* ---- use, sleep, echo ---- */

int cmd_use(struct shell *sh, int argc, struct word *argv)
{
	int fd;

	(void)argc;
	if (!handle_is_word(sh, &argv[1], &fd)) {
		out_error(sh, &argv[1], _("use: there is no open handle '%.40s'"), argv[1].s);
		return CMD_ERROR;
	}
	handle_use(sh, fd);
	return CMD_OK;
}

int cmd_sleep(struct shell *sh, int argc, struct word *argv)
{
	double secs;
	struct timespec ts, rem;

	(void)argc;
	if (args_seconds(sh, &argv[1], &secs) < 0)
		return CMD_ERROR;
	if (handle_bound(sh) > 0 && secs > handle_bound(sh)) {
		out_line(sh, _("sleep %g: cut to %g s, the most this script may wait"), secs, handle_bound(sh));
		secs = handle_bound(sh);
	}
	out_flush(sh);
	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = (long)((secs - floor(secs)) * 1e9);
	while (nanosleep(&ts, &rem) < 0 && errno == EINTR && !shell_sigint)
		ts = rem;
	return CMD_OK;
}

int cmd_echo(struct shell *sh, int argc, struct word *argv)
{
	struct strbuf text = STRBUF_INIT;

	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sb_addc(&text, ' ');
		sb_add(&text, argv[i].s, argv[i].len);
	}
	out_text(sh, text.buf ? text.buf : "", text.len);
	sb_free(&text);
	return CMD_OK;
}

/* ---- set ---- */

static int valid_name(const struct word *w)
{
	if (w->len == 0 || w->len > 64 || !(isalpha((unsigned char)w->s[0]) || w->s[0] == '_'))
		return 0;
	for (size_t i = 0; i < w->len; i++)
		if (!isalnum((unsigned char)w->s[i]) && w->s[i] != '_')
			return 0;
	return 1;
}

/* Set *out from on/off word w (keywords.c's vocabulary), or say what to
 * write and return -1. */
static int on_off(struct shell *sh, const struct word *w, int *out)
{
	int v = kw_onoff_value(w->s, w->len);

	if (v < 0) {
		out_error(sh, w, _("write on or off"));
		return -1;
	}
	*out = v;
	return 0;
}

static void show_settings(struct shell *sh)
{
	out_line(sh, "display %s", kw_name(kw_display, (int)sh->display));
	out_line(sh, "timeout %g", sh->timeout);
	out_line(sh, "echo %s", sh->echo ? "on" : "off");
	out_line(sh, "errexit %s", sh->errexit ? "on" : "off");
	out_line(sh, "capture %s", kw_name(kw_capture_modes, sh->capture_hex));
}

static void show_var(struct shell *sh, const char *name, size_t len)
{
	const char *val;
	size_t vlen;
	struct strbuf sb = STRBUF_INIT;

	if (var_lookup(sh, name, len, &val, &vlen)) {
		sb_add_quoted(&sb, val, vlen);
		out_line(sh, "%.*s=%s", (int)len, name, sb.buf);
	} else {
		out_line(sh, _("%.*s is not set"), (int)len, name);
	}
	sb_free(&sb);
}

/* Set the setting (a row of kw_settings) to word val. */
static int set_setting(struct shell *sh, const struct kw_entry *setting, const struct word *val)
{
	const struct kw_entry *mode;
	double t;

	switch (setting->value) {
	case KW_SET_DISPLAY:
		mode = kw_word(kw_display, val->s, val->len);
		if (mode == NULL) {
			out_error(sh, val, _("set display: write text, ascii, hex or both"));
			return CMD_ERROR;
		}
		sh->display = (enum display_mode)mode->value;
		return CMD_OK;
	case KW_SET_TIMEOUT:
		if (args_seconds(sh, val, &t) < 0)
			return CMD_ERROR;
		/* A script may shorten the command line's bound, never lift it. */
		if (shell_scripted(sh) && sh->timeout_max > 0 && (t == 0 || t > sh->timeout_max)) {
			out_line(sh, _("set timeout %g: kept at %g s, the most this script may wait "
				 "(-t on the command line allows more)"), t, sh->timeout_max);
			t = sh->timeout_max;
		}
		sh->timeout = t;
		for (int fd = 0; fd < sh->nh; fd++)
			handle_arm_timeout(sh, fd);
		return CMD_OK;
	case KW_SET_CAPTURE:
		mode = kw_word(kw_capture_modes, val->s, val->len);
		if (mode == NULL) {
			out_error(sh, val, _("set capture: write text or hex"));
			return CMD_ERROR;
		}
		sh->capture_hex = mode->value;
		return CMD_OK;
	case KW_SET_ECHO:
		return on_off(sh, val, &sh->echo) < 0 ? CMD_ERROR : CMD_OK;
	default:  /* KW_SET_ERREXIT */
		return on_off(sh, val, &sh->errexit) < 0 ? CMD_ERROR : CMD_OK;
	}
}

int cmd_set(struct shell *sh, int argc, struct word *argv)
{
	if (argc == 1) {
		show_settings(sh);
		for (struct var *v = sh->vars; v != NULL; v = v->next)
			show_var(sh, v->name, strlen(v->name));
		return CMD_OK;
	}
	const struct word *name = &argv[1];
	/* A setting is a bare word: "${X}" or "'echo'" is a variable. */
	const struct kw_entry *setting = name->flags ? NULL : kw_word(kw_settings, name->s, name->len);
	if (!setting && !valid_name(name)) {
		out_error(sh, name, _("set: '%.40s' is not a name (letters, digits and _)"), name->s);
		return CMD_ERROR;
	}
	if (argc == 2) {
		if (setting)
			show_settings(sh);
		else
			show_var(sh, name->s, name->len);
		return CMD_OK;
	}
	if (setting)
		return set_setting(sh, setting, &argv[2]);
	if (word_is(name, "rc") || word_is(name, "errno") || word_is(name, "data") ||
	    word_is(name, "result")) {
		out_error(sh, name, _("set: ${%s} is set by each call and cannot be set by hand"), name->s);
		return CMD_ERROR;
	}
	var_set(sh, name->s, argv[2].s, argv[2].len);
	return CMD_OK;
}

/* ---- source ---- */

int cmd_source(struct shell *sh, int argc, struct word *argv)
{
	struct source src;
	char *text;
	size_t len;
	const struct word *f = &argv[1];

	if (memchr(f->s, '\0', f->len) != NULL || f->len == 0) {
		out_error(sh, f, _("source: bad file name"));
		return CMD_ERROR;
	}
	if (sh->depth >= SHELL_MAX_DEPTH) {
		out_error(sh, f, _("source: files nest more than %d deep (does %s source itself?)"),
			  SHELL_MAX_DEPTH, f->s);
		/* Leave every nested file, or a file that sources itself twice
		 * would run 2^16 times. */
		sh->unwinding = 1;
		return CMD_ERROR;
	}
	if (files_read(f->s, handle_bound(sh), &text, &len) < 0) {
		out_error(sh, f, _("source: cannot read %s: %s"), f->s,
			  files_error(errno));
		return CMD_ERROR;
	}
	char *name = xstrdup(f->s);
	char **args = xmalloc(sizeof *args * (size_t)argc);
	for (int i = 2; i < argc; i++)
		args[i - 2] = xmemdup(argv[i].s, argv[i].len);
	memset(&src, 0, sizeof src);
	src.name = name;
	src.text = text;
	src.len = len;
	src.argc = argc - 2;
	src.argv = args;
	int rc = sh->run_source(sh, &src);
	if (sh->depth <= 1)
		sh->unwinding = 0;  /* back at the top: it goes on */
	for (int i = 0; i < argc - 2; i++)
		free(args[i]);
	free(args);
	free(name);
	free(text);
	return rc;
}

int cmd_quit(struct shell *sh, int argc, struct word *argv)
{
	if (argc > 1) {
		unsigned long st;
		if (args_count(sh, &argv[1], 255, &st) < 0)
			return CMD_ERROR;
		sh->status = (int)st;
	}
	return CMD_EXIT;
}

/* Can this machine make a socket of family on its loopback address? */
static int have_family(int family)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fd = socket(family, SOCK_DGRAM, 0);

	if (fd < 0)
		return 0;
	memset(&ss, 0, sizeof ss);
	if (family == AF_INET6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
		in6->sin6_family = AF_INET6;
		in6->sin6_addr = in6addr_loopback;
		len = sizeof *in6;
	} else if (family == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)&ss;
		in->sin_family = AF_INET;
		in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		len = sizeof *in;
	} else {
		close(fd);
		return 1;  /* a unix socket needs no address to exist */
	}
	int ok = bind(fd, (struct sockaddr *)&ss, len) == 0;
	close(fd);
	return ok;
}

/* require lab: start the lab's helper, or skip the lesson saying why not. */
static int require_lab(struct shell *sh, const struct word *w)
{
	const char *why;

	if (lab_start(sh, &why) == 0)
		return CMD_OK;
	if (report_started(sh)) {
		out_error(sh, w, "require: %s, but the lesson has already checked things "
			  "(put require before the first expect)", why);
		return CMD_EXIT;
	}
	if (sh->tap)
		report_skip_all(sh, why);
	else
		out_line(sh, "skipped: %s", why);
	return CMD_EXIT;
}

int cmd_require(struct shell *sh, int argc, struct word *argv)
{
	static const struct { const char *name; int family; const char *why; } needs[] = {
		{ "ipv4", AF_INET, N_("no IPv4 on this machine") },
		{ "ipv6", AF_INET6, N_("no IPv6 on this machine (::1 cannot be bound)") },
		{ "unix", AF_UNIX, N_("no unix-domain sockets on this machine") },
	};

	(void)argc;
	if (word_is(&argv[1], "lab"))
		return require_lab(sh, &argv[1]);
	for (size_t i = 0; i < sizeof needs / sizeof needs[0]; i++) {
		if (!word_is(&argv[1], needs[i].name))
			continue;
		if (have_family(needs[i].family))
			return CMD_OK;
		if (report_started(sh)) {
			out_error(sh, &argv[1], _("require: %s, but the lesson has already checked "
				  "things (put require before the first expect)"), _(needs[i].why));
			return CMD_EXIT;
		}
		if (sh->tap) {
			report_skip_all(sh, needs[i].why);
		} else {
			out_line(sh, _("skipped: %s"), _(needs[i].why));
		}
		return CMD_EXIT;
	}
	out_error(sh, &argv[1], _("require: write ipv4, ipv6, unix or lab"));
	return CMD_ERROR;
}
