#!/bin/sh
# potfiles.sh - po/POTFILES.in names every source file in src/ that marks
# a message for translation (_("..."), N_("..."), ngettext), so xgettext
# sees them all; and every file it names exists.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib/tap.sh"

list=$top_srcdir/po/POTFILES.in
plan 2

unlisted=
for f in "$top_srcdir"/src/*.c "$top_srcdir"/src/*.h; do
	name=src/${f##*/}
	test "$name" = src/i18n.h && continue
	if grep -E '(^|[^A-Za-z0-9_])(N?_|ngettext) ?\(' "$f" >/dev/null &&
	   ! grep -Fx "$name" "$list" >/dev/null; then
		unlisted="$unlisted $name"
	fi
done
if test -z "$unlisted"; then
	pass "every source with a marked message is in po/POTFILES.in"
else
	fail "every source with a marked message is in po/POTFILES.in" \
		"add to po/POTFILES.in:$unlisted"
fi

gone=
for name in $(grep -v '^#' "$list"); do
	test -f "$top_srcdir/$name" || gone="$gone $name"
done
if test -z "$gone"; then
	pass "every file po/POTFILES.in names exists"
else
	fail "every file po/POTFILES.in names exists" "not found:$gone"
fi
finish
