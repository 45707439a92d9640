#!/bin/sh
# layers.sh - no module calls up into a layer above its own (issue 10):
# every #include "X.h" of a file in src/ names a module of its own layer
# or of one below.  The layers, from the bottom:
#
#   0  buffers and errno names   utf8 strbuf errname tcpinfo linkq i18n
#   1  words                     lexer keywords addr plan vars
#   2  output, handles, files    output report handle files capture icmp private lab labd
#   3  argument parsing          args argcheck linkargs
#   4  handlers                  cmds cmd_* lesson (expect and save)
#   5  the command table         cmdtab help complete
#   6  the input loop            repl lineedit
#   7  main                      main
#
# shell.h, the session every layer is handed (shell.h says what it keeps),
# and config.h belong to none.  A new module must be given its layer
# here: one that has none fails, so that nobody forgets to place it.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/shell/lib.sh"

src=$top_srcdir/src

# layer MODULE: its layer's number, or nothing.
layer() {
	case $1 in
	utf8 | strbuf | errname | tcpinfo | linkq | i18n) echo 0 ;;
	lexer | keywords | addr | plan | vars) echo 1 ;;
	output | report | handle | files | capture | icmp | private | lab | labd) echo 2 ;;
	args | argcheck | linkargs) echo 3 ;;
	cmds | cmd_* | lesson) echo 4 ;;
	cmdtab | help | complete) echo 5 ;;
	repl | lineedit) echo 6 ;;
	main) echo 7 ;;
	esac
}

for f in "$src"/*.c "$src"/*.h; do
	m=${f##*/}
	m=${m%.*}
	test "$m" = shell && continue
	mine=$(layer "$m")
	if test -z "$mine"; then
		fail "src/${f##*/} has a layer"
		diag "give module $m its layer in tests/build/layers.sh"
		continue
	fi
	: > "$T/up"
	for inc in $(sed -n 's/^#include "\([^"]*\)\.h".*/\1/p' "$f"); do
		case $inc in shell | config) continue ;; esac
		theirs=$(layer "$inc")
		if test -z "$theirs" || test "$theirs" -gt "$mine"; then
			echo "src/${f##*/} (layer $mine) includes $inc.h (layer ${theirs:-none})" >> "$T/up"
		fi
	done
	if test -s "$T/up"; then
		fail "src/${f##*/} includes nothing above its layer"
		diag_file "$T/up" "upward includes"
	else
		pass "src/${f##*/} includes nothing above its layer"
	fi
done

finish
