/*
 * cmd_capture.c - the "capture" command: turn the view of the wire on
 * or off, or write it to a pcap file too (the work is in capture.c).
 */
#include <config.h>

#include <string.h>

#include "capture.h"
#include "cmds.h"
#include "i18n.h"
#include "output.h"
#include "shell.h"

/* capture [on|off|FILE.pcap]: alone, say whether it runs. */
int cmd_capture(struct shell *sh, int argc, struct word *argv)
{
	if (argc < 2) {
		out_line(sh, "capture %s", sh->capture != NULL ? "on" : "off");
		return CMD_OK;
	}
	const char *arg = argv[1].s;
	if (strcmp(arg, "off") == 0) {
		if (sh->capture != NULL)
			capture_stop(sh);
		out_line(sh, _("capture off"));
		return CMD_OK;
	}
	int on = strcmp(arg, "on") == 0;
	if (memchr(arg, '\0', argv[1].len) != NULL || argv[1].len == 0) {
		out_error(sh, &argv[1], _("capture: on, off or a FILE.pcap"));
		return CMD_ERROR;
	}
	if (capture_start(sh, on ? NULL : arg) < 0)
		return CMD_ERROR;
	if (capture_lab(sh) && on)
		out_line(sh, _("capture on: the lab's link"));
	else if (capture_lab(sh))
		out_line(sh, _("capture on: the lab's link, writing %.200s"), arg);
	else if (on)
		out_line(sh, _("capture on: lo, this shell's ports"));
	else
		out_line(sh, _("capture on: lo, this shell's ports, writing %.200s"), arg);
	return CMD_OK;
}
