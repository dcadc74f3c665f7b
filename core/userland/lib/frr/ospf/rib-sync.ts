// The routes ospfd gives zebra after each SPF run (ospf_zebra_add / ospf_zebra_delete): one per prefix,
// intra- and inter-area before external, with the route's cost as metric (an E2 route's external metric),
// only what changed sent again.

import { formatIpv4Address } from '../../../../net/wire/ipv4-address.ts';
import type { OspfEngine, OspfRibRoute } from './engine.ts';
import type { Nexthop } from './spf.ts';

export function syncRib(e: OspfEngine): void {
  const wanted = new Map<string, OspfRibRoute>();
  const add = (prefix: number, len: number, hops: readonly Nexthop[], metric: number) => {
    const key = `${formatIpv4Address(prefix)}/${len}`;
    const h = hops[0];
    if (!h || wanted.has(key)) return;
    wanted.set(key, { prefix: formatIpv4Address(prefix), prefixLength: len, nexthop: formatIpv4Address(h.gateway), ifname: h.ifname, metric });
  };
  for (const r of e.routes.network) add(r.prefix, r.prefixLength, r.nexthops, r.cost);
  for (const r of e.routes.external) add(r.prefix, r.prefixLength, r.nexthops, r.type2 ? r.metric : r.cost);
  for (const [key, r] of e.installed) {
    if (!wanted.has(key)) {
      e.host.routeDelete(r);
      e.installed.delete(key);
    }
  }
  for (const [key, r] of wanted) {
    const old = e.installed.get(key);
    if (old && old.nexthop === r.nexthop && old.ifname === r.ifname && old.metric === r.metric) continue;
    e.installed.set(key, r);
    e.host.routeAdd(r);
  }
}
