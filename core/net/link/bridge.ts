// A Linux learning bridge (net/bridge): ports enslaved to it hand it every frame they receive; it learns
// source addresses into its FDB, forwards known unicast to one port, floods broadcast, multicast and
// unknown unicast to every other forwarding port, and passes frames for this host up through the bridge
// device, which can carry IP addresses like any Ethernet device. STP is off (stp_state 0): no BPDUs, a
// port forwards as soon as it and the bridge are up with carrier; `stp on` is recorded, not run.

import { MAC_BROADCAST, copyFrame, readMac, type MacAddress } from '../wire/index.ts';
import type { NetInterface } from '../stack/interface.ts';
import { PacketType } from '../stack/packet-buffer.ts';
import type { LinkDriver, RxHandler } from '../stack/registration.ts';
import type { Stack } from '../stack/stack.ts';
import { BridgeFdb } from './bridge-fdb.ts';

const TWO_40 = 0x100_0000_0000;
const isMulticastMac = (mac: MacAddress): boolean => Math.floor(mac / TWO_40) % 2 === 1;
/** 01:80:c2:00:00:0X, the IEEE 802.1D link-local group addresses (is_link_local_ether_addr). */
const LINK_LOCAL_BASE = 0x0180_c200_0000;

/** What `bridge link` and `ip -d link` show for one port (struct net_bridge_port). */
export interface BridgePort {
  readonly ifindex: number;
  readonly portNo: number;
  priority: number;
  /** STP path cost; 2 for a 10 Gb/s veth (br_port_cost). */
  cost: number;
  learning: boolean;
  flood: boolean;
  hairpin: boolean;
}

export type PortState = 'disabled' | 'forwarding';

export class Bridge implements LinkDriver, RxHandler {
  readonly fdb = new BridgeFdb();
  private readonly ports = new Map<number, BridgePort>();
  /** 0 = off (the default), 1 = kernel STP requested (recorded only). */
  stpState = 0;
  priority = 32768;
  /** Timers in centiseconds, as `ip -d link` prints them. */
  forwardDelay = 1500;
  helloTime = 200;
  maxAge = 2000;
  /** The MAC part of the bridge id: the lowest port address (zero with no port), or the user's MAC. */
  idMac: MacAddress = 0;

  constructor(private readonly stack: Stack, readonly dev: NetInterface) {}

  /** The ports in port-number order. */
  portList(): BridgePort[] {
    return [...this.ports.values()].sort((a, b) => a.portNo - b.portNo);
  }

  port(ifindex: number): BridgePort | undefined {
    return this.ports.get(ifindex);
  }

  /** br_add_if: `port` becomes a port (the caller checked it may). */
  addPort(port: NetInterface): void {
    const used = new Set([...this.ports.values()].map((p) => p.portNo));
    let no = 1;
    while (used.has(no)) no++;
    this.ports.set(port.ifindex, { ifindex: port.ifindex, portNo: no, priority: 32, cost: 2, learning: true, flood: true, hairpin: false });
    port.master = this.dev.ifindex;
    port.rxHandler = this;
    port.upperPromisc++;
    this.fdb.addLocal(port.mac, port.ifindex, this.stack.cpu.now);
    this.recalculateId();
    this.stateChanged();
  }

  /** br_del_if: `port` leaves the bridge (nomaster, or its deletion). */
  release(port: NetInterface): void {
    if (!this.ports.delete(port.ifindex)) return;
    port.master = 0;
    port.rxHandler = null;
    port.upperPromisc = Math.max(0, port.upperPromisc - 1);
    this.fdb.flushPort(port.ifindex);
    this.recalculateId();
    this.stateChanged();
  }

  destroy(): void {
    for (const p of this.portList()) {
      const dev = this.stack.iface(p.ifindex);
      if (dev) this.release(dev);
    }
  }

  /** br_port_state: without STP a port forwards when the bridge and the port are running. */
  portState(ifindex: number): PortState {
    const dev = this.stack.iface(ifindex);
    return this.dev.adminUp && dev?.adminUp && dev.carrier ? 'forwarding' : 'disabled';
  }

