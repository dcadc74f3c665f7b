// A veth pair inside one guest (drivers/net/veth.c): what one end sends, the other receives on the next
// turn of the lab's CPU. Each end has carrier only while both ends are up (veth_open / veth_close).

import type { NetInterface } from '../stack/interface.ts';
import type { LinkDriver } from '../stack/registration.ts';
import type { Stack } from '../stack/stack.ts';

export class VethPair implements LinkDriver {
  constructor(private readonly stack: Stack, readonly a: NetInterface, readonly b: NetInterface) {}

  peerOf(dev: NetInterface): NetInterface {
    return dev === this.a ? this.b : this.a;
  }

  /** veth_xmit: a peer that is down drops the frame and the sender counts tx_dropped. */
  transmit(dev: NetInterface, frame: Uint8Array): void {
    const peer = this.peerOf(dev);
    if (!peer.adminUp || !this.stack.interfaces.has(peer.ifindex)) {
      dev.stats.txPackets--;
      dev.stats.txBytes -= frame.length;
      dev.stats.txDropped++;
      return;
    }
    this.stack.cpu.enqueue(() => this.stack.link.receive(peer, frame));
  }

  stateChanged(): void {
    const on = this.a.adminUp && this.b.adminUp;
    this.stack.setCarrier(this.a, on);
    this.stack.setCarrier(this.b, on);
  }

  /** Deleting one end deletes the other (veth_dellink). */
  destroy(dev: NetInterface): void {
    const peer = this.peerOf(dev);
    if (this.stack.interfaces.has(peer.ifindex)) this.stack.removeInterface(peer);
  }
}
