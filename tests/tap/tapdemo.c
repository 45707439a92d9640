/*
 * tapdemo.c - a C test that passes, fails or breaks its plan on demand,
 * for tests/lib/selftest.sh, which holds basic.c to its contract: the
 * lines it prints and the exit status of test_finish.
 *
 *     tapdemo pass|fail|short|lazy|skipall|bail|nofinish
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "basic.h"

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "pass";

	if (strcmp(mode, "skipall") == 0)
		skip_all("nothing to do in mode %s", mode);
	if (strcmp(mode, "lazy") == 0 || strcmp(mode, "nofinish") == 0)
		plan_lazy();
	else
		plan(3);
	ok(1, "one");
	if (strcmp(mode, "bail") == 0)
		bail("cannot go on");
	is_int(2, strcmp(mode, "fail") == 0 ? 3 : 2, "two");
	if (strcmp(mode, "nofinish") == 0)
		return 0;
	if (strcmp(mode, "short") != 0)
		is_bytes("a\0b", 3, "a\0b", 3, "three");
	return test_finish();
}
