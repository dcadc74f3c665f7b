// What every `ip` object shares: the global options, iproute2's keyword matching (`matches`: a prefix of
// the keyword), its name tables (scopes, protocols, tables, route types, neighbour states), its argument
// errors with their exit statuses, and the link list read through the rtnetlink calls of Sys.

import { utf8Encode, type RtLink, type RtResult, type Sys } from '../../../kernel/abi.ts';
import { parseIpv4Address, prefixToNetmask, type Ipv4Address } from '../../../net/wire/index.ts';
import { strerror } from '../errno.ts';
import { readFileText } from '../io.ts';
import { formatJson, type Json } from './json.ts';

export interface IpOptions {
  stats: number;
  details: boolean;
  json: boolean;
  pretty: boolean;
  brief: boolean;
  oneline: boolean;
  /** 0 = any, 2 = inet, 10 = inet6, 17 = link. */
  family: number;
  /** `ip monitor` timestamps: 1 = -t (Timestamp: lines), 2 = -ts (short, ISO). */
  timestamp?: number;
}

/** Thrown to end `ip` with a status after its message was printed. */
export class IpExit {
  constructor(readonly status: number) {}
}

export class IpCtx {
  private outParts: string[] = [];
  private errParts: string[] = [];
  private linkCache: RtLink[] | null = null;
  /** Protocol names: iproute2's own, and those of /etc/iproute2/rt_protos.d/*.conf (loadProtos). */
  protos: Record<number, string> = PROTOS;

  constructor(readonly sys: Sys, readonly opts: IpOptions) {}

  /**
   * Adds the names packages put in /etc/iproute2/rt_protos.d (FRR's `196 static`, `189 rip` ...); the
   * route commands call it before they name or read a protocol, as iproute2 reads the files on first use.
   */
  async loadProtos(): Promise<void> {
    const dir = '/etc/iproute2/rt_protos.d';
    const fd = this.sys.open(dir, 0);
    if (fd < 0) return;
    const entries = this.sys.getdents(fd);
    this.sys.close(fd);
    if (typeof entries === 'number') return;
    const names = entries.map((e) => e.name).filter((n) => n.endsWith('.conf')).sort();
    const protos = { ...this.protos };
    for (const name of names) {
      const text = await readFileText(this.sys, `${dir}/${name}`);
      if (typeof text !== 'string') continue;
      for (const line of text.split('\n')) {
        const m = /^\s*(0x[0-9a-fA-F]+|\d+)\s+(\S+)/.exec(line);
        if (!m) continue;
        const n = Number(m[1]);
        if (n <= 255) protos[n] = m[2]!;
      }
    }
    this.protos = protos;
  }

  out(text: string): void {
    this.outParts.push(text);
  }

  /** stderr; iproute2's stdout is a stdio stream flushed at exit, stderr unbuffered. */
  err(text: string): void {
    this.errParts.push(text);
  }

  json(v: Json): void {
    this.out(formatJson(v, this.opts.pretty) + '\n');
  }

  async flush(): Promise<void> {
    // Errors are written before pending stdout when output is not a terminal, as stdio does.
    const err = this.errParts.join('');
    const out = this.outParts.join('');
    this.errParts = [];
    this.outParts = [];
    if (err) await this.sys.write(2, utf8Encode(err));
    if (out) await this.sys.write(1, utf8Encode(out));
  }

  /** Prints "msg\n" on stderr and ends with `status`. */
  fail(msg: string, status: number): never {
    this.err(msg + '\n');
    throw new IpExit(status);
  }

  links(): RtLink[] {
    if (this.linkCache) return this.linkCache;
    const r = this.sys.rtLinks();
    this.linkCache = typeof r === 'number' ? [] : r.slice().sort((a, b) => a.ifindex - b.ifindex);
    // Names iproute2 resolves itself (ll_index_to_name): the master, and an in-namespace veth peer.
    const byIndex = new Map(this.linkCache.map((l) => [l.ifindex, l]));
    for (const l of this.linkCache as ShownLink[]) {
      if (l.master) l.masterName = byIndex.get(l.master)?.name ?? `if${l.master}`;
      const peer = l.peer ? byIndex.get(l.peer) : undefined;
      if (peer) {
        l.peerName = peer.name;
        l.peerDown = !peer.up;
      }
    }
    return this.linkCache;
  }

  invalidate(): void {
    this.linkCache = null;
  }

