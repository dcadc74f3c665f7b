// Test helper: iptables tables as plain records (core/net/filter/rules.ts), built from short specs:
// rules default to "any packet, no target", built-in chains to policy ACCEPT.
import type { IptChain, IptRule, IptTable, IptTarget } from '../../core/net/filter/rules.ts';
import { parseIpv4Cidr } from '../../core/net/wire/index.ts';

export type RuleSpec = Partial<Omit<IptRule, 'in' | 'out' | 'src' | 'dst'>> & {
  /** "10.0.0.0/24", "!10.0.0.1" */
  src?: string;
  dst?: string;
  /** "eth+", "!eth0" */
  in?: string;
  out?: string;
  j?: IptTarget | 'ACCEPT' | 'DROP' | 'RETURN' | string;
  g?: string;
};

function addr(s: string | undefined): { a: number; m: number; inv: boolean } {
  if (!s) return { a: 0, m: 0, inv: false };
  const inv = s.startsWith('!');
  const c = parseIpv4Cidr(inv ? s.slice(1) : s.includes('/') ? s : `${s}/32`)!;
  const m = c.prefixLength === 0 ? 0 : (0xffffffff << (32 - c.prefixLength)) >>> 0;
  return { a: (c.address & m) >>> 0, m, inv };
}

const iface = (s: string | undefined) => (s?.startsWith('!') ? { name: s.slice(1), invert: true } : { name: s ?? '', invert: false });

export function rule(spec: RuleSpec = {}): IptRule {
  const s = addr(spec.src);
  const d = addr(spec.dst);
  let target: IptTarget = { kind: 'none' };
  if (spec.g) target = { kind: 'jump', chain: spec.g, goto: true };
  else if (typeof spec.j === 'object') target = spec.j;
  else if (spec.j === 'ACCEPT' || spec.j === 'DROP' || spec.j === 'RETURN') target = { kind: spec.j };
  else if (spec.j) target = { kind: 'jump', chain: spec.j, goto: false };
  return {
    proto: spec.proto ?? 0, protoInvert: spec.protoInvert ?? false,
    src: s.a, srcMask: s.m, srcInvert: s.inv, dst: d.a, dstMask: d.m, dstInvert: d.inv,
    in: iface(spec.in), out: iface(spec.out), fragment: spec.fragment ?? 'any',
    matches: spec.matches ?? [], target, packets: spec.packets ?? 0, bytes: spec.bytes ?? 0,
  };
}

/** A filter table: INPUT, FORWARD, OUTPUT (given or empty ACCEPT), then the user chains in the order given. */
export function filterTable(chains: Record<string, { policy?: 'ACCEPT' | 'DROP'; rules?: RuleSpec[] }>): IptTable {
  const mk = (name: string, builtin: boolean): IptChain => {
    const c = chains[name];
    return { name, policy: builtin ? (c?.policy ?? 'ACCEPT') : null, packets: 0, bytes: 0, rules: (c?.rules ?? []).map(rule) };
  };
  const builtins = ['INPUT', 'FORWARD', 'OUTPUT'];
  return { name: 'filter', chains: [...builtins.map((n) => mk(n, true)), ...Object.keys(chains).filter((n) => !builtins.includes(n)).map((n) => mk(n, false))] };
}
