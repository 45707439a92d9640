#!/bin/sh
# bench.sh - "make bench": how fast sockshell is, beside baselines measured
# in the same run, as a table of medians with the ratio and PASS or MISS
# against each target.
#
# Run by "make bench", which sets SOCKSHELL, CC, CFLAGS, PYTHON3, MAKE,
# top_builddir and top_srcdir.  Settings (environment):
#
#   BENCH_N=7         runs per measurement (the median is shown)
#   BENCH_CALLS=100000  send/recv pairs in the per-call lesson
#   BENCH_BULK_MB=256 MiB sent in the bulk test (1 MiB per send)
#   BENCH_CHECK=yes   also time "make check" once (slow; off by default)
#
# The commands compared in a row are timed in turns, run after run, so a
# change of load falls on both.  Times are wall-clock medians; the per-call
# row is also given in CPU time, which a busy machine disturbs less.
#
# Everything runs on loopback, on ports the kernel chooses; every wait is
# bounded (timeit kills a run that hangs, the sink gives up when idle), and
# the scratch directory is removed at the end.

set -u

: "${SOCKSHELL:?SOCKSHELL must name the built sockshell}"
CC=${CC:-cc}
CFLAGS=${CFLAGS:--O2}
PYTHON3=${PYTHON3:-python3}
MAKE=${MAKE:-make}
top_builddir=${top_builddir:-.}
here=$(cd "$(dirname "$0")" && pwd)

N=${BENCH_N:-7}
CALLS=${BENCH_CALLS:-100000}
BULK_MB=${BENCH_BULK_MB:-256}
CHECK=${BENCH_CHECK:-no}

work=$(mktemp -d "${TMPDIR:-/tmp}/sockshell-bench.XXXXXX") || exit 1
sink_pid=
cleanup() {
	if [ -n "$sink_pid" ]; then
		kill "$sink_pid" 2>/dev/null
		wait "$sink_pid" 2>/dev/null
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }

# ---- helpers, built here with the compiler and flags of the build ----

for prog in timeit floor discard; do
	# shellcheck disable=SC2086
	if ! $CC $CFLAGS -o "$work/$prog" "$here/$prog.c"; then
		warn "cannot build $prog.c with $CC"
		exit 1
	fi
done
TIMEIT=$work/timeit

# measure "VAR..." TIMEIT-ARGS...: time the commands (separated by ":::",
# run in turns, so that a change of load falls on all of them alike).
# timeit prints a line per command: median min max peak_rss_kib
# median_cpu.  Sets VAR_t (median wall seconds), VAR_rss (KiB) and VAR_cpu
# (median CPU seconds) for each command's VAR, or all three to - on failure.
measure() {
	vars=$1
	shift
	if out=$("$TIMEIT" "$@"); then
		i=0
		for v in $vars; do
			i=$((i + 1))
			set -- $(printf '%s\n' "$out" | sed -n "${i}p")
			eval "${v}_t=\${1:--} ${v}_rss=\${4:--} ${v}_cpu=\${5:--}"
		done
	else
		for v in $vars; do
			eval "${v}_t=- ${v}_rss=- ${v}_cpu=-"
		done
	fi
}

# Arithmetic on decimals (awk): calc 'EXPR' A B C prints EXPR with a, b, c
# bound; fmt FORMAT 'EXPR' A B C prints it with a printf format.
fmt() {
	awk -v a="${3:-0}" -v b="${4:-0}" -v c="${5:-0}" "BEGIN { printf \"$1\", ($2) }"
}
calc() {
	fmt '%.9g' "$@"
}

# ---- the machine ----

cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
model=$(awk '/^(model name|Hardware|cpu model|Processor)[ \t]*:/ {
	sub(/^[^:]*:[ \t]*/, ""); print; exit }' /proc/cpuinfo 2>/dev/null)
kernel=$(uname -sr 2>/dev/null)
load=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)

