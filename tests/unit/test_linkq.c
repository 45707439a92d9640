/*
 * test_linkq.c - unit tests of linkq.c, the emulated link's queue, driven
 * by a clock of the test's own so every time is exact: the delay and the
 * rate to the nanosecond, frames back to back at a rate, 1000 kbit/s
 * giving 1 Mbit/s within 1% to a sender offering more, loss, duplication
 * and reordering at their rates over many frames with a fixed seed (the
 * bounds are several standard deviations wide, and the seed fixes the
 * outcome anyway), the same seed giving the same verdicts and times,
 * jitter spreading the delay without ever reordering, the bound on what
 * a queue holds, and a frame cut to a short buffer.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "linkq.h"
#include "../tap/basic.h"

#define MS 1000000ull

/* A queue with conditions D (delay us), J (jitter us), LOSS, DUP, REORDER
 * (ppm), RATE (kbit/s), seeded with SEED. */
static struct linkq *queue(uint32_t d, uint32_t j, uint32_t loss, uint32_t dup,
			   uint32_t reorder, uint32_t rate, uint64_t seed)
{
	struct linkq *q = linkq_new();
	struct link_cond c = { .delay_us = d, .jitter_us = j, .loss_ppm = loss,
			       .dup_ppm = dup, .reorder_ppm = reorder,
			       .rate_kbit = rate, .seed = seed, .has_seed = 1 };

	linkq_set(q, &c);
	return q;
}

/* Push frame number N (its number in its first 4 bytes, LEN bytes). */
static enum linkq_verdict push_n(struct linkq *q, uint32_t n, size_t len,
				 uint64_t now)
{
	unsigned char buf[2048] = { 0 };

	memcpy(buf, &n, sizeof n);
	return linkq_push(q, buf, len, 7, now);
}

/* Pop one frame due at NOW: its number, or -1 when none is due. */
static long pop_n(struct linkq *q, uint64_t now)
{
	unsigned char buf[2048];
	uint32_t n;
	int dest = -1;

	if (linkq_pop(q, now, buf, sizeof buf, &dest) < 0)
		return -1;
	memcpy(&n, buf, sizeof n);
	return dest == 7 ? (long)n : -2;
}

/* A perfect link hands a frame back at once, bytes and destination. */
static void test_perfect(void)
{
	struct linkq *q = linkq_new();
	char out[16];
	int dest = 0;

	is_int(linkq_next(q, 0), -1, "an empty queue has nothing next");
	is_int(linkq_push(q, "hello", 5, 3, 1000), LINKQ_QUEUED, "perfect: queued");
	is_int(linkq_next(q, 1000), 0, "perfect: due at once");
	is_int(linkq_pop(q, 1000, out, sizeof out, &dest), 5, "perfect: 5 bytes");
	is_bytes(out, 5, "hello", 5, "perfect: the same bytes");
	is_int(dest, 3, "perfect: the same destination");
	is_int(linkq_pop(q, 1000, out, sizeof out, &dest), -1, "then none");
	linkq_free(q);
}

/* A delay of 25 ms holds a frame 25 ms to the nanosecond. */
static void test_delay(void)
{
	struct linkq *q = queue(25000, 0, 0, 0, 0, 0, 1);
	uint64_t t0 = 123456789;

	push_n(q, 1, 100, t0);
	is_int(linkq_next(q, t0), (long long)(25 * MS), "delay: next in 25 ms");
	is_int(pop_n(q, t0 + 25 * MS - 1), -1, "delay: not a nanosecond early");
	is_int(pop_n(q, t0 + 25 * MS), 1, "delay: out at 25 ms exactly");
	linkq_free(q);
}

/* At 1000 kbit/s a 1000-byte frame takes 8 ms; ten pushed at once leave
 * back to back, the k-th at 8k ms, plus the delay. */
