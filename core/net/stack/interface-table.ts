// The devices of one stack by ifindex (dev_get_by_index): one array indexed by ifindex, which the packet
// paths read directly, listed in ifindex order. Ifindexes only grow, so that is also the order the devices
// were made in, the order a Map of them would list.

import type { NetInterface } from './interface.ts';

export class InterfaceTable {
  /** Slot 0 is never used; sized for lo (an empty array grows by 17 slots at its first store). */
  private readonly byIndex: Array<NetInterface | undefined> = new Array(2);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(ifindex: number): NetInterface | undefined {
    return ifindex >= 0 && ifindex < this.byIndex.length ? this.byIndex[ifindex] : undefined;
  }

  has(ifindex: number): boolean {
    return this.get(ifindex) !== undefined;
  }

  /** Every device, by ifindex. */
  *values(): IterableIterator<NetInterface> {
    const all = this.byIndex;
    for (let i = 0; i < all.length; i++) {
      const dev = all[i];
      if (dev) yield dev;
    }
  }

  add(dev: NetInterface): void {
    if (!this.has(dev.ifindex)) this.count++;
    this.byIndex[dev.ifindex] = dev;
  }

  delete(ifindex: number): void {
    if (!this.has(ifindex)) return;
    this.byIndex[ifindex] = undefined;
    this.count--;
  }
}
