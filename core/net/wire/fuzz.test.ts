// Throws a few hundred thousand random and mutated frames at every checked constructor, parser and
// formatter: nothing may throw, and whatever a parser accepts must re-emit and re-parse to the same Repr.
import { describe, it } from 'vitest';
import { ArpPacket, emitArp, parseArp } from './arp.ts';
import { EthernetPacket, emitEthernet, ethernetReprLength, parseEthernet } from './ethernet.ts';
import { IcmpPacket, emitIcmp, icmpReprLength, parseIcmp, quotedDatagram } from './icmp.ts';
import { Ipv4Packet, emitIpv4, ipv4ReprLength, parseIpv4 } from './ipv4.ts';
import { formatFrame } from './tcpdump.ts';
import { UdpPacket, parseUdp } from './udp.ts';

/** A small seeded generator (mulberry32) so every run sees the same frames. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

const hex = (s: string) => Uint8Array.from(s.replace(/\s+/g, '').match(/../g)!.map((b) => parseInt(b, 16)));
const SEEDS = [
  // ARP request, padded
  hex('ffffffffffff 020000000001 0806 0001080006040001 020000000001 0a000001 000000000000 0a0000fe 000000000000000000000000000000000000'),
  // ICMP echo in 802.1Q
  hex('0200000000fe 020000000001 8100 600a 0800 4500001c00014000400100000a0000010a0000fe 0800f7fe00010000'),
  // ICMP port unreachable quoting UDP
  hex('020000000001 0200000000fe 0800 4500003800024000400100000a0000fe0a000001 0303fcfc00000000 4500002000010000401100000a0000010a000909 13881770000c0000'),
  // UDP
  hex('0200000000fe 020000000001 0800 4500002000030000401100000a0000010a000102 13881770000c0000 68656c6c'),
];

/** A cheap check for the hot loop (vitest's expect is too slow to call 300k times). */
function check(ok: boolean, what: string, frame: Uint8Array): void {
  if (!ok) throw new Error(`${what}: ${Array.from(frame, (b) => b.toString(16).padStart(2, '0')).join('')}`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function exercise(frame: Uint8Array): void {
  formatFrame(frame);
  formatFrame(frame, { linkLevel: true });
  const eth = EthernetPacket.checked(frame);
  if (!eth) return;
  const er = parseEthernet(eth);
  const back = new Uint8Array(ethernetReprLength(er));
  emitEthernet(er, back);
  check(sameBytes(back, frame.subarray(0, eth.headerLength)), 'ethernet re-emit', frame);
  const payload = eth.payload;
  const arp = ArpPacket.checked(payload);
  if (arp) {
    const r = parseArp(arp);
    if (r) {
      const b = new Uint8Array(28);
      emitArp(r, b);
      const again = parseArp(ArpPacket.checked(b)!)!;
      check(again.senderIp === r.senderIp && again.targetMac === r.targetMac && again.operation === r.operation, 'arp re-parse', frame);
    }
  }
  const ip = Ipv4Packet.checked(payload);
  if (!ip) return;
  const ir = parseIpv4(ip, { ignoreChecksum: true })!;
  const ib = new Uint8Array(ipv4ReprLength(ir));
  emitIpv4(ir, ib);
  const ip2 = Ipv4Packet.checkedHeader(ib);
  check(ip2 !== null && ip2.verifyChecksum() && ip2.src === ir.src && ip2.fragmentOffset === ir.fragmentOffset, 'ipv4 re-emit', frame);
  const icmp = IcmpPacket.checked(ip.payload);
  if (icmp) {
    const r = parseIcmp(icmp, { ignoreChecksum: true })!;
    if (r.kind !== 'other' && 'original' in r) quotedDatagram(r.original);
    const b = new Uint8Array(icmpReprLength(r));
    emitIcmp(r, b);
    const again = parseIcmp(IcmpPacket.checked(b)!);
    check(again !== null && again.kind === r.kind && sameBytes(b.subarray(8), ip.payload.subarray(8)), 'icmp re-emit', frame);
  }
  const udp = UdpPacket.checked(ip.payload);
  if (udp) parseUdp(udp, ip.src, ip.dst);
}

describe('wire fuzz', () => {
  it('survives random frames', { timeout: 60_000 }, () => {
    const r = rng(0x5eed);
    for (let i = 0; i < 100_000; i++) {
      const frame = new Uint8Array(Math.floor(r() * 120));
      for (let j = 0; j < frame.length; j++) frame[j] = Math.floor(r() * 256);
      // Steer a third of them into the interesting EtherTypes.
      if (frame.length > 13 && i % 3 === 0) frame.set([[0x08, 0x00], [0x08, 0x06], [0x81, 0x00]][i % 9 === 0 ? 0 : i % 2 ? 1 : 2]!, 12);
      if (frame.length > 14 && i % 3 === 0 && frame[13] === 0) frame[14] = 0x45;
      exercise(frame);
    }
  });
  it('survives mutated real frames', { timeout: 60_000 }, () => {
    const r = rng(0xbeef);
    for (let i = 0; i < 200_000; i++) {
      const seed = SEEDS[i % SEEDS.length]!;
      let frame = seed.slice();
      const edits = 1 + Math.floor(r() * 4);
      for (let e = 0; e < edits; e++) {
        const k = r();
        if (k < 0.6) frame[Math.floor(r() * frame.length)] = Math.floor(r() * 256);
        else if (k < 0.8) frame = frame.subarray(0, Math.floor(r() * frame.length));
        else frame = new Uint8Array([...frame, ...Array.from({ length: Math.floor(r() * 8) }, () => Math.floor(r() * 256))]);
        if (frame.length === 0) break;
      }
      exercise(frame);
    }
  });
});
