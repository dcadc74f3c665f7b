// The walk of a table for one packet at one hook (ip_tables.c ipt_do_table()): the built-in chain's rules
// in order; a rule matches when its header test and every match extension do; its counters then count
// the packet (bytes: the IP total length, skb->len). A call pushes where to come back to, a goto does not;
// RETURN, or the end of a user chain, pops, and with nothing to pop the built-in chain's policy decides
// (counted as the policy). Re-entrant: REJECT sends an ICMP error that walks the OUTPUT chain meanwhile.
// A NAT target (nat table only) is handed to `nat`, whose verdict ends the walk.

import type { Stack } from '../stack/stack.ts';
import type { PacketBuffer } from '../stack/packet-buffer.ts';
import { Verdict, type HookState } from '../stack/registration.ts';
import { Target, type CompiledRule, type CompiledTable, type LogTarget, type NatTarget } from './compile.ts';
import type { FilterPacket } from './filter-packet.ts';
import { formatLogLine } from './log.ts';
import { headerMatches } from './match.ts';
import { reject } from './reject.ts';

export type NatFn = (p: FilterPacket, t: NatTarget) => Verdict;

export function doTable(t: CompiledTable, stack: Stack, pkt: PacketBuffer, state: HookState, nat?: NatFn): Verdict {
  const start = t.entry[state.hook] ?? -1;
  if (start < 0) return Verdict.ACCEPT;
  const bytes = pkt.bytes;
  const nh = pkt.networkOffset;
  const end = pkt.end;
  // The IP layer checked the header; a packet that still has none is dropped (the caller counts it), never looked into.
  if (nh < 0 || nh + 20 > end || (bytes[nh]! & 0x0f) * 4 > end - nh) return Verdict.DROP;
  const inDev = state.inIfindex ? stack.iface(state.inIfindex) : undefined;
  const outDev = state.outIfindex ? stack.iface(state.outIfindex) : undefined;
  const p: FilterPacket = {
    pkt, hook: state.hook, inDev, outDev, inName: inDev?.name ?? '', outName: outDev?.name ?? '',
    bytes, nh, th: nh + (bytes[nh]! & 0x0f) * 4, end, protocol: bytes[nh + 9]!,
    fragoff: ((bytes[nh + 6]! << 8) | bytes[nh + 7]!) & 0x1fff, hotdrop: false,
  };
  const len = end - nh;
  const chains = t.chains;
  /** Where calls come back to: chain, rule index pairs (made with the first call). */
  let back: number[] | null = null;
  let chain = start;
  let i = 0;
  for (;;) {
    const c = chains[chain]!;
    const r = c.rules[i];
    if (r === undefined) {
      // The end of a chain: a built-in chain's policy; a user chain returns.
      if (c.policy >= 0) return policy(t, start, len);
      if (back === null || back.length === 0) return policy(t, start, len);
      i = back.pop()!;
      chain = back.pop()!;
      continue;
    }
    if (!matches(r, p)) {
      if (p.hotdrop) return Verdict.DROP;
      i++;
      continue;
    }
    r.rule.packets++;
    r.rule.bytes += len;
    switch (r.target) {
      case Target.ACCEPT:
        return Verdict.ACCEPT;
      case Target.DROP:
        return Verdict.DROP;
      case Target.REJECT:
        reject(stack, p, r.reject);
        return Verdict.DROP;
      case Target.NAT:
        return nat ? nat(p, r.nat!) : Verdict.DROP;
      case Target.LOG:
        log(stack, p, r.log!);
        i++;
        break;
      case Target.RETURN:
        // "if (stackidx == 0) e = get_entry(table_base, private->underflow[hook])".
        if (back === null || back.length === 0) return policy(t, start, len);
        i = back.pop()!;
        chain = back.pop()!;
        break;
      case Target.CALL:
        (back ??= []).push(chain, i + 1);
        chain = r.chain;
        i = 0;
        break;
      case Target.GOTO:
        chain = r.chain;
        i = 0;
        break;
      default:
        i++;
    }
  }
}

function matches(r: CompiledRule, p: FilterPacket): boolean {
  if (!headerMatches(r.header, p)) return false;
  const ms = r.matches;
  for (let k = 0; k < ms.length; k++) if (!ms[k]!(p)) return false;
  return true;
}

/** The built-in chain's policy decides, and counts. */
function policy(t: CompiledTable, start: number, len: number): Verdict {
  const c = t.chains[start]!;
  c.chain.packets++;
  c.chain.bytes += len;
  return c.policy as Verdict;
}

/** log_tg() -> nf_log_packet(): a line in the kernel log; the walk goes on. */
function log(stack: Stack, p: FilterPacket, l: LogTarget): void {
  const klog = stack.klog;
  if (!klog) return;
  const pkt = p.pkt;
  const lo = pkt.linkOffset;
  const mac = p.inDev === undefined ? undefined : lo >= 0 && lo + 14 <= p.nh ? p.bytes.subarray(lo, lo + 14) : null;
  klog.printk(formatLogLine({
    prefix: l.prefix, inName: p.inName, outName: p.outName, mac, bytes: p.bytes, nh: p.nh, end: p.end, mark: pkt.mark, flags: l,
  }));
}
