#!/bin/sh
# info_full.sh - --help and --version on a standard output that cannot
# be written (a full device): they say so and exit 1, as every run does,
# rather than exit 0 with the text lost.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

if ! test -w /dev/full; then
	skip_all 'no writable /dev/full here'
fi
for opt in --help --version; do
	$bound "$SOCKSHELL" $opt </dev/null >/dev/full 2>"$T/err"
	status=$?
	verdict "$opt on a full device" 1 'sockshell: cannot write standard output'
done
try --version
verdict '--version on a good stdout: status 0' 0
out_has 'sockshell' '... and the version is printed'

finish
