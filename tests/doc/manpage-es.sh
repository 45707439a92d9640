#!/bin/sh
# manpage-es.sh - the Spanish manual (man/es/sockshell.1) agrees with the
# program and with the English manual: every command of the command table
# has its entry in COMANDOS and every entry there is a command, in the same
# order as COMMANDS of the English page; the options of --help and of
# OPCIONES are the same set; the sections are the English page's, each by
# its Spanish name, and the subsections as many; the file is UTF-8 with
# the coding line preconv reads.  A command added to the English page and
# not to the Spanish one fails here.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/doc/lib.sh"

bail_unless -x "$SOCKSHELL"
bail_unless -r "$MANPAGE"
bail_unless -r "$MANPAGE_ES"

# ---- encoding ----

if iconv -f UTF-8 -t UTF-8 "$MANPAGE_ES" >/dev/null 2>&1; then
	pass "the Spanish page is valid UTF-8"
else
	fail "the Spanish page is valid UTF-8"
fi
is "$(head -n 1 "$MANPAGE_ES")" '.\" -*- coding: utf-8 -*-' \
	"its first line tells preconv (man-db) the coding"
like "$(sed -n 's/^\.Dt //p' "$MANPAGE_ES")" '^SOCKSHELL 1$' ".Dt SOCKSHELL 1"

# ---- sections: the English page's, each by its Spanish name ----

# English heading -> the Spanish page's (the names of Debian's Spanish
# manuals).  A section added to the English page needs a line here and
# its translation.
sec_es() {
	case $1 in
	NAME) echo NOMBRE ;;
	SYNOPSIS) echo SINOPSIS ;;
	DESCRIPTION) echo DESCRIPCIÓN ;;
	OPTIONS) echo OPCIONES ;;
	"THE LANGUAGE") echo "EL LENGUAJE" ;;
	OUTPUT) echo SALIDA ;;
	COMMANDS) echo COMANDOS ;;
	"LESSON FILES") echo "ARCHIVOS DE LECCIÓN" ;;
	"BLOCKING, SIGNALS AND TIME-OUTS")
		echo "BLOQUEO, SEÑALES Y TIEMPOS DE ESPERA" ;;
	ENVIRONMENT) echo ENTORNO ;;
	FILES) echo ARCHIVOS ;;
	"EXIT STATUS") echo "ESTADO DE SALIDA" ;;
	EXAMPLES) echo EJEMPLOS ;;
	"SEE ALSO") echo "VÉASE TAMBIÉN" ;;
	CAVEATS) echo ADVERTENCIAS ;;
	"SECURITY CONSIDERATIONS") echo "ASPECTOS DE SEGURIDAD" ;;
	AUTHORS) echo AUTORES ;;
	BUGS) echo FALLOS ;;
	*) echo "(no Spanish name for $1 in tests/doc/manpage-es.sh)" ;;
	esac
}
headings() {
	sed -n "s/^\.$1 //p" "$2" | sed 's/"//g'
}
want=$(headings Sh "$MANPAGE" | while IFS= read -r s; do sec_es "$s"; done)
is "$(headings Sh "$MANPAGE_ES")" "$want" \
	"the Spanish sections are the English ones, in order"
is "$(headings Ss "$MANPAGE_ES" | wc -l | tr -d ' ')" \
	"$(headings Ss "$MANPAGE" | wc -l | tr -d ' ')" \
	"as many subsections as the English page"
is "$(grep -c '^\.Bl' "$MANPAGE_ES")" "$(grep -c '^\.Bl' "$MANPAGE")" \
	"as many lists as the English page"
is "$(grep -c '^\.Bd' "$MANPAGE_ES")" "$(grep -c '^\.Bd' "$MANPAGE")" \
	"as many displays (examples) as the English page"
# Every example display the same, line for line, as in English.
displays() {
	awk '/^\.Bd -literal/ { d = 1; next } /^\.Ed/ { d = 0; next } d' "$1"
}
if test "$(displays "$MANPAGE_ES")" = "$(displays "$MANPAGE")"; then
	pass "every example display is the English one, unchanged"
else
	fail "every example display is the English one, unchanged" \
		"$(displays "$MANPAGE" >"$T/en"; displays "$MANPAGE_ES" >"$T/es";
		   diff "$T/en" "$T/es" | head -n 20)"
fi

# ---- commands ----

