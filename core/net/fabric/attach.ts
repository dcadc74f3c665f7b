// Plugging a stack's interface into a collision domain: the adapter between a NetInterface (which sends
// into a WireEnd) and a hub Port (which delivers to a FrameReceiver and reports carrier).

import type { NetInterface } from '../stack/interface.ts';
import type { Stack } from '../stack/stack.ts';
import type { CableOptions } from './cable.ts';
import type { CollisionDomain, Port } from './collision-domain.ts';

/** Connects `dev` of `stack` to `domain`; the interface gets carrier at once. Returns the port. */
export function connect(stack: Stack, dev: NetInterface, domain: CollisionDomain, cable: CableOptions = {}): Port {
  const port = domain.attach({
    receiveFrame: (frame) => stack.receiveFrame(dev, frame),
    setCarrier: (up) => stack.setCarrier(dev, up),
  }, cable);
  dev.wire = port;
  return port;
}
