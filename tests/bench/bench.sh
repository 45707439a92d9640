#!/bin/sh
# bench.sh - "make bench": how fast sockshell is, beside baselines measured
# in the same run, as a table of medians with the ratio and PASS or MISS
# against each target.
#
# Run by "make bench", which sets SOCKSHELL, CC, CFLAGS, PYTHON3, MAKE,
# top_builddir and top_srcdir.  Settings (environment):
#
#   BENCH_N=7           runs per measurement (the median is shown)
#   BENCH_HEAVY_N=3     runs of the long ones (drain, accept, slow status)
#   BENCH_CALLS=100000  send/recv pairs in the per-call lesson
#   BENCH_BULK_MB=256   MiB sent in the bulk test (1 MiB per send)
#   BENCH_DRAIN_MB=1024 MiB read by drain (and by socat beside it)
#   BENCH_ACCEPTS=3000  connections accepted from the outside client
#   BENCH_PTY_CMDS=1000000  commands typed at a pty for the memory figure
#   BENCH_CHECK=yes     also time "make check" once (slow; off by default)
#
# The commands compared in a row are timed in turns, run after run, so a
# change of load falls on both.  Times are wall-clock medians; the per-call
# row is also given in CPU time and in instructions (counted by valgrind),
# which a busy machine disturbs less.  Every command timed runs in a clean
# environment (PATH only, timeit -E), and Python runs with -I, so that
# PYTHONUNBUFFERED, site imports or NO_COLOR do not change the figures.
#
# Everything runs on loopback, on ports the kernel chooses; every wait is
# bounded (timeit kills a run that hangs, the sink, the source and the
# client give up when idle), and the scratch directory is removed at the
# end.  The exit status is 0 whatever was measured: "make bench" reports,
# it does not test.

set -u

: "${SOCKSHELL:?SOCKSHELL must name the built sockshell}"
CC=${CC:-cc}
CFLAGS=${CFLAGS:--O2}
PYTHON3=${PYTHON3:-python3}
MAKE=${MAKE:-make}
top_builddir=${top_builddir:-.}
here=$(cd "$(dirname "$0")" && pwd)

N=${BENCH_N:-7}
HN=${BENCH_HEAVY_N:-3}
[ "$HN" -le "$N" ] || HN=$N
CALLS=${BENCH_CALLS:-100000}
BULK_MB=${BENCH_BULK_MB:-256}
DRAIN_MB=${BENCH_DRAIN_MB:-1024}
ACCEPTS=${BENCH_ACCEPTS:-3000}
PTY_CMDS=${BENCH_PTY_CMDS:-1000000}
CHECK=${BENCH_CHECK:-no}

