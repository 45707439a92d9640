/*
 * errname.h - errno and getaddrinfo error codes by name.
 *
 * The trace shows "ECONNREFUSED (Connection refused)", and lessons write
 * "expect ECONNREFUSED": both directions live here.
 */
#ifndef SOCKSHELL_ERRNAME_H
#define SOCKSHELL_ERRNAME_H

/* The symbolic name of errno value err ("ECONNREFUSED"), or NULL when the
 * platform has no name for it. */
const char *errname_name(int err);
/* The errno value named name, or 0 when no errno has that name. */
int errname_value(const char *name);
/* The name of getaddrinfo's error code ("EAI_NONAME"), or NULL. */
const char *errname_gai_name(int code);
/* The getaddrinfo error code named name, or 0 when none has that name. */
int errname_gai_value(const char *name);
/* How many errno names the table holds, and the i-th of them (for tests
 * and completion). */
int errname_count(void);
const char *errname_at(int i);
/* The i-th getaddrinfo error name, or NULL past the last. */
const char *errname_gai_at(int i);

#endif
