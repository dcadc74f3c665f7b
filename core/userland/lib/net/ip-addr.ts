// `ip address`: show (plain, -4, -br, -o, -j, -s, scope/to/label/up filters), add/change/replace
// (brd +, label, scope, noprefixroute), del and flush, with iproute2's messages and statuses.

import type { RtAddr, RtAddrSpec, RtLink } from '../../../kernel/abi.ts';
import { broadcastOf, formatIpv4Address as fmt, inSubnet } from '../../../net/wire/index.ts';
import {
  duparg2, lookupName, matches, nameOf, nextArg, parseInet, parsePrefix, SCOPES, linkPeer, type IpCtx, type Prefix,
} from './ip-common.ts';
import { briefName, briefState, linkHeader, linkJson, linkLine, selectLinks, statsLines } from './ip-link.ts';
import type { Json } from './json.ts';

interface AddrFilter {
  scope?: number;
  to?: Prefix;
  label?: string;
  secondary?: boolean;
}

function parseFilter(ctx: IpCtx, rest: string[]): AddrFilter {
  const f: AddrFilter = {};
  for (let i = 0; i < rest.length; i++) {
    const k = rest[i]!;
    if (k === 'scope') {
      const v = rest[++i]!;
      const s = v === 'all' ? -1 : lookupName(SCOPES, v);
      if (s === null) ctx.fail(`Error: argument "${v}" is wrong: invalid "scope"\n`, 255);
      if (s >= 0) f.scope = s;
    } else if (k === 'to') {
      const v = rest[++i]!;
      const p = parsePrefix(v, true);
      if (!p) ctx.fail(`Error: any valid prefix is expected rather than "${v}".`, 1);
      f.to = p;
    } else if (k === 'label') f.label = rest[++i]!;
    else if (k === 'secondary') f.secondary = true;
    else if (k === 'primary') f.secondary = false;
    else i++;
  }
  return f;
}

function keep(a: RtAddr, f: AddrFilter): boolean {
  if (f.scope !== undefined && a.scope !== f.scope) return false;
  if (f.to && !inSubnet(a.address, f.to.address, f.to.prefixLength)) return false;
  if (f.label !== undefined && !globMatch(f.label, a.label)) return false;
  if (f.secondary !== undefined && a.secondary !== f.secondary) return false;
  return true;
}

/** fnmatch for labels ("eth0:*"). */
function globMatch(pattern: string, s: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(s);
}

const hasPeer = (a: RtAddr): boolean => a.peer !== 0 && a.peer !== a.address;

export function addrText(a: RtAddr): string {
  let s = `inet ${fmt(a.address)}`;
  s += hasPeer(a) ? ` peer ${fmt(a.peer)}/${a.prefixLength}` : `/${a.prefixLength}`;
  if (a.broadcast) s += ` brd ${fmt(a.broadcast)}`;
  s += ` scope ${nameOf(SCOPES, a.scope)}`;
  if (a.secondary) s += ' secondary';
  if (a.noPrefixRoute) s += ' noprefixroute';
  return `${s} ${a.label}`;
}

export const lft = (v: number): string => (v === 0xffffffff ? 'forever' : `${v}sec`);

function addrJson(a: RtAddr): Record<string, Json> {
  const o: Record<string, Json> = { family: 'inet', local: fmt(a.address) };
  if (hasPeer(a)) o['address'] = fmt(a.peer);
  o['prefixlen'] = a.prefixLength;
  if (a.broadcast) o['broadcast'] = fmt(a.broadcast);
  o['scope'] = nameOf(SCOPES, a.scope);
  if (a.secondary) o['secondary'] = true;
  if (a.noPrefixRoute) o['noprefixroute'] = true;
  o['label'] = a.label;
  o['valid_life_time'] = a.validLft;
  o['preferred_life_time'] = a.preferredLft;
  return o;
}

