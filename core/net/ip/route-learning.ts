// What a host learns from ICMP about its routes (net/ipv4/route.c): a redirect accepted by the rules of
// __ip_do_redirect() installs a next-hop exception with the new gateway, and "fragmentation needed"
// lowers the path MTU of the destination (__ip_rt_update_pmtu()). Both expire on the virtual clock.

import { isMulticastIpv4, type Ipv4Address } from '../wire/index.ts';
import type { NetInterface } from '../stack/interface.ts';
import { NUD_VALID } from '../stack/neighbour.ts';
import { RouteType, Table } from '../stack/route.ts';
import type { Stack } from '../stack/stack.ts';

/** ipv4_update_pmtu() -> __ip_rt_update_pmtu(): `mtu` advertised for datagrams to `dst`. */
export function learnPathMtu(stack: Stack, dst: Ipv4Address, mtu: number): void {
  const res = stack.fib.lookup(dst);
  if (!res || res.type !== RouteType.UNICAST) return;
  const ex = stack.routeExceptions;
  const now = stack.cpu.now;
  const exc = ex.lookup(res.route, dst);
  // "if (ip_mtu_locked(dst)) return; if (old_mtu < mtu) return;"
  if (exc?.mtuLocked) return;
  const oldMtu = exc?.pmtu || res.route.mtu || (stack.iface(res.ifindex)?.mtu ?? 1500);
  if (oldMtu < mtu) return;
  let lock = false;
  if (mtu < ex.minPmtu) {
    lock = true;
    mtu = Math.min(oldMtu, ex.minPmtu);
  }
  const life = ex.mtuExpires * 1e9;
  // "if (rt->rt_pmtu == mtu && !lock && time_before(jiffies, dst->expires - ip_rt_mtu_expires / 2)) return;"
  if (exc && exc.pmtu === mtu && !lock && now < exc.expires - life / 2) return;
  ex.update(res.route, dst, 0, mtu, lock, now + life);
}

/**
 * __ip_do_redirect(): `from` (the ICMP's source) tells us, on `dev`, to reach `dst` through `gateway`.
 * Accepted only from the current gateway, to an on-link unicast gateway, when accept_redirects allows
 * (IN_DEV_RX_REDIRECTS), and once the new gateway's link-layer address is known.
 */
export function learnRedirect(stack: Stack, dev: NetInterface, from: Ipv4Address, dst: Ipv4Address, code: number, gateway: Ipv4Address): void {
  // ICMP_REDIR_NET, HOST, NETTOS, HOSTTOS; anything else is ignored.
  if ((code & 7) > 3) return;
  const res = stack.fib.lookup(dst);
  if (!res || res.type !== RouteType.UNICAST) return;
  const ex = stack.routeExceptions;
  const current = ex.lookup(res.route, dst)?.gateway || res.route.gateway;
  // "if (rt->rt_gw_family != AF_INET || rt->rt_gw4 != old_gw) return;"
  if (!current || current !== from) return;
  if (gateway === from || !stack.conf(dev, 'accept_redirects') || isMulticastIpv4(gateway) || gateway === 0xffffffff || gateway >>> 24 === 0) return;
  if (!stack.conf(dev, 'shared_media')) {
    // "if (!inet_addr_onlink(in_dev, new_gw, old_gw)) goto reject_redirect;"
    if (!onLink(stack, dev, gateway, from)) return;
    // secure_redirects: only to a gateway of a default route out of this device (ip_fib_check_default).
    if (stack.conf(dev, 'secure_redirects') && !isDefaultGateway(stack, gateway, dev.ifindex)) return;
  } else {
    // "if (inet_addr_type(net, new_gw) != RTN_UNICAST) goto reject_redirect;"
    const local = stack.fib.table(Table.LOCAL)?.lookup(gateway, () => true);
    if (local) return;
  }
  const n = stack.neighbours.get(res.ifindex, gateway) ?? stack.neighbours.create(res.ifindex, gateway);
  // "if (!(n->nud_state & NUD_VALID)) neigh_event_send(n, NULL); else update_or_create_fnhe(...)"
  if (!(n.state & NUD_VALID)) {
    stack.neighbours.resolve(n);
    return;
  }
  ex.update(res.route, dst, gateway, 0, false, stack.cpu.now + ex.redirectExpires * 1e9);
}

/** inet_addr_onlink(): an address of `dev` has both `a` and `b` in its subnet. */
function onLink(stack: Stack, dev: NetInterface, a: Ipv4Address, b: Ipv4Address): boolean {
  return stack.addresses.of(dev.ifindex).some((x) => {
    const mask = x.prefixLength === 0 ? 0 : (0xffffffff << (32 - x.prefixLength)) >>> 0;
    return ((a ^ x.address) & mask) === 0 && ((b ^ x.address) & mask) === 0;
  });
}

function isDefaultGateway(stack: Stack, gw: Ipv4Address, ifindex: number): boolean {
  return (stack.fib.table(Table.MAIN)?.bucket(0, 0) ?? []).some((r) => r.gateway === gw && r.ifindex === ifindex);
}
