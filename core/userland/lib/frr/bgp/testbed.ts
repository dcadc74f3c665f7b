// For the tests only: BgpEngine instances wired by a fake host on virtual time. A connect to an address
// some router holds (with bgp running) succeeds after 1 ms and that router accepts it; else it fails
// (connection refused). Bytes and closes reach the other end after 1 ms; run() is a tiny event loop.

import { inSubnet, networkOf, parseIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import { runEvents } from '../testbed-run.ts';
import { BgpEngine, type BgpHost, type BgpInterface, type BgpRibRoute } from './engine.ts';

interface Ev { at: number; run: () => void }

export class Speaker {
  readonly engine: BgpEngine;
  readonly rib = new Map<string, BgpRibRoute>();
  /** Every message sent (by connection). */
  readonly sent: { conn: number; bytes: Uint8Array; at: number }[] = [];

  constructor(readonly name: string, readonly net: BgpTestNet, readonly ifaces: BgpInterface[]) {
    const host: BgpHost = {
      now: () => net.now,
      wallclock: () => 1_700_000_000_000 + net.now,
      hostname: () => name,
      connect: (peer, source) => net.connect(this, peer, source),
      send: (conn, bytes) => {
        this.sent.push({ conn, bytes: bytes.slice(), at: net.now });
        net.transmit(conn, bytes.slice());
      },
      close: (conn) => net.close(conn),
      routeAdd: (r) => this.rib.set(`${r.prefix}/${r.prefixLength}`, r),
      routeDelete: (r) => this.rib.delete(`${r.prefix}/${r.prefixLength}`),
    };
    this.engine = new BgpEngine(host);
  }

  /** `router bgp ASN` then its lines; each line's error or null. */
  configure(asn: number, lines: string[]): (string | null)[] {
    const first = this.engine.routerBgp(String(asn));
    return [first, ...lines.map((l) => this.engine.configure(l))];
  }

  start(): void {
    this.engine.interfaces(this.ifaces);
    this.engine.run();
  }

  owns(address: string): boolean {
    return this.ifaces.some((i) => i.up && i.addresses.some((a) => a.address === address));
  }

  localFor(peer: string): string {
    const p = parseIpv4Address(peer)!;
    for (const i of this.ifaces) {
      for (const a of i.addresses) if (inSubnet(p, networkOf(parseIpv4Address(a.address)!, a.prefixLength), a.prefixLength)) return a.address;
    }
    return this.ifaces[0]!.addresses[0]!.address;
  }
}

export class BgpTestNet {
  now = 0;
  readonly speakers = new Map<string, Speaker>();
  queue: Ev[] = [];
  private nextConn = 1;
  private readonly aborted = new Set<number>();
  /** Each connection id's other end: its speaker and id. */
  private readonly ends = new Map<number, { speaker: Speaker; id: number }>();
  /** Links cut: no connection across them, and nothing delivered. */
  readonly cut = new Set<string>();

  speaker(name: string, addresses: { name: string; address: string; prefixLength: number }[]): Speaker {
    const s = new Speaker(name, this, addresses.map((a) => ({ name: a.name, up: true, addresses: [{ address: a.address, prefixLength: a.prefixLength }] })));
    this.speakers.set(name, s);
    return s;
  }

  private at(delay: number, run: () => void): void {
    this.queue.push({ at: this.now + delay, run });
  }

  connect(from: Speaker, peer: string, _source: string | null): number {
    const id = this.nextConn++;
    const to = [...this.speakers.values()].find((s) => s.owns(peer));
    this.at(1, () => {
      if (this.aborted.delete(id)) return;
      if (!to || !to.engine.config || this.cut.has(`${from.name}-${to.name}`) || this.cut.has(`${to.name}-${from.name}`)) {
        from.engine.connectFailed(id);
        return;
      }
      const other = this.nextConn++;
      const local = from.localFor(peer);
      this.ends.set(id, { speaker: to, id: other });
      this.ends.set(other, { speaker: from, id });
      from.engine.connected(id, local);
      if (!to.engine.accepted(other, peer, local)) this.close(other);
    });
    return id;
  }

  transmit(conn: number, bytes: Uint8Array): void {
    const end = this.ends.get(conn);
    if (!end) return;
    this.at(1, () => {
      const back = this.ends.get(end.id);
      if (back && !this.cut.has(`${back.speaker.name}-${end.speaker.name}`) && !this.cut.has(`${end.speaker.name}-${back.speaker.name}`)) {
        end.speaker.engine.received(end.id, bytes);
      }
    });
  }

  close(conn: number): void {
    const end = this.ends.get(conn);
    this.ends.delete(conn);
    // Closing a socket whose connect is under way aborts the connect.
    if (!end) {
      this.aborted.add(conn);
      return;
    }
    this.at(1, () => {
      if (this.ends.delete(end.id)) end.speaker.engine.closed(end.id);
    });
  }

  /** Runs every event up to `until` (ms). */
  run(until: number): void {
    runEvents(this, until, () => [...this.speakers.values()].map((s) => s.engine), (e) => e.run());
  }
}