export function addrShow(ctx: IpCtx, args: string[]): number {
  const { links, rest } = selectLinks(ctx, args, 'address');
  const f = parseFilter(ctx, rest);
  const all = ctx.sys.rtAddrs();
  const addrs = typeof all === 'number' ? [] : all;
  const filtering = f.scope !== undefined || f.to !== undefined || f.label !== undefined || f.secondary !== undefined;
  // An address selector (`to PREFIX`) sets the family, which hides the link/ether line as -4 does.
  const inet = ctx.opts.family === 2 || f.to !== undefined;
  const json: Json[] = [];
  for (const l of links) {
    const mine = addrs.filter((a) => a.ifindex === l.ifindex && keep(a, f));
    // With a filter or -4, links without a matching address are left out.
    if ((filtering || inet) && mine.length === 0) continue;
    if (ctx.opts.json) {
      json.push({ ...linkJson(ctx, l, false), addr_info: mine.map(addrJson) });
      continue;
    }
    if (ctx.opts.brief) {
      ctx.out(`${briefName(l)}${briefState(l)}${mine.map((a) => `${fmt(a.address)}/${a.prefixLength} `).join('')}\n`);
      continue;
    }
    if (ctx.opts.oneline) {
      for (const a of mine) ctx.out(`${l.ifindex}: ${l.name}    ${addrText(a)}\\       valid_lft ${lft(a.validLft)} preferred_lft ${lft(a.preferredLft)}\n`);
      continue;
    }
    if (f.label !== undefined) {
      // A label filter prints the matching addresses alone.
      for (const a of mine) ctx.out(`    ${addrText(a)}\n       valid_lft ${lft(a.validLft)} preferred_lft ${lft(a.preferredLft)}\n`);
      continue;
    }
    const peer = linkPeer(l);
    const lines = [inet ? linkHeader(l, false) + (peer ? ` link-netnsid ${peer.netnsid}` : '') : linkHeader(l, false)];
    if (!inet) lines.push(`    ${linkLine(ctx, l)}`);
    for (const a of mine) lines.push(`    ${addrText(a)}`, `       valid_lft ${lft(a.validLft)} preferred_lft ${lft(a.preferredLft)}`);
    if (ctx.opts.stats && !inet) lines.push(...statsLines(ctx, l));
    ctx.out(lines.join('\n') + '\n');
  }
  if (ctx.opts.json) ctx.json(json);
  return 0;
}

interface AddrArgs {
  local?: Prefix;
  localText?: string;
  dev?: string;
  brd?: string;
  label?: string;
  scope?: number;
  noPrefixRoute: boolean;
  peer?: Prefix;
}

function parseModify(ctx: IpCtx, args: string[]): AddrArgs {
  const r: AddrArgs = { noPrefixRoute: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'dev') r.dev = nextArg(ctx, args, i++);
    else if (matches(a, 'broadcast') || a === 'brd') r.brd = nextArg(ctx, args, i++);
    else if (a === 'label') r.label = nextArg(ctx, args, i++);
    else if (a === 'scope') {
      const v = nextArg(ctx, args, i++);
      const s = lookupName(SCOPES, v);
      if (s === null) ctx.fail(`Error: argument "${v}" is wrong: invalid scope value.`, 255);
      r.scope = s;
    } else if (a === 'noprefixroute') r.noPrefixRoute = true;
    else if (a === 'peer' || a === 'remote') {
      const v = nextArg(ctx, args, i++);
      const p = parsePrefix(v, false);
      if (!p) ctx.fail(`Error: any valid prefix is expected rather than "${v}".`, 1);
      r.peer = p;
    } else if (['valid_lft', 'preferred_lft', 'metric', 'anycast'].includes(a)) i++;
    else if (['home', 'nodad', 'mngtmpaddr', 'autojoin'].includes(a)) continue;
    else {
      if (a === 'local') {
        i++;
      }
      const text = a === 'local' ? nextArg(ctx, args, i - 1) : a;
      if (r.local) duparg2(ctx, 'local', text);
      const p = parsePrefix(text, false);
      if (!p) ctx.fail(`Error: any valid prefix is expected rather than "${text}".`, 1);
      r.local = p;
      r.localText = text;
    }
  }
  return r;
}

function modify(ctx: IpCtx, args: string[], mode: 'add' | 'change' | 'replace'): number {
  const r = parseModify(ctx, args);
  if (r.dev === undefined) ctx.fail('Not enough information: "dev" argument is required.', 1);
  if (!r.local) ctx.fail('Not enough information: "local" argument is required.', 1);
  const l = ctx.needLink(r.dev);
  // ipaddr_modify(): the peer's length when it has one, else the local's.
  const spec: RtAddrSpec = { ifindex: l.ifindex, address: r.local.address, prefixLength: r.peer && !r.peer.host ? r.peer.prefixLength : r.local.prefixLength };
  if (r.peer) spec.peer = r.peer.address;
  if (r.brd !== undefined) {
    if (r.brd === '+' || r.brd === '-') {
      if (r.brd === '+' && r.local.prefixLength < 31) spec.broadcast = broadcastOf(r.local.address, r.local.prefixLength);
    } else {
      const b = parseInet(r.brd);
      if (b === null) ctx.fail(`Error: inet address is expected rather than "${r.brd}".`, 1);
      spec.broadcast = b;
    }
  }
  if (r.label !== undefined) spec.label = r.label;
  if (r.scope !== undefined) spec.scope = r.scope;
  if (r.noPrefixRoute) spec.noPrefixRoute = true;
  if (mode === 'change') {
    const cur = ctx.sys.rtAddrs(l.ifindex);
    const found = typeof cur !== 'number' && cur.some((a) => a.address === spec.address && a.prefixLength === spec.prefixLength);
    if (!found) ctx.fail('RTNETLINK answers: No such file or directory', 2);
    return 0;
  }
  ctx.check(ctx.sys.rtAddAddr(spec, mode === 'replace'));
  return 0;
}

