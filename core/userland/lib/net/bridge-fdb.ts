// `bridge fdb` (iproute2 6.1 bridge/fdb.c): show the forwarding databases, with the br/brport/dev and
// dynamic filters, -s ages and -j; add/replace/append and del of entries behind a bridge port (master).
// The dump goes device by device in ifindex order: a port's master entries (newest first, as the
// bridge's list keeps them), then the device's own multicast addresses (`self permanent`).

import type { RtFdbEntry, RtLink } from '../../../kernel/abi.ts';
import { strerror } from '../errno.ts';
import { formatMac, matches, type IpCtx } from './ip-common.ts';
import type { Json } from './json.ts';

export const FDB_USAGE = `Usage: bridge fdb { add | append | del | replace } ADDR dev DEV
              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]
              [ sticky ] [ local | static | dynamic ] [ vlan VID ]
              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }
	       [ via DEV ] [ src_vni VNI ]
       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]
              [ state STATE ] [ dynamic ] ]
       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV
              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]
       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]
              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]
              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]
              [ [no]offloaded ]
`;

function usage(ctx: IpCtx): never {
  ctx.fail(FDB_USAGE.trimEnd(), 255);
}

/** An IPv4 group's multicast MAC (01:00:5e + the low 23 bits). */
const groupMac = (g: number): number => 0x01005e000000 + (g & 0x7fffff);
/** The IPv6 all-nodes (ff02::1) and the bridge's multicast router discovery (224.0.0.106, ff02::6a) addresses. */
const ALL_NODES6 = 0x333300000001, MRD4 = 0x01005e00006a, MRD6 = 0x33330000006a;

/**
 * A device's multicast address list as ndo_dflt_fdb_dump shows it: ff02::1 from its registration (IPv6
 * keeps it even when disabled), a running bridge's router discovery groups, then the IPv4 groups joined.
 */
function selfAddresses(l: RtLink): number[] {
  if (l.kind === 'loopback') return [];
  const out = [ALL_NODES6];
  if (l.kind === 'bridge' && l.up) out.push(MRD4, MRD6);
  for (const g of l.groups ?? []) out.push(groupMac(g));
  return out;
}

interface Shown {
  mac: number;
  dev: RtLink;
  master?: RtLink;
  state: string;
  age?: number;
}

function fdbShow(ctx: IpCtx, args: string[]): number {
  let dev: string | undefined;
  let br: string | undefined;
  let dynamicOnly = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'brport' || a === 'dev' || a === 'br') {
      const v = args[++i];
      if (v === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
      if (a === 'br') br = v;
      else dev = v;
    } else if (a === 'dynamic') dynamicOnly = true;
    else if (matches(a, 'help')) usage(ctx);
  }
  const links = ctx.links();
  const bridge = br === undefined ? undefined : links.find((l) => l.name === br);
  if (br !== undefined && !bridge) ctx.fail(`Cannot find bridge device "${br}"`, 255);
  const only = dev === undefined ? undefined : links.find((l) => l.name === dev);
  if (dev !== undefined && !only) ctx.fail(`Cannot find device "${dev}"`, 255);
  const all = ctx.sys.rtBridgeFdb();
  const fdb: RtFdbEntry[] = typeof all === 'number' ? [] : all;
  const rows: Shown[] = [];
  for (const l of links) {
    if (only && l.ifindex !== only.ifindex) continue;
    if (bridge && l.ifindex !== bridge.ifindex && l.master !== bridge.ifindex) continue;
    const master = l.master ? links.find((m) => m.ifindex === l.master) : undefined;
    if (master) {
      const mine = fdb.filter((e) => e.bridge === master.ifindex && e.port === l.ifindex).reverse();
      for (const e of mine) {
        const state = e.local ? 'permanent' : e.static ? 'static' : '';
        if (dynamicOnly && e.local) continue;
        rows.push({ mac: e.mac, dev: l, master, state, age: e.age });
      }
    }
    if (dynamicOnly) continue;
    for (const mac of selfAddresses(l)) rows.push({ mac, dev: l, state: 'permanent' });
    // br_fdb_dump on the bridge itself: after its own list, the bridge's address (an entry with no port),
    // unless a port has the same address (the bridge then took the lowest port address).
    if (l.bridge && !fdb.some((e) => e.bridge === l.ifindex && e.mac === l.mac)) rows.push({ mac: l.mac, dev: l, master: l, state: 'permanent', age: 0 });
  }
  if (ctx.opts.json) {
    ctx.json(rows.map((r) => {
      const o: Record<string, Json> = { mac: formatMac(r.mac) };
      if (!only) o['ifname'] = r.dev.name;
      if (ctx.opts.stats && r.master) {
        o['used'] = Math.floor((r.age ?? 0) / 1e9);
        o['updated'] = Math.floor((r.age ?? 0) / 1e9);
      }
      o['flags'] = r.master ? [] : ['self'];
      if (r.master) o['master'] = r.master.name;
      o['state'] = r.state;
      return o;
    }));
    return 0;
  }
  for (const r of rows) {
    let s = `${formatMac(r.mac)} `;
    if (!only) s += `dev ${r.dev.name} `;
    // Ages in seconds; Netloom's FDB keeps the time an entry was last refreshed, which serves for both.
    if (ctx.opts.stats && r.master) s += `used ${Math.floor((r.age ?? 0) / 1e9)}/${Math.floor((r.age ?? 0) / 1e9)} `;
    s += r.master ? `master ${r.master.name} ` : 'self ';
    ctx.out(s + r.state + '\n');
  }
  return 0;
}

