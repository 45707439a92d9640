/*
 * test_errname.c - unit tests of the errno and EAI_* name tables: the
 * names lessons write in expect lines, both ways, for every entry.
 */
#include <config.h>

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>

#include "errname.h"
#include "../tap/basic.h"

/* name <-> value for one errno the lessons use. */
static void both_ways(const char *name, int value)
{
	char d[120];

	snprintf(d, sizeof d, "errname_value(\"%s\")", name);
	is_int(errname_value(name), value, "%s", d);
	snprintf(d, sizeof d, "errname_name(%s)", name);
	is_string(errname_name(value), name, "%s", d);
}

static void test_common(void)
{
	both_ways("ECONNREFUSED", ECONNREFUSED);
	both_ways("ECONNRESET", ECONNRESET);
	both_ways("EPIPE", EPIPE);
	both_ways("EADDRINUSE", EADDRINUSE);
	both_ways("EADDRNOTAVAIL", EADDRNOTAVAIL);
	both_ways("EINPROGRESS", EINPROGRESS);
	both_ways("ENOTCONN", ENOTCONN);
	both_ways("EISCONN", EISCONN);
	both_ways("ETIMEDOUT", ETIMEDOUT);
	both_ways("EINTR", EINTR);
	both_ways("EBADF", EBADF);
	both_ways("EINVAL", EINVAL);
	both_ways("EAFNOSUPPORT", EAFNOSUPPORT);
	both_ways("ENOENT", ENOENT);
	both_ways("EMSGSIZE", EMSGSIZE);
	both_ways("ENETUNREACH", ENETUNREACH);

	/* EAGAIN and EWOULDBLOCK: both names are read; the value of each is
	 * the platform's, and where they are one value the trace says EAGAIN. */
	is_int(errname_value("EAGAIN"), EAGAIN, "errname_value(\"EAGAIN\")");
	is_int(errname_value("EWOULDBLOCK"), EWOULDBLOCK, "errname_value(\"EWOULDBLOCK\")");
	is_string(errname_name(EAGAIN), "EAGAIN", "errname_name(EAGAIN) is EAGAIN");
	if (EAGAIN == EWOULDBLOCK)
		is_string(errname_name(EWOULDBLOCK), "EAGAIN",
		       "EWOULDBLOCK has EAGAIN's value here: shown as EAGAIN");
	else
		is_string(errname_name(EWOULDBLOCK), "EWOULDBLOCK", "EWOULDBLOCK has a value of its own");
}

static void test_unknown(void)
{
	is_int(errname_value("ENOSUCHERROR"), 0, "an unknown name has no value");
	is_int(errname_value(""), 0, "the empty name has no value");
	is_int(errname_value("econnrefused"), 0, "names are upper case");
	is_int(errname_value("ECONNREFUSEDX"), 0, "no prefix match: ECONNREFUSEDX");
	is_int(errname_value("ECONN"), 0, "no prefix match: ECONN");
	ok(errname_name(-1) == NULL, "errname_name(-1) is NULL (no errno is negative)");
	ok(errname_name(1 << 20) == NULL, "errname_name of a huge value is NULL");
	ok(errname_at(-1) == NULL, "errname_at(-1) is NULL");
	ok(errname_at(errname_count()) == NULL, "errname_at(count) is NULL");
	is_int(errname_value("EAI_NONAME"), 0, "an EAI_ name is not an errno name");
}

/* Every entry of the table reads back: its value has a name, and that
 * name (the entry itself, or an alias sharing its value) has the value. */
static void test_every_entry(void)
{
	int n = errname_count(), bad = 0, names_ok = 1, unique = 1;

	ok(n >= 80, "the table holds at least 80 errno names");
	for (int i = 0; i < n; i++) {
		const char *name = errname_at(i);
		if (name == NULL || name[0] != 'E') {
			names_ok = 0;
			diag("entry %d: bad name %s", i, name ? name : "(null)");
			continue;
		}
		int v = errname_value(name);
		const char *back = v > 0 ? errname_name(v) : NULL;
		if (v <= 0 || back == NULL || errname_value(back) != v) {
			bad++;
			diag("%s = %d reads back as %s = %d", name, v, back ? back : "(null)",
			     back ? errname_value(back) : 0);
		}
		for (int j = 0; j < i; j++)
			if (errname_at(j) != NULL && strcmp(errname_at(j), name) == 0)
				unique = 0;
	}
	ok(names_ok, "every entry is a name starting with E");
	ok(unique, "no name appears twice");
	is_int(bad, 0, "every entry round-trips: name -> value -> name -> same value");

	/* Every errno up to 200 that has a name gives one that reads back:
	 * what the trace prints, an expect line can say. */
	int shown_bad = 0;
	for (int v = 1; v < 200; v++) {
		const char *name = errname_name(v);
		if (name != NULL && errname_value(name) != v) {
			shown_bad++;
			diag("errno %d is shown as %s, which reads back as %d", v, name,
			     errname_value(name));
		}
	}
	is_int(shown_bad, 0, "every name the trace can show reads back to its errno");
}

static void gai_both_ways(const char *name, int code)
{
	char d[120];

	snprintf(d, sizeof d, "errname_gai_value(\"%s\")", name);
	is_int(errname_gai_value(name), code, "%s", d);
	snprintf(d, sizeof d, "errname_gai_name(%s)", name);
	is_string(errname_gai_name(code), name, "%s", d);
}

static void test_gai(void)
{
	gai_both_ways("EAI_NONAME", EAI_NONAME);
	gai_both_ways("EAI_AGAIN", EAI_AGAIN);
	gai_both_ways("EAI_FAIL", EAI_FAIL);
	gai_both_ways("EAI_FAMILY", EAI_FAMILY);
	gai_both_ways("EAI_SERVICE", EAI_SERVICE);
	gai_both_ways("EAI_SOCKTYPE", EAI_SOCKTYPE);
	gai_both_ways("EAI_BADFLAGS", EAI_BADFLAGS);
	gai_both_ways("EAI_MEMORY", EAI_MEMORY);
#ifdef EAI_SYSTEM
	gai_both_ways("EAI_SYSTEM", EAI_SYSTEM);
#else
	skip("EAI_SYSTEM", "not on this platform");
#endif
	is_int(errname_gai_value("EAI_BOGUS"), 0, "an unknown EAI_ name has no value");
	is_int(errname_gai_value("ECONNREFUSED"), 0, "an errno name is not an EAI_ name");
	ok(errname_gai_name(0) == NULL, "getaddrinfo's success (0) has no EAI_ name");
	ok(errname_gai_name(123456) == NULL, "an unknown code has no EAI_ name");
}

int main(void)
{
	plan_lazy();
	test_common();
	test_unknown();
	test_every_entry();
	test_gai();
	return test_finish();
}
