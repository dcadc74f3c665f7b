// Host name lookup as glibc does it for these tools with "hosts: files dns": a dotted quad (inet_aton
// forms), then /etc/hosts, then the name servers of /etc/resolv.conf (lib/dns/stub-resolver.ts). Without
// a server that answers, a name fails the way the resolver fails without a network. Reverse lookups (for
// names in output) ask the same way.
import type { Sys } from '../../../kernel/abi.ts';
import { formatIpv4Address } from '../../../net/wire/index.ts';
import { lookupIpv4, lookupPtr } from '../dns/stub-resolver.ts';
import { readFileText } from '../io.ts';

/** inet_aton: a, a.b, a.b.c or a.b.c.d with decimal, octal (0..) or hex (0x..) parts. */
export function inetAton(text: string): number | null {
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((p) => !/^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$/.test(p))) return null;
  const nums = parts.map((p) => (/^0[xX]/.test(p) ? parseInt(p.slice(2) || '0', 16) : p.length > 1 && p[0] === '0' ? parseInt(p, 8) : Number(p)));
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return null;
  let v = 0;
  nums.forEach((n, i) => (v += n * 2 ** (24 - 8 * i)));
  return v + last;
}

/** The address lines of /etc/hosts. */
export async function hostsEntries(sys: Sys): Promise<Array<{ addr: number; names: string[] }>> {
  const text = await readFileText(sys, '/etc/hosts');
  const out: Array<{ addr: number; names: string[] }> = [];
  if (typeof text === 'number') return out;
  for (const line of text.split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f.length < 2 || !/^\d+\.\d+\.\d+\.\d+$/.test(f[0]!)) continue;
    const a = inetAton(f[0]!);
    if (a !== null) out.push({ addr: a, names: f.slice(1) });
  }
  return out;
}

export interface Resolved {
  addr: number;
  /** The canonical name (the first name of the hosts line), or the address text for a numeric host. */
  canonical: string;
  numeric: boolean;
}

/** gai_strerror's text for a name that was not resolved: no server answered, or the name does not exist. */
export type LookupFailure = 'Temporary failure in name resolution' | 'Name or service not known';

/**
 * Resolves a host as getaddrinfo does with Debian's nsswitch.conf (`hosts: files dns`): /etc/hosts, then
 * the name servers of /etc/resolv.conf. Without an address, why (as gai_strerror words it).
 */
export async function lookupHost(sys: Sys, host: string): Promise<Resolved | LookupFailure> {
  const n = inetAton(host);
  if (n !== null) return { addr: n, canonical: formatIpv4Address(n), numeric: true };
  for (const e of await hostsEntries(sys)) {
    if (e.names.some((x) => x.toLowerCase() === host.toLowerCase())) return { addr: e.addr, canonical: e.names[0]!, numeric: false };
  }
  if (host === '') return 'Name or service not known';
  const found = await lookupIpv4(sys, host);
  if (found.ok) return { addr: found.addrs[0]!, canonical: found.canonical, numeric: false };
  return found.error === 'notfound' ? 'Name or service not known' : 'Temporary failure in name resolution';
}

/** lookupHost's address; null when there is none. */
export async function resolveHost(sys: Sys, host: string): Promise<Resolved | null> {
  const r = await lookupHost(sys, host);
  return typeof r === 'string' ? null : r;
}

/** The name of an address: from /etc/hosts, then a PTR query to the name servers; null when none has one. */
export async function reverseName(sys: Sys, addr: number): Promise<string | null> {
  for (const e of await hostsEntries(sys)) if (e.addr === addr) return e.names[0]!;
  return lookupPtr(sys, addr);
}
