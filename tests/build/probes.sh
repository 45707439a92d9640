#!/bin/sh
# probes.sh - the build checks only what the code reads, and builds
# quietly: every HAVE_ result configure writes into config.h is read by an
# #if in src/ (or by configure itself), -lm comes once, from configure,
# and ar is not given the u that GNU ar ignores with a warning.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/shell/lib.sh"

src=$top_srcdir/src
config=$top_builddir/config.h
if test ! -r "$config"; then
	skip_all "no config.h in the build tree"
fi

# autoconf's own results (AC_USE_SYSTEM_EXTENSIONS, the default headers)
# and the readline headers, which configure reads to choose the line
# reader, are not probes of ours.
ours=$(sed -n 's/^\(#define\|\/\* #undef\) \(HAVE_[A-Z0-9_]*\).*/\2/p' "$config" |
	grep -v -x -E 'HAVE_(STDIO|STDLIB|STRING|STRINGS|INTTYPES|STDINT|SYS_STAT|SYS_TYPES|UNISTD|WCHAR|MINIX_CONFIG)_H|HAVE_READLINE_(READLINE|HISTORY)_H')
for m in $ours; do
	if grep -q -w -e "$m" "$src"/*.c "$src"/*.h; then
		pass "config.h's $m is read in src/"
	else
		fail "config.h's $m is read in src/"
		diag "configure probes for $m, which no #if reads: remove the probe"
	fi
done

ams=$(find "$top_srcdir" -name '*.am' -not -path '*/build-aux/*')
if grep -n -e '-lm\b' $ams >"$T/lm" 2>&1; then
	fail "no makefile fragment adds -lm by hand"
	diag_file "$T/lm" "-lm"
else
	pass "no makefile fragment adds -lm by hand"
fi
has "$top_srcdir/configure.ac" 'AC_SEARCH_LIBS([floor], [m])' \
	"configure finds -lm once, for every program (LIBS)"

arflags=$(sed -n 's/^ARFLAGS = *//p' "$top_builddir/Makefile")
case $arflags in
*u*) fail "ar is run without u (it is '$arflags')" ;;
*) pass "ar is run without u ('$arflags')" ;;
esac

has "$top_srcdir/m4/sockshell.m4" 'AC_DEFUN([SOCKSHELL_HARDEN_FLAG]' \
	"the flag macros are in m4/sockshell.m4"
if test -d "$top_srcdir/.git" || test -f "$top_srcdir/.git"; then
	ok "git tracks m4/sockshell.m4 (not ignored)" \
		sh -c 'cd "$1" && ! git check-ignore -q m4/sockshell.m4' sh "$top_srcdir"
else
	skip "git tracks m4/sockshell.m4 (not ignored)" "not a git checkout"
fi

finish