help_out=$(LC_ALL=C "$SOCKSHELL" -c help 2>&1)
table=$(printf '%s\n' "$help_out" | sed -n 's/^    \([a-z][a-z0-9_]*\).*/\1/p' | sort -u)
en_items=$(man_items COMMANDS | awk '$2 == "Cm" { print $3 }')
es_items=$(man_items COMANDOS "$MANPAGE_ES" | awk '$2 == "Cm" { print $3 }')
documented=$(printf '%s\n' "$es_items" | sort -u)

if test "$(printf '%s\n' "$table" | wc -l)" -ge 10 && test -n "$es_items"; then
	pass "help lists the commands and COMANDOS has .It Cm entries"
else
	fail "help lists the commands and COMANDOS has .It Cm entries" "$help_out"
fi
for c in $table; do
	if printf '%s\n' "$documented" | grep -qx "$c"; then
		pass "command $c has an entry in COMANDOS"
	else
		fail "command $c has an entry in COMANDOS" \
			"translate its entry of COMMANDS into man/es/sockshell.1"
	fi
done
for c in $documented; do
	if printf '%s\n' "$table" | grep -qx "$c"; then
		pass "COMANDOS entry $c is a command"
	else
		fail "COMANDOS entry $c is a command"
	fi
done
if test "$es_items" = "$en_items"; then
	pass "COMANDOS has the .It Cm entries of COMMANDS, in the same order"
else
	printf '%s\n' "$en_items" >"$T/en"
	printf '%s\n' "$es_items" >"$T/es"
	fail "COMANDOS has the .It Cm entries of COMMANDS, in the same order" \
		"$(diff "$T/en" "$T/es")"
fi
# The .It lines of COMMANDS, keywords and all (every form of every
# command, every keyword table): only the metavariables are the same words,
# so compare them whole.
it_lines() {
	awk '/^\.Sh / { s = ($0 == "." "Sh " want) } s && /^\.It/' want="$2" "$1"
}
is "$(it_lines "$MANPAGE_ES" COMANDOS)" "$(it_lines "$MANPAGE" COMMANDS)" \
	"every .It line of COMANDOS is the English one (forms, keywords)"

# ---- options ----

usage=$(LC_ALL=C "$SOCKSHELL" --help 2>&1)
offered=$(printf '%s\n' "$usage" | awk '
	/^ +-/ {
		sub(/^ +/, "")
		sub(/  .*/, "")
		n = split($0, w, /[ ,]+/)
		for (i = 1; i <= n; i++)
			if (w[i] ~ /^--?[A-Za-z]/)
				print w[i]
	}' | sort -u)
manopts=$(man_items OPCIONES "$MANPAGE_ES" | awk '{
	for (i = 2; i < NF; i++)
		if ($i == "Fl")
			print "-" $(i + 1)
	}' | sed 's/[,.;]$//' | sort -u)
if test -n "$offered" && test -n "$manopts"; then
	pass "--help and OPCIONES list options"
else
	fail "--help and OPCIONES list options" "$usage"
fi
for o in $offered; do
	if printf '%s\n' "$manopts" | grep -qx -e "$o"; then
		pass "option $o is in OPCIONES"
	else
		fail "option $o is in OPCIONES" "add it to an .It line of OPCIONES"
	fi
done
for o in $manopts; do
	if printf '%s\n' "$offered" | grep -qx -e "$o"; then
		pass "OPCIONES entry $o is in --help"
	else
		fail "OPCIONES entry $o is in --help"
	fi
done
flags() {
	awk '/^\.Sh / { s = ($0 == "." "Sh " want) } s' want="$2" "$1" |
		grep -o 'Fl [-A-Za-z|]*' | tr '\n' ' '
}
is "$(flags "$MANPAGE_ES" SINOPSIS)" "$(flags "$MANPAGE" SYNOPSIS)" \
	"SINOPSIS names the flags of SYNOPSIS, in order"

# expect's forms and the variables each call sets are in this manual too.
for form in truncated timeout; do
	if grep -q "^\.It Cm $form\$" "$MANPAGE_ES"; then
		pass "the Spanish manual's expect forms include $form"
	else
		fail "the Spanish manual's expect forms include $form"
	fi
done
for v in rc errno data result; do
	if grep -F -q ".It Li \${$v}" "$MANPAGE_ES"; then
		pass "\${$v} is in the Spanish manual"
	else
		fail "\${$v} is in the Spanish manual"
	fi
done

finish
