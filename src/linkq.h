/*
 * linkq.h - the conditions of one side of an emulated link (see linkq.c).
 *
 * A queue of frames with a due time each: linkq_push() decides at once
 * whether a frame is lost or duplicated and when it is due (delay, jitter,
 * reordering, rate); linkq_pop() hands back the frames whose time has come.
 * Randomness comes from a generator of its own, seeded, so that a lesson
 * with "link ... seed N" replays the same.  Pure: no I/O, no clock of its
 * own (the caller passes the time), so unit tests drive it exactly.
 */
#ifndef SOCKSHELL_LINKQ_H
#define SOCKSHELL_LINKQ_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* What "link" sets; all zero is a perfect link. */
struct link_cond {
	uint32_t delay_us;      /* one-way delay */
	uint32_t jitter_us;     /* delay varies uniformly by +- this */
	uint32_t loss_ppm;      /* parts per million: 10% = 100000 */
	uint32_t dup_ppm;
	uint32_t reorder_ppm;   /* sent at once, ahead of the queue */
	uint32_t rate_kbit;     /* 0: unlimited */
	uint64_t seed;          /* used when has_seed */
	int has_seed;
};

enum linkq_verdict { LINKQ_QUEUED, LINKQ_DROPPED, LINKQ_DUPLICATED, LINKQ_FULL };

struct linkq;

struct linkq *linkq_new(void);
void linkq_free(struct linkq *q);
/* Set the conditions from now on (frames already queued keep their times);
 * reseeds when c->has_seed. */
void linkq_set(struct linkq *q, const struct link_cond *c);
void linkq_get(const struct linkq *q, struct link_cond *c);
/* Offer a frame of LEN bytes for DEST at NOW_NS (CLOCK_MONOTONIC); copies it. */
enum linkq_verdict linkq_push(struct linkq *q, const void *frame, size_t len,
			      int dest, uint64_t now_ns);
/* Copy out the next frame due at NOW_NS into BUF (SIZE bytes); its length,
 * with *DEST set, or -1 when none is due. */
ssize_t linkq_pop(struct linkq *q, uint64_t now_ns, void *buf, size_t size,
		  int *dest);
/* Nanoseconds from NOW_NS until the next frame is due (0 if one is due),
 * or -1 when the queue is empty. */
int64_t linkq_next(const struct linkq *q, uint64_t now_ns);

/* The bound on what one queue holds (tail drop past it: LINKQ_FULL).
 * netem's default limit is 1000 frames; the bytes bound keeps a slow
 * link's backlog from growing without end (at 1 Mbit/s, 2 MiB is about
 * 17 s of queue, as a bloated router buffer would hold). */
#define LINKQ_MAX_FRAMES 1000
#define LINKQ_MAX_BYTES (2u * 1024 * 1024)

/* What a queue has done since linkq_new (for "link" and capture). */
struct linkq_stats {
	uint64_t pushed;        /* frames offered */
	uint64_t dropped;       /* lost by the loss rate */
	uint64_t duplicated;
	uint64_t reordered;
	uint64_t full;          /* tail-dropped at the bound */
	uint64_t popped;
	size_t queued_frames;
	size_t queued_bytes;
};

void linkq_stats(const struct linkq *q, struct linkq_stats *st);
/* Set the bound (0 keeps the default) for tests and the bench. */
void linkq_set_limit(struct linkq *q, size_t max_frames, size_t max_bytes);
/* The nanoseconds LEN bytes take at RATE_KBIT (0: unlimited gives 0). */
uint64_t linkq_tx_ns(size_t len, uint32_t rate_kbit);

#endif
