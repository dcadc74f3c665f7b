// The router ID zebra gives its daemons when none is configured (zebra/router-id.c router_id_get): the
// highest address on a loopback interface, else the highest address on any other; 127.0.0.0/8 and
// 0.0.0.0 never count.
import { parseIpv4Address } from '../../../net/wire/ipv4-address.ts';

export interface RouterIdInterface {
  loopback?: boolean;
  addresses: readonly { address: string }[];
}

export function zebraRouterId(ifaces: readonly RouterIdInterface[]): number {
  let lo = 0, other = 0;
  for (const i of ifaces) {
    for (const a of i.addresses) {
      const n = (parseIpv4Address(a.address) ?? 0) >>> 0;
      if (n === 0 || n >>> 24 === 127) continue;
      if (i.loopback) lo = Math.max(lo, n);
      else other = Math.max(other, n);
    }
  }
  return lo !== 0 ? lo : other;
}
