#!/bin/sh
# save-bytes.sh - a saved session replays green whatever bytes it received,
# and its journal is bounded.
#
# The data of each expect line is written as a string the lexer reads back
# as exactly those bytes: "$" and "${x}" do not expand, quotes, backslashes,
# NUL, "#" and ";" stay data.  Past 4 KiB of data for one call (or 1 MiB
# for the whole session) the data is cut: a comment says how much came and
# how much is kept, and the expect line checks the return value, which
# replays the same.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# replays FILE DESC: FILE replays with --tap, every expect line passing.
replays() {
	bounded "$SOCKSHELL" --tap --timeout 10 "$1" >"$T/replay" 2>&1
	rstatus=$?
	expects=$(grep -c '^expect ' "$1")
	oks=$(grep -c '^ok ' "$T/replay")
	nots=$(grep -c '^not ok' "$T/replay")
	if test "$rstatus" -eq 0 && test "$nots" -eq 0 && test "$oks" -eq "$expects" &&
		test "$expects" -gt 0; then
		ok "$2 ($expects expect lines pass)" true
	else
		ok "$2 (status $rstatus, $oks of $expects pass, $nots fail)" false
		diag_file "$1" saved
		diag_file "$T/replay" replay
	fi
}

# Bytes the lexer treats specially, and a NUL, received from the peer end.
file=$T/bytes.sock
run -c 'set x EXPANDED
socketpair
send "cost: \$5, ${x}, \${x}, \"q\" '"'"'s'"'"' \\ \0 # not a comment; not a command"
4 recv 100
3 send "$"
4 recv 10
3 send "${x}"
4 recv 100
4 getsockopt type
save '"$file"
status_is 0 "a session that receives \$, \${x}, quotes, backslashes, NUL, # and ;"
has "$file" 'expect 68 "cost: \$5, EXPANDED, \${x}, \"q\" '"'"'s'"'"' \\ \0 # not a comment; not a command"' \
	"the data is written with \$ escaped"
has "$file" 'expect 1 "\$"' "a lone \$ too"
replays "$file" "the saved session replays green"

# One call of 100000 bytes: the expect line is cut, with a comment.
file=$T/cut.sock
run -c 'socketpair
send -n 100000
4 recv 100000 waitall
save '"$file"
status_is 0 "a session that receives 100000 bytes in one call"
has "$file" '# data cut: 100000 bytes received, first 4096 kept:' "save says what it cut, in a comment"
ok "the expect line checks the return value" grep -qx 'expect 100000' "$file"
hasnt "$file" 'expect 100000 "' "and not the data"
ok "the saved file stays small ($(wc -c <"$file") bytes)" test "$(wc -c <"$file")" -lt 20000
replays "$file" "the cut session replays green"

# Many calls: past 1 MiB of data in all, no more data is kept.
file=$T/many.sock
cmds='socketpair'
i=0
while test $i -lt 300; do
	cmds="$cmds
3 send -n 4000
4 recv 4000 waitall"
	i=$((i + 1))
done
run -c "$cmds
save $file"
status_is 0 "a session that receives 300 x 4000 bytes"
is "$(grep -c '^expect 4000 "' "$file")" 262 "the data of the first 262 calls is kept (1 MiB)"
has "$file" '# data cut: 4000 bytes received, first 0 kept' "then the cut says that none was"
ok "the saved file stays near 1 MiB of data ($(wc -c <"$file") bytes)" test "$(wc -c <"$file")" -lt 5000000
replays "$file" "the long session replays green"

finish
