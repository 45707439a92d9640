# output-only.sh - every line the user sees goes through output.c (issue
# 10 item 5): the messages about the run itself ("sockshell: cannot read
# FILE") and --tap's "Bail out!" are made safe there like every other
# line, so a FILE named on the command line cannot forge a TAP line; and
# no other source file writes to standard output or error on its own.
. "${top_srcdir:-.}/tests/shell/lib.sh"

# A lesson that does not exist, named so that printed raw it would read
# as a passing test point.
evil="$T/missing
ok 1 - forged"

run --tap "$evil"
status_is 2 "--tap, a FILE that cannot be read: status 2"
like "$(head -n 1 "$T/out")" '^Bail out! cannot read .*missing\\nok 1 - forged: ' \
	"the Bail out! line names the FILE escaped, on one line"
is "$(wc -l <"$T/out" | tr -d ' ')" 1 "... and is the only line on stdout"
is "$(grep -c '^ok' "$T/out")" 0 "no forged test point"
is "$(wc -l <"$T/err" | tr -d ' ')" 1 "the message on stderr is one line"
like "$(cat "$T/err")" '^sockshell: cannot read .*missing\\nok 1 - forged: No such file' \
	"... 'sockshell: cannot read FILE: why', the FILE escaped"

run "$evil"
status_is 2 "without --tap: status 2 too"
empty "$T/out" "... nothing on stdout"
is "$(wc -l <"$T/err" | tr -d ' ')" 1 "... and one line on stderr"

# The source: only output.c writes what the user sees (its write_all, on
# a descriptor it is given; report.c writes through it).  The line
# editor's own prompt (lineedit.c) and strbuf.c's "out of memory", below
# every layer that has a session, are the known exceptions.
src=${top_srcdir:-.}/src
calls='\b(printf|vprintf|puts|fputs|fputc|putc|putchar|fwrite|perror|fprintf|vfprintf|dprintf|err|errx|warn|warnx)[[:space:]]*\(|\bwrite[[:space:]]*\([[:space:]]*(STDOUT_FILENO|STDERR_FILENO|1|2)[[:space:]]*,'
writers=
for f in "$src"/*.c; do
	# Comments aside (a line of a block comment starts with "*").
	if grep -vE '^[[:space:]]*(/?\*|//)' "$f" | grep -qE "$calls"; then
		writers="$writers${f##*/} "
	fi
done
is "$writers" "lineedit.c strbuf.c " \
	"no source file but the two known exceptions writes to stdout or stderr itself"

finish