static void test_rate_times(void)
{
	struct linkq *q = queue(10000, 0, 0, 0, 0, 1000, 1);
	int exact = 1;

	is_uint(linkq_tx_ns(1000, 1000), 8 * MS, "1000 bytes at 1000 kbit: 8 ms");
	is_uint(linkq_tx_ns(1500, 0), 0, "no rate: no serialisation");
	for (uint32_t i = 0; i < 10; i++)
		push_n(q, i, 1000, 0);
	for (uint32_t i = 0; i < 10; i++) {
		uint64_t due = (i + 1) * 8 * MS + 10 * MS;

		if (linkq_next(q, 0) != (int64_t)due || pop_n(q, due - 1) != -1 ||
		    pop_n(q, due) != (long)i)
			exact = 0;
	}
	ok(exact, "rate: frame k leaves at 8k ms + the 10 ms delay, in order");
	/* An idle line starts the next frame when it is pushed. */
	push_n(q, 99, 500, 1000 * MS);
	is_int(linkq_next(q, 1000 * MS), (long long)(14 * MS),
	       "rate: an idle line serialises from now (4 ms + 10 ms)");
	linkq_free(q);
}

/* A sender offering 12 Mbit/s (1500 bytes a millisecond) for 20 s to a
 * 1000 kbit/s link: what comes out is 1 Mbit/s within 1%, the rest is
 * tail-dropped at the bound. */
static void test_rate_throughput(void)
{
	struct linkq *q = queue(0, 0, 0, 0, 0, 1000, 1);
	struct linkq_stats st;
	uint64_t bytes = 0, t, first = 0, last = 0;
	unsigned char buf[2048];

	for (t = 0; t < 20000 * MS; t += MS / 4) {
		ssize_t n;

		if (t % MS == 0)
			push_n(q, 0, 1500, t);
		while ((n = linkq_pop(q, t, buf, sizeof buf, NULL)) >= 0) {
			if (first == 0)
				first = t;
			else
				bytes += (uint64_t)n;
			last = t;
		}
	}
	double mbit = (double)bytes * 8 / ((double)(last - first) / 1e9) / 1e6;
	diag("1000 kbit/s measured %.4f Mbit/s", mbit);
	ok(mbit > 0.99 && mbit < 1.01, "rate 1000 kbit: 1 Mbit/s within 1%%");
	linkq_stats(q, &st);
	ok(st.full > 0, "rate: the excess is tail-dropped (LINKQ_FULL)");
	ok(st.queued_frames <= LINKQ_MAX_FRAMES, "rate: the queue keeps its bound");
	linkq_free(q);
}

/* Of 100000 frames over a 10% loss link, 10% +- 0.3% are lost (the
 * standard deviation is 0.095%); the same at 20%. */
static void test_loss(void)
{
	static const uint32_t ppm[] = { 100000, 200000 };

	for (size_t k = 0; k < 2; k++) {
		struct linkq *q = queue(0, 0, ppm[k], 0, 0, 0, 2026);
		unsigned lost = 0, through = 0;

		for (uint32_t i = 0; i < 100000; i++) {
			if (push_n(q, i, 60, i) == LINKQ_DROPPED)
				lost++;
			while (pop_n(q, i) >= 0)
				through++;
		}
		double pct = lost / 1000.0, want = ppm[k] / 10000.0;
		diag("loss %.0f%%: measured %.3f%%", want, pct);
		ok(pct > want - 0.3 && pct < want + 0.3,
		   "loss %.0f%%: measured within 0.3%%", want);
		is_int(lost + through, 100000, "loss %.0f%%: the rest all arrive", want);
		linkq_free(q);
	}
}

/* Push 20000 frames to Q at 1 ms intervals; fold each verdict and
 * (next due time) into a hash. */
static uint64_t run_hash(struct linkq *q)
{
	uint64_t h = 1469598103934665603ull;

	for (uint32_t i = 0; i < 20000; i++) {
		uint64_t now = (uint64_t)i * MS;
		long n;

		h = (h ^ (uint64_t)push_n(q, i, 200, now)) * 1099511628211ull;
		h = (h ^ (uint64_t)linkq_next(q, now)) * 1099511628211ull;
		while ((n = pop_n(q, now)) >= 0)
			h = (h ^ (uint64_t)n) * 1099511628211ull;
	}
	return h;
}

