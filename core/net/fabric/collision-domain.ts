// A collision domain as Netkit and Kathará build it: a hub. A frame sent by one port is repeated to every
// other port whose link is up (never back to its sender), each receiver getting its own copy, and every
// capture tap on the domain sees it once. Each port's egress goes through its Cable (delay, loss, rate).

import type { ShapeOptions } from '../stack/qdisc.ts';
import type { Cpu, Rng } from '../../cpu/index.ts';
import { Cable, type CableOptions } from './cable.ts';
import { copyFrame } from '../wire/frame-memory.ts';

/** What a port delivers to: a NIC (Stack + NetInterface adapter), a switch port, a bridge ... */
export interface FrameReceiver {
  /** Takes ownership of `frame` (its own copy). */
  receiveFrame(frame: Uint8Array): void;
  /** Carrier changed for this port (the other side of the cable went up or down). */
  setCarrier?(up: boolean): void;
}

/** A capture on the domain or on one port: sees every frame as a read-only view (copy to keep). */
export type FrameTap = (frame: Uint8Array, timeNs: number, fromPort: number) => void;

export class Port {
  up = true;
  readonly cable: Cable;
  readonly taps = new Set<FrameTap>();
  constructor(
    readonly id: number,
    readonly domain: CollisionDomain,
    readonly receiver: FrameReceiver,
    cpu: Cpu,
    rng: Rng,
    options: CableOptions,
  ) {
    this.cable = new Cable(cpu, rng, (f) => domain.repeat(this, f), options);
    this.baseDelay = this.cable.delay;
  }

  /** The cable's latency without any tc delay. */
  private readonly baseDelay: number;

  /** tc on the interface: the qdisc's shaping on top of the cable's own latency. */
  shape(options: ShapeOptions | null): void {
    const base = this.baseDelay;
    this.cable.configure(options
      ? { delay: base + options.delay, jitter: options.jitter, loss: options.loss, duplicate: options.duplicate,
        reorder: options.reorder, rate: options.rate, queueBytes: options.queueBytes }
      : { delay: base, jitter: 0, loss: 0, duplicate: 0, reorder: 0, rate: 0, queueBytes: 1000 * 1514 });
  }

  /** The sender side: what the NIC calls to transmit. Takes ownership of `frame`. */
  send(frame: Uint8Array): void {
    if (!this.up) return;
    this.cable.send(frame);
  }

  /** Link up/down for this attachment (`ip link set` on the host side, a cut cable). */
  setLink(up: boolean): void {
    if (this.up === up) return;
    this.up = up;
    this.receiver.setCarrier?.(up);
  }

  detach(): void {
    this.domain.detach(this);
  }
}

export class CollisionDomain {
  readonly ports: Port[] = [];
  readonly taps = new Set<FrameTap>();
  /** Frames repeated and copies delivered, for benchmarks and tests. */
  readonly stats = { frames: 0, deliveries: 0 };
  private nextId = 1;
  private readonly rng: Rng;

  constructor(
    readonly name: string,
    private readonly cpu: Cpu,
    rng?: Rng,
  ) {
    this.rng = rng ?? cpu.rng.fork(`cd:${name}`);
  }

  /** Plugs a receiver in; carrier goes up at once. */
  attach(receiver: FrameReceiver, cable: CableOptions = {}): Port {
    const port = new Port(this.nextId++, this, receiver, this.cpu, this.rng.fork(`port:${this.nextId}`), cable);
    this.ports.push(port);
    receiver.setCarrier?.(true);
    return port;
  }

  detach(port: Port): void {
    const i = this.ports.indexOf(port);
    if (i >= 0) this.ports.splice(i, 1);
    port.receiver.setCarrier?.(false);
  }

  /** Called when a frame leaves `from`'s cable: taps first, then a copy to every other port that is up. */
  repeat(from: Port, frame: Uint8Array): void {
    if (!from.up) return;
    this.stats.frames++;
    const now = this.cpu.now;
    if (this.taps.size) for (const t of this.taps) t(frame, now, from.id);
    if (from.taps.size) for (const t of from.taps) t(frame, now, from.id);
    const ports = this.ports;
    let last: Port | null = null;
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i]!;
      if (p === from || !p.up) continue;
      if (last) this.give(last, copyFrame(frame), now);
      last = p;
    }
    // The last receiver takes the original: the sender gave it up and nobody else holds it.
    if (last) this.give(last, frame, now);
  }

  private give(p: Port, frame: Uint8Array, now: number): void {
    this.stats.deliveries++;
    if (p.taps.size) for (const t of p.taps) t(frame, now, p.id);
    p.receiver.receiveFrame(frame);
  }
}
