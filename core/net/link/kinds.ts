// The link kinds `ip link add ... type KIND` can create in a guest, as factories (rtnl_link_ops): each
// makes its device(s) in the stack and installs its driver. Kinds not listed answer EOPNOTSUPP
// ("Unknown device type"), as rtnl_newlink does for a kind with no module.

import type { MacAddress } from '../wire/index.ts';
import type { NetInterface } from '../stack/interface.ts';
import type { Stack } from '../stack/stack.ts';
import { Bridge } from './bridge.ts';
import { DummyDevice } from './dummy.ts';
import { VethPair } from './veth.ts';

export interface NewLinkSpec {
  name: string;
  mac?: MacAddress;
  /** veth: the other end's name (default vethN) and MAC. */
  peerName?: string;
  peerMac?: MacAddress;
}

export type LinkKindFactory = (stack: Stack, spec: NewLinkSpec) => NetInterface;

/** eth_random_addr(): a random unicast, locally administered address. */
export function randomMac(stack: Stack): MacAddress {
  const hi = (stack.rng.nextU32() & 0xfeff) | 0x0200;
  return hi * 0x1_0000_0000 + stack.rng.nextU32();
}

function virtual(stack: Stack, name: string, kind: 'bridge' | 'dummy' | 'veth', mac: MacAddress | undefined): NetInterface {
  const dev = stack.addVirtual(name, kind, mac ?? randomMac(stack));
  dev.macSet = mac !== undefined;
  return dev;
}

export const LINK_KINDS: Readonly<Record<string, LinkKindFactory>> = Object.freeze({
  bridge: (stack, spec) => {
    const dev = virtual(stack, spec.name, 'bridge', spec.mac);
    const br = new Bridge(stack, dev);
    dev.driver = br;
    br.recalculateId();
    return dev;
  },
  dummy: (stack, spec) => {
    const dev = virtual(stack, spec.name, 'dummy', spec.mac);
    dev.driver = new DummyDevice();
    dev.carrier = true;
    return dev;
  },
  veth: (stack, spec) => {
    // veth_newlink registers the peer first, so it gets the lower ifindex.
    const peer = virtual(stack, spec.peerName!, 'veth', spec.peerMac);
    const dev = virtual(stack, spec.name, 'veth', spec.mac);
    const pair = new VethPair(stack, dev, peer);
    dev.driver = pair;
    peer.driver = pair;
    return dev;
  },
});

/** The bridge behind a device, if it is one. */
export function bridgeOf(dev: NetInterface | undefined): Bridge | null {
  return dev?.driver instanceof Bridge ? dev.driver : null;
}

/** The other end of an in-guest veth. */
export function vethPeer(dev: NetInterface): NetInterface | null {
  return dev.driver instanceof VethPair ? dev.driver.peerOf(dev) : null;
}