function addrDel(ctx: IpCtx, args: string[]): number {
  const r = parseModify(ctx, args);
  if (r.dev === undefined) ctx.fail('Not enough information: "dev" argument is required.', 1);
  const l = ctx.needLink(r.dev);
  if (!r.local) {
    // "ip addr del dev X" deletes the first address.
    const cur = ctx.sys.rtAddrs(l.ifindex);
    const first = typeof cur === 'number' ? undefined : cur[0];
    if (!first) ctx.fail('Error: ipv4: Address not found.', 2);
    ctx.check(ctx.sys.rtDelAddr(l.ifindex, first.address, first.prefixLength));
    return 0;
  }
  if (r.local.host) ctx.err('Warning: Executing wildcard deletion to stay compatible with old scripts.\n' +
    '         Explicitly specify the prefix length (10.0.0.1/32) to avoid this warning.\n' +
    '         This special behaviour is likely to disappear in further releases,\n' +
    '         fix your scripts!\n');
  ctx.check(ctx.sys.rtDelAddr(l.ifindex, r.local.address, r.local.host ? undefined : r.local.prefixLength));
  return 0;
}

function addrFlush(ctx: IpCtx, args: string[]): number {
  if (args.length === 0) ctx.fail('Flush requires arguments.', 1);
  const { links, rest } = selectLinks(ctx, args, 'address');
  const f = parseFilter(ctx, rest);
  const filtering = f.scope !== undefined || f.to !== undefined || f.label !== undefined || f.secondary !== undefined;
  for (const l of links) {
    const cur = ctx.sys.rtAddrs(l.ifindex);
    if (typeof cur === 'number') continue;
    if (!filtering && links.length === 1) {
      ctx.check(ctx.sys.rtFlushAddrs(l.ifindex));
      continue;
    }
    // Secondaries first, so deleting a primary does not take them along unseen.
    for (const a of [...cur.filter((x) => x.secondary), ...cur.filter((x) => !x.secondary)]) {
      if (!keep(a, f)) continue;
      const r = ctx.sys.rtDelAddr(l.ifindex, a.address, a.prefixLength);
      if (r !== 0 && r.errno !== -99) ctx.check(r);
    }
  }
  return 0;
}

export function doAddress(ctx: IpCtx, args: string[]): number {
  if (args.length === 0) return addrShow(ctx, []);
  const [cmd, ...rest] = args as [string, ...string[]];
  if (matches(cmd, 'add')) return modify(ctx, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg') return modify(ctx, rest, 'change');
  if (matches(cmd, 'replace')) return modify(ctx, rest, 'replace');
  if (matches(cmd, 'delete')) return addrDel(ctx, rest);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return addrShow(ctx, rest);
  if (matches(cmd, 'flush')) return addrFlush(ctx, rest);
  if (matches(cmd, 'help')) {
    ctx.err(ADDR_USAGE);
    return 255;
  }
  ctx.fail(`Command "${cmd}" is unknown, try "ip address help".`, 255);
}

export type { RtLink };

const ADDR_USAGE = `Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
                                                      [ CONFFLAG-LIST ]
       ip address del IFADDR dev IFNAME [mngtmpaddr]
       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]
                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]
       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]
                         [ nomaster ]
                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]
                         [ label LABEL ] [up] [ vrf NAME ] ]
       ip address {showdump|restore}
IFADDR := PREFIX | ADDR peer PREFIX
          [ broadcast ADDR ] [ anycast ADDR ]
          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ permanent | dynamic | secondary | primary |
           [-]tentative | [-]deprecated | [-]dadfailed | temporary |
           CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
          ip6erspan | ip6gre | ip6gretap | ip6tnl |
          ipip | ipoib | ipvlan | ipvtap |
          macsec | macvlan | macvtap |
          netdevsim | nlmon | rmnet | sit | team | team_slave |
          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
          xfrm | virt_wifi }
`;
