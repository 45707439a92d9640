/*
 * linkq.c - the conditions of one side of an emulated link: a queue of
 * frames, each with the time it is due on the other side.
 *
 * Hides the order of the decisions, the generator and the heap.  On
 * linkq_push a frame is, in this order: lost (loss rate: LINKQ_DROPPED,
 * nothing queued), refused when the queue is at its bound (LINKQ_FULL,
 * a router's tail drop), reordered (reorder rate: due at once, ahead of
 * every frame not yet due, not held by delay nor by the rate), or else
 * serialised and delayed: at a rate, a frame of L bytes takes L*8/rate
 * and frames leave back to back (it starts when the one before it has
 * gone, or now if the line is idle); then it travels the delay, plus or
 * minus a uniform jitter.  Duplication (decided after loss) queues a
 * second copy the same way.
 *
 * Jitter never reorders here: a frame is never due before the frame sent
 * before it (its time is raised to that one's), so frames leave in order
 * unless "reorder" is set, and then only the reordered ones jump ahead.
 * This differs from Linux netem, where jitter alone reorders (unless a
 * rate is set); here the reordering a lesson sees is the one it asked
 * for.  Conditions changed later apply to frames pushed later.
 *
 * The generator is splitmix64: a 64-bit state advanced by a fixed odd
 * constant and mixed; the same seed gives the same verdicts and times.
 * Without a seed the queue starts from a fixed one (no clock here).
 * Frames sit in a binary heap by (due time, push order), so push and pop
 * cost O(log n) however the times fall.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "linkq.h"
#include "strbuf.h"

#define LINKQ_DEFAULT_SEED 0x5eed5eed5eed5eedULL
#define PPM 1000000u

struct frame {
	uint64_t due;
	uint64_t seq;           /* push order, breaks ties of due */
	int dest;
	size_t len;
	unsigned char data[];
};

struct linkq {
	struct link_cond cond;
	uint64_t rng;
	uint64_t seq;
	uint64_t line_free;     /* when the serialiser is idle again */
	uint64_t last_due;      /* due time of the last in-order frame */
	struct frame **heap;
	size_t n, cap;
	size_t max_frames, max_bytes;
	struct linkq_stats st;
};

/* The next 64 random bits of Q's generator (splitmix64). */
static uint64_t rng_next(struct linkq *q)
{
	uint64_t z = (q->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* True with probability PPM_ in a million; draws nothing when 0. */
static int rng_chance(struct linkq *q, uint32_t ppm)
{
	if (ppm == 0)
		return 0;
	if (ppm >= PPM)
		return 1;
	return ((rng_next(q) >> 32) * PPM >> 32) < ppm;
}

/* A uniform integer in [0, n) for n >= 1 (the modulo's bias is below
 * n / 2^64, far under what any test could see). */
static uint64_t rng_below(struct linkq *q, uint64_t n)
{
	return rng_next(q) % n;
}

struct linkq *linkq_new(void)
{
	struct linkq *q = xmalloc(sizeof *q);

	memset(q, 0, sizeof *q);
	q->rng = LINKQ_DEFAULT_SEED;
	q->max_frames = LINKQ_MAX_FRAMES;
	q->max_bytes = LINKQ_MAX_BYTES;
	return q;
}

void linkq_free(struct linkq *q)
{
	if (q == NULL)
		return;
	for (size_t i = 0; i < q->n; i++)
		free(q->heap[i]);
	free(q->heap);
	free(q);
}

void linkq_set(struct linkq *q, const struct link_cond *c)
{
	q->cond = *c;
	if (c->has_seed)
		q->rng = c->seed;
}

void linkq_get(const struct linkq *q, struct link_cond *c)
{
	*c = q->cond;
}

void linkq_stats(const struct linkq *q, struct linkq_stats *st)
{
	*st = q->st;
}

void linkq_set_limit(struct linkq *q, size_t max_frames, size_t max_bytes)
{
	q->max_frames = max_frames ? max_frames : LINKQ_MAX_FRAMES;
	q->max_bytes = max_bytes ? max_bytes : LINKQ_MAX_BYTES;
}

uint64_t linkq_tx_ns(size_t len, uint32_t rate_kbit)
{
	/* L bytes at R kbit/s: L*8 / (R*1000) s = L*8000000 / R ns. */
	if (rate_kbit == 0)
		return 0;
	return ((uint64_t)len * 8000000u + rate_kbit - 1) / rate_kbit;
}

/* Whether frame A leaves before frame B. */
static int frame_before(const struct frame *a, const struct frame *b)
{
	return a->due < b->due || (a->due == b->due && a->seq < b->seq);
}

/* Move the frame at I up the heap to its place. */
static void heap_up(struct linkq *q, size_t i)
{
	struct frame *f = q->heap[i];

	while (i > 0) {
		size_t parent = (i - 1) / 2;

		if (!frame_before(f, q->heap[parent]))
			break;
		q->heap[i] = q->heap[parent];
		i = parent;
	}
	q->heap[i] = f;
}

/* Move the frame at I down the heap to its place. */
static void heap_down(struct linkq *q, size_t i)
{
	struct frame *f = q->heap[i];

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= q->n)
			break;
		if (c + 1 < q->n && frame_before(q->heap[c + 1], q->heap[c]))
			c++;
		if (!frame_before(q->heap[c], f))
			break;
		q->heap[i] = q->heap[c];
		i = c;
	}
	q->heap[i] = f;
}

