// The nat table's targets as iptables 1.8.9 reads them (libxt_NAT.c for SNAT and DNAT, libxt_MASQUERADE.c,
// libxt_REDIRECT.c): --to-source / --to-destination ADDR[-ADDR][:PORT[-PORT]], --to-ports PORT[-PORT],
// --random, --random-fully, --persistent; ports only with a protocol that has them.
import type { IptNatRange, IptTarget } from '../../../kernel/abi.ts';
import { inetAton } from '../net/resolve.ts';
import { paramError } from './errors.ts';
import type { TargetCtx, TargetDef } from './ext-target.ts';

type NatTarget = Extract<IptTarget, { kind: 'SNAT' | 'DNAT' | 'MASQUERADE' | 'REDIRECT' }>;

const emptyRange = (): IptNatRange => ({
  hasAddr: false, addrLo: 0, addrHi: 0, hasPorts: false, portLo: 0, portHi: 0, random: false, randomFully: false, persistent: false,
});

/** The protocols whose rules may name ports (libxt_NAT's portok): TCP, UDP, SCTP, DCCP, and ICMP identifiers. */
const PORT_PROTOS = [6, 17, 132, 33, 1];
const NEED_PORTS = 'Need TCP, UDP, SCTP or DCCP with port specification';

function portOk(ctx: TargetCtx): boolean {
  return PORT_PROTOS.includes(ctx.proto) && !ctx.protoInvert;
}

/** parse_ports(): PORT or PORT-PORT, numbers or service names. */
function parsePorts(text: string, ctx: TargetCtx, r: IptNatRange): void {
  const one = (t: string): number => {
    const p = /^\d+$/.test(t) ? (Number(t) <= 65535 ? Number(t) : null) : ctx.port(t);
    if (p === null) throw paramError(`Port \`${t}' not valid`);
    return p;
  };
  const dash = text.indexOf('-');
  const lo = one(dash < 0 ? text : text.slice(0, dash));
  const hi = dash < 0 ? lo : one(text.slice(dash + 1));
  if (hi < lo) throw paramError(`Port range \`${text.slice(dash + 1)}' funky`);
  r.hasPorts = true;
  r.portLo = lo;
  r.portHi = hi;
}

/** parse_to(): [ADDR[-ADDR]][:PORT[-PORT]]. */
function parseTo(text: string, ctx: TargetCtx, r: IptNatRange): void {
  const colon = text.indexOf(':');
  if (colon >= 0) {
    if (!portOk(ctx)) throw paramError(NEED_PORTS);
    parsePorts(text.slice(colon + 1), ctx, r);
    if (colon === 0) return;
  }
  const addrs = colon >= 0 ? text.slice(0, colon) : text;
  const dash = addrs.indexOf('-');
  const lo = inetAton(dash < 0 ? addrs : addrs.slice(0, dash));
  if (lo === null) throw paramError(`Bad IP address "${dash < 0 ? addrs : addrs.slice(0, dash)}"`);
  const hi = dash < 0 ? lo : inetAton(addrs.slice(dash + 1));
  if (hi === null) throw paramError(`Bad IP address "${addrs.slice(dash + 1)}"`);
  r.hasAddr = true;
  r.addrLo = lo;
  r.addrHi = hi;
}

function flag(opt: string, r: IptNatRange): boolean {
  if (opt === 'random') r.random = true;
  else if (opt === 'random-fully') r.randomFully = true;
  else if (opt === 'persistent') r.persistent = true;
  else return false;
  return true;
}

function natDef(kind: 'SNAT' | 'DNAT', to: string, flags: string[]): TargetDef {
  return {
    opts: [[to, 1], ...flags.map((f): [string, 0] => [f, 0])],
    init: () => ({ kind, range: emptyRange() }),
    parse(opt, arg, t, ctx) {
      const r = (t as NatTarget).range;
      if (!flag(opt, r)) parseTo(arg, ctx, r);
    },
    final(_t, seen) {
      if (!seen.has(`once:${to}`)) throw paramError(`${kind}: option "--${to}" must be specified\n`);
    },
  };
}

function portsDef(kind: 'MASQUERADE' | 'REDIRECT', flags: string[]): TargetDef {
  return {
    opts: [['to-ports', 1], ...flags.map((f): [string, 0] => [f, 0])],
    init: () => ({ kind, range: emptyRange() }),
    parse(opt, arg, t, ctx) {
      const r = (t as NatTarget).range;
      if (flag(opt, r)) return;
      if (!portOk(ctx)) throw paramError(NEED_PORTS);
      parsePorts(arg, ctx, r);
    },
  };
}

export const NAT_TARGETS: Record<string, TargetDef> = {
  SNAT: natDef('SNAT', 'to-source', ['random', 'random-fully', 'persistent']),
  DNAT: natDef('DNAT', 'to-destination', ['random', 'persistent']),
  MASQUERADE: portsDef('MASQUERADE', ['random', 'random-fully']),
  REDIRECT: portsDef('REDIRECT', ['random']),
};

const portsText = (r: IptNatRange): string => (r.portLo === r.portHi ? `${r.portLo}` : `${r.portLo}-${r.portHi}`);

function flagsText(r: IptNatRange, dashes: string): string {
  return (r.random ? ` ${dashes}random` : '') + (r.randomFully ? ` ${dashes}random-fully` : '') + (r.persistent ? ` ${dashes}persistent` : '');
}

/** ADDR[-ADDR][:PORT[-PORT]] as libxt_NAT prints a range. */
function rangeText(r: IptNatRange, addr: (a: number) => string): string {
  let s = '';
  if (r.hasAddr) s += r.addrLo === r.addrHi ? addr(r.addrLo) : `${addr(r.addrLo)}-${addr(r.addrHi)}`;
  if (r.hasPorts) s += `:${portsText(r)}`;
  return s;
}

/** What -L prints after a NAT target's rule ("to:10.0.0.2:80", "masq ports: 5000-6000", "redir ports 8080"). */
export function natTargetText(t: NatTarget, addr: (a: number) => string): string {
  const r = t.range;
  switch (t.kind) {
    case 'SNAT': case 'DNAT': return ` to:${rangeText(r, addr)}${flagsText(r, '')}`;
    case 'MASQUERADE': return (r.hasPorts ? ` masq ports: ${portsText(r)}` : '') + flagsText(r, '');
    case 'REDIRECT': return (r.hasPorts ? ` redir ports ${portsText(r)}` : '') + flagsText(r, '');
  }
}

/** What -S and iptables-save print for a NAT target. */
export function natTargetSave(t: NatTarget, addr: (a: number) => string): string {
  const r = t.range;
  let s = ` -j ${t.kind}`;
  if (t.kind === 'SNAT' || t.kind === 'DNAT') s += ` --to-${t.kind === 'SNAT' ? 'source' : 'destination'} ${rangeText(r, addr)}`;
  else if (r.hasPorts) s += ` --to-ports ${portsText(r)}`;
  return s + flagsText(r, '--');
}
