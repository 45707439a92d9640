/*
 * names.h - keyword <-> constant tables.
 *
 * "inet6" <-> AF_INET6, "peek" <-> MSG_PEEK, "wr" <-> SHUT_WR: the words a
 * lesson writes and the symbols the trace prints, in one place.
 */
#ifndef SOCKSHELL_NAMES_H
#define SOCKSHELL_NAMES_H

#include <stddef.h>

#include "strbuf.h"

struct name_value {
	const char *name;  /* the word a lesson writes */
	const char *sym;   /* the symbol the trace shows */
	int value;
};

/* Each table ends with a row whose name is NULL. */
extern const struct name_value names_families[];
extern const struct name_value names_types[];
extern const struct name_value names_protocols[];
extern const struct name_value names_msgflags[];
extern const struct name_value names_shutdown[];

/* The row whose name (or, failing that, symbol, case-insensitively) is
 * word, or NULL. */
const struct name_value *names_find(const struct name_value *tab, const char *word);
/* The symbol for value, or NULL when the table has none. */
const char *names_sym(const struct name_value *tab, int value);
/* Append value's symbol, or the number when it has none. */
void names_add_sym(struct strbuf *sb, const struct name_value *tab, int value);
/* Append flags as "MSG_PEEK|MSG_WAITALL", or "0". */
void names_add_flags(struct strbuf *sb, const struct name_value *tab, int flags);

/* The did-you-mean hint: the candidate nearest to a misspelt word. */
struct names_near {
	const char *word;
	size_t len;
	const char *best;   /* the nearest candidate so far, or NULL */
	size_t score;
};
/* Start a search for the word nearest to word[0..len). */
void names_near_init(struct names_near *nn, const char *word, size_t len);
/* Consider cand: it becomes best when it is within two edits of the word
 * (case ignored), or begins it or is begun by it, and nearer than best. */
void names_near_try(struct names_near *nn, const char *cand);

#endif
