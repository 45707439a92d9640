/*
 * fuzz_replay.c - replay the fuzzer's inputs in the normal build, as TAP.
 *
 * Every file in tests/fuzz/regress (inputs that once crashed or hung the
 * fuzz target) and in tests/fuzz/corpus (the seeds) goes through the same
 * entry the fuzzer calls, LLVMFuzzerTestOneInput in fuzz_sockshell.c.  A
 * file passes when the entry returns; a crash fails the whole test, and
 * under --enable-sanitizers so does any report.  Directories are read
 * from $top_srcdir (the test harness exports it), else from ".".
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "shell.h"
#include "../tap/basic.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay each file of top/dir in name order; returns how many ran. */
static int replay_dir(const char *top, const char *dir, int n)
{
	char path[4096];
	char **names = NULL;
	size_t count = 0;
	struct dirent *de;

	snprintf(path, sizeof path, "%s/tests/fuzz/%s", top, dir);
	DIR *d = opendir(path);
	if (d == NULL) {
		diag("%s: %s", path, strerror(errno));
		return n;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xrealloc(names, (count + 1) * sizeof *names);
		names[count++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (count > 0)
		qsort(names, count, sizeof *names, cmp);
	for (size_t i = 0; i < count; i++) {
		char *text;
		size_t len;
		snprintf(path, sizeof path, "%s/tests/fuzz/%s/%s", top, dir, names[i]);
		if (files_read(path, 0, &text, &len) < 0) {
			ok(0, "%s/%s: %s", dir, names[i], strerror(errno));
			n++;
		} else {
			/* An exact-size copy, so an over-read past the input is
			 * caught, as under the fuzzer. */
			uint8_t *copy = xmalloc(len);
			memcpy(copy, text, len);
			fflush(stdout);
			LLVMFuzzerTestOneInput(copy, len);
			fflush(stdout);
			ok(1, "%s/%s (%zu bytes)", dir, names[i], len);
			n++;
			free(copy);
			free(text);
		}
		free(names[i]);
	}
	free(names);
	return n;
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	int n = 0;

	plan_lazy();
	if (top == NULL || top[0] == '\0')
		top = ".";
	n = replay_dir(top, "regress", n);
	n = replay_dir(top, "corpus", n);
	if (n == 0)
		skip_all("no inputs found under %s/tests/fuzz", top);
	return test_finish();
}
