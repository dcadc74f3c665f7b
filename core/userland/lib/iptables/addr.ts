// -s and -d: "address[/mask][,address[/mask]...]" as xtables_ipparse_multiple reads them. An address is a
// dotted quad, a host of /etc/hosts (every address it has) or a network of /etc/networks; a mask is a
// prefix length or a dotted quad. Addresses are masked; a host's repeated addresses are dropped.
import { inetAton } from '../net/resolve.ts';
import { paramError } from './errors.ts';
import { prefixMask, type IptNames } from './names.ts';

export interface AddrMask {
  addr: number;
  mask: number;
}

export function parseAddresses(text: string, names: IptNames): AddrMask[] {
  const out: AddrMask[] = [];
  for (const item of text.split(',')) {
    const slash = item.indexOf('/');
    const host = slash < 0 ? item : item.slice(0, slash);
    let mask = 0xffffffff;
    if (slash >= 0) {
      const m = item.slice(slash + 1);
      if (m.includes('.')) {
        const v = inetAton(m);
        if (v === null) throw paramError(`invalid mask \`${m}' specified`);
        mask = v;
      } else {
        if (!/^\d+$/.test(m) || Number(m) > 32) throw paramError(`invalid mask \`${m}' specified`);
        mask = prefixMask(Number(m));
      }
    }
    let addrs: number[];
    if (mask === 0) addrs = [0];
    else {
      const quad = /^\d+(\.\d+){3}$/.test(host) ? inetAton(host) : null;
      if (quad !== null) addrs = [quad];
      else {
        addrs = host === '' ? [] : names.hostAddrs(host);
        if (addrs.length === 0) {
          const net = names.networkAddr(host);
          if (net !== null) addrs = [net];
        }
      }
      if (addrs.length === 0) throw paramError(`host/network \`${host}' not found`);
    }
    // Repeats are dropped among one host's addresses only; items of the list are kept as given.
    const mine: AddrMask[] = [];
    for (const a of addrs) {
      const addr = (a & mask) >>> 0;
      if (!mine.some((x) => x.addr === addr)) mine.push({ addr, mask });
    }
    out.push(...mine);
  }
  return out;
}
