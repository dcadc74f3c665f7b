// The table walk on a bare stack with hand-made packets: what ipt_do_table() does with a datagram too
// short to look into, with hotdrop inside a user chain, and with a chain that has no rules.
import { describe, expect, it } from 'vitest';
import { Cpu } from '../../cpu/index.ts';
import { PacketBuffer } from '../stack/packet-buffer.ts';
import { Hook, Verdict, type HookState } from '../stack/registration.ts';
import { Stack } from '../stack/stack.ts';
import { filterTable } from '../../../tests/helpers/iptables.ts';
import { compileTable } from './compile.ts';
import { doTable } from './traverse.ts';

const hex = (s: string): Uint8Array => Uint8Array.from(s.replace(/\s/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
/** 10.9.0.1 -> 10.9.0.2 UDP 35668 -> 9999, "hi\n", with 14 bytes of headroom. */
const UDP = '0000000000000000000000000000 4500001f414940004011e5700a0900010a090002 8b54270f000b1431 68690a';

function datagram(h: string, cut?: number): PacketBuffer {
  const b = hex(h);
  const p = new PacketBuffer(b, 14, cut === undefined ? b.length : 14 + cut);
  p.networkOffset = 14;
  return p;
}
const at = (hook: HookState['hook']): HookState => ({ hook, inIfindex: 0, outIfindex: 0 });

describe('table walk', () => {
  it('drops a datagram with no whole IP header, counting no rule, and never throws', () => {
    const stack = new Stack({ cpu: new Cpu() });
    const t = filterTable({ OUTPUT: { rules: [{}] } });
    const c = compileTable(t, stack);
    for (const cut of [0, 5, 19]) expect(doTable(c, stack, datagram(UDP, cut), at(Hook.OUTPUT))).toBe(Verdict.DROP);
    expect([t.chains[2]!.rules[0]!.packets, t.chains[2]!.packets]).toEqual([0, 0]);
    expect(doTable(c, stack, datagram(UDP), at(Hook.OUTPUT))).toBe(Verdict.ACCEPT);
    expect([t.chains[2]!.rules[0]!.packets, t.chains[2]!.rules[0]!.bytes, t.chains[2]!.packets]).toEqual([1, 31, 1]);
  });

  it('drops at once when a match in a called chain cannot read its header (hotdrop)', () => {
    const stack = new Stack({ cpu: new Cpu() });
    const t = filterTable({
      OUTPUT: { rules: [{ j: 'U' }, { j: 'ACCEPT' }] },
      U: { rules: [{ proto: 17, matches: [{ kind: 'udp', sport: null, dport: { lo: 53, hi: 53, invert: false } }] }] },
    });
    const c = compileTable(t, stack);
    // The IP header says 31 bytes, but only 24 are there: the UDP header is cut.
    expect(doTable(c, stack, datagram(UDP, 24), at(Hook.OUTPUT))).toBe(Verdict.DROP);
    expect(t.chains[2]!.rules.map((r) => r.packets)).toEqual([1, 0]);
    expect(doTable(c, stack, datagram(UDP), at(Hook.OUTPUT))).toBe(Verdict.ACCEPT);
    expect(t.chains[2]!.rules.map((r) => r.packets)).toEqual([2, 1]);
  });

  it('gives the policy of a built-in chain with no rules, counted', () => {
    const stack = new Stack({ cpu: new Cpu() });
    const t = filterTable({ FORWARD: { policy: 'DROP' } });
    const c = compileTable(t, stack);
    expect(doTable(c, stack, datagram(UDP), at(Hook.FORWARD))).toBe(Verdict.DROP);
    expect(doTable(c, stack, datagram(UDP), at(Hook.PREROUTING))).toBe(Verdict.ACCEPT);
    expect([t.chains[1]!.packets, t.chains[1]!.bytes]).toEqual([1, 31]);
  });
});

describe('loops', () => {
  it('refuses jumps that loop once a built-in chain reaches them, not before (mark_source_chains)', () => {
    const stack = new Stack({ cpu: new Cpu() });
    const loop = { A: { rules: [{ j: 'B' }] }, B: { rules: [{ j: 'A' }] } };
    expect(stack.iptables.replace(filterTable({ ...loop }))).toBe(0);
    const reached = stack.iptables.replace(filterTable({ INPUT: { rules: [{ j: 'A' }] }, ...loop }));
    expect(reached).toMatchObject({ errno: -40 });
  });
});
