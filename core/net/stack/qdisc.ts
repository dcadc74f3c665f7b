// Root queueing disciplines of an interface, as `tc qdisc` manages them: noqueue (a veth's default),
// netem (delay, jitter, loss, duplication, reordering, rate) and tbf (rate with a bucket). Their effect is
// applied to the interface's egress cable in the fabric; the handles are numbered per stack from 8001:
// as qdisc_alloc_handle() numbers them in a network namespace.

import type { NetInterface } from './interface.ts';

export interface NetemSpec {
  kind: 'netem';
  /** Packets (default 1000). */
  limit: number;
  /** ns */
  delay: number;
  jitter: number;
  /** Probabilities 0..1 and their correlations. */
  delayCorr: number;
  loss: number;
  lossCorr: number;
  duplicate: number;
  duplicateCorr: number;
  reorder: number;
  reorderCorr: number;
  gap: number;
  /** bits per second, 0 = none */
  rate: number;
}

export interface TbfSpec {
  kind: 'tbf';
  /** bits per second */
  rate: number;
  /** bucket size in bytes */
  burst: number;
  /** queue limit in bytes (given or computed from latency) */
  limit: number;
  /** ns when the queue was given as a latency, else 0 */
  latency: number;
}

export type QdiscSpec = NetemSpec | TbfSpec;

export interface Qdisc {
  handle: number;
  spec: QdiscSpec;
  stats: { bytes: number; packets: number; dropped: number; overlimits: number; requeues: number };
}

/** What the fabric's egress cable is told (ns, probabilities 0..1, bits per second, bytes). */
export interface ShapeOptions {
  delay: number;
  jitter: number;
  loss: number;
  duplicate: number;
  reorder: number;
  rate: number;
  queueBytes: number;
}

export function shapeOf(q: Qdisc | null): ShapeOptions | null {
  if (!q) return null;
  const s = q.spec;
  if (s.kind === 'netem') {
    return { delay: s.delay, jitter: s.jitter, loss: s.loss, duplicate: s.duplicate, reorder: s.reorder, rate: s.rate, queueBytes: s.limit * 1514 };
  }
  return { delay: 0, jitter: 0, loss: 0, duplicate: 0, reorder: 0, rate: s.rate, queueBytes: Math.max(s.limit, 1514) };
}

/** Applies the interface's qdisc to its wire (no-op until the wire can shape). */
export function applyQdisc(dev: NetInterface): void {
  dev.wire?.shape?.(shapeOf(dev.qdisc));
}
