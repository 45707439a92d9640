#!/bin/sh
# usage.sh - --version and --help as GNU programs write them, and a bad
# option: one line saying what is wrong and where to look, on stderr.
. "${top_srcdir:-.}/tests/shell/lib.sh"

run --version
status_is 0 "--version: status 0"
has "$T/out" "Copyright (C) 2026 the sockshell authors" "--version: the copyright"
has "$T/out" "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>" \
	"--version: the licence"
has "$T/out" "This is free software: you are free to change and redistribute it." \
	"--version: free software"
has "$T/out" "There is NO WARRANTY, to the extent permitted by law." "--version: no warranty"

run --help
is "$(sed -n 2p "$T/out")" "  or:  sockshell [OPTION]... -c COMMANDS" "--help: the second usage line says or:"

for opt in --bogus-option -Z; do
	run $opt
	status_is 2 "$opt: status 2"
	empty "$T/out" "$opt: nothing on stdout"
	is "$(wc -l <"$T/err" | tr -d ' ')" 2 "$opt: two lines on stderr, not the whole help"
	is "$(sed -n 2p "$T/err")" "Try 'sockshell --help' for more information." "$opt: where to look"
done
run -t soon -c 'echo x'
has "$T/err" "Try 'sockshell --help' for more information." "a bad time-out: where to look"

finish
