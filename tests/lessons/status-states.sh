#!/bin/sh
# status: the columns a student watches, in the TCP states loopback can
# reach.  One shell plays both ends; after each step the test reads the
# row of one handle from "status" (FD, FAMILY, TYPE, LOCAL, REMOTE, STATE,
# RECVQ, SENDQ, FLAGS).  Linux only for the states (TCP_INFO).
: "${SOCKSHELL:?}"
n=0
check() { n=$((n + 1)); if eval "$2"; then echo "ok $n - $1"; else echo "not ok $n - $1"; printf '#   %s\n' "$3"; fi; }

if [ "$(uname -s)" != Linux ]; then
	echo "1..0 # SKIP TCP states come from Linux's TCP_INFO"
	exit 0
fi

# Each "echo == NAME" marks the status output that follows it.
out=$(timeout 20 "$SOCKSHELL" -c '
socket inet stream; bind 127.0.0.1 0; listen 5
socket inet stream; connect @3
echo == queued; status
3 accept
4 send "This is the message.  It will be repeated."
echo == sent; status
5 recv 16
echo == read16; status
4 shutdown wr; sleep 0.3
echo == halfclosed; status
5 recv 100; 5 recv 100
5 close; sleep 0.3
echo == closed; status
' 2>&1)
st=$?

# The row of handle $2 in the status block named $1.
row() {
	printf '%s\n' "$out" | awk -v blk="== $1" -v fd="$2" '
		$0 == blk { on = 1; next }
		/^== / { on = 0 }
		on { sub(/^[* ] /, ""); if ($1 == fd) { print; exit } }'
}
col() { row "$1" "$2" | awk -v c="$3" '{ print $c }'; }

check "the session ran (status 0)" '[ "$st" = 0 ]' "status $st"
check "the listener is in LISTEN" '[ "$(col queued 3 6)" = LISTEN ]' "$(row queued 3)"
check "one connection waits in its accept queue" 'row queued 3 | grep -q "accept-queue=1/5"' "$(row queued 3)"
check "the client is ESTABLISHED before accept" '[ "$(col queued 4 6)" = ESTABLISHED ]' "$(row queued 4)"
check "after the send, 42 bytes wait on the server's end" '[ "$(col sent 5 7)" = 42 ]' "$(row sent 5)"
check "the accept queue is empty again" 'row sent 3 | grep -q "accept-queue=0/5"' "$(row sent 3)"
check "the two ends are linked as peers" 'row sent 5 | grep -q "peer=4" && row sent 4 | grep -q "peer=5"' "$(row sent 5)"
check "recv 16 leaves 26 bytes waiting" '[ "$(col read16 5 7)" = 26 ]' "$(row read16 5)"
check "the client's send queue is empty (loopback acked it)" '[ "$(col read16 4 8)" = 0 ]' "$(row read16 4)"
check "after shutdown wr the client is in FIN_WAIT2" '[ "$(col halfclosed 4 6)" = FIN_WAIT2 ]' "$(row halfclosed 4)"
check "and the server in CLOSE_WAIT, the peer closed" '[ "$(col halfclosed 5 6)" = CLOSE_WAIT ] && row halfclosed 5 | grep -q peer-closed' "$(row halfclosed 5)"
check "when the server closes too, the client is in TIME_WAIT" '[ "$(col closed 4 6)" = TIME_WAIT ]' "$(row closed 4)"
check "the current handle is marked" 'printf "%s\n" "$out" | grep -q "^\* 4 "' ""
echo "1..$n"
