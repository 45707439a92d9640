#!/bin/sh
# fds.sh - running out of descriptors: with ulimit -n 20, socket after
# socket until EMFILE; each failure is shown, and the shell goes on.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

lesson many.sock '%s' ''
i=0
while test $i -lt 25; do
	echo 'socket inet stream' >>"$f"
	i=$((i + 1))
done
echo 'expect EMFILE' >>"$f"
# (valgrind's socketpair does not keep to the limit it sets)
if test -z "${SOCKSHELL_VALGRIND:-}"; then
	printf 'socketpair\nexpect EMFILE\n' >>"$f"
fi
cat >>"$f" <<'EOF'
socket inet dgram
echo still here
3 close
socket inet dgram
expect 3
status
EOF

$bound sh -c 'ulimit -n 20 && exec "$0" --tap "$1"' "$SOCKSHELL" "$f" </dev/null >"$T/out" 2>"$T/err"
status=$?
verdict 'ulimit -n 20: EMFILE, and the shell goes on' 0
# (valgrind keeps some of the 20 for itself)
if test -z "${SOCKSHELL_VALGRIND:-}"; then
	out_has 'socket(AF_INET, SOCK_STREAM, 0) = 19' 'descriptors up to 19 are handed out'
fi
out_has 'socket(AF_INET, SOCK_STREAM, 0) = -1 EMFILE (Too many open files)' 'then socket shows EMFILE'
if test -z "${SOCKSHELL_VALGRIND:-}"; then
	out_has 'socketpair(AF_UNIX, SOCK_STREAM, 0, ...) = -1 EMFILE' 'socketpair too'
fi
out_has '# still here' 'the script goes on after EMFILE'
out_has 'socket(AF_INET, SOCK_DGRAM, 0) = 3' 'a closed descriptor is used again'

# A file to source when every descriptor is taken.
lesson full.sock '%s' ''
i=0
while test $i -lt 17; do
	echo 'socket inet stream' >>"$f"
	i=$((i + 1))
done
printf 'source %s/many.sock\necho after\n' "$T" >>"$f"
$bound sh -c 'ulimit -n 20 && exec "$0" "$1"' "$SOCKSHELL" "$f" </dev/null >"$T/out" 2>"$T/err"
status=$?
verdict 'source with no descriptor left' 1 'full.sock:18: error: source: cannot read' 'Too many open files'
out_has after '... and the script goes on'

finish
