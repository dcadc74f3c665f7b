// Test harness for network integration tests: stacks wired by collision domains on one manual Cpu,
// with helpers to configure them through the configuration interface and to craft ICMP echoes.
import { Cpu } from '../../core/cpu/index.ts';
import { CollisionDomain, connect } from '../../core/net/fabric/index.ts';
import { Stack, type NetInterface, type PacketBuffer } from '../../core/net/stack/index.ts';
import { IcmpPacket, emitIcmp, parseIpv4Cidr, parseIpv4Address, type Ipv4Address } from '../../core/net/wire/index.ts';

export const ip = (s: string): Ipv4Address => parseIpv4Address(s)!;

export class Net {
  readonly cpu = new Cpu({ seed: 7 });
  readonly domains = new Map<string, CollisionDomain>();
  readonly stacks = new Map<string, Stack>();
  private macSeq = 1;

  stack(name: string): Stack {
    let s = this.stacks.get(name);
    if (!s) {
      s = new Stack({ cpu: this.cpu, name });
      s.config.changeLink(1, { up: true });
      s.config.addAddress({ ifindex: 1, address: ip('127.0.0.1'), prefixLength: 8 });
      this.stacks.set(name, s);
    }
    return s;
  }

  domain(name: string): CollisionDomain {
    let d = this.domains.get(name);
    if (!d) this.domains.set(name, (d = new CollisionDomain(name, this.cpu)));
    return d;
  }

  /** Adds ethN to `host` on domain `cd` with address `cidr`, up. */
  nic(host: string, ifname: string, cd: string, cidr: string): NetInterface {
    const s = this.stack(host);
    const dev = s.addEthernet(ifname, 0x02_00_00_00_00_00 + this.macSeq++);
    connect(s, dev, this.domain(cd));
    const c = parseIpv4Cidr(cidr)!;
    expectOk(s.config.addAddress({ ifindex: dev.ifindex, address: c.address, prefixLength: c.prefixLength }));
    expectOk(s.config.changeLink(dev.ifindex, { up: true }));
    return dev;
  }

  route(host: string, cidr: string, via: string): void {
    const s = this.stack(host);
    const c = parseIpv4Cidr(cidr)!;
    expectOk(s.config.addRoute({ dst: c.address, prefixLength: c.prefixLength, gateway: ip(via) }));
  }

  /** Runs the lab's timers up to `ns` of virtual time from now. */
  run(ns: number): void {
    const deadline = this.cpu.now + ns;
    for (;;) {
      this.cpu.fireDue();
      while (this.cpu.hasReady) {
        this.cpu.runReady();
        this.cpu.fireDue();
      }
      const next = this.cpu.nextTimerAt();
      if (next === undefined || next > deadline) break;
      this.cpu.advanceTo(next);
    }
    this.cpu.advanceTo(deadline);
  }
}

export function expectOk(r: unknown): void {
  if (r !== 0) throw new Error(`config failed: ${JSON.stringify(r)}`);
}

/** An ICMP message received by a stack (via a raw listener). */
export interface Seen {
  at: number;
  src: Ipv4Address;
  dst: Ipv4Address;
  type: number;
  code: number;
  ident: number;
  seq: number;
  rest: number;
  /** The quoted datagram of an error. */
  data: Uint8Array;
}

export function icmpLog(s: Stack): Seen[] {
  const log: Seen[] = [];
  s.registerRaw(1, (pkt: PacketBuffer) => {
    const m = IcmpPacket.checked(pkt.transport());
    if (!m) return;
    log.push({ at: s.cpu.now, src: pkt.src, dst: pkt.dst, type: m.type, code: m.code, ident: m.ident, seq: m.seq, rest: m.rest, data: m.data.slice() });
  });
  return log;
}

export function sendEcho(s: Stack, dst: Ipv4Address, seq: number, opts: { ttl?: number; size?: number; df?: boolean } = {}): number {
  const data = new Uint8Array(opts.size ?? 56).map((_, i) => i & 0xff);
  const repr = { kind: 'echo-request' as const, ident: 0x1234, seq, data };
  const buf = new Uint8Array(8 + data.length);
  emitIcmp(repr, buf);
  return s.send({ dst, protocol: 1, payload: buf, ttl: opts.ttl, dontFragment: opts.df });
}
