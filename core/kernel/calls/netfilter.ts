// Netfilter calls: iptables reads a table whole and hands it back whole (core/net/filter/tables.ts).

import { EAFNOSUPPORT } from '../abi.ts';
import type { RtResult } from '../abi-net.ts';
import type { IptTable } from '../abi-netfilter.ts';
import type { Kernel } from '../kernel.ts';

export const iptGet = (k: Kernel, name: string): IptTable | null | number => (k.net ? k.net.iptables.get(name) : -EAFNOSUPPORT);

export function iptReplace(k: Kernel, table: IptTable): RtResult {
  if (!k.net) return { errno: -EAFNOSUPPORT };
  const r = k.net.iptables.replace(table);
  return r === 0 ? 0 : { errno: r.errno, ...(r.extack ? { extack: r.extack } : {}) };
}
