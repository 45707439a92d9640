#!/bin/sh
# sizes.sh - a line of 1 MB, 10,000 words on a line, big data, and the
# largest count: nothing is cut short without saying so, and the limit is
# refused with an error that names it.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

max=67108864    # SHELL_MAX_COUNT in src/shell.h: 64 MiB
mb=1048576

# A line of 1 MB: echo prints every byte of it.
awk -v n=$mb 'BEGIN { s = "x"; while (length(s) < n) s = s s; printf "echo %s\n", substr(s, 1, n) }' \
	>"$T/long.sock"
try "$T/long.sock"
verdict 'a 1 MB line in a file' 0
ok 'its 1 MB word is echoed whole' test "$(wc -c <"$T/out" | tr -d ' ')" -eq $((mb + 1))

try_in "$T/long.sock"
verdict 'a 1 MB line on stdin' 0
ok 'echoed whole from stdin too' test "$(wc -c <"$T/out" | tr -d ' ')" -eq $((mb + 1))

awk -v n=$mb 'BEGIN { s = "x"; while (length(s) < n) s = s s; printf "echo \"%s\n", substr(s, 1, n) }' \
	>"$T/longq.sock"
try "$T/longq.sock"
verdict 'an unterminated string of 1 MB: an error' 2 'longq.sock:1: error: unterminated'
ok 'whose caret line stays short' test "$(wc -c <"$T/err" | tr -d ' ')" -lt 1000

# 10,000 words on a line.
awk 'BEGIN { printf "echo"; for (i = 1; i <= 10000; i++) printf " w%d", i; printf "\n" }' >"$T/words.sock"
try "$T/words.sock"
verdict '10,000 words on a line' 0
ok 'all 10,000 are echoed' test "$(tr ' ' '\n' <"$T/out" | grep -c '^w')" -eq 10000
out_has 'w9999 w10000' 'the last ones included'

awk 'BEGIN { printf "socket inet stream"; for (i = 1; i <= 10000; i++) printf " w%d", i; printf "\n" }' \
	>"$T/words2.sock"
try "$T/words2.sock"
verdict '10,000 arguments to socket: too many' 2 'words2.sock:1: error: socket: too many arguments'
try_in "$T/words2.sock"
verdict '... and on stdin' "1 2" '<stdin>:1: error: socket: too many arguments'

# The largest count: accepted up to SHELL_MAX_COUNT, refused past it, and
# the error says what the limit is.
try -c "socketpair; recv $max dontwait"
verdict "recv $max (the limit) is accepted" 0
out_has "recv(3, $max, MSG_DONTWAIT) = -1 EAGAIN" 'and makes the call'
try -c "socketpair; recv $((max + 1))"
verdict "recv $((max + 1)) is refused" 1 "count $((max + 1)) is over the limit of $max"
try -c "socketpair; send -n $((max + 1))"
verdict "send -n $((max + 1)) is refused" 1 "over the limit of $max"
try -c "socketpair; recvfrom 99999999999999999999999"
verdict 'a count past 2^64 is refused' 1 "over the limit of $max"
try -c "socketpair; drain $((max + 1))"
verdict "drain $((max + 1)) is refused" 1 "over the limit of $max"

# Big data is shown in full: 200,000 bytes through a socket pair.
n=200000
try -c "socketpair; setsockopt sndbuf 1000000; nonblock on; send -n $n; set sent \${rc}; 4 recv $n; expect \${sent}"
verdict "up to $n bytes sent and received" 0
# The recv line: recv(4, N, 0) = GOT "abc...": GOT bytes shown, all letters.
got=$(sed -n "s/^recv(4, $n, 0) = \([0-9]*\) .*/\1/p" "$T/out")
shown=$(sed -n "s/^recv(4, $n, 0) = [0-9]* \"\([a-z]*\)\"\$/\1/p" "$T/out" | tr -d '\n' | wc -c | tr -d ' ')
ok "every byte received is shown (${got:-?} bytes)" test -n "$got" -a "$got" -gt 0 -a "$shown" = "$got"

# A 1 MB variable expands whole into data.
awk -v n=$mb 'BEGIN { s = "y"; while (length(s) < n) s = s s; printf "set big %s\nsocketpair\nsetsockopt sndbuf 4000000\n4 setsockopt rcvbuf 4000000\n3 nonblock on\nsend ${big}\nset sent ${rc}\n4 recv 2000000 dontwait\nexpect ${sent}\n", substr(s, 1, n) }' \
	>"$T/bigvar.sock"
try --tap "$T/bigvar.sock"
verdict 'a 1 MB variable: what send took, recv shows whole' 0

finish