/* The same seed gives the same verdicts, times and order; another seed
 * does not; "seed" given again replays from the start. */
static void test_seed(void)
{
	struct linkq *a = queue(20000, 5000, 100000, 50000, 100000, 2000, 42);
	struct linkq *b = queue(20000, 5000, 100000, 50000, 100000, 2000, 42);
	struct linkq *c = queue(20000, 5000, 100000, 50000, 100000, 2000, 43);
	uint64_t ha = run_hash(a);
	struct link_cond cond;

	ok(ha == run_hash(b), "seed 42 twice: the same sequence");
	ok(ha != run_hash(c), "seed 43: another sequence");
	linkq_free(a);
	a = queue(20000, 5000, 100000, 50000, 100000, 2000, 42);
	linkq_get(a, &cond);
	is_uint(cond.seed, 42, "linkq_get gives the seed back");
	is_uint(cond.jitter_us, 5000, "linkq_get gives the jitter back");
	ok(run_hash(a) == ha, "a new queue seeded 42 replays it");
	linkq_free(a);
	linkq_free(b);
	linkq_free(c);
}

/* Reordering 10% over a 10 ms link, a frame pushed each millisecond: a
 * tenth of the frames (+- 0.5%) come out the moment they are pushed,
 * ahead of the nine still in flight, which keep their order. */
static void test_reorder(void)
{
	struct linkq *q = queue(10000, 0, 0, 0, 100000, 0, 7);
	struct linkq_stats st;
	unsigned ahead = 0, total = 0, inorder_ok = 1;
	long last_inorder = -1;

	for (uint32_t i = 0; i < 50000; i++) {
		long n;

		push_n(q, i, 100, (uint64_t)i * MS);
		while ((n = pop_n(q, (uint64_t)i * MS)) >= 0) {
			total++;
			if (n == (long)i) {
				ahead++;
				continue;
			}
			if (n <= last_inorder || n != (long)i - 10)
				inorder_ok = 0;
			last_inorder = n;
		}
	}
	linkq_stats(q, &st);
	diag("reorder 10%%: %u of 50000 ahead", ahead);
	ok(ahead > 4750 && ahead < 5250, "reorder 10%%: measured within 0.5%%");
	is_uint(st.reordered, ahead, "reorder: counted in the stats");
	ok(inorder_ok, "reorder: the other frames keep their order and delay");
	is_uint(total + st.queued_frames, 50000, "reorder: nothing lost");
	linkq_free(q);
}

/* Duplication 5%: a twentieth of the frames (+- 0.4%) come out twice,
 * both copies after the delay; the rest once. */
static void test_duplicate(void)
{
	struct linkq *q = queue(1000, 0, 0, 50000, 0, 0, 9);
	unsigned dups = 0, out = 0, twice_ok = 1;

	for (uint32_t i = 0; i < 50000; i++) {
		enum linkq_verdict v = push_n(q, i, 100, (uint64_t)i * MS);
		long n;
		unsigned got = 0;

		dups += v == LINKQ_DUPLICATED;
		if (pop_n(q, (uint64_t)i * MS + MS - 1) != -1)
			twice_ok = 0;
		while ((n = pop_n(q, (uint64_t)i * MS + MS)) >= 0)
			got += n == (long)i;
		out += got;
		if (got != (v == LINKQ_DUPLICATED ? 2u : 1u))
			twice_ok = 0;
	}
	diag("duplicate 5%%: %u of 50000", dups);
	ok(dups > 2300 && dups < 2700, "duplicate 5%%: measured within 0.4%%");
	ok(twice_ok, "duplicate: a duplicated frame comes out twice, after the delay");
	is_uint(out, 50000 + dups, "duplicate: every copy arrives");
	linkq_free(q);
}

/* Jitter of 40 ms on a 50 ms delay spreads the frames' delays over 10 to
 * 90 ms when each frame has time to travel alone, and never reorders
 * frames sent close together. */
