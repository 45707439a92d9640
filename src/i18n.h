/*
 * i18n.h - the translation of the shell's own messages (gettext).
 *
 * _("text") is the text in the user's language; N_("text") marks a text
 * in a static table for xgettext and leaves it as it is (print it with
 * _(row->text)); ngettext(one, many, n) chooses by a count.  Built with
 * --disable-nls (no ENABLE_NLS), all three give the English text.
 * Trace lines, errno names and keywords are never passed through these.
 */
#ifndef SOCKSHELL_I18N_H
#define SOCKSHELL_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(text) gettext(text)
#else
#define _(text) (text)
#define ngettext(one, many, n) ((n) == 1 ? (const char *)(one) : (const char *)(many))
#define textdomain(domain) ((const char *)(domain))
#define bindtextdomain(domain, dir) ((void)(dir), (const char *)(domain))
#endif
#define N_(text) text

#endif
