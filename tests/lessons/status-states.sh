#!/bin/sh
# status: the columns a student watches, in the TCP states loopback can
# reach.  One shell plays both ends; after each step the test reads the
# row of one handle from "status" (FD, FAMILY, TYPE, LOCAL, REMOTE, STATE,
# RECVQ, SENDQ, FLAGS).  Linux only for the states (TCP_INFO).
. "${top_srcdir:-.}/tests/lib/tap.sh"
: "${SOCKSHELL:?}"

if [ "$(uname -s)" != Linux ]; then
	skip_all "TCP states come from Linux's TCP_INFO"
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

ok "the session ran (status 0)" eval '[ "$st" = 0 ]' || diag "status $st"
ok "the listener is in LISTEN" eval '[ "$(col queued 3 6)" = LISTEN ]' || diag "$(row queued 3)"
ok "one connection waits in its accept queue" eval 'row queued 3 | grep -q "accept-queue=1/5"' || diag "$(row queued 3)"
ok "the client is ESTABLISHED before accept" eval '[ "$(col queued 4 6)" = ESTABLISHED ]' || diag "$(row queued 4)"
ok "after the send, 42 bytes wait on the server's end" eval '[ "$(col sent 5 7)" = 42 ]' || diag "$(row sent 5)"
ok "the accept queue is empty again" eval 'row sent 3 | grep -q "accept-queue=0/5"' || diag "$(row sent 3)"
ok "the two ends are linked as peers" eval 'row sent 5 | grep -q "peer=4" && row sent 4 | grep -q "peer=5"' || diag "$(row sent 5)"
ok "recv 16 leaves 26 bytes waiting" eval '[ "$(col read16 5 7)" = 26 ]' || diag "$(row read16 5)"
ok "the client's send queue is empty (loopback acked it)" eval '[ "$(col read16 4 8)" = 0 ]' || diag "$(row read16 4)"
ok "after shutdown wr the client is in FIN_WAIT2" eval '[ "$(col halfclosed 4 6)" = FIN_WAIT2 ]' || diag "$(row halfclosed 4)"
ok "and the server in CLOSE_WAIT, the peer closed" eval '[ "$(col halfclosed 5 6)" = CLOSE_WAIT ] && row halfclosed 5 | grep -q peer-closed' || diag "$(row halfclosed 5)"
ok "when the server closes too, the client is in TIME_WAIT" eval '[ "$(col closed 4 6)" = TIME_WAIT ]' || diag "$(row closed 4)"
ok "the current handle is marked" eval 'printf "%s\n" "$out" | grep -q "^\* 4 "'
finish