static void test_jitter(void)
{
	struct linkq *q = queue(50000, 40000, 0, 0, 0, 0, 11);
	uint64_t lo = UINT64_MAX, hi = 0;
	long n, last = -1;
	int order_ok = 1;

	for (uint32_t i = 0; i < 2000; i++) {
		uint64_t t0 = (uint64_t)i * 1000 * MS, d;

		push_n(q, i, 100, t0);
		d = (uint64_t)linkq_next(q, t0);
		lo = d < lo ? d : lo;
		hi = d > hi ? d : hi;
		pop_n(q, t0 + d);
	}
	diag("jitter: delays from %.3f to %.3f ms", lo / 1e6, hi / 1e6);
	ok(lo >= 10 * MS && hi <= 90 * MS, "jitter: within delay +- jitter");
	ok(lo < 15 * MS && hi > 85 * MS, "jitter: spread over the whole range");
	for (uint32_t i = 0; i < 30000; i++) {
		uint64_t t = 3000000 * MS + (uint64_t)i * MS / 10;

		if (i < 20000)
			push_n(q, i, 100, t);
		while ((n = pop_n(q, t)) >= 0) {
			if (n != last + 1)
				order_ok = 0;
			last = n;
		}
	}
	ok(order_ok && last == 19999, "jitter: frames 0.1 ms apart stay in order");
	linkq_free(q);
}

/* The bound: the 1001st frame waiting is tail-dropped, as is a frame
 * past the bytes bound; popping makes room again. */
static void test_bound(void)
{
	struct linkq *q = queue(100000, 0, 0, 0, 0, 0, 1);
	enum linkq_verdict v = LINKQ_QUEUED;
	struct linkq_stats st;

	for (uint32_t i = 0; i < LINKQ_MAX_FRAMES && v == LINKQ_QUEUED; i++)
		v = push_n(q, i, 60, 0);
	is_int(v, LINKQ_QUEUED, "bound: %d frames fit", LINKQ_MAX_FRAMES);
	is_int(push_n(q, 0, 60, 0), LINKQ_FULL, "bound: one more is LINKQ_FULL");
	pop_n(q, 100 * MS);
	is_int(push_n(q, 0, 60, 0), LINKQ_QUEUED, "bound: a pop makes room");
	linkq_stats(q, &st);
	is_uint(st.full, 1, "bound: the tail drop is counted");
	linkq_free(q);
	q = queue(0, 0, 0, 0, 0, 0, 1);
	linkq_set_limit(q, 0, 3000);
	is_int(push_n(q, 0, 1500, 0), LINKQ_QUEUED, "bytes bound: 1500 of 3000");
	is_int(push_n(q, 0, 1500, 0), LINKQ_QUEUED, "bytes bound: 3000 of 3000");
	is_int(push_n(q, 0, 1, 0), LINKQ_FULL, "bytes bound: one byte more is full");
	linkq_free(q);
}

/* A frame longer than the buffer is cut, its length still told; new
 * conditions leave the frames already queued their times. */
static void test_cut_and_set(void)
{
	struct linkq *q = queue(30000, 0, 0, 0, 0, 0, 1);
	struct link_cond none = { 0 };
	char out[4];

	linkq_push(q, "abcdefgh", 8, 1, 0);
	linkq_set(q, &none);
	linkq_push(q, "x", 1, 1, 0);
	is_int(linkq_next(q, 0), (long long)(30 * MS),
	       "set: a queued frame keeps its time, and the next waits behind it");
	is_int(linkq_pop(q, 30 * MS, out, sizeof out, NULL), 8, "cut: its own length");
	is_bytes(out, 4, "abcd", 4, "cut: the first 4 bytes");
	is_int(linkq_pop(q, 30 * MS, out, sizeof out, NULL), 1, "then the next");
	linkq_free(q);
	linkq_free(NULL);
}

int main(void)
{
	plan_lazy();
	test_perfect();
	test_delay();
	test_rate_times();
	test_rate_throughput();
	test_loss();
	test_seed();
	test_reorder();
	test_duplicate();
	test_jitter();
	test_bound();
	test_cut_and_set();
	return test_finish();
}
