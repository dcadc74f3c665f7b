// The virtual CPU of a lab: clock, timers, run queue, run modes, CPU accounting, seeded randomness.
export { Cpu, DEFAULT_EPOCH, type RunMode, type CpuOptions } from './cpu.ts';
export { Driver, type HostHooks } from './driver.ts';
export { CpuGroup, CpuAccount, DEFAULT_QUOTA, SYSCALL_COST, BYTE_COST, type QuotaOptions } from './accounting.ts';
export { Rng, hashString } from './rng.ts';
export type { Timer } from './timer-heap.ts';
export * from './time.ts';