function fdbModify(ctx: IpCtx, args: string[], op: 'add' | 'append' | 'replace' | 'del'): number {
  let dev: string | undefined;
  let addr: string | undefined;
  let master = false;
  let self = false;
  let state: 'permanent' | 'static' | 'dynamic' | undefined;
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    const next = (): string => {
      const v = args[++i];
      if (v === undefined) ctx.fail('Command line is not complete. Try option "help"', 255);
      return v;
    };
    if (a === 'dev') dev = next();
    else if (a === 'self') self = true;
    else if (matches(a, 'master')) master = true;
    else if (matches(a, 'local') || matches(a, 'permanent')) state = 'permanent';
    else if (matches(a, 'temp') || matches(a, 'static')) state = 'static';
    else if (matches(a, 'dynamic')) state = 'dynamic';
    else if (a === 'dst' || a === 'port' || a === 'vni' || a === 'via' || a === 'nhid' || matches(a, 'vlan') || matches(a, 'src_vni')) {
      ctx.fail(`bridge fdb ${a} is not supported in Netloom.`, 1);
    } else if (matches(a, 'router') || matches(a, 'use') || matches(a, 'extern_learn') || matches(a, 'sticky')) continue;
    else {
      if (a === 'to') a = next();
      if (addr !== undefined) ctx.fail(`Error: either "to" is duplicate, or "${a}" is a garbage.`, 255);
      addr = a;
    }
  }
  if (dev === undefined || addr === undefined) ctx.fail('Device and address are required arguments.', 255);
  const m = /^([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})/.exec(addr);
  if (!m) ctx.fail(`Invalid mac address ${addr}`, 255);
  const mac = m.slice(1).reduce((v, h) => v * 256 + parseInt(h, 16), 0);
  const l = ctx.linkByName(dev);
  if (!l) ctx.fail(`Cannot find device "${dev}"`, 255);
  // Without `master`, the request goes to the device itself (NTF_SELF): its own address lists.
  if (self || !master) ctx.fail('bridge fdb on a device\'s own address list (self) is not supported in Netloom; use master.', 1);
  const r = op === 'del' ? ctx.sys.rtDelFdb(l.ifindex, mac) : ctx.sys.rtAddFdb({ port: l.ifindex, mac, state: state ?? 'permanent' }, op === 'replace');
  if (r !== 0) ctx.fail(r.extack ? `Error: ${r.extack}.` : `RTNETLINK answers: ${strerror(r.errno)}`, 255);
  return 0;
}

export function doFdb(ctx: IpCtx, args: string[]): number {
  const [cmd, ...rest] = args;
  if (cmd === undefined) return fdbShow(ctx, []);
  if (matches(cmd, 'add')) return fdbModify(ctx, rest, 'add');
  if (matches(cmd, 'append')) return fdbModify(ctx, rest, 'append');
  if (matches(cmd, 'replace')) return fdbModify(ctx, rest, 'replace');
  if (matches(cmd, 'delete')) return fdbModify(ctx, rest, 'del');
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return fdbShow(ctx, rest);
  if (matches(cmd, 'help')) usage(ctx);
  ctx.fail(`Command "${cmd}" is unknown, try "bridge fdb help".`, 255);
}
