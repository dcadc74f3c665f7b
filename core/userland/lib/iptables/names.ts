// Names iptables reads and prints: protocols (its own short list first, then /etc/protocols), services
// (/etc/services, by the rule's protocol), ICMP types (libxt_icmp's table), hosts (/etc/hosts) and networks
// (/etc/networks) for -s/-d and for listings without -n.
import type { Sys } from '../../../kernel/abi.ts';
import { formatIpv4Address } from '../../../net/wire/index.ts';
import { readFileText } from '../io.ts';
import { entryByName, entryByNumber, readNetdb, serviceByName, serviceByPort, type NetdbEntry } from '../net/netdb.ts';
import { hostsEntries, inetAton } from '../net/resolve.ts';

/** libxtables' xtables_chain_protos: looked up before /etc/protocols. */
const CHAIN_PROTOS: Array<[string, number]> = [
  ['tcp', 6], ['sctp', 132], ['udp', 17], ['udplite', 136], ['icmp', 1], ['ipv6-icmp', 58], ['esp', 50], ['ah', 51],
  ['mh', 135], ['all', 0],
];

/** The netbase and hosts files a command needs, read once. */
export class IptNames {
  private constructor(
    readonly protocols: NetdbEntry[],
    readonly services: NetdbEntry[],
    readonly hosts: Array<{ addr: number; names: string[] }>,
    readonly networks: Array<{ addr: number; name: string }>,
  ) {}

  static async load(sys: Sys): Promise<IptNames> {
    const nets: Array<{ addr: number; name: string }> = [];
    const text = await readFileText(sys, '/etc/networks');
    if (typeof text === 'string') {
      for (const line of text.split('\n')) {
        const f = line.replace(/#.*/, '').trim().split(/\s+/);
        const a = f.length >= 2 ? inetAton(f[1]!) : null;
        if (a !== null) nets.push({ addr: a, name: f[0]! });
      }
    }
    return new IptNames(await readNetdb(sys, 'protocols'), await readNetdb(sys, 'services'), await hostsEntries(sys), nets);
  }

  /** -p NAME|NUMBER (already lowercased); null when unknown. */
  protoNumber(text: string): number | null {
    if (/^\d+$/.test(text)) return Number(text) <= 255 ? Number(text) : null;
    const own = CHAIN_PROTOS.find(([n]) => n === text);
    if (own) return own[1];
    return entryByName(this.protocols, text)?.number ?? null;
  }

  /** The name -L and -S print for a protocol number (the number when it has none). */
  protoName(n: number): string {
    const own = CHAIN_PROTOS.find(([, v]) => v === n);
    if (own) return own[0];
    return entryByNumber(this.protocols, n)?.name ?? String(n);
  }

  /** A port number or a service name of `proto`; null when neither. */
  port(text: string, proto: string): number | null {
    if (/^\d+$/.test(text)) return Number(text) <= 65535 ? Number(text) : null;
    return serviceByName(this.services, text, proto)?.number ?? null;
  }

  portName(port: number, proto: string): string {
    return serviceByPort(this.services, port, proto)?.name ?? String(port);
  }

  /** -s/-d: the addresses of a host name (a dotted quad is itself). */
  hostAddrs(text: string): number[] {
    const n = /^[\d.]+$/.test(text) ? inetAton(text) : null;
    if (n !== null) return [n];
    const lc = text.toLowerCase();
    const out: number[] = [];
    for (const e of this.hosts) if (e.names.some((x) => x.toLowerCase() === lc) && !out.includes(e.addr)) out.push(e.addr);
    return out;
  }

  /** A network name from /etc/networks. */
  networkAddr(text: string): number | null {
    return this.networks.find((e) => e.name === text)?.addr ?? null;
  }

  /** An address with its mask as -L prints it without -n ("anywhere", a host, a network, or numbers). */
  addrName(addr: number, mask: number): string {
    if (mask === 0) return 'anywhere';
    if (mask === 0xffffffff) {
      const h = this.hosts.find((e) => e.addr === addr);
      return h ? h.names[0]! : formatIpv4Address(addr);
    }
    const net = this.networks.find((e) => e.addr === addr);
    return (net ? net.name : formatIpv4Address(addr)) + maskText(mask);
  }
}

/** "/24", or "/255.0.255.0" for a mask that is not a prefix; "" for /32. */
export function maskText(mask: number): string {
  if (mask === 0xffffffff) return '';
  const len = prefixLength(mask);
  return len < 0 ? `/${formatIpv4Address(mask)}` : `/${len}`;
}

export function prefixLength(mask: number): number {
  for (let len = 0; len <= 32; len++) if (prefixMask(len) === mask) return len;
  return -1;
}

export function prefixMask(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** libxt_icmp's names: [name, type, codeLo, codeHi], in its order (the first of a type/code names it). */
export const ICMP_TYPES: Array<[string, number, number, number]> = [
  ['any', 0xff, 0, 0xff],
  ['echo-reply', 0, 0, 0xff],
  ['pong', 0, 0, 0xff],
  ['destination-unreachable', 3, 0, 0xff],
  ['network-unreachable', 3, 0, 0],
  ['host-unreachable', 3, 1, 1],
  ['protocol-unreachable', 3, 2, 2],
  ['port-unreachable', 3, 3, 3],
  ['fragmentation-needed', 3, 4, 4],
  ['source-route-failed', 3, 5, 5],
  ['network-unknown', 3, 6, 6],
  ['host-unknown', 3, 7, 7],
  ['network-prohibited', 3, 9, 9],
  ['host-prohibited', 3, 10, 10],
  ['TOS-network-unreachable', 3, 11, 11],
  ['TOS-host-unreachable', 3, 12, 12],
  ['communication-prohibited', 3, 13, 13],
  ['host-precedence-violation', 3, 14, 14],
  ['precedence-cutoff', 3, 15, 15],
  ['source-quench', 4, 0, 0xff],
  ['redirect', 5, 0, 0xff],
  ['network-redirect', 5, 0, 0],
  ['host-redirect', 5, 1, 1],
  ['TOS-network-redirect', 5, 2, 2],
  ['TOS-host-redirect', 5, 3, 3],
  ['echo-request', 8, 0, 0xff],
  ['ping', 8, 0, 0xff],
  ['router-advertisement', 9, 0, 0xff],
  ['router-solicitation', 10, 0, 0xff],
  ['time-exceeded', 11, 0, 0xff],
  ['ttl-exceeded', 11, 0, 0xff],
  ['ttl-zero-during-transit', 11, 0, 0],
  ['ttl-zero-during-reassembly', 11, 1, 1],
  ['parameter-problem', 12, 0, 0xff],
  ['ip-header-bad', 12, 0, 0],
  ['required-option-missing', 12, 1, 1],
  ['timestamp-request', 13, 0, 0xff],
  ['timestamp-reply', 14, 0, 0xff],
  ['address-mask-request', 17, 0, 0xff],
  ['address-mask-reply', 18, 0, 0xff],
];
