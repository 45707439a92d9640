#!/bin/sh
# capture-loss.sh - capture marks what the lab's link did: with loss 100 a
# UDP datagram's line ends "(dropped by the link)" and recvfrom times out;
# with duplicate 100 the line ends "(duplicated by the link)" and the
# datagram arrives twice.  Skipped where the lab cannot be had.
. "${top_srcdir:-.}/tests/shell/lib.sh"

run -c 'require lab; echo lab-ok'
grep -q '^lab-ok$' "$T/out" || skip_all "no lab here: $(cat "$T/out" "$T/err" | head -1)"

cat >"$T/loss.sock" <<'LESSON'
host a
host b
link loss 100
capture on
host a
socket inet dgram
bind * 9000
host b
socket inet dgram
bind * 7000
sendto "lost" a 9000
host a
set timeout 0.5
3 recvfrom 100
expect timeout
link loss 0 duplicate 100
4 sendto "twice" a 9000
3 recvfrom 100
expect "twice"
3 recvfrom 100
expect "twice"
capture off
LESSON
run "$T/loss.sock"
status_is 0 "the lesson runs, its expects hold"
count() { grep -cF -- "$1" "$T/out"; }
is "$(count '10.0.0.2:7000 > 10.0.0.1:9000 UDP, length 4 (dropped by the link)')" 1 \
	"the lost datagram's line, once, marked dropped"
is "$(count '10.0.0.2:7000 > 10.0.0.1:9000 UDP, length 5 (duplicated by the link)')" 1 \
	"the duplicated datagram's line, once, marked duplicated"
has "$T/out" "[timed out after 0.5 s]" "recvfrom timed out for the lost one"
finish
