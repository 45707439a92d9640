#!/bin/sh
# complete.sh - po/es.po is a good catalogue (msgfmt --check) and has
# Spanish for every message of the sources as they are now: a message in
# a freshly extracted template (xgettext over po/POTFILES.in) that po/es.po
# lacks, leaves untranslated or marks fuzzy fails the test.  Without the
# gettext tools (a tarball built without them) it skips.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tap.sh"

# While po/es.po is being translated (issue 14) an incomplete catalogue
# only skips the last two points; "yes" makes them fail, as they must once
# it is complete.  PO_COMPLETE=yes in the environment asks for that now.
complete_required=${PO_COMPLETE:-yes}

if test -z "${MSGFMT:-}" || test -z "${XGETTEXT:-}" || test -z "${MSGCMP:-}"; then
	skip_all "msgfmt, xgettext or msgcmp not found by configure (apt-get install gettext)"
fi
po=$top_srcdir/po/es.po
plan 4

if "$MSGFMT" --check --statistics -o /dev/null "$po" >"$T/stats" 2>&1; then
	pass "msgfmt --check po/es.po"
else
	fail "msgfmt --check po/es.po"
	diag_file "$T/stats" "msgfmt"
fi
diag "$(cat "$T/stats")"

# Word splitting of PO_XGETTEXT_FLAGS is wanted: it is a list of options.
# shellcheck disable=SC2086
if (cd "$top_srcdir" && "$XGETTEXT" $PO_XGETTEXT_FLAGS \
	--files-from=po/POTFILES.in -o "$T/fresh.pot") >"$T/xgettext" 2>&1; then
	pass "xgettext extracts the messages of po/POTFILES.in"
else
	fail "xgettext extracts the messages of po/POTFILES.in"
	diag_file "$T/xgettext" "xgettext"
fi

# Point 3: no message untranslated or fuzzy in po/es.po.
incomplete=
if grep -E 'untranslated|fuzzy' "$T/stats" >/dev/null; then
	incomplete=1
fi
# Point 4: every message of the sources is in po/es.po, translated.
"$MSGCMP" -N "$po" "$T/fresh.pot" >"$T/msgcmp" 2>&1
cmp_status=$?
missing=$(grep -c -E 'untranslated|reviewed|not defined' "$T/msgcmp")

if test "$complete_required" = yes || { test -z "$incomplete" && test "$cmp_status" = 0; }; then
	if test -z "$incomplete"; then
		pass "po/es.po has no untranslated or fuzzy message"
	else
		fail "po/es.po has no untranslated or fuzzy message" "$(cat "$T/stats")"
	fi
	if test "$cmp_status" = 0; then
		pass "every message of the sources has Spanish in po/es.po"
	else
		fail "every message of the sources has Spanish in po/es.po" \
			"$missing messages lack Spanish: make update-po, translate them (po/README)"
		diag_file "$T/msgcmp" "msgcmp po/es.po fresh.pot"
	fi
else
	skip "po/es.po has no untranslated or fuzzy message" \
		"po/es.po is being translated (issue 14): $(cat "$T/stats")"
	skip "every message of the sources has Spanish in po/es.po" \
		"po/es.po is being translated (issue 14): $missing messages lack Spanish"
fi
finish
