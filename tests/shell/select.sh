#!/bin/sh
# select.sh - select's time-out and its errors: in a script the script's
# time-out (-t) bounds it as it bounds poll, and a select that finds
# nothing ready then is a time-out (status 1), while one that ends at its
# own shorter time-out is not; no time-out waits the script's; a bad
# time-out or a word that is no open handle is an error naming -c:1.
# Each run is killed after 20 s: a hang fails the test.
. "${top_srcdir:-.}/tests/shell/lib.sh"

now() { date +%s; }
# run20 ARG...: run, killed after 20 s; $took is how long it took.
run20() {
	start=$(now)
	timeout 20 "$SOCKSHELL" "$@" </dev/null >"$T/out" 2>"$T/err"
	status=$?
	took=$(($(now) - start))
}
quick() {
	ok "$1 (took ${took} s)" test "$took" -le 8
}
# A listener nobody connects to is neither readable nor writable.
L='socket inet stream; bind 127.0.0.1 0; listen'

run20 -t 1 -c "$L; select 3 600; echo NEXT"
status_is 1 "select 600 in a script with -t 1 times out: status 1"
has "$T/out" 'select(4, [3], [3], [3], {tv_sec=1, tv_usec=0}) = 0 (none ready) [timed out after 1 s]' \
	"  its time-out is cut to the bound, and the line says it timed out"
has "$T/err" '-c:1: select timed out after 1 s' "  the error names the line"
has "$T/out" NEXT "  and the script goes on"
quick "  within the bound"

run20 -t 1 -c "$L; select; echo NEXT"
status_is 1 "select without a time-out waits the script's time-out"
has "$T/out" '{tv_sec=1, tv_usec=0}) = 0 (none ready) [timed out after 1 s]' "  and says so"
quick "  within the bound"

run20 -t 5 -c "$L; select 3 0.2; expect 0"
status_is 0 "select's own shorter time-out is no failure"
has "$T/out" 'select(4, [3], [3], [3], {tv_sec=0, tv_usec=200000}) = 0 (none ready)' \
	"  the struct timeval holds 0.2 s"
hasnt "$T/out" 'timed out' "  and nothing says it timed out"

run20 -t 5 -c "$L; select 3 0; expect 0"
status_is 0 "select 0 only looks"
has "$T/out" '{tv_sec=0, tv_usec=0}) = 0 (none ready)' "  with a zero timeval"

run20 -t 5 -c "$L; socket inet stream; connect @3; select 3 4 0; expect 2; expect \"readable [3], writable [4], except []\""
status_is 0 "a pending connection makes the listener readable, the client writable"
has "$T/out" 'select(5, [3 4], [3 4], [3 4], {tv_sec=0, tv_usec=0}) = 2 (readable [3], writable [4], except [])' \
	"  the sets are shown as lists of handles, before and after"

run20 -t 5 -c "$L; select 3 x 1"
status_is 1 "a word that is not an open handle is an error"
has "$T/err" "-c:1: error: select: 'x' is not an open handle" "  naming the line and the word"
run20 -t 5 -c "$L; select 3 9 1"
has "$T/err" "-c:1: error: select: '9' is not an open handle" "  a closed handle too"
run20 -t 5 -c "$L; select 3 -1"
status_is 1 "a negative time-out is an error"
has "$T/err" "-c:1: error: bad duration '-1'" "  naming the line and the word"
run20 -t 5 -c "$L; select 3 soon"
has "$T/err" "-c:1: error: bad duration 'soon'" "a word that is no duration is an error"
hasnt "$T/out" 'select(' "  and no select is made"

# 1022 sockets: handles 3 to 1024, the last one at FD_SETSIZE.
i=0
: >"$T/many.sock"
while [ $i -lt 1022 ]; do
	echo "socket inet dgram" >>"$T/many.sock"
	i=$((i + 1))
done
printf 'select 1024 0\nselect 1023 0\nexpect 1\nselect 0\n' >>"$T/many.sock"
( ulimit -n 2048 2>/dev/null; run20 -t 5 "$T/many.sock"; echo "$status" >"$T/status" )
status=$(cat "$T/status")
if grep -q '= 1024$' "$T/out"; then
	status_is 1 "a handle at FD_SETSIZE is an error"
	has "$T/err" "many.sock:1023: error: select: handle 1024 is too high for select (FD_SETSIZE is 1024): use poll" \
		"  naming the line and the limit"
	has "$T/out" 'select(1024, [1023], [1023], [1023], {tv_sec=0, tv_usec=0}) = 1' \
		"  handle 1023 is the last select can watch"
	has "$T/err" "many.sock:1026: error: select: handle 1024 is too high" \
		"  select of every open handle refuses too"
else
	skip "a handle at FD_SETSIZE is an error" "cannot open 1024 descriptors here"
fi

finish