  linkByName(name: string): RtLink | undefined {
    return this.links().find((l) => l.name === name);
  }

  linkName(ifindex: number): string {
    return this.links().find((l) => l.ifindex === ifindex)?.name ?? `if${ifindex}`;
  }

  /**
   * ll_name_to_index: the name, else the kernel's SIOCGIFINDEX lookup (which ignores an alias suffix, so
   * `lo:1` is `lo`), else `ifN` as an index; `Cannot find device "X"` (status 1) when all fail.
   */
  needLink(name: string): RtLink {
    const l = this.resolveLink(name);
    if (!l) this.fail(`Cannot find device "${name}"`, 1);
    return l;
  }

  resolveLink(name: string): RtLink | undefined {
    const colon = name.indexOf(':');
    const index = /^if(\d+)$/.exec(name);
    return this.linkByName(name) ??
      (colon > 0 ? this.linkByName(name.slice(0, colon)) : undefined) ??
      (index ? this.links().find((k) => k.ifindex === Number(index[1])) : undefined);
  }

  /** Prints a failed request the way iproute2 does and ends with status 2. */
  check(r: RtResult | number): void {
    if (r === 0) return;
    if (typeof r === 'number') {
      if (r >= 0) return;
      this.fail(`RTNETLINK answers: ${strerror(r)}`, 2);
    }
    this.fail(r.extack ? `Error: ${r.extack}.` : `RTNETLINK answers: ${strerror(r.errno)}`, 2);
  }
}

/** iproute2's matches(): `arg` is a non-empty prefix of `word`. */
export const matches = (arg: string, word: string): boolean => arg.length > 0 && word.startsWith(arg);

/** `Error: argument "X" is wrong: MSG` (invarg: status 255). */
export function invarg(ctx: IpCtx, msg: string, arg: string): never {
  ctx.fail(`Error: argument "${arg}" is wrong: ${msg}`, 255);
}

export function duparg2(ctx: IpCtx, key: string, arg: string): never {
  ctx.fail(`Error: either "${key}" is duplicate, or "${arg}" is a garbage.`, 255);
}

/** The argument after a keyword, or iproute2's "Command line is not complete" (status 255). */
export function nextArg(ctx: IpCtx, args: string[], i: number): string {
  if (i + 1 >= args.length) ctx.fail('Command line is not complete. Try option "help"', 255);
  return args[i + 1]!;
}

export interface Prefix {
  address: Ipv4Address;
  prefixLength: number;
  /** True when written without /LEN. */
  host: boolean;
}

/** An IPv4 prefix as get_prefix reads it ("default"/"any"/"all" when allowed); null when invalid. */
export function parsePrefix(text: string, allowDefault: boolean): Prefix | null {
  if (allowDefault && (text === 'default' || text === 'any' || text === 'all')) return { address: 0, prefixLength: 0, host: false };
  const slash = text.indexOf('/');
  const a = parseInet(slash < 0 ? text : text.slice(0, slash));
  if (a === null) return null;
  if (slash < 0) return { address: a, prefixLength: 32, host: true };
  const lenText = text.slice(slash + 1);
  let len: number | null = null;
  if (/^\d+$/.test(lenText)) len = Number(lenText);
  else {
    const m = parseIpv4Address(lenText);
    if (m !== null) len = maskLen(m);
  }
  if (len === null || len > 32) return null;
  return { address: a, prefixLength: len, host: false };
}

function maskLen(m: number): number | null {
  for (let l = 0; l <= 32; l++) if (prefixToNetmask(l) === m >>> 0) return l;
  return null;
}

