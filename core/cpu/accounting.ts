// CPU time accounting and quotas. Work in a guest is charged in virtual nanoseconds: each syscall costs a
// little system time and programs that compute charge user time when they yield. A guest (a CpuGroup) has
// a bandwidth quota per period, as the CFS bandwidth controller does: once spent, its processes wait for
// the next period, so a busy loop consumes virtual time instead of stalling the lab.

import type { Cpu } from './cpu.ts';
import type { Nanos } from './time.ts';
import { NS_PER_MS } from './time.ts';

/** Virtual cost of one system call. */
export const SYSCALL_COST: Nanos = 200;
/** Virtual cost of copying one byte in or out of the kernel. */
export const BYTE_COST: Nanos = 0.25;

export interface QuotaOptions {
  /** CPU time allowed per period; Infinity for none. */
  quota: Nanos;
  period: Nanos;
}

export const DEFAULT_QUOTA: QuotaOptions = { quota: 100 * NS_PER_MS, period: 100 * NS_PER_MS };

/** CPU time of one guest, with its quota. */
export class CpuGroup {
  user: Nanos = 0;
  system: Nanos = 0;
  private periodStart: Nanos;
  private usedInPeriod: Nanos = 0;
  /** Processes waiting for the next period; null while none is (most groups never spend their quota). */
  private parked: Array<() => void> | null = null;
  private releaseArmed = false;

  constructor(
    readonly cpu: Cpu,
    public quota: QuotaOptions = DEFAULT_QUOTA,
  ) {
    this.periodStart = cpu.now;
  }

  get total(): Nanos {
    return this.user + this.system;
  }

  charge(ns: Nanos, system: boolean): void {
    if (system) this.system += ns;
    else this.user += ns;
    this.rollPeriod();
    this.usedInPeriod += ns;
  }

  /** True when the group has spent its quota for the current period. */
  get throttled(): boolean {
    this.rollPeriod();
    return this.usedInPeriod >= this.quota.quota;
  }

  /**
   * Resolves when a process of this group may run again: in the next batch of ready work, or after the
   * current period ends when the quota is spent.
   */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.throttled) {
        this.cpu.enqueue(resolve);
        return;
      }
      (this.parked ??= []).push(resolve);
      if (!this.releaseArmed) {
        this.releaseArmed = true;
        this.cpu.setTimerAt(this.periodStart + this.quota.period, () => this.release());
      }
    });
  }

  private release(): void {
    this.releaseArmed = false;
    const parked = this.parked;
    this.parked = null;
    if (parked) for (const resolve of parked) this.cpu.enqueue(resolve);
  }

  private rollPeriod(): void {
    const now = this.cpu.now;
    const period = this.quota.period;
    if (now >= this.periodStart + period) {
      this.periodStart = now - ((now - this.periodStart) % period);
      this.usedInPeriod = 0;
    }
  }
}

/** CPU time of one process (or thread of work) inside a group. */
export class CpuAccount {
  user: Nanos = 0;
  system: Nanos = 0;

  constructor(readonly group: CpuGroup) {}

  get total(): Nanos {
    return this.user + this.system;
  }

  chargeSystem(ns: Nanos): void {
    this.system += ns;
    this.group.charge(ns, true);
  }

  chargeUser(ns: Nanos): void {
    this.user += ns;
    this.group.charge(ns, false);
  }
}