  /** br_port_carrier_check: the bridge has carrier while one of its ports forwards. */
  stateChanged(): void {
    let any = false;
    for (const p of this.ports.values()) if (this.portState(p.ifindex) === 'forwarding') any = true;
    this.stack.setCarrier(this.dev, any);
  }

  /** br_stp_recalculate_bridge_id: the lowest port MAC, unless the user set the bridge's address. */
  recalculateId(): void {
    if (this.dev.macSet) {
      this.idMac = this.dev.mac;
      return;
    }
    let min: MacAddress | null = null;
    for (const p of this.ports.values()) {
      const mac = this.stack.iface(p.ifindex)?.mac;
      if (mac !== undefined && (min === null || mac < min)) min = mac;
    }
    if (min === null) return;
    this.idMac = min;
    this.dev.mac = min;
  }

  /** br_handle_frame + br_handle_frame_finish: a frame received on a port. Owns `frame`. */
  receive(port: NetInterface, frame: Uint8Array): void {
    const drops = this.stack.mibs.drops;
    const p = this.ports.get(port.ifindex);
    if (!p || this.portState(port.ifindex) !== 'forwarding') {
      drops.bridgePortDisabled++;
      return;
    }
    const dst = readMac(frame, 0);
    const src = readMac(frame, 6);
    if (src === 0 || isMulticastMac(src)) {
      // "if (!is_valid_ether_addr(eth_hdr(skb)->h_source)) goto drop"
      drops.bridgeBadSource++;
      return;
    }
    const now = this.stack.cpu.now;
    if (p.learning) this.fdb.learn(src, port.ifindex, now);
    if (dst - (dst % 16) === LINK_LOCAL_BASE) {
      // 802.1D reserved groups are never forwarded, except STP BPDUs while STP is off (loops stay visible).
      if (dst === LINK_LOCAL_BASE && this.stpState === 0) this.flood(port.ifindex, frame, true);
      else this.passUp(frame, PacketType.MULTICAST);
      return;
    }
    if (isMulticastMac(dst)) {
      this.flood(port.ifindex, copyFrame(frame), true);
      this.passUp(frame, dst === MAC_BROADCAST ? PacketType.BROADCAST : PacketType.MULTICAST);
      return;
    }
    const e = dst === this.dev.mac ? { local: true, port: 0 } : this.fdb.lookup(dst, now);
    if (e?.local) this.passUp(frame, PacketType.HOST);
    else if (e) {
      if (e.port === port.ifindex) drops.bridgeSameSegment++;
      else this.forward(e.port, frame);
    } else {
      if (this.dev.promisc > 0) this.passUp(copyFrame(frame), PacketType.OTHERHOST);
      this.flood(port.ifindex, frame, true);
    }
  }

  /** br_dev_xmit: a frame the host sends through the bridge device. Owns `frame`. */
  transmit(_dev: NetInterface, frame: Uint8Array): void {
    const dst = readMac(frame, 0);
    if (isMulticastMac(dst)) return this.flood(0, frame, true);
    const e = this.fdb.lookup(dst, this.stack.cpu.now);
    if (e && !e.local) this.forward(e.port, frame);
    else if (!e) this.flood(0, frame, true);
  }

  private forward(ifindex: number, frame: Uint8Array): void {
    const dev = this.stack.iface(ifindex);
    if (dev && this.portState(ifindex) === 'forwarding') this.stack.link.transmit(dev, frame);
  }

  /** br_flood: a copy to every forwarding port but the one it came in by. */
  private flood(ingress: number, frame: Uint8Array, owned: boolean): void {
    const out = this.portList().filter((p) => p.ifindex !== ingress && p.flood && this.portState(p.ifindex) === 'forwarding');
    out.forEach((p, i) => {
      const dev = this.stack.iface(p.ifindex)!;
      this.stack.link.transmit(dev, owned && i === out.length - 1 ? frame : copyFrame(frame));
    });
  }

  /** br_pass_frame_up: the bridge device receives the frame, classified on the port. */
  private passUp(frame: Uint8Array, type: PacketType): void {
    this.stack.link.receive(this.dev, frame, type);
  }
}
