#!/bin/sh
# save_full.sh - save whose write(2) fails after the file opened (a full
# device): an error naming the reason, status 1, and the shell goes on.
. "${top_srcdir:-.}/tests/hostile/lib.sh"

cd "$T" || exit 1

if test -w /dev/full; then
	try -c "socketpair; save -f /dev/full; echo after"
	verdict 'save on a full device' 1 'save: cannot write /dev/full: No space left on device'
	out_has after '... and the command line goes on'
else
	skip 'save on a full device' 'no writable /dev/full here'
fi
try -c "socketpair; save $T/new.sock; save $T/new.sock"
verdict 'save over an existing file without -f' 1 "save: $T/new.sock exists (save -f"
ok '... the first save wrote the file' test -s "$T/new.sock"

finish
