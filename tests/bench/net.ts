// Network benchmarks: frames/s through a collision domain, packets/s through a forwarding router, and the
// memory of an idle stack with two interfaces. Each throughput figure is taken after one unmeasured run of
// the same loop (so the packet path is compiled, as in a lab that has been running for a moment).
// Run: npm run bench net (bundled) or npx tsx --expose-gc tests/bench/net.ts
import { Cpu } from '../../core/cpu/index.ts';
import { CollisionDomain, connect } from '../../core/net/fabric/index.ts';
import { Stack, Nud } from '../../core/net/stack/index.ts';
import { copyFrame, emitIcmp, emitIpv4 } from '../../core/net/wire/index.ts';

function drain(cpu: Cpu): void {
  for (;;) {
    cpu.fireDue();
    while (cpu.hasReady) cpu.runReady();
    const next = cpu.nextTimerAt();
    if (next === undefined) return;
    cpu.advanceTo(next);
  }
}

/**
 * The reference for the two benchmarks below: only what they do themselves per frame, a fresh 98-byte
 * frame (a copy in the stack's frame memory, as a NIC's receive buffer) queued in batches of 1024. Neither
 * can go faster than this.
 */
function benchAllocation(): number {
  const frame = new Uint8Array(98);
  const queue: Uint8Array[] = [];
  let seen = 0;
  const N = 2_000_000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    queue.push(copyFrame(frame));
    if ((i & 1023) === 1023) {
      for (const f of queue) seen += f.length;
      queue.length = 0;
    }
  }
  for (const f of queue) seen += f.length;
  const s = (performance.now() - t0) / 1000;
  if (seen !== N * 98) throw new Error(`lost frames ${seen}`);
  return N / s;
}

function benchDomain(): number {
  const cpu = new Cpu();
  const cd = new CollisionDomain('A', cpu);
  let got = 0;
  const a = cd.attach({ receiveFrame: () => void got++ });
  cd.attach({ receiveFrame: () => void got++ });
  const frame = new Uint8Array(98);
  const N = 2_000_000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    a.send(copyFrame(frame));
    if ((i & 1023) === 1023) drain(cpu);
  }
  drain(cpu);
  const s = (performance.now() - t0) / 1000;
  if (got !== N) throw new Error(`lost frames ${got}`);
  return N / s;
}

function benchRouter(): number {
  const cpu = new Cpu();
  const r = new Stack({ cpu, name: 'r' });
  const e0 = r.addEthernet('eth0', 0x020000000001);
  const e1 = r.addEthernet('eth1', 0x020000000002);
  const sinkCd = new CollisionDomain('B', cpu);
  connect(r, e1, sinkCd, { delay: 0 });
  let out = 0;
  sinkCd.attach({ receiveFrame: () => void out++ });
  r.setCarrier(e0, true);
  for (const [d, a] of [[e0, 0x0a000001], [e1, 0x0a000101]] as const) {
    r.config.addAddress({ ifindex: d.ifindex, address: a, prefixLength: 24 });
    r.config.changeLink(d.ifindex, { up: true });
  }
  r.setForwarding(true);
  r.config.setNeighbour({ ifindex: e1.ifindex, address: 0x0a000102, mac: 0x020000000009, state: Nud.PERMANENT });
  const tmpl = new Uint8Array(14 + 20 + 64);
  const w = (o: number, m: number) => { for (let k = 0; k < 6; k++) tmpl[o + k] = Math.floor(m / 2 ** (8 * (5 - k))) & 0xff; };
  w(0, 0x020000000001); w(6, 0x020000000099); tmpl[12] = 8;
  emitIpv4({ src: 0x0a000002, dst: 0x0a000102, protocol: 1, ttl: 64, tos: 0, ident: 1, dontFragment: false, moreFragments: false, fragmentOffset: 0, payloadLength: 64, options: new Uint8Array(0) }, tmpl, 14);
  emitIcmp({ kind: 'echo-request', ident: 1, seq: 1, data: new Uint8Array(56) }, tmpl, 34);
  const N = 1_000_000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    r.receiveFrame(e0, copyFrame(tmpl));
    if ((i & 1023) === 1023) drain(cpu);
  }
  drain(cpu);
  const s = (performance.now() - t0) / 1000;
  if (out !== N) throw new Error(`forwarded ${out} of ${N}`);
  return N / s;
}

function idleBytes(): number {
  const g = globalThis as { gc?: () => void };
  const cpu = new Cpu();
  const keep: Stack[] = [];
  const M = 2000;
  g.gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < M; i++) {
    const s = new Stack({ cpu, name: `s${i}` });
    s.config.changeLink(1, { up: true });
    s.config.addAddress({ ifindex: 1, address: 0x7f000001, prefixLength: 8 });
    for (let k = 0; k < 2; k++) {
      const d = s.addEthernet(`eth${k}`, 0x020000000000 + i * 4 + k);
      s.config.changeLink(d.ifindex, { up: true });
      s.config.addAddress({ ifindex: d.ifindex, address: 0x0a000001 + (k << 8), prefixLength: 24 });
    }
    keep.push(s);
  }
  g.gc?.();
  return (process.memoryUsage().heapUsed - before) / keep.length;
}

console.log(`frame allocation alone: ${Math.round(benchAllocation()).toLocaleString('en')} frames/s (the ceiling of the two below)`);
benchDomain();
console.log(`collision domain: ${Math.round(benchDomain()).toLocaleString('en')} frames/s (goal 2,000,000)`);
benchRouter();
console.log(`forwarding router: ${Math.round(benchRouter()).toLocaleString('en')} packets/s (goal 1,000,000)`);
console.log(`idle stack, lo + 2 interfaces: ${Math.round(idleBytes()).toLocaleString('en')} bytes (goal < 20,000)`);