/** inet_pton-like dotted quad, also accepting the short forms get_addr allows ("10", "10.1"). */
export function parseInet(text: string): Ipv4Address | null {
  if (!/^\d+(\.\d+){0,3}$/.test(text)) return null;
  const parts = text.split('.').map(Number);
  if (parts.some((p) => p > 255)) return null;
  while (parts.length < 4) parts.push(0);
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

export const SCOPES: Record<number, string> = { 0: 'global', 200: 'site', 253: 'link', 254: 'host', 255: 'nowhere' };
export const PROTOS: Record<number, string> = {
  0: 'unspec', 1: 'redirect', 2: 'kernel', 3: 'boot', 4: 'static', 8: 'gated', 9: 'ra', 10: 'mrt', 11: 'zebra',
  12: 'bird', 13: 'dnrouted', 14: 'xorp', 15: 'ntk', 16: 'dhcp', 18: 'keepalived', 42: 'babel', 99: 'openr',
  186: 'bgp', 187: 'isis', 188: 'ospf', 189: 'rip', 192: 'eigrp',
};
export const TABLES: Record<number, string> = { 0: 'unspec', 253: 'default', 254: 'main', 255: 'local' };
export const RTN_TYPES: Record<number, string> = {
  0: 'none', 1: 'unicast', 2: 'local', 3: 'broadcast', 4: 'anycast', 5: 'multicast', 6: 'blackhole',
  7: 'unreachable', 8: 'prohibit', 9: 'throw', 10: 'nat', 11: 'xresolve',
};

export const nameOf = (table: Record<number, string>, n: number): string => table[n] ?? String(n);

/** A name or number from one of the tables; null when neither. */
export function lookupName(table: Record<number, string>, text: string, max = 255): number | null {
  for (const [k, v] of Object.entries(table)) if (v === text) return Number(k);
  if (/^(0x[0-9a-fA-F]+|\d+)$/.test(text)) {
    const n = Number(text);
    return n <= max ? n : null;
  }
  return null;
}

/** A link with the names `ip` resolved for it (IpCtx.links). */
export interface ShownLink extends RtLink {
  masterName?: string;
  peerName?: string;
  /** The in-namespace peer is down: iproute2 prints M-DOWN. */
  peerDown?: boolean;
}

/** Display name of a link: `eth0@ifN` for a veth whose peer lives in another namespace, `v0@v1` in this one. */
export function linkDisplayName(l: RtLink): string {
  const x = l as ShownLink;
  if (x.peerName !== undefined) return `${l.name}@${x.peerName}`;
  const p = linkPeer(l);
  return p ? `${l.name}@if${p.index}` : l.name;
}

/**
 * The peer of an Ethernet link. Guests' ethN are Kathará's veth ends whose peers live in the host
 * namespace (link-netnsid 0); the ABI does not report the peer's ifindex yet, so this one is a stand-in.
 */
export function linkPeer(l: RtLink): { index: number; netnsid: number } | null {
  if (l.kind !== 'ether') return null;
  const x = l as RtLink & { linkIndex?: number; linkNetnsid?: number };
  return { index: x.linkIndex ?? l.ifindex, netnsid: x.linkNetnsid ?? 0 };
}

export function linkFlags(l: RtLink): string[] {
  const f: string[] = [];
  if (l.up && !(l.running ?? l.carrier) && l.kind !== 'loopback') f.push('NO-CARRIER');
  if (l.kind === 'loopback') f.push('LOOPBACK');
  else if (l.kind === 'dummy') f.push('BROADCAST');
  else f.push('BROADCAST', 'MULTICAST');
  if (l.noArp && l.kind !== 'loopback') f.push('NOARP');
  if (l.allmulti) f.push('ALLMULTI');
  if (l.promisc) f.push('PROMISC');
  if (l.up) f.push('UP');
  if (l.up && (l.carrier || l.kind === 'loopback')) f.push('LOWER_UP');
  if ((l as ShownLink).peerDown) f.push('M-DOWN');
  return f;
}

export function operState(l: RtLink): string {
  if (l.operState) return l.operState;
  if (l.kind === 'loopback') return 'UNKNOWN';
  return l.up && l.carrier ? 'UP' : 'DOWN';
}

/** The queueing discipline a veth shows: noop until first brought up, noqueue after (lo: noqueue). */
export function qdiscOf(l: RtLink): string {
  const x = l as RtLink & { qdisc?: string };
  if (x.qdisc) return x.qdisc;
  return l.kind === 'loopback' || l.up ? 'noqueue' : 'noop';
}

export const formatMac = (mac: number): string => {
  const o: string[] = [];
  let v = mac;
  for (let i = 0; i < 6; i++) {
    o.unshift((v % 256).toString(16).padStart(2, '0'));
    v = Math.floor(v / 256);
  }
  return o.join(':');
};

/** ll_addr_a2n: colon-separated hex octets; returns the number or the offending part. */
export function parseLladdr(text: string): number | { bad: string } {
  const parts = text.split(':');
  let mac = 0;
  for (const p of parts) if (!/^[0-9a-fA-F]{1,2}$/.test(p)) return { bad: p };
  if (parts.length !== 6) return { bad: text };
  for (const p of parts) mac = mac * 256 + parseInt(p, 16);
  return mac;
}
