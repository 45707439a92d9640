#!/bin/sh
# manpage.sh - the manual agrees with the program: every command of the
# command table (as "help" lists it) has its entry in COMMANDS and every
# entry there is a command; "help NAME" explains each one; the options of
# --help and the man page's OPTIONS are the same set.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/doc/lib.sh"

bail_unless -x "$SOCKSHELL"
bail_unless -r "$MANPAGE"

# ---- commands ----

# "help" lists each command under its topic, indented four spaces.
help_out=$("$SOCKSHELL" -c help 2>&1)
help_rc=$?
table=$(printf '%s\n' "$help_out" | sed -n 's/^    \([a-z][a-z0-9_]*\).*/\1/p' | sort -u)
documented=$(man_items COMMANDS | awk '$2 == "Cm" { print $3 }' | sort -u)

if test "$help_rc" -eq 0 && test "$(printf '%s\n' "$table" | wc -l)" -ge 10; then
	pass "help lists the commands ($(printf '%s\n' "$table" | wc -l | tr -d ' ') of them)"
else
	fail "help lists the commands" "$help_out"
fi
if test -n "$documented"; then
	pass "the man page's COMMANDS section has .It Cm entries"
else
	fail "the man page's COMMANDS section has .It Cm entries"
fi

for c in $table; do
	if printf '%s\n' "$documented" | grep -qx "$c"; then
		pass "command $c has an entry in COMMANDS"
	else
		fail "command $c has an entry in COMMANDS" \
			"add '.It Cm $c ...' to a '.Bl -tag -width Ds' list of COMMANDS"
	fi
done
for c in $documented; do
	if printf '%s\n' "$table" | grep -qx "$c"; then
		pass "COMMANDS entry $c is a command"
	else
		fail "COMMANDS entry $c is a command" \
			"'.It Cm $c' is not in the command table (help does not list it)"
	fi
done

# ---- help NAME ----

for c in $table; do
	out=$("$SOCKSHELL" -c "help $c" 2>&1)
	rc=$?
	if test "$rc" -eq 0 && printf '%s\n' "$out" | grep -q '^    example: ' &&
	   printf '%s\n' "$out" | head -n 1 | grep -Eq "^$c( |\$)"; then
		pass "help $c explains $c, with an example"
	else
		fail "help $c explains $c, with an example" "exit $rc: $out"
	fi
done

# ---- options ----

# The option column of --help: each line that starts with an option,
# up to the first run of two blanks, which begins the description.
usage=$("$SOCKSHELL" --help 2>&1)
usage_rc=$?
offered=$(printf '%s\n' "$usage" | awk '
	/^ +-/ {
		sub(/^ +/, "")
		sub(/  .*/, "")
		n = split($0, w, /[ ,]+/)
		for (i = 1; i <= n; i++)
			if (w[i] ~ /^--?[A-Za-z]/)
				print w[i]
	}' | sort -u)
# The options of the man page: each "Fl X" of an .It line of OPTIONS.
manopts=$(man_items OPTIONS | awk '{
	for (i = 2; i < NF; i++)
		if ($i == "Fl")
			print "-" $(i + 1)
	}' | sed 's/[,.;]$//' | sort -u)

if test "$usage_rc" -eq 0 && test -n "$offered"; then
	pass "--help lists options ($(printf '%s\n' "$offered" | wc -l | tr -d ' ') of them)"
else
	fail "--help lists options" "$usage"
fi
for o in $offered; do
	if printf '%s\n' "$manopts" | grep -qx -e "$o"; then
		pass "option $o is in OPTIONS"
	else
		fail "option $o is in OPTIONS" "add it to an .It line of OPTIONS"
	fi
done
for o in $manopts; do
	if printf '%s\n' "$offered" | grep -qx -e "$o"; then
		pass "OPTIONS entry $o is in --help"
	else
		fail "OPTIONS entry $o is in --help" "--help does not offer $o"
	fi
done

# The synopsis offers the same options: every flag the SYNOPSIS names.
synopsis=$(awk '/^\.Sh SYNOPSIS/ { s = 1; next } /^\.Sh / { s = 0 } s' "$MANPAGE")
for o in $(printf '%s\n' "$synopsis" | awk '{
	for (i = 1; i < NF; i++)
		if ($i == "Fl") {
			f = $(i + 1)
			if (f ~ /^-/)
				print "-" f
			else
				for (k = 1; k <= length(f); k++)
					print "-" substr(f, k, 1)
		}
	}' | sort -u); do
	if printf '%s\n' "$offered" | grep -qx -e "$o"; then
		pass "SYNOPSIS flag $o is in --help"
	else
		fail "SYNOPSIS flag $o is in --help"
	fi
done

# expect's forms and the variables each call sets: named alike by help and
# the manual.
help_expect=$("$SOCKSHELL" -c 'help expect' 2>&1)
help_set=$("$SOCKSHELL" -c 'help set' 2>&1)
for form in '<N' '>=N' '!=N' eof ok timeout truncated ECONNREFUSED EAI_NONAME; do
	if printf '%s\n' "$help_expect" | grep -F -q -e "$form"; then
		pass "help expect names $form"
	else
		fail "help expect names $form"
	fi
done
for form in truncated timeout; do
	if grep -q "^\.It Cm $form\$" "$MANPAGE"; then
		pass "the manual's expect forms include $form"
	else
		fail "the manual's expect forms include $form"
	fi
done
for v in rc errno data result; do
	if printf '%s\n' "$help_set" | grep -F -q "\${$v}" && grep -F -q ".It Li \${$v}" "$MANPAGE"; then
		pass "\${$v} is in help set and in the manual"
	else
		fail "\${$v} is in help set and in the manual"
	fi
done

finish
