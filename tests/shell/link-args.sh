#!/bin/sh
# link-args.sh - the words of "link" (issue 13): the check before a lesson
# runs finds a value out of range or of the wrong form, a condition
# written twice or misspelt, "none" with another condition and a value
# missing, each as FILE:LINE: error: with a caret under the word, before
# line 1 runs; every right form (decimals, the ms, % and kbit suffixes,
# ${...} words) passes.  Without a lab, setting conditions is an error
# naming what is missing and "link" alone says there are no hosts.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# bad NAME LINE ERROR [CARET]: a lesson "echo first-line" then LINE fails
# the check with ERROR at line 2 (and the CARET line), runs nothing.
bad() {
	printf 'echo first-line\n%s\n' "$2" >"$T/$1.sock"
	run --check "$T/$1.sock"
	status_is 2 "$2: --check fails (status 2)"
	has "$T/err" "$1.sock:2: error: link: $3" "  $2: FILE:LINE: error: link: $3"
	if test -n "${4:-}"; then
		has "$T/err" "$4" "  $2: the caret under the word"
	fi
	run "$T/$1.sock"
	status_is 2 "  $2: the lesson fails its check"
	hasnt "$T/out" "first-line" "  $2: and line 1 never ran"
}

bad delay 'link a delay 5x' \
	"bad delay '5x' (milliseconds from 0 to 60000, at most 3 decimals)" \
	'                 ^~'
bad delaymax 'link delay 60000.001' "bad delay '60000.001'"
bad places 'link delay 1.2345' "bad delay '1.2345'"
bad loss 'link loss 120' "bad loss '120' (a percentage from 0 to 100, at most 4 decimals)" \
	'              ^~~'
bad lossneg 'link loss -1' "bad loss '-1'"
bad lossplaces 'link loss 0.00001' "bad loss '0.00001'"
bad dup 'link b duplicate 100.5%' "bad duplicate '100.5%'"
bad reorder 'link reorder x' "bad reorder 'x'"
bad jitter 'link jitter 1e3' "bad jitter '1e3'"
bad rate 'link rate 1.5' "bad rate '1.5' (kbit/s, a whole number up to 10000000; 0: unlimited)"
bad ratemax 'link rate 10000001' "bad rate '10000001'"
bad seed 'link seed 18446744073709551616' "bad seed '18446744073709551616'"
bad misspelt 'link dleay 50' "unknown condition 'dleay' (did you mean 'delay'?)" \
	'         ^~~~~'
bad unknown 'link a b c' "unknown condition 'b' (one of: delay, jitter, loss, duplicate, reorder, rate, seed, none)"
bad number 'link 50' "unknown condition '50'"
bad twice 'link delay 1 loss 2 delay 2' "delay given twice" '                    ^~~~~'
bad none 'link a none delay 3' "none goes alone (a perfect link: no other condition)"
bad missing 'link a loss 1 delay' "a value must follow 'delay'"

# Every right form passes --check, and ${...} words are left to run time.
cat >"$T/good.sock" <<'EOF2'
link
link a
link delay 50
link a delay .5 jitter 0.25ms loss 0.5 duplicate 1% reorder 25 rate 1000 seed 42
link b delay 60000 loss 100 rate 10000000kbit seed 18446744073709551615
link a none
link b rate 0
link ${HOST} delay 50
link delay ${D} loss 3
EOF2
run --check "$T/good.sock"
status_is 0 "every right form of link passes --check"
empty "$T/err" "  and says nothing"

# Without a lab: setting is an error at the line, showing says so.
printf 'link\nlink delay 50 loss 10\n' >"$T/nolab.sock"
run "$T/nolab.sock"
status_is 1 "conditions without a lab: the lesson fails"
has "$T/out" "link: no hosts yet (host NAME makes one)" "link alone: no hosts yet"
has "$T/err" "nolab.sock:2: error: link: no lab yet: host NAME makes its first host" \
	"link delay 50 loss 10: no lab yet, at FILE:LINE"

# help link tells the tc equivalent.
run -c 'help link'
has "$T/out" "tc qdisc change dev eth0 root netem" "help link shows the netem equivalent"
finish
