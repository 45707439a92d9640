# fds.sh - handles are descriptors, and a fresh shell's first socket is 3:
# even when it inherits other descriptors, and while it reads a lesson.
. "${top_srcdir:-.}/tests/shell/lib.sh"

run -c 'socket inet stream; socket inet dgram'
has "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 3' "the first socket is 3"
has "$T/out" 'socket(AF_INET, SOCK_DGRAM, 0) = 4' "the second is 4"

run -c 'socket inet stream' 3</dev/null 4</dev/null 7</dev/null
has "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 3' "with 3, 4 and 7 inherited, the first socket is still 3"
run -c 'socket inet stream; socket inet stream; socket inet stream; socket inet stream; socket inet stream' \
	3</dev/null 4</dev/null 7</dev/null
has "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 7' "  and the fifth is 7: nothing inherited stays open"

printf '%s\n' 'socket inet stream' 'socket unix dgram' >"$T/two.sock"
run "$T/two.sock" 3</dev/null 5</dev/null
has "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 3' "a lesson file: its first socket is 3 (the file is not held open)"
has "$T/out" 'socket(AF_UNIX, SOCK_DGRAM, 0) = 4' "a lesson file: its second socket is 4"

run -c "source $T/two.sock" 3</dev/null
has "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 3' "source: the sourced file's first socket is 3"

run_in 'socket inet stream
' 3</dev/null
has "$T/out" 'socket(AF_INET, SOCK_STREAM, 0) = 3' "a script on stdin: the first socket is 3"

run -c 'socketpair' 3</dev/null 4</dev/null
has "$T/out" 'socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0' "socketpair: handles 3 and 4"

run -c 'socket inet stream; close; socket inet dgram'
has "$T/out" 'close(3) = 0' "close frees handle 3"
has "$T/out" 'socket(AF_INET, SOCK_DGRAM, 0) = 3' "  and the next socket is 3 again"

# The current handle: socket makes the new one current, close falls back
# to the most recently used open one.
run -x -c 'socket inet stream
socket inet stream
socket inet stream
3
5 close
close
close
status'
has "$T/out" 'sockshell[3]> 5 close' "a bare number selects a handle"
has "$T/out" 'sockshell[3]> close' "after 5 close, the most recently used (3) is current"
has "$T/out" 'close(4) = 0' "  then 4"
has "$T/out" 'no open handles' "  and then none are left"
has "$T/out" 'sockshell> status' "with none open the prompt shows no handle"

finish
