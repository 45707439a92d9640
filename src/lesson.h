/*
 * lesson.h - the journal that "save" writes (lesson.c; expect and save
 * themselves are rows of the command table).
 */
#ifndef SOCKSHELL_LESSON_H
#define SOCKSHELL_LESSON_H

#include <stddef.h>

#include "shell.h"

/* Record one command line for "save", with the expect line of its result. */
void lesson_journal(struct shell *sh, const char *text, size_t len, int made_call);

#endif