work=$(mktemp -d "${TMPDIR:-/tmp}/sockshell-bench.XXXXXX") || exit 1
sink_pid=
feed_pid=
cleanup() {
	for p in $sink_pid $feed_pid; do
		kill "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }
# bounded SECONDS CMD...: run CMD, killed after SECONDS when timeout(1)
# is there (every wait of the bench has a bound).
if command -v timeout > /dev/null 2>&1; then
	bounded() { timeout "$@"; }
else
	bounded() { shift; "$@"; }
fi
# note TEXT: a line for the checks printed under the table.
note() { printf '%s\n' "$*" >> "$work/notes"; }
: > "$work/notes"

# ---- helpers, built here with the compiler and flags of the build ----

for prog in timeit floor discard feed connector; do
	# shellcheck disable=SC2086
	if ! $CC $CFLAGS -o "$work/$prog" "$here/$prog.c"; then
		warn "cannot build $prog.c with $CC"
		exit 1
	fi
done
TIMEIT=$work/timeit

# measure "VAR..." TIMEIT-ARGS...: time the commands (separated by ":::",
# run in turns, so that a change of load falls on all of them alike), each
# in a clean environment.
# timeit prints a line per command: median min max peak_rss_kib
# median_cpu.  Sets VAR_t (median wall seconds), VAR_rss (KiB) and VAR_cpu
# (median CPU seconds) for each command's VAR, or all three to - on failure.
measure() {
	vars=$1
	shift
	if out=$("$TIMEIT" -E "$@"); then
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
say "baselines: python3 -I ${py:-missing}; socat $(socat -V 2>/dev/null | sed -n 's/^socat version \([^ ]*\).*/\1/p')${CC:+; C floor built with $CC $CFLAGS}"
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
	measure "ss pys" -n "$N" -k 20 -t 60 -- "$SOCKSHELL" -c quit ::: "$py" -I -c 'import socket'
else
	measure ss -n "$N" -k 20 -t 60 -- "$SOCKSHELL" -c quit
	pys_t=- pys_rss=-
fi
if [ "$ss_t" != - ] && [ "$pys_t" != - ]; then
	r=$(calc 'b / a' "$ss_t" "$pys_t")
	row "start-up: sockshell -c quit" "$(fmt %.2f 'a * 1000' "$ss_t") ms" \
		"python3 -I -c 'import socket' $(fmt %.1f 'a * 1000' "$pys_t") ms" \
		"$(fmt %.1f 'a' "$r")x faster" ">= 20x faster" "$(verdict "$(calc 'a >= 20' "$r")")"
else
	row "start-up: sockshell -c quit" "${ss_t}" "python3: ${pys_t}" "-" ">= 20x faster" "n/a"
fi

# Does a run with no prompt load the line editor?  The dynamic loader
# says what it maps (glibc's LD_DEBUG); ldd says what the program needs.
objs=$(bounded 60 env -i PATH="$PATH" LD_DEBUG=files "$SOCKSHELL" -c quit 2>&1 >/dev/null |
	sed -n 's/.*file=\([^ ]*\) .*needed by.*/\1/p' | sort -u)
if [ -n "$objs" ]; then
	nobj=$(printf '%s\n' "$objs" | wc -l | tr -d ' ')
	if printf '%s\n' "$objs" | grep -q readline; then rl=yes; else rl=no; fi
	row "start-up: -c quit loads readline" "$rl ($nobj shared objects)" \
		"$(printf '%s\n' "$objs" | sed 's/\.so.*//' | tr '\n' ' ' | sed 's/ $//')" "-" \
		"no (prompt only)" "$(verdict "$(test $rl = no && echo 1)")"
elif ldd "$SOCKSHELL" 2>/dev/null | grep -q readline; then
	row "start-up: -c quit loads readline" "linked (ldd)" "-" "-" "no (prompt only)" "n/a"
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
bounded 60 "$SOCKSHELL" "$work/pairs1k.sock" > "$work/ss1k.out" 2>&1
bounded 60 "$work/floor" 1000 > "$work/floor1k.out" 2>&1
if cmp -s "$work/ss1k.out" "$work/floor1k.out"; then
	note "per call: the C floor's output for 1,000 pairs is byte-identical to sockshell's (cmp)"
else
	note "per call: the C floor's output DIFFERS from sockshell's (cmp): not like for like"
	warn "the C floor's trace differs from sockshell's: the comparison is not like for like"
fi
if [ -n "$py" ]; then
	bounded 60 env -i PATH="$PATH" "$py" -I "$here/pycall.py" 1000 > "$work/py1k.out" 2>&1
	if cmp -s "$work/ss1k.out" "$work/py1k.out"; then
		note "per call: the Python script's output is byte-identical to sockshell's (cmp)"
	else
		note "per call: the Python script's output DIFFERS from sockshell's (cmp)"
	fi
fi

if [ -n "$py" ]; then
	measure "pc fl pyc" -n "$N" -t 300 -- "$SOCKSHELL" "$pairs" ::: "$work/floor" "$CALLS" \
		::: "$py" -I "$here/pycall.py" "$CALLS"
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
		"python3 -I $(fmt %.2f 'a * 1e6 / b' "$pyc_t" "$CALLS") us/pair" \
		"$(fmt %.1f 'b / a' "$pc_t" "$pyc_t")x faster" "-" "info"
fi

# Instructions per pair, counted by valgrind (cachegrind without the cache
# model) on 10,000 pairs less a lesson with none: the same on a quiet or a
# busy machine.
gen_pairs 10000 "$work/pairs10k.sock"
echo 'socketpair' > "$work/pairs0.sock"
# insns CMD...: the instructions CMD executes, or nothing.
insns() {
	bounded 300 env -i PATH="$PATH" valgrind --tool=cachegrind --cache-sim=no \
		--cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		awk '/I +refs:/ { gsub(",", "", $NF); print $NF }'
}
if command -v valgrind > /dev/null 2>&1; then
	a=$(insns "$SOCKSHELL" "$work/pairs10k.sock")
	b=$(insns "$SOCKSHELL" "$work/pairs0.sock")
	c=$(insns "$work/floor" 10000)
	d=$(insns "$work/floor" 0)
	if [ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ -n "$d" ]; then
		ia=$(calc '(a - b) / 10000' "$a" "$b")
		if_=$(calc '(a - b) / 10000' "$c" "$d")
		row "per call: instructions per pair" "$(fmt %.0f a "$ia")" "C floor $(fmt %.0f a "$if_")" \
			"$(fmt %.2f 'a / b' "$ia" "$if_")x floor" "-" "info"
	fi
fi

# System calls per pair, counted by strace on a short lesson (repeatable
# where timings are not).  The floor makes two, and a write per 64 KiB.
if command -v strace > /dev/null 2>&1; then
	a=$(bounded 300 strace -f -c -o "$work/s1" "$SOCKSHELL" "$work/pairs10k.sock" > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s1")
	b=$(bounded 300 strace -f -c -o "$work/s2" "$SOCKSHELL" "$work/pairs0.sock" > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s2")
	c=$(bounded 300 strace -f -c -o "$work/s3" "$work/floor" 10000 > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s3")
	d=$(bounded 300 strace -f -c -o "$work/s4" "$work/floor" 0 > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s4")
	sf=
	if [ -n "$a" ] && [ -n "$b" ] && [ -n "$c" ] && [ -n "$d" ]; then
		sa=$(fmt %.2f '(a - b) / 10000' "$a" "$b")
		sf=$(fmt %.2f '(a - b) / 10000' "$c" "$d")
		row "per call: system calls per pair" "$sa" "C floor $sf" \
			"$(fmt %.2f 'a / b' "$sa" "$sf")x floor" "<= floor" \
			"$(verdict "$(calc 'a <= b' "$sa" "$sf")")"
	fi
	# The same lesson read from stdin (sockshell -): a script on stdin
	# flushes only before a read that can block (issue 10).
	a=$(bounded 300 strace -f -c -o "$work/s5" "$SOCKSHELL" - < "$work/pairs10k.sock" > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s5")
	b=$(bounded 300 strace -f -c -o "$work/s6" "$SOCKSHELL" - < "$work/pairs0.sock" > /dev/null 2>&1 &&
		awk '/ total$/ { print $(NF - 2) }' "$work/s6")
	if [ -n "$a" ] && [ -n "$b" ] && [ -n "$sf" ]; then
		sa=$(fmt %.2f '(a - b) / 10000' "$a" "$b")
		row "  the same, lesson on stdin" "$sa" "C floor $sf" \
			"$(fmt %.2f 'a / b' "$sa" "$sf")x floor" "<= floor" \
			"$(verdict "$(calc 'a <= b' "$sa" "$sf")")"
	fi
fi

# ---- 3. bulk: MiB over loopback TCP into a sink ----

bytes=$((BULK_MB * 1048576))
bulk=$work/bulk.sock
awk -v n="$BULK_MB" 'BEGIN {
	print "# " n " MiB over loopback TCP, 1 MiB per send"
	print "socket inet stream"
	print "connect 127.0.0.1 ${1}"
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
	if command -v socat > /dev/null 2>&1; then
		measure "bk so" -n "$N" -t 120 -- "$SOCKSHELL" "$bulk" "$port" ::: socat -u -b 1048576 \
			"OPEN:/dev/zero,readbytes=$bytes" "TCP:127.0.0.1:$port"
	else
		measure bk -n "$N" -t 120 -- "$SOCKSHELL" "$bulk" "$port"
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

# ---- 4. drain: a GiB over loopback TCP, beside socat ----

# The source sends each connection DRAIN_MB MiB of a-z and closes it; the
# lesson reads with a plain "drain" (4096 bytes a call, a trace line each)
# and socat copies the same bytes to its stdout; both write to /dev/null.
dbytes=$((DRAIN_MB * 1048576))
printf '%s\n' "# drain $DRAIN_MB MiB from the source on 127.0.0.1 port \$1" \
	'socket inet stream' 'connect 127.0.0.1 ${1}' 'drain' > "$work/drain.sock"
"$work/feed" "$work/fport" "$dbytes" 30 &
feed_pid=$!
i=0
while [ ! -s "$work/fport" ] && [ $i -lt 100 ]; do
	sleep 0.1 2>/dev/null || sleep 1
	i=$((i + 1))
done
fport=$(cat "$work/fport" 2>/dev/null)
dr_t=- ds_t=-
if [ -z "$fport" ]; then
	warn "the source did not start"
elif ! command -v socat > /dev/null 2>&1; then
	warn "no socat: skipping the drain comparison"
else
	# Once, untimed: did every byte arrive, for both?
	got=$(bounded 300 "$SOCKSHELL" -t 300 "$work/drain.sock" "$fport" 2>&1 | tail -n 1)
	case $got in
	*"= $dbytes bytes in "*) note "drain: sockshell read all $dbytes bytes ($got)" ;;
	*) note "drain: sockshell did NOT read all $dbytes bytes: $got" ;;
	esac
	got=$(bounded 300 socat -u "TCP:127.0.0.1:$fport" STDOUT 2>/dev/null | wc -c | tr -d ' ')
	[ "$got" = "$dbytes" ] || note "drain: socat read $got bytes, not $dbytes"
	measure "dr ds" -n "$HN" -t 300 -- "$SOCKSHELL" -t 300 "$work/drain.sock" "$fport" \
		::: socat -u "TCP:127.0.0.1:$fport" STDOUT
fi
if [ "$dr_t" != - ] && [ "$ds_t" != - ]; then
	r=$(calc 'a / b' "$dr_t" "$ds_t")
	row "drain: $DRAIN_MB MiB over loopback TCP" "$(fmt %.2f a "$dr_t") s" \
		"socat -u TCP:... STDOUT $(fmt %.2f a "$ds_t") s" "$(fmt %.2f a "$r")x socat" \
		"<= 2.00x socat" "$(verdict "$(calc 'a <= 2' "$r")")"
	row "  CPU time for the drain" "$(fmt %.2f a "$dr_cpu") s" "socat $(fmt %.2f a "$ds_cpu") s" \
		"$(fmt %.2f 'a / b' "$dr_cpu" "$ds_cpu")x socat" "-" "info"
	row "  peak RSS during the drain" "$(fmt %.1f 'a / 1024' "$dr_rss") MiB" \
		"socat $(fmt %.1f 'a / 1024' "$ds_rss") MiB" \
		"$(fmt %.2f 'a / b' "$dr_rss" "$ds_rss")x socat" "< 32 MiB (O(1))" \
		"$(verdict "$(calc 'a < 32768' "$dr_rss")")"
elif [ -n "$fport" ]; then
	row "drain: $DRAIN_MB MiB over loopback TCP" "$dr_t" "socat: $ds_t" "-" "<= 2.00x socat" "n/a"
fi
if [ -n "$feed_pid" ]; then
	kill "$feed_pid" 2>/dev/null
	wait "$feed_pid" 2>/dev/null
	feed_pid=
fi

# ---- 5. accept: connections from an outside client ----

# The connector starts the server, finds its port in the getsockname line,
# connects ACCEPTS times and keeps every connection open; the server
# accepts them all (and keeps them).  sockshell is timed with ACCEPTS and
# with a third as many, to see that the cost grows linearly (3x), not as
# the square (9x); the C floor does the same accepts.
acc1=$((ACCEPTS / 3))
# gen_accepts N FILE: a lesson that accepts N connections.
gen_accepts() {
	awk -v n="$1" 'BEGIN {
		print "# " n " connections accepted from an outside client"
		print "socket inet stream"
		print "bind 127.0.0.1 0"
		print "listen 4096"
		print "getsockname"
		for (i = 0; i < n; i++)
			print "3 accept"
	}' > "$2"
}
gen_accepts "$ACCEPTS" "$work/acc.sock"
gen_accepts "$acc1" "$work/acc1.sock"
C=$work/connector
measure "aa ab af" -n "$HN" -t 300 -- \
	"$C" "$ACCEPTS" "$work/acc.out" 120 -- "$SOCKSHELL" -t 120 "$work/acc.sock" \
	::: "$C" "$acc1" "$work/acc1.out" 120 -- "$SOCKSHELL" -t 120 "$work/acc1.sock" \
	::: "$C" "$ACCEPTS" "$work/accf.out" 120 -- "$work/floor" accept "$ACCEPTS"
if [ "$aa_t" != - ] && [ "$af_t" != - ]; then
	na=$(grep -c '^accept(3) = [0-9]* from 127\.0\.0\.1:' "$work/acc.out")
	nf=$(grep -c '^accept(3) = [0-9]* from 127\.0\.0\.1:' "$work/accf.out")
	note "accept: sockshell traced $na accepts, the C floor $nf (of $ACCEPTS)"
	row "accept: $ACCEPTS from an outside client" "$(fmt %.1f 'a * 1000' "$aa_t") ms" \
		"C floor $(fmt %.1f 'a * 1000' "$af_t") ms" \
		"$(fmt %.2f 'a / b' "$aa_t" "$af_t")x floor" "-" "info"
	row "  growth from $acc1 to $ACCEPTS accepts" "$(fmt %.2f 'a / b' "$aa_t" "$ab_t")x" \
		"linear 3x, quadratic 9x" "-" "<= 4x (linear)" \
		"$(verdict "$(calc 'a / b <= 4' "$aa_t" "$ab_t")")"
else
	row "accept: $ACCEPTS from an outside client" "$aa_t" "floor: $af_t" "-" "-" "n/a"
fi

# status_ms SCENE OUT: the milliseconds one "status" takes after the lesson
# SCENE, as the difference between SCENE alone and SCENE with R statuses
# more; R is 10 (N runs), or 1 (HEAVY_N runs) when a first try shows a
# status slower than 0.2 s.  The first try's output is left in OUT.
# Prints - when a measurement failed.
status_ms() {
	cp "$1" "$work/st1.sock"
	echo status >> "$work/st1.sock"
	measure "p0 p1" -n 1 -t 300 -o "$2" -- "$SOCKSHELL" "$1" ::: "$SOCKSHELL" "$work/st1.sock"
	if [ "$p0_t" = - ] || [ "$p1_t" = - ]; then
		echo -
		return
	fi
	rounds=10 runs=$N
	if [ "$(calc 'b - a > 0.2' "$p0_t" "$p1_t")" = 1 ]; then
		rounds=1 runs=$HN
	fi
	cp "$1" "$work/stR.sock"
	i=0
	while [ $i -lt $rounds ]; do
		echo status >> "$work/stR.sock"
		i=$((i + 1))
	done
	measure "q0 q1" -n "$runs" -t 600 -- "$SOCKSHELL" "$1" ::: "$SOCKSHELL" "$work/stR.sock"
	if [ "$q0_t" = - ] || [ "$q1_t" = - ]; then
		echo -
		return
	fi
	calc '(b - a) / c * 1000' "$q0_t" "$q1_t" "$rounds"
}

# ---- 6. memory, and status with 1,000 handles ----

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
	row "peak RSS: echo lesson (bench's)" "$ec_rss KiB" "python3 -I -c 'import socket' $pys_rss KiB" \
		"$(fmt %.2f 'a / b' "$ec_rss" "$pys_rss")x python3" "< 4096 KiB" \
		"$(verdict "$(calc 'a < 4096' "$ec_rss")")"
else
	row "peak RSS: echo lesson (bench's)" "$ec_rss KiB" "python3: $pys_rss" "-" "< 4096 KiB" \
		"$(if [ "$ec_rss" != - ]; then verdict "$(calc 'a < 4096' "$ec_rss")"; else echo n/a; fi)"
fi

if [ "$ex_rss" != - ]; then
	row "peak RSS: examples/echo.sock" "$ex_rss KiB" "python3 -I -c 'import socket' $pys_rss KiB" \
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
	rows_shown=$(bounded 300 "$SOCKSHELL" "$work/h1000s.sock" 2>/dev/null | grep -c '^[ *] [0-9]')
	[ "$rows_shown" -eq 10000 ] || warn "status showed $rows_shown rows, not 10 x 1000"
	if [ "$hn_rss" != - ] && [ "$ss_rss" != - ]; then
		row "peak RSS: 1,000 open sockets" "$hn_rss KiB" "sockshell -c quit $ss_rss KiB" \
			"+$(fmt %.2f '(a - b) / 1000' "$hn_rss" "$ss_rss") KiB/handle" "-" "info"
	fi
	if [ "$hn_t" != - ] && [ "$hs_t" != - ] && [ "$fn_t" != - ] && [ "$fs_t" != - ]; then
		st=$(calc '(b - a) / 10 * 1000' "$hn_t" "$hs_t")
		ft=$(calc '(b - a) / 10 * 1000' "$fn_t" "$fs_t")
		row "status: 1,000 handles, mixed" "$(fmt %.2f a "$st") ms" "C floor $(fmt %.2f a "$ft") ms" \
			"$(fmt %.2f 'a / b' "$st" "$ft")x floor" "< 20 ms" \
			"$(verdict "$(calc 'a < 20' "$st")")"
	fi

	# 1,000 fresh TCP sockets (never connected: no port), and a listener
	# with 500 finished connections, both ends shut down and closed by
	# the peer (1,001 handles, all in state CLOSE but the listener).
	awk 'BEGIN {
		print "# 1000 fresh TCP sockets"
		for (i = 0; i < 1000; i++)
			print "socket inet stream"
	}' > "$work/fresh.sock"
	awk 'BEGIN {
		print "# a listener and 500 finished connections, both ends"
		print "socket inet stream"
		print "bind 127.0.0.1 0"
		print "listen 4096"
		for (i = 0; i < 500; i++) {
			print "socket inet stream"
			print "connect @3"
			print "3 accept"
			print "shutdown wr"
			print (4 + 2 * i) " shutdown wr"
		}
		print "sleep 0.1"
	}' > "$work/finished.sock"
	for scene in fresh:1000 finished:1001; do
		name=${scene%%:*} want=${scene#*:}
		ms=$(status_ms "$work/$name.sock" "$work/$name.out")
		shown=$(grep -c '^[ *] [0-9]' "$work/$name.out" 2>/dev/null)
		[ "$shown" = "$want" ] || note "status: $name: $shown rows shown, not $want"
		case $name in
		fresh) label="status: 1,000 fresh TCP sockets" ;;
		*) label="status: 1,001 finished TCP handles" ;;
		esac
		if [ "$ms" != - ]; then
			row "$label" "$(fmt %.2f a "$ms") ms" "-" "-" "< 20 ms" \
				"$(verdict "$(calc 'a < 20' "$ms")")"
		else
			row "$label" "-" "-" "-" "< 20 ms" "n/a"
		fi
	done
else
	warn "ulimit -n is $nofile: skipping the 1,000-handle measurements"
fi

# ---- 7. memory after many commands at a terminal ----

# sockshell at a pty (its prompt, line editor, history and the journal
# for "save" all at work), typed PTY_CMDS commands as fast as it reads
# them: a socketpair, then 16-byte sends and recvs in turn.  Its peak RSS
# beside the same after 1,000 commands shows what a long session keeps.
# gen_typed N FILE: N commands.
gen_typed() {
	awk -v n="$1" 'BEGIN {
		print "socketpair"
		for (i = 1; i < n; i++)
			print (i % 2 ? "3 send \"0123456789abcdef\"" : "4 recv 16")
	}' > "$2"
}
# typed N: "peak_rss_kib seconds lines" after N commands at a pty, or "-".
typed() {
	gen_typed "$1" "$work/typed.txt"
	rm -rf "$work/home"
	mkdir "$work/home"
	env -i PATH="$PATH" HOME="$work/home" TERM=dumb NO_COLOR=1 \
		SOCKSHELL_HISTORY="$work/home/history" \
		"$py" -I "$here/ptyfeed.py" "$work/typed.txt" 900 "$SOCKSHELL" 2>/dev/null || echo -
}
if [ -n "$py" ]; then
	set -- $(typed 1000)
	t1_rss=${1:--}
	set -- $(typed "$PTY_CMDS")
	tm_rss=${1:--} tm_s=${2:--}
	if [ "$t1_rss" != - ] && [ "$tm_rss" != - ]; then
		row "peak RSS: $PTY_CMDS commands at a pty" "$tm_rss KiB" "1000 commands $t1_rss KiB" \
			"+$(fmt %.1f '(a - b) * 1024 / (c - 1000)' "$tm_rss" "$t1_rss" "$PTY_CMDS") B/command" \
			"- (bounded)" "info"
		note "pty: $PTY_CMDS commands typed and run in $(fmt %.1f a "$tm_s") s"
	else
		row "peak RSS: $PTY_CMDS commands at a pty" "$tm_rss" "1000 commands: $t1_rss" "-" \
			"- (bounded)" "n/a"
	fi
fi

# ---- 8. the suite ----

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
say "checks:"
sed 's/^/  /' "$work/notes"
say ""
say "load at the end: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo '?')"
if grep -q '	MISS$' "$rows"; then
	say "some targets were missed (see MISS above)"
fi
exit 0
