#!/bin/sh
# save.sh - a session saved with "save FILE" replays as a passing test.
#
# A teacher runs a session in class and ends it with save: every command is
# written out, each call followed by an expect line holding what it
# returned.  Here the session runs through sockshell -c, then the saved
# file is replayed with --tap and every expect line must pass.

: "${SOCKSHELL:?SOCKSHELL must name the sockshell binary}"
. "${top_srcdir:-.}/tests/lib/tap.sh"

# After a failed point: what $detail says about it.
show_detail() { diag "$detail"; }
tap_on_fail show_detail
dir=$T
file=$dir/session.sock

# The session: an echo exchange, an error, EOF, and commands that make no
# call (echo, status, set), which save keeps without an expect line.
session='echo "A session recorded in class"
socket inet stream
bind 127.0.0.1 0
listen
socket inet stream
connect @3
3 accept
4 send "hello"
5 recv 100
send "${data^^}"
4 recv 100
socket inet stream
bind 127.0.0.1 0
socket inet stream
connect @6
3 getsockopt acceptconn
4 close
5 recv 100
status
set display hex
save '"$file"

out=$(bounded "$SOCKSHELL" --timeout 10 -c "$session" 2>&1)
status=$?
detail="status $status; output: $out"
ok "the session runs and exits 0" test "$status" -eq 0
case $out in
*"saved "*" bytes to $file"*) pass "save says what it wrote" ;;
*) fail "save says what it wrote" "$out" ;;
esac
detail="no file $file"
ok "the file exists" test -f "$file"

saved=$(cat "$file" 2>/dev/null)
saved_has() {
	case $saved in
	*"$1"*) return 0 ;;
	*) detail="$file lacks: $1"; return 1 ;;
	esac
}
ok "recv is followed by its count and data" saved_has 'expect 5 "hello"'
ok "the upper-case answer was recorded" saved_has 'expect 5 "HELLO"'
ok "a failed call is followed by its errno" saved_has 'expect ECONNREFUSED'
ok "EOF is recorded as eof" saved_has 'expect eof'
ok "commands are written as typed" saved_has 'send "${data^^}"'
lacks_status() {
	case $saved in
	*"
status
"*) detail="status was saved"; return 1 ;;
	esac
	return 0
}
ok "status, which makes no call, is not saved" lacks_status

# Replay: every expect line is one TAP test point, and all must pass.
replay=$(bounded "$SOCKSHELL" --tap --timeout 10 "$file" 2>&1)
status=$?
detail="status $status; output: $replay"
ok "the replay exits 0" test "$status" -eq 0
expects=$(grep -c '^expect ' "$file")
oks=$(printf '%s\n' "$replay" | grep -c '^ok ')
nots=$(printf '%s\n' "$replay" | grep -c '^not ok')
detail="$nots failed; output: $replay"
ok "no expect line fails" test "$nots" -eq 0
detail="$expects expect lines, $oks passed"
ok "every expect line passed ($expects)" test "$oks" -eq "$expects"
detail="only $expects expect lines were saved"
ok "the session saved at least 15 expect lines" test "$expects" -ge 15
case $replay in
*"1..$expects"*) pass "the replay's plan is 1..$expects" ;;
*) fail "the replay's plan is 1..$expects" "$replay" ;;
esac

# save keeps an existing file unless -f is given.
cp "$file" "$dir/before"
out=$(bounded "$SOCKSHELL" -c "socketpair
save $file" 2>&1)
status=$?
detail="status $status; output: $out"
ok "save refuses to overwrite" test "$status" -ne 0
case $out in
*"save -f"*) pass "the refusal suggests save -f" ;;
*) fail "the refusal suggests save -f" "$out" ;;
esac
detail="the file changed"
ok "the file is unchanged" cmp -s "$file" "$dir/before"
out=$(bounded "$SOCKSHELL" -c "socketpair
save -f $file" 2>&1)
status=$?
detail="status $status; output: $out"
ok "save -f overwrites" test "$status" -eq 0
replay=$(bounded "$SOCKSHELL" --tap --timeout 10 "$file" 2>&1)
detail="$replay"
ok "the overwritten file replays: one socketpair" test "$(printf '%s\n' "$replay" | grep -c '^ok ')" -eq 1

finish