# The real interpreter, not a version manager's wrapper script, so that
# Python's start-up is Python's.
py=$("$PYTHON3" -c 'import sys; print(sys.executable)' 2>/dev/null) || py=

say "sockshell benchmark: median of $N runs (BENCH_N), $(date -u '+%Y-%m-%d %H:%M UTC')"
say "machine: ${cpus} CPUs, ${model:-unknown CPU}, ${kernel:-unknown kernel}, load ${load:-?} at start"
say "sockshell: $SOCKSHELL"
say "baselines: python3 ${py:-missing}; socat $(socat -V 2>/dev/null | sed -n 's/^socat version \([^ ]*\).*/\1/p')${CC:+; C floor built with $CC $CFLAGS}"
say ""

rows=$work/rows
: > "$rows"
# row NAME SOCKSHELL BASELINE RATIO TARGET VERDICT
row() {
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >> "$rows"
}
# verdict OK: PASS or MISS
verdict() {
	if [ "$1" = 1 ]; then echo PASS; else echo MISS; fi
}

# ---- 1. start-up ----

if [ -n "$py" ]; then
	measure "ss pys" -n "$N" -k 20 -t 60 -- "$SOCKSHELL" -c quit ::: "$py" -c 'import socket'
else
	measure ss -n "$N" -k 20 -t 60 -- "$SOCKSHELL" -c quit
	pys_t=- pys_rss=-
fi
if [ "$ss_t" != - ] && [ "$pys_t" != - ]; then
	r=$(calc 'b / a' "$ss_t" "$pys_t")
	row "start-up: sockshell -c quit" "$(fmt %.2f 'a * 1000' "$ss_t") ms" \
		"python3 -c 'import socket' $(fmt %.1f 'a * 1000' "$pys_t") ms" \
		"$(fmt %.1f 'a' "$r")x faster" ">= 10x faster" "$(verdict "$(calc 'a >= 10' "$r")")"
else
	row "start-up: sockshell -c quit" "${ss_t}" "python3: ${pys_t}" "-" ">= 10x faster" "n/a"
fi

# ---- 2. per-call overhead: send/recv pairs on a socketpair ----

# gen_pairs N FILE: a lesson of N send/recv pairs.
gen_pairs() {
	awk -v n="$1" 'BEGIN {
		print "# " n " send/recv pairs of 16 bytes on a socketpair"
		print "socketpair"
		for (i = 0; i < n; i++) {
			print "3 send \"0123456789abcdef\""
			print "4 recv 16"
		}
	}' > "$2"
}
pairs=$work/pairs.sock
gen_pairs "$CALLS" "$pairs"
# The floor and the Python script must print what sockshell prints.
gen_pairs 1000 "$work/pairs1k.sock"
"$SOCKSHELL" "$work/pairs1k.sock" > "$work/ss1k.out" 2>&1
"$work/floor" 1000 > "$work/floor1k.out" 2>&1
cmp -s "$work/ss1k.out" "$work/floor1k.out" ||
	warn "the C floor's trace differs from sockshell's: the comparison is not like for like"
if [ -n "$py" ]; then
	"$py" "$here/pycall.py" 1000 > "$work/py1k.out" 2>&1
	cmp -s "$work/ss1k.out" "$work/py1k.out" ||
		warn "the Python script's trace differs from sockshell's"
fi

if [ -n "$py" ]; then
	measure "pc fl pyc" -n "$N" -t 300 -- "$SOCKSHELL" "$pairs" ::: "$work/floor" "$CALLS" \
		::: "$py" "$here/pycall.py" "$CALLS"
else
	measure "pc fl" -n "$N" -t 300 -- "$SOCKSHELL" "$pairs" ::: "$work/floor" "$CALLS"
	pyc_t=-
