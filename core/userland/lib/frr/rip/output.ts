// The route entries ripd puts in a response out of one interface (rip_output_process): the table in
// route-table order, split horizon (simple by default, or poisoned reverse), the metric sent for local
// routes, and the cut into messages of at most 25 entries (RFC 2453 3.6).

import { RIP_AFI_INET, RIP_INFINITY, RIP_MAX_ENTRIES, RipCommand, ripBytes, type RipRouteEntry } from '../../../../net/wire/rip.ts';
import { classfulPrefixLength, networkOf } from '../../../../net/wire/ipv4-address.ts';
import type { RipInterfaceConfig } from './config.ts';
import { isLearned, maskOf, tableOrder, type RipRoute } from './routes.ts';

export interface OutputScope {
  readonly ifname: string;
  readonly version: 1 | 2;
  readonly splitHorizon: RipInterfaceConfig['splitHorizon'];
  /** Only the routes whose change flag is set (a triggered update). */
  readonly changedOnly: boolean;
  /** The sending address's network, for RIPv1's classful rules. */
  readonly subnet: { prefix: number; prefixLength: number };
}

/** The metric a route is announced with before split horizon. */
export function announcedMetric(r: RipRoute): number {
  if (isLearned(r) || r.metric >= RIP_INFINITY) return r.metric;
  return r.sendMetric ?? 1;
}

/** RFC 1058 carries no mask: only classful networks, and subnets of the sending interface's network. */
function v1Sendable(r: RipRoute, subnet: OutputScope['subnet']): boolean {
  const classful = classfulPrefixLength(r.prefix) ?? 32;
  if (r.prefixLength === classful) return true;
  const sameNet = networkOf(r.prefix, classful) === networkOf(subnet.prefix, classful);
  return sameNet && (r.prefixLength === subnet.prefixLength || r.prefixLength === 32);
}

export function routeEntries(routes: Iterable<RipRoute>, scope: OutputScope): RipRouteEntry[] {
  const out: RipRouteEntry[] = [];
  for (const r of [...routes].sort(tableOrder)) {
    if (scope.changedOnly && !r.changed) continue;
    if (scope.version === 1 && !v1Sendable(r, scope.subnet)) continue;
    let metric = announcedMetric(r);
    // RFC 2453 3.4.3: a route is not sent back out of the interface it was learned from (or, with
    // poisoned reverse, sent with metric 16). ripd applies it to RIP and connected routes only (its
    // interface networks count as reached through their interface); static or kernel routes are sent.
    if (r.ifname === scope.ifname && (r.type === 'rip' || r.type === 'connected')) {
      if (scope.splitHorizon === 'simple') continue;
      if (scope.splitHorizon === 'poisoned-reverse') metric = RIP_INFINITY;
    }
    const v2 = scope.version === 2;
    // RFC 2453 4.4: a gateway on the outgoing network is given as the next hop ("no extra hop").
    const gw = typeof r.nexthop === 'number' && r.nexthop !== 0 && networkOf(r.nexthop, scope.subnet.prefixLength) === scope.subnet.prefix ? r.nexthop : 0;
    out.push({
      kind: 'route', afi: RIP_AFI_INET, tag: v2 ? r.tag : 0, address: r.prefix, mask: v2 ? maskOf(r.prefixLength) : 0, nextHop: v2 ? gw : 0, metric,
    });
  }
  return out;
}

/** Responses carrying `entries`, 25 to a message; none when there is nothing to say. */
export function responses(version: 1 | 2, entries: readonly RipRouteEntry[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < entries.length; i += RIP_MAX_ENTRIES) {
    out.push(ripBytes({ command: RipCommand.RESPONSE, version, entries: entries.slice(i, i + RIP_MAX_ENTRIES) }));
  }
  return out;
}

/** RFC 2453 3.9.1: the request for the whole table (one entry, family 0, metric 16). */
export function wholeTableRequest(version: 1 | 2): Uint8Array {
  return ripBytes({
    command: RipCommand.REQUEST, version,
    entries: [{ kind: 'route', afi: 0, tag: 0, address: 0, mask: 0, nextHop: 0, metric: RIP_INFINITY }],
  });
}
