// Traffic control in the ABI: the root queueing discipline of each interface, as `tc qdisc` lists and
// changes it through rtnetlink (RTM_GETQDISC / RTM_NEWQDISC / RTM_DELQDISC).

import type { RtResult } from './abi-net.ts';

export interface RtNetem {
  kind: 'netem';
  limit: number;
  delay: number;
  jitter: number;
  delayCorr: number;
  loss: number;
  lossCorr: number;
  duplicate: number;
  duplicateCorr: number;
  reorder: number;
  reorderCorr: number;
  gap: number;
  rate: number;
}

export interface RtTbf {
  kind: 'tbf';
  rate: number;
  burst: number;
  limit: number;
  latency: number;
}

export type RtQdiscSpec = RtNetem | RtTbf;

export interface RtQdisc {
  ifindex: number;
  /** 'noqueue' when nothing was set. */
  kind: string;
  /** Major handle number (0x8001 prints as 8001:), 0 for noqueue. */
  handle: number;
  spec: RtQdiscSpec | null;
  stats: { bytes: number; packets: number; dropped: number; overlimits: number; requeues: number };
}

export interface SysTc {
  rtQdiscs(): RtQdisc[] | number;
  rtSetQdisc(ifindex: number, op: 'add' | 'change' | 'replace' | 'del', spec?: RtQdiscSpec, handle?: number): RtResult;
}