fi
if [ "$pc_t" != - ] && [ "$fl_t" != - ]; then
	r=$(calc 'a / b' "$pc_t" "$fl_t")
	row "per call: $CALLS send+recv pairs" "$(fmt %.2f 'a * 1e6 / b' "$pc_t" "$CALLS") us/pair" \
		"C floor $(fmt %.2f 'a * 1e6 / b' "$fl_t" "$CALLS") us/pair" \
		"$(fmt %.2f 'a' "$r")x floor" "<= 1.30x floor" "$(verdict "$(calc 'a <= 1.3' "$r")")"
	# CPU time does not count waiting for a CPU: steadier when the
	# machine is busy, so it is shown too.
	row "  the same in CPU time" "$(fmt %.2f 'a * 1e6 / b' "$pc_cpu" "$CALLS") us/pair" \
		"C floor $(fmt %.2f 'a * 1e6 / b' "$fl_cpu" "$CALLS") us/pair" \
		"$(fmt %.2f 'a / b' "$pc_cpu" "$fl_cpu")x floor" "-" "info"
else
	row "per call: $CALLS send+recv pairs" "$pc_t" "floor: $fl_t" "-" "<= 1.30x floor" "n/a"
fi
if [ "$pc_t" != - ] && [ "$pyc_t" != - ]; then
	row "per call, beside Python" "$(fmt %.2f 'a * 1e6 / b' "$pc_t" "$CALLS") us/pair" \
		"python3 $(fmt %.2f 'a * 1e6 / b' "$pyc_t" "$CALLS") us/pair" \
		"$(fmt %.1f 'b / a' "$pc_t" "$pyc_t")x faster" "-" "info"
fi

