#!/bin/sh
# lint-es.sh - the Spanish manual is clean mdoc, held to the bar lint.sh
# holds the English one to: groff -ww (reading UTF-8, as man-db's preconv
# does) has nothing to say, and mandoc -Tlint reports no warning or error
# but the two that come of Spanish section names: mandoc knows only
# English ones ("first section is not NAME", and so the .Nd of NOMBRE is
# "outside NAME").  Both render it, every section by its Spanish name, and
# man -L es -l reads it.  Each tool that is not installed is skipped.

. "${top_srcdir:-$(dirname "$0")/../..}/tests/doc/lib.sh"

bail_unless -r "$MANPAGE_ES"

sections='NOMBRE
SINOPSIS
DESCRIPCIÓN
OPCIONES
EL LENGUAJE
SALIDA
COMANDOS
ARCHIVOS DE LECCIÓN
BLOQUEO, SEÑALES Y TIEMPOS DE ESPERA
ENTORNO
ARCHIVOS
ESTADO DE SALIDA
EJEMPLOS
VÉASE TAMBIÉN
ADVERTENCIAS
ASPECTOS DE SEGURIDAD'

# rendered TEXT has every section of $sections as a heading line
check_sections() {
	while IFS= read -r s; do
		if printf '%s\n' "$2" | grep -qx "$s"; then
			pass "$1: section $s is rendered"
		else
			fail "$1: section $s is rendered"
		fi
	done <<SECTIONS
$sections
SECTIONS
}

if command -v groff >/dev/null 2>&1; then
	out=$(groff -ww -mandoc -z -K utf8 "$MANPAGE_ES" 2>&1)
	if test -z "$out"; then
		pass "groff -ww -mandoc -z -K utf8 is silent"
	else
		fail "groff -ww -mandoc -z -K utf8 is silent" "$out"
	fi
	out=$(preconv "$MANPAGE_ES" 2>&1 | groff -ww -mandoc -z 2>&1)
	if test -z "$out"; then
		pass "preconv | groff -ww -mandoc -z is silent"
	else
		fail "preconv | groff -ww -mandoc -z is silent" "$out"
	fi
	text=$(groff -mandoc -K utf8 -Tutf8 -P-cbou "$MANPAGE_ES" 2>/dev/null |
		sed 's/^ *//')
	check_sections groff "$text"
	# groff knows NOMBRE and SINOPSIS as NAME and SYNOPSIS (the page sets
	# doc.tmac's section names): each synopsis form on its own line.
	is "$(printf '%s\n' "$text" | grep -c '^sockshell \[-einx\]')" 2 \
		"groff: the synopsis forms begin lines of their own"
else
	skip "groff -ww -mandoc -z -K utf8 is silent" "groff is not installed"
fi

if command -v mandoc >/dev/null 2>&1; then
	out=$(mandoc -Tlint -Wwarning "$MANPAGE_ES" 2>&1 |
		grep -v -e 'WARNING: first section is not "NAME": Sh ' \
			-e 'WARNING: description line outside NAME section: Nd$')
	if test -z "$out"; then
		pass "mandoc -Tlint: no warning or error but the Spanish section names"
	else
		fail "mandoc -Tlint: no warning or error but the Spanish section names" "$out"
	fi
	# (without the backspaces of overstruck bold, character by character)
	text=$(mandoc -Tutf8 "$MANPAGE_ES" 2>/dev/null | perl -CS -pe 's/.\x08//g')
	check_sections mandoc "$text"
else
	skip "mandoc -Tlint: no warning or error but the Spanish section names" \
		"mandoc is not installed"
fi

if command -v man >/dev/null 2>&1 && man -l /dev/null >/dev/null 2>&1; then
	text=$(MANWIDTH=80 MAN_KEEP_FORMATTING= man -L es -l "$MANPAGE_ES" 2>/dev/null | col -b)
	like "$text" 'intérprete interactivo' "man -L es -l renders the page in UTF-8"
else
	skip "man -L es -l renders the page in UTF-8" "man (man-db) is not usable here"
fi

finish
