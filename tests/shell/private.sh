#!/bin/sh
# private.sh - sockshell --private: the session in a user and network
# namespace of its own, only loopback up, the user root inside; and
# --join PID, a second shell in that network.  As root and, where root
# can switch to it, as nobody (setpriv) with a HOME of its own; as
# anyone else, as that user.  Skipped where "unshare -rn true" fails (no
# unprivileged user namespaces here).
. "${top_srcdir:-.}/tests/shell/lib.sh"

command -v unshare >/dev/null 2>&1 && unshare -rn true 2>/dev/null ||
	skip_all "no user namespaces here: unshare -rn true fails"

# The users to try: root and nobody when we are root, else ourselves.
users=self
if test "$(id -u)" = 0; then
	users=root
	if command -v setpriv >/dev/null 2>&1 &&
		setpriv --reuid=65534 --regid=65534 --clear-groups unshare -rn true 2>/dev/null &&
		setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$SOCKSHELL"; then
		users="root nobody"
	else
		# A build tree nobody cannot enter (CI's clones under mktemp -d).
		skip "nobody: --private" "nobody cannot run $SOCKSHELL or make a namespace here"
	fi
fi
mkdir -p "$T/home" && chmod 777 "$T/home" || bail "cannot make $T/home"

# as WHO CMD...: CMD run as WHO (nobody through setpriv, HOME its own),
# bounded.
as() {
	_who=$1
	shift
	if test "$_who" = nobody; then
		$TAP_BOUND setpriv --reuid=65534 --regid=65534 --clear-groups \
			env HOME="$T/home" "$@"
	else
		$TAP_BOUND "$@"
	fi
}

# join_pid FILE: the PID the "join it ... --join PID" line of FILE names.
join_pid() {
	sed -n 's/.*sockshell --join \([0-9][0-9]*\).*/\1/p' "$1" | sed -n 1p
}

# listener_of PID: the port of the TCP listener in PID's network, into
# $port (/proc/PID/net/tcp: state 0A, the port in hex after the colon).
listener_of() {
	test -n "$1" && port=$(awk 'NR > 1 && $4 == "0A" { split($2, a, ":"); print a[2]; exit }' \
		"/proc/$1/net/tcp" 2>/dev/null) && test -n "$port" && port=$((0x$port))
}

for who in $users; do
	as "$who" "$SOCKSHELL" --private -c '
		socket inet stream
		expect 3
		socket inet stream; bind 127.0.0.1 0; listen
		3 connect 127.0.0.1 @4; expect ok
		4 accept; send "hello"; 3 recv 10; expect "hello"
		socket inet raw icmp; expect ok
		getaddrinfo localhost 80 inet stream; expect ok' \
		</dev/null >"$T/out" 2>"$T/err"
	status=$?
	status_is 0 "$who: --private: the first socket is 3, a server and a client on 127.0.0.1, a raw icmp socket, localhost from /etc/hosts"
	has "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 3' "$who:   the first socket is descriptor 3"
	has "$T/out" 'socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) = ' "$who:   the raw socket (CAP_NET_RAW, held inside)"
	has "$T/err" 'private network: join it from another terminal with: sockshell --join ' \
		"$who:   a script is told on stderr how to join"
	has "$T/err" 'nsenter --preserve-credentials -U -n -t ' "$who:   and the nsenter line"

	# A listener in a private session; a second shell joins and connects.
	: >"$T/first.out"
	: >"$T/first.err"
	as "$who" "$SOCKSHELL" --private -t 10 -c '
		socket inet stream; bind 127.0.0.1 0; listen; getsockname
		accept; recv 20; expect "from the joiner"' \
		</dev/null >"$T/first.out" 2>"$T/first.err" &
	first=$!
	tap_track "$first"
	wait_for 5 grep -q 'sockshell --join [0-9]' "$T/first.err"
	pid=$(join_pid "$T/first.err")
	# Its output waits in a buffer while accept blocks: read the port
	# from the kernel, the listener in /proc/PID/net/tcp (PID's network).
	port=
	wait_for 5 listener_of "$pid"
	like "$pid:$port" '^[0-9][0-9]*:[0-9][0-9]*$' "$who: the first session says its PID and its port"

	if command -v nsenter >/dev/null 2>&1; then
		as "$who" nsenter --preserve-credentials -U -n -t "$pid" \
			cat /proc/net/dev >"$T/dev" 2>&1 &&
			ifaces=$(sed '1,2d; s/:.*//; s/ //g' "$T/dev" | tr '\n' ' ') ||
			ifaces="nsenter failed: $(cat "$T/dev")"
		is "$ifaces" "lo " \
			"$who: through the nsenter line, the private network's interfaces are lo alone"
	else
		skip "$who: the interfaces, through nsenter" "nsenter is not installed"
	fi
	# Outside, nothing listens on that port (not the host's network).
	run -c "socket inet stream; connect 127.0.0.1 $port; expect ECONNREFUSED"
	status_is 0 "$who: outside the private network the port is refused"

	as "$who" "$SOCKSHELL" --join "$pid" -c "
		socket inet stream; expect 3
		connect 127.0.0.1 $port; expect ok
		send 'from the joiner'; expect 15" </dev/null >"$T/out" 2>"$T/err"
	status=$?
	status_is 0 "$who: --join PID: the second shell's first socket is 3 and it connects to the first's listener"
	wait "$first"
	first_status=$?
	tap_untrack "$first"
	is "$first_status" 0 "$who: the first session accepted it and read what the joiner sent"
	has "$T/first.out" '"from the joiner"' "$who:   recv shows the joiner's bytes"
done

# Refused: inside a user namespace of our own, user.max_user_namespaces
# set to 0 there (it is that namespace's own limit) refuses the next one.
unshare -r sh -c 'echo 0 >/proc/sys/user/max_user_namespaces' 2>/dev/null
if test $? -eq 0; then
	$TAP_BOUND unshare -r sh -c 'echo 0 >/proc/sys/user/max_user_namespaces &&
		exec "$1" --private -c "echo RAN"' sh "$SOCKSHELL" </dev/null >"$T/out" 2>"$T/err"
	status=$?
	status_is 1 "where user namespaces are refused, --private exits 1"
	is "$(wc -l <"$T/err" | tr -d ' ')" 1 "  with one line"
	has "$T/err" 'user.max_user_namespaces = 0' "  naming the setting"
	hasnt "$T/out" RAN "  and runs nothing without the private network"
else
	skip "refused namespaces: exit 1 naming the setting" "cannot set user.max_user_namespaces in a namespace here"
fi

# Errors, once.
run --join 0x12 -c 'echo no'
status_is 2 "--join with no number: usage error, status 2"
has "$T/err" "--join: '0x12' is no process id" "  it says what was wrong"
run --join 999999999 -c 'echo no'
status_is 1 "--join of no process: status 1"
has "$T/err" "no such process" "  it says so"
hasnt "$T/out" "no" "  and runs nothing"
run --private --join 1 -c 'echo no'
status_is 2 "--private and --join together: usage error"
run --check --private -c 'socket inet stream'
status_is 0 "--check --private checks, makes no network"
empty "$T/err" "  and says nothing on stderr"
finish
