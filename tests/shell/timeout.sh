# timeout.sh - a script never hangs: -t gives up on a blocking call, the
# line says so, the status becomes 1; scripts have a default time-out.
. "${top_srcdir:-.}/tests/shell/lib.sh"

now() { date +%s; }

start=$(now)
run -t 0.5 -c 'socket inet stream; bind 127.0.0.1 0; listen; accept; echo NEXT'
took=$(($(now) - start))
status_is 1 "-t 0.5: a timed-out accept gives status 1"
has "$T/out" 'accept(3) = -1 EAGAIN (Resource temporarily unavailable) [timed out after 0.5 s]' \
	"-t 0.5: the accept line says [timed out after 0.5 s]"
has "$T/out" NEXT "-t 0.5: the script goes on after the time-out"
ok "-t 0.5: it gave up within 3 s (took ${took} s)" test "$took" -le 3

run --timeout 0.3 -c 'socket inet dgram; bind 127.0.0.1 0; recvfrom 64'
status_is 1 "--timeout 0.3: a timed-out recvfrom gives status 1"
has "$T/out" '[timed out after 0.3 s]' "--timeout 0.3: the line says so"

run -t 0.3 -c 'socket inet dgram; bind 127.0.0.1 0; recvfrom 64 dontwait'
status_is 0 "a dontwait call that fails at once is not a time-out"
has "$T/out" '= -1 EAGAIN' "  it shows EAGAIN"
hasnt "$T/out" 'timed out' "  and no time-out note"

run -t 0.3 -e -c 'socket inet dgram; bind 127.0.0.1 0; recvfrom 64; echo AFTER'
status_is 1 "-e: a time-out stops the script"
hasnt "$T/out" AFTER "  nothing runs after it"

run -t 0.3 --tap -c 'socket inet dgram; bind 127.0.0.1 0; recvfrom 64'
status_is 0 "--tap: a time-out is reported as a point, not also by the status"
has "$T/out" 'not ok 1 - -c:1: recvfrom timed out after 0.3 s' "--tap: a time-out is a failed test point"

# set timeout inside the script.
start=$(now)
run -c 'set timeout 0.4; socket inet stream; bind 127.0.0.1 0; listen; accept'
took=$(($(now) - start))
status_is 1 "set timeout 0.4 in a script: the accept times out, status 1"
has "$T/out" '[timed out after 0.4 s]' "set timeout 0.4: the line says so"
ok "set timeout 0.4: it gave up within 3 s (took ${took} s)" test "$took" -le 3

# The default: scripts have one (10 s), whatever feeds them.
run -c 'set timeout'
has "$T/out" 'timeout 10' "-c: the default time-out is 10 s"
run_in 'set timeout
'
has "$T/out" 'timeout 10' "a script on stdin: the default time-out is 10 s"
printf 'set timeout\n' >"$T/t.sock"
run "$T/t.sock"
has "$T/out" 'timeout 10' "a lesson file: the default time-out is 10 s"
run -t 2.5 -c 'set timeout'
has "$T/out" 'timeout 2.5' "-t 2.5 replaces the default"

finish