# System calls per pair, counted by strace on a short lesson (repeatable
# where timings are not).  The floor makes two; writes are amortized.
if command -v strace > /dev/null 2>&1; then
	gen_pairs 10000 "$work/pairs10k.sock"
	echo '# nothing' > "$work/empty.sock"
	a=$(strace -f -c -o "$work/s1" "$SOCKSHELL" "$work/pairs10k.sock" > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s1")
	b=$(strace -f -c -o "$work/s2" "$SOCKSHELL" "$work/empty.sock" > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s2")
	c=$(strace -f -c -o "$work/s3" "$work/floor" 10000 > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s3")
	d=$(strace -f -c -o "$work/s4" "$work/floor" 0 > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s4")
	if [ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ -n "$d" ]; then
		sa=$(calc '(a - b) / 10000' "$a" "$b")
		sf=$(calc '(a - b) / 10000' "$c" "$d")
		row "system calls per send+recv pair" "$(fmt %.2f a "$sa")" "C floor $(fmt %.2f a "$sf")" \
			"$(fmt %.2f 'a / b' "$sa" "$sf")x floor" "-" "info"
	fi
fi

# ---- 3. bulk: MiB over loopback TCP into a sink ----

bytes=$((BULK_MB * 1048576))
bulk=$work/bulk.sock
awk -v n="$BULK_MB" 'BEGIN {
	print "# " n " MiB over loopback TCP, 1 MiB per send"
	print "socket inet stream"
	print "connect 127.0.0.1 ${PORT}"
	for (i = 0; i < n; i++)
		print "send -n 1048576"
	print "close"
}' > "$bulk"
"$work/discard" "$work/port" "$work/sink.log" 20 &
sink_pid=$!
i=0
while [ ! -s "$work/port" ] && [ $i -lt 100 ]; do
	sleep 0.1 2>/dev/null || sleep 1
	i=$((i + 1))
done
port=$(cat "$work/port" 2>/dev/null)
if [ -n "$port" ]; then
	PORT=$port
	export PORT
	if command -v socat > /dev/null 2>&1; then
		measure "bk so" -n "$N" -t 120 -- "$SOCKSHELL" "$bulk" ::: socat -u -b 1048576 \
			"OPEN:/dev/zero,readbytes=$bytes" "TCP:127.0.0.1:$port"
	else
		measure bk -n "$N" -t 120 -- "$SOCKSHELL" "$bulk"
		so_t=-
	fi
	# Every connection must have delivered every byte.
	sleep 0.2 2>/dev/null || sleep 1
	short=$(awk -v want="$bytes" '$1 != want' "$work/sink.log" 2>/dev/null | wc -l)
	[ "$short" -eq 0 ] || warn "$short bulk transfers did not deliver all $bytes bytes"
else
	bk_t=- so_t=-
	warn "the sink did not start"
fi
if [ "$bk_t" != - ] && [ "$so_t" != - ]; then
	a=$(calc 'b / a' "$bk_t" "$BULK_MB")
	b=$(calc 'b / a' "$so_t" "$BULK_MB")
	r=$(calc 'a / b' "$a" "$b")
	row "bulk: $BULK_MB x send -n 1048576, TCP" "$(fmt %.0f a "$a") MiB/s" \
		"socat -b 1048576 $(fmt %.0f a "$b") MiB/s" "$(fmt %.2f a "$r")x socat" \
		">= 1.00x socat" "$(verdict "$(calc 'a >= 1' "$r")")"
	row "  CPU time for the transfer" "$(fmt %.1f 'a * 1000' "$bk_cpu") ms" \
		"socat $(fmt %.1f 'a * 1000' "$so_cpu") ms" \
		"$(fmt %.2f 'a / b' "$bk_cpu" "$so_cpu")x socat" "-" "info"
else
	row "bulk: $BULK_MB x send -n 1048576, TCP" "$bk_t" "socat: $so_t" "-" ">= 1.00x socat" "n/a"
fi

# ---- 4. memory, and status with 1,000 handles ----

echo_sock=$work/echo.sock
cat > "$echo_sock" <<'EOF'
# The classic echo: client and server in one process, the message read
# back 16 bytes at a time, then EOF.
socket inet stream
bind 127.0.0.1 0
listen
socket inet stream
connect @3
3 accept
4 send "This is the message.  It will be repeated."
expect 42
5 recv 64
5 send "${data}"
4 recv 16
expect "This is the mess"
4 recv 16
expect "age.  It will be"
4 recv 16
expect " repeated."
4 close
5 recv 16
expect eof
EOF
measure ec -n "$N" -t 60 -- "$SOCKSHELL" "$echo_sock"
# The lesson the README shows, when the tree has it.
ex_echo=${top_srcdir:-$here/../..}/examples/echo.sock
if [ -f "$ex_echo" ]; then
	measure ex -n "$N" -t 60 -- "$SOCKSHELL" "$ex_echo"
else
	ex_rss=-
fi
if [ "$ec_rss" != - ] && [ "$pys_rss" != - ]; then
	row "peak RSS: echo lesson (bench's)" "$ec_rss KiB" "python3 -c 'import socket' $pys_rss KiB" \
		"$(fmt %.2f 'a / b' "$ec_rss" "$pys_rss")x python3" "< 4096 KiB" \
		"$(verdict "$(calc 'a < 4096' "$ec_rss")")"
else
	row "peak RSS: echo lesson (bench's)" "$ec_rss KiB" "python3: $pys_rss" "-" "< 4096 KiB" \
		"$(if [ "$ec_rss" != - ]; then verdict "$(calc 'a < 4096' "$ec_rss")"; else echo n/a; fi)"
fi

if [ "$ex_rss" != - ]; then
	row "peak RSS: examples/echo.sock" "$ex_rss KiB" "python3 -c 'import socket' $pys_rss KiB" \
		"$(fmt %.2f 'a / b' "$ex_rss" "$pys_rss")x python3" "< 4096 KiB" \
		"$(verdict "$(calc 'a < 4096' "$ex_rss")")"
fi

# 1,000 handles: a listener, 333 TCP connections (both ends) and 333 UDP
# sockets.
nofile=$(ulimit -n)
if [ "$nofile" != unlimited ] && [ "$nofile" -lt 1100 ]; then
	ulimit -n 2048 2>/dev/null || ulimit -n "$(ulimit -H -n)" 2>/dev/null
fi
nofile=$(ulimit -n)
if [ "$nofile" = unlimited ] || [ "$nofile" -ge 1100 ]; then
	awk 'BEGIN {
		print "# 1000 handles: a listener, 333 connections, 333 UDP sockets"
		print "socket inet stream"
		print "bind 127.0.0.1 0"
		print "listen"
		for (i = 0; i < 333; i++) {
			print "socket inet stream"
			print "connect @3"
			print "3 accept"
		}
		for (i = 0; i < 333; i++) {
			print "socket inet dgram"
			print "bind 127.0.0.1 0"
		}
	}' > "$work/h1000.sock"
	cp "$work/h1000.sock" "$work/h1000s.sock"
	for i in 1 2 3 4 5 6 7 8 9 10; do echo status; done >> "$work/h1000s.sock"
	# The floor: the same questions to the kernel about the same 1,000
	# sockets, and a printf per row, from C.
	measure "hn hs fn fs" -n "$N" -t 120 -- "$SOCKSHELL" "$work/h1000.sock" \
		::: "$SOCKSHELL" "$work/h1000s.sock" ::: "$work/floor" status 0 \
		::: "$work/floor" status 10
	rows_shown=$("$SOCKSHELL" "$work/h1000s.sock" 2>/dev/null | grep -c '^[ *] [0-9]')
	[ "$rows_shown" -eq 10000 ] || warn "status showed $rows_shown rows, not 10 x 1000"
	if [ "$hn_rss" != - ] && [ "$ss_rss" != - ]; then
		row "peak RSS: 1,000 open sockets" "$hn_rss KiB" "sockshell -c quit $ss_rss KiB" \
			"+$(fmt %.2f '(a - b) / 1000' "$hn_rss" "$ss_rss") KiB/handle" "-" "info"
	fi
	if [ "$hn_t" != - ] && [ "$hs_t" != - ] && [ "$fn_t" != - ] && [ "$fs_t" != - ]; then
		st=$(calc '(b - a) / 10 * 1000' "$hn_t" "$hs_t")
		ft=$(calc '(b - a) / 10 * 1000' "$fn_t" "$fs_t")
		row "status with 1,000 handles" "$(fmt %.2f a "$st") ms" "C floor $(fmt %.2f a "$ft") ms" \
			"$(fmt %.2f 'a / b' "$st" "$ft")x floor" "< 20 ms" \
			"$(verdict "$(calc 'a < 20' "$st")")"
	fi
else
	warn "ulimit -n is $nofile: skipping the 1,000-handle measurements"
fi

# ---- 5. the suite ----

if [ "$CHECK" = yes ]; then
	jobs=$cpus
	[ "$jobs" = '?' ] && jobs=2
	if (cd "$top_builddir" && "$TIMEIT" -n 1 -t 900 -o "$work/check.log" -- \
		$MAKE -j"$jobs" check) > "$work/check.t" 2> "$work/check.err"; then
		set -- $(cat "$work/check.t")
		row "make -j$jobs check (once)" "$(fmt %.1f a "$1") s" "-" "-" "< 60 s" \
			"$(verdict "$(calc 'a < 60' "$1")")"
	else
		row "make -j$jobs check (once)" "failed" "-" "-" "< 60 s" "MISS"
	fi
fi

# ---- the table ----

say "Medians of $N runs (wall clock unless marked CPU); ratios from this run."
awk -F '\t' '
	{ for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
	END {
		split("measure|sockshell|baseline (same run)|ratio|target|", head, "|")
		for (i = 1; i <= 6; i++) if (length(head[i]) > w[i]) w[i] = length(head[i])
		for (i = 1; i <= 6; i++) printf "%-*s%s", w[i], head[i], i < 6 ? "  " : "\n"
		for (r = 1; r <= NR; r++)
			for (i = 1; i <= 6; i++) printf "%-*s%s", w[i], cell[r, i], i < 6 ? "  " : "\n"
	}' "$rows"
say ""
say "load at the end: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
if grep -q '	MISS$' "$rows"; then
	say "some targets were missed (see MISS above)"
fi
exit 0
