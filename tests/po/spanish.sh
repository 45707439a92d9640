#!/bin/sh
# spanish.sh - the shell speaks Spanish where the user asks for it, with
# LANGUAGE=es in the C.UTF-8 locale (no es_ES locale need be installed:
# glibc honours LANGUAGE in any locale but "C" and "POSIX") and, where an
# es_ES locale can be made here, with LANG=es_ES.UTF-8 alone; under
# LC_ALL=C the same lines stay English.  The Spanish expected is what the
# built catalogue (po/locale) says, read with gettext(1), so a better
# translation never breaks this test.  Numbers stay C under Spanish:
# "sleep 0.2" and "-t 0.5" work although es_ES writes 0,2.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/shell/lib.sh"

if test "${SOCKSHELL_NLS:-}" != yes; then
	skip_all "built without native language support (--disable-nls)"
fi
if test ! -r "${PO_LOCALEDIR:-}/es/LC_MESSAGES/sockshell.mo"; then
	skip_all "no catalogue in the build tree's po/locale"
fi
if ! command -v gettext >/dev/null 2>&1; then
	skip_all "no gettext(1) to read the catalogue with"
fi
if test "$(LC_ALL=C.UTF-8 locale charmap 2>/dev/null)" != UTF-8; then
	skip_all "no C.UTF-8 locale here"
fi

# es_run ARG...: sockshell under LANGUAGE=es LC_ALL=C.UTF-8; like run.
es_run() {
	bounded env LANGUAGE=es LC_ALL=C.UTF-8 SOCKSHELL_LOCALEDIR="$PO_LOCALEDIR" \
		"$SOCKSHELL" "$@" </dev/null >"$T/out" 2>"$T/err"
	status=$?
}

# spanish MSGID: its Spanish in the built catalogue (MSGID when it has none).
spanish() {
	env LANGUAGE=es LC_ALL=C.UTF-8 TEXTDOMAINDIR="$PO_LOCALEDIR" \
		gettext -d sockshell -- "$1"
}

# translated_is GOT WANT DESC MSGID: "is", or a skip while MSGID has no
# Spanish in the catalogue.
translated_is() {
	if test "$(spanish "$4")" = "$4"; then
		skip "$3" "no Spanish for '$4' in po/es.po yet"
	else
		is "$1" "$2" "$3"
	fi
}

# 1-2: an error, in Spanish and in English.
msg="bad time-out '%s': write seconds, like 5 or 0.5"
# The format is the catalogue's own: printf is what the shell does with it.
# shellcheck disable=SC2059
want=$(printf "sockshell: $(spanish "$msg")" abc)
es_run -t abc -c 'sleep 0'
translated_is "$(head -n 1 "$T/err")" "$want" "LANGUAGE=es: a usage error in Spanish" "$msg"
run -t abc -c 'sleep 0'
is "$(head -n 1 "$T/err")" "sockshell: bad time-out 'abc': write seconds, like 5 or 0.5" \
	"LC_ALL=C: the same error in English"

# 3-4: --help's first line.  (The x keeps the last newline of the msgid.)
en=$(LC_ALL=C "$SOCKSHELL" --help; echo x)
en=${en%x}
es_run --help
translated_is "$(head -n 1 "$T/out")" "$(spanish "$en" | head -n 1)" \
	"LANGUAGE=es: --help in Spanish" "$en"
run --help
is "$(head -n 1 "$T/out")" "Usage: sockshell [OPTION]... [FILE [ARG]...]" "LC_ALL=C: --help in English"

# 5: numbers stay C under Spanish.
es_run -t 0.5 -c 'sleep 0.2'
is "$status:$(cat "$T/err")" "0:" "LANGUAGE=es: -t 0.5 and sleep 0.2 read as numbers"

# 6-9: a shell error with its did-you-mean, and help socket's summary.
msg="unknown command %s (did you mean '%s'?)"
# shellcheck disable=SC2059
want=$(printf -- "-c:1: $(spanish "error:") $(spanish "$msg")" '"sokcet"' socket)
es_run -c 'sokcet inet stream'
translated_is "$(head -n 1 "$T/err")" "$want" "LANGUAGE=es: a shell error in Spanish" "$msg"
run -c 'sokcet inet stream'
is "$(head -n 1 "$T/err")" "-c:1: error: unknown command \"sokcet\" (did you mean 'socket'?)" \
	"LC_ALL=C: the same error in English"
msg="create a socket; it becomes the current handle"
es_run -c 'help socket'
translated_is "$(sed -n 2p "$T/out")" "    $(spanish "$msg")" "LANGUAGE=es: help socket in Spanish" "$msg"
run -c 'help socket'
is "$(sed -n 2p "$T/out")" "    $msg" "LC_ALL=C: help socket in English"

# A bad port's caret stands under the port in Spanish as in English
# (args.c asks addr_port, not the words of the message).
es_run -c 'socket inet stream; connect 127.0.0.1 nosuchport'
es_caret=$(sed -n 3p "$T/err")
run -c 'socket inet stream; connect 127.0.0.1 nosuchport'
is "$es_caret" "$(sed -n 3p "$T/err")" "LANGUAGE=es: a bad port's caret under the port, as in English"
like "$es_caret" '^ {42}\^~' "LC_ALL=C: that caret is under the port"

# 10-11: a real es_ES.UTF-8 locale, where strtod wants a comma, made with
# localedef into $T (LOCPATH) where the system has its sources.
loc=$T/locale
if mkdir -p "$loc" && localedef -i es_ES -f UTF-8 "$loc/es_ES.UTF-8" >"$T/localedef" 2>&1 ||
   test -d "$loc/es_ES.UTF-8"; then
	:
fi
if test "$(LOCPATH=$loc LC_ALL=es_ES.UTF-8 locale decimal_point 2>/dev/null)" = ","; then
	bounded env -u LC_ALL -u LANGUAGE LOCPATH="$loc" LANG=es_ES.UTF-8 \
		SOCKSHELL_LOCALEDIR="$PO_LOCALEDIR" "$SOCKSHELL" -t 0.5 -c 'sleep 0.2' \
		</dev/null >"$T/out" 2>"$T/err"
	is "$?:$(cat "$T/err")" "0:" "LANG=es_ES.UTF-8: -t 0.5 and sleep 0.2 read as numbers"
	bounded env -u LC_ALL -u LANGUAGE LOCPATH="$loc" LANG=es_ES.UTF-8 \
		SOCKSHELL_LOCALEDIR="$PO_LOCALEDIR" "$SOCKSHELL" -t abc \
		</dev/null >"$T/out" 2>"$T/err"
	msg="bad time-out '%s': write seconds, like 5 or 0.5"
	# shellcheck disable=SC2059
	translated_is "$(head -n 1 "$T/err")" "$(printf "sockshell: $(spanish "$msg")" abc)" \
		"LANG=es_ES.UTF-8: the error in Spanish" "$msg"
else
	skip_block 2 "no es_ES locale can be made here (localedef, the locales package)"
fi
finish
