#!/bin/sh
# bound.sh - in a script, the time-out of the command line (-t, or the
# default 10 s) bounds every wait, whatever the lesson does: rcvtimeo and
# sndtimeo off or above it are held at it, "set timeout" may shorten it
# only, sleep and poll are cut to it, and a FIFO with no writer (send -f,
# source, the lesson file itself) gives up after it.  Also: seconds become
# a struct timeval rounded right (0.9999999 is 1 s, 1e-7 is 1 us, not off).
# Each run is killed after 20 s: a hang fails the test (status 124).
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

run20 -t 1 -c 'socket inet dgram; bind 127.0.0.1 0; setsockopt rcvtimeo off; recv 10; echo NEXT'
status_is 1 "rcvtimeo off in a script: the recv times out, status 1"
has "$T/out" 'SO_RCVTIMEO, {tv_sec=1, tv_usec=0}) = 0 (asked off: held at the script' \
	"  the kernel holds the script's time-out, and the line says what was asked"
has "$T/out" '[timed out after 1 s]' "  the recv says it timed out"
has "$T/out" NEXT "  and the script goes on"
quick "  within the bound"

run20 -t 1 -c 'socket inet dgram; setsockopt rcvtimeo off; getsockopt rcvtimeo; expect "off"; setsockopt rcvtimeo 600; getsockopt rcvtimeo; expect "600"'
status_is 0 "getsockopt shows what was asked (a saved session replays), with a note"
has "$T/out" 'SO_RCVTIMEO) = 0, value 600 s (the kernel holds 1 s' "  the note names what the kernel holds"

run20 -t 1 -c 'socketpair; setsockopt sndtimeo off; send -n 50000000'
status_is 1 "sndtimeo off in a script: a send to a full buffer times out"
has "$T/out" '[timed out after 1 s]' "  the send says so"
quick "  within the bound"

run20 -t 1 -c 'socket inet dgram; bind 127.0.0.1 0; setsockopt rcvtimeo 1e-7; recv 10'
has "$T/out" 'SO_RCVTIMEO, {tv_sec=0, tv_usec=1}) = 0' "rcvtimeo 1e-7 is 1 us, not 0 (off)"
has "$T/out" 'recv(3, 10, 0) = -1 EAGAIN' "  so the recv gives up at once"
quick "  and does not wait"

run20 -c 'socket inet dgram; setsockopt rcvtimeo 0.9999999; getsockopt rcvtimeo; expect "1"; setsockopt sndtimeo 1.9999996; getsockopt sndtimeo; expect "2"'
status_is 0 "rcvtimeo 0.9999999 is 1 s and sndtimeo 1.9999996 is 2 s"
has "$T/out" 'SO_RCVTIMEO, {tv_sec=1, tv_usec=0}) = 0' "  the microseconds carry into tv_sec (no EDOM)"
has "$T/out" 'SO_SNDTIMEO, {tv_sec=2, tv_usec=0}) = 0' "  for sndtimeo too"

run20 -t 1 -c 'set timeout 0; set timeout; socket inet stream; bind 127.0.0.1 0; listen; accept'
status_is 1 "set timeout 0 in a script: the accept still times out"
has "$T/out" 'set timeout 0: kept at 1 s' "  set says the time-out is kept"
has "$T/out" 'timeout 1' "  and shows it"
quick "  within the bound"

run20 -t 1 -c 'set timeout 600; socket inet dgram; bind 127.0.0.1 0; recv 1'
has "$T/out" '[timed out after 1 s]' "set timeout 600 cannot lengthen -t 1"
run20 -t 2 -c 'set timeout 0.5; set timeout'
has "$T/out" 'timeout 0.5' "set timeout may shorten it"

run20 -t 1 -c 'socket inet stream; bind 127.0.0.1 0; listen; socket inet stream; connect @3; setsockopt linger 600'
has "$T/out" 'l_linger=1}) = 0 (asked 600: held' "linger above the bound is held to it (close waits no longer)"

run20 -t 1 -c 'sleep 600; echo NEXT'
has "$T/out" 'sleep 600: cut to 1 s' "sleep is cut to the bound"
has "$T/out" NEXT "  and the script goes on"
quick "  within the bound"

run20 -t 1 -c 'socket inet dgram; bind 127.0.0.1 0; poll 3 600'
has "$T/out" '], 1, 1000) = ' "poll's own time-out is cut to the bound"
quick "  within the bound"

mkfifo "$T/fifo" || bail "cannot make a FIFO"
run20 -t 1 -c "socket inet dgram; send -f $T/fifo; echo NEXT"
status_is 1 "send -f on a FIFO with no writer gives up"
has "$T/err" "cannot read $T/fifo: nothing to read within the script's time-out" \
	"  with a message naming the file and the time-out"
has "$T/out" NEXT "  and the script goes on"
quick "  within the bound"
run20 -t 1 -c "source $T/fifo; echo NEXT"
status_is 1 "source on a FIFO with no writer gives up"
quick "  within the bound"
run20 -t 1 "$T/fifo"
status_is 2 "a lesson file that is a FIFO with no writer gives up"
has "$T/err" "nothing to read within the script's time-out" "  and says why"
quick "  within the bound"
(printf 'echo from-the-fifo\n' >"$T/fifo") &
tap_track $!
run20 -t 5 -c "source $T/fifo"
has "$T/out" from-the-fifo "a FIFO that is written is read"

finish
