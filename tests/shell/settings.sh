# settings.sh - set's settings read keywords.c's words whatever way the
# value was written: from a variable, quoted, or as a synonym of on/off;
# a misspelt value is refused; a quoted setting name is a variable.
. "${top_srcdir:-.}/tests/shell/lib.sh"

run -c 'set MODE hex; set display ${MODE}; set'
status_is 0 "set display \${MODE}: status 0"
has "$T/out" 'display hex' '  the mode came from the variable'
run -c "set display 'both'; set"
has "$T/out" 'display both' "set display 'both': a quoted mode"
run -c 'set E yes; set errexit ${E}; set'
has "$T/out" 'errexit on' 'set errexit ${E} with E=yes: on'
run -c 'set echo true; set echo 0; set'
has "$T/out" 'echo off' 'set echo true, then 0: off'
run -c 'set display hexx'
status_is 2 "set display hexx: status 2"
has "$T/err" "set display: unknown mode 'hexx'" '  the --check message'
run -c "set 'echo' on; echo \${echo}"
status_is 0 "set 'echo' on: a variable, not the setting"
has "$T/out" 'on' '  ${echo} holds on'

finish
