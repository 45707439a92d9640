#!/bin/sh
# optvalue.sh - getsockopt shows the option's value with what it means
# (", value 1 (on)", "{on, 5 s}", seconds, the errno's message), while
# ${result} keeps the bare value that expect and variables use.
. "${top_srcdir:-.}/tests/shell/lib.sh"

run -c 'socket inet stream
getsockopt reuseaddr
setsockopt reuseaddr on
getsockopt reuseaddr
expect "1"
getsockopt linger
setsockopt linger 5
getsockopt linger
expect "5"
setsockopt rcvtimeo 2.5
getsockopt rcvtimeo
getsockopt type
getsockopt rcvbuf
socket inet stream
bind 127.0.0.1 0
socket inet stream
nonblock on
connect @4
sleep 0.2
getsockopt error
expect "ECONNREFUSED"'
status_is 0 "the options are read (status 0)"
has "$T/out" "SO_REUSEADDR) = 0, value 0 (off)" "an on/off option: its value and off"
has "$T/out" "SO_REUSEADDR) = 0, value 1 (on)" "  and on"
has "$T/out" "SO_LINGER) = 0, value {off}" "linger off"
has "$T/out" "SO_LINGER) = 0, value {on, 5 s}" "linger on, with its seconds"
has "$T/out" "SO_RCVTIMEO) = 0, value 2.5 s" "a time-out in seconds"
has "$T/out" "SO_TYPE) = 0, value SOCK_STREAM" "the type by its symbol"
like "$(cat "$T/out")" "SO_RCVBUF\) = 0, value [0-9]+$" "a number option: the number"
has "$T/out" "SO_ERROR) = 0, value ECONNREFUSED (Connection refused)" \
	"a pending error: its name and message"
hasnt "$T/out" ") = 0 0" "no bare '= 0 0' is left"

finish