/* Queue a copy of FRAME (LEN bytes, for DEST) due at DUE. */
static void enqueue(struct linkq *q, const void *frame, size_t len, int dest,
		    uint64_t due)
{
	struct frame *f = xmalloc(sizeof *f + len);

	f->due = due;
	f->seq = q->seq++;
	f->dest = dest;
	f->len = len;
	if (len > 0)
		memcpy(f->data, frame, len);
	if (q->n == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 64;
		q->heap = xrealloc(q->heap, q->cap * sizeof *q->heap);
	}
	q->heap[q->n++] = f;
	heap_up(q, q->n - 1);
	q->st.queued_frames++;
	q->st.queued_bytes += len;
}

/* The due time of an in-order frame of LEN bytes pushed at NOW: after
 * the line has serialised it, then the delay plus or minus jitter, never
 * before the in-order frame before it. */
static uint64_t due_in_order(struct linkq *q, size_t len, uint64_t now)
{
	const struct link_cond *c = &q->cond;
	uint64_t t = now, delay = (uint64_t)c->delay_us * 1000;

	if (c->rate_kbit) {
		if (q->line_free > t)
			t = q->line_free;
		t += linkq_tx_ns(len, c->rate_kbit);
		q->line_free = t;
	}
	if (c->jitter_us) {
		uint64_t j = (uint64_t)c->jitter_us;
		int64_t off = (int64_t)rng_below(q, 2 * j + 1) - (int64_t)j;

		if (off < 0 && (uint64_t)-off * 1000 > delay)
			delay = 0;
		else
			delay = (uint64_t)((int64_t)delay + off * 1000);
	}
	t += delay;
	if (t < q->last_due)
		t = q->last_due;
	q->last_due = t;
	return t;
}

/* Whether one more frame of LEN bytes passes the bound. */
static int has_room(const struct linkq *q, size_t len)
{
	return q->n < q->max_frames && q->st.queued_bytes + len <= q->max_bytes;
}

enum linkq_verdict linkq_push(struct linkq *q, const void *frame, size_t len,
			      int dest, uint64_t now_ns)
{
	int dup;

	q->st.pushed++;
	if (rng_chance(q, q->cond.loss_ppm)) {
		q->st.dropped++;
		return LINKQ_DROPPED;
	}
	if (!has_room(q, len)) {
		q->st.full++;
		return LINKQ_FULL;
	}
	dup = rng_chance(q, q->cond.dup_ppm);
	if (rng_chance(q, q->cond.reorder_ppm)) {
		q->st.reordered++;
		enqueue(q, frame, len, dest, now_ns);
	} else {
		enqueue(q, frame, len, dest, due_in_order(q, len, now_ns));
	}
	if (!dup || !has_room(q, len))
		return LINKQ_QUEUED;
	q->st.duplicated++;
	enqueue(q, frame, len, dest, due_in_order(q, len, now_ns));
	return LINKQ_DUPLICATED;
}

/* A frame longer than SIZE is cut to SIZE bytes in BUF; the length
 * returned is still its own (as recv's MSG_TRUNC tells). */
ssize_t linkq_pop(struct linkq *q, uint64_t now_ns, void *buf, size_t size,
		  int *dest)
{
	struct frame *f;
	size_t len;

	if (q->n == 0 || q->heap[0]->due > now_ns)
		return -1;
	f = q->heap[0];
	q->heap[0] = q->heap[--q->n];
	if (q->n > 0)
		heap_down(q, 0);
	len = f->len;
	memcpy(buf, f->data, len < size ? len : size);
	if (dest != NULL)
		*dest = f->dest;
	q->st.queued_frames--;
	q->st.queued_bytes -= len;
	q->st.popped++;
	free(f);
	return (ssize_t)len;
}

int64_t linkq_next(const struct linkq *q, uint64_t now_ns)
{
	if (q->n == 0)
		return -1;
	if (q->heap[0]->due <= now_ns)
		return 0;
	return (int64_t)(q->heap[0]->due - now_ns);
}
