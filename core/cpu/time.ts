// Virtual time units. Every clock in core counts nanoseconds of virtual time as a plain number
// (exact up to 2^53 ns, about 104 days of lab time).

export type Nanos = number;

export const NS_PER_US = 1_000;
export const NS_PER_MS = 1_000_000;
export const NS_PER_SEC = 1_000_000_000;

export const ms = (n: number): Nanos => Math.round(n * NS_PER_MS);
export const sec = (n: number): Nanos => Math.round(n * NS_PER_SEC);
export const us = (n: number): Nanos => Math.round(n * NS_PER_US);
