#!/bin/sh
# Abstract unix names (Linux): abstract:NAME in bind, connect, sendto and
# @N, shown so by getsockname, getpeername and status; the lesson in
# tests/data/abstract.sock checks the calls, this the shapes around it.
. "${top_srcdir:-.}/tests/shell/lib.sh"
case $(uname -s) in
Linux) ;;
*) skip_all "abstract unix names are Linux's" ;;
esac
lesson=$(test_file_path abstract.sock)

run --tap "$lesson" "$$"
status_is 0 "the lesson's expect lines hold"
has "$T/out" "bind(3, abstract:sockshell-$$-abstract) = 0" "bind shows abstract:NAME"
has "$T/out" "getsockname(3) = 0 abstract:sockshell-$$-abstract" "getsockname shows it"
has "$T/out" "connect(4, abstract:sockshell-$$-abstract) = 0" "@3 is handle 3's abstract name"
has "$T/out" "sendto(7, \"to a name\", 9, 0, abstract:sockshell-$$-abstract-dgram) = 9" \
	"sendto an abstract name"
hasnt "$T/out" "not ok" "no point failed"

run -c "socket unix dgram; bind abstract:sockshell-$$-st; status"
status_is 0 "status after an abstract bind"
like "$(grep '^\* 3' "$T/out")" "abstract:sockshell-$$-st" "status shows the local name as abstract:NAME"
ok "no file of that name was made" eval '! test -e "abstract:sockshell-$$-st"'

run -c 'socket unix dgram; bind "abstract:a b\x01"'
has "$T/out" 'bind(3, abstract:"a b\x01") = 0' "a name with a space or a control byte is shown quoted"

run -c "socket unix stream; bind abstract:"
status_is 1 "abstract: with no name is refused"
has "$T/err" "abstract unix name must be 1 to" "with a message that says how long one may be"
finish
