// What vtysh prints for `show ip ospf database` (FRR 8.4.4's show_ip_ospf_database_summary): per area
// the router, network and summary LSAs, then the AS-external ones, each kind only when there is one.

import { formatIpv4Address as ip, netmaskToPrefix } from '../../../../net/wire/ipv4-address.ts';
import { LsaType } from '../../../../net/wire/ospf-lsa.ts';
import type { OspfEngine } from './engine.ts';
import { ageOf, type Lsa } from './lsdb.ts';

const TITLES: Record<number, string> = {
  [LsaType.ROUTER]: 'Router Link States', [LsaType.NETWORK]: 'Net Link States',
  [LsaType.SUMMARY_NETWORK]: 'Summary Link States', [LsaType.SUMMARY_ASBR]: 'ASBR-Summary Link States',
};
const COLUMNS: Record<number, string> = {
  [LsaType.ROUTER]: 'Link ID         ADV Router      Age  Seq#       CkSum  Link count',
  [LsaType.NETWORK]: 'Link ID         ADV Router      Age  Seq#       CkSum',
  [LsaType.SUMMARY_NETWORK]: 'Link ID         ADV Router      Age  Seq#       CkSum  Route',
  [LsaType.SUMMARY_ASBR]: 'Link ID         ADV Router      Age  Seq#       CkSum',
  [LsaType.AS_EXTERNAL]: 'Link ID         ADV Router      Age  Seq#       CkSum  Route',
};

function row(l: Lsa, now: number): string {
  const h = l.header;
  let out = `${ip(h.linkStateId).padEnd(15)}${ip(h.advertisingRouter).padEnd(15)} ${String(ageOf(l, now)).padStart(4)} `
    + `0x${(h.sequence >>> 0).toString(16).padStart(8, '0')} 0x${h.checksum.toString(16).padStart(4, '0')}`;
  const b = l.body;
  if (b.kind === 'router') out += ` ${b.links.length}`;
  else if (b.kind === 'summary' && h.lsType === LsaType.SUMMARY_NETWORK) out += ` ${ip(h.linkStateId)}/${netmaskToPrefix(b.mask) ?? 32}`;
  else if (b.kind === 'external') {
    const m = b.metrics[0];
    out += ` ${m?.type2 ? 'E2' : 'E1'} ${ip(h.linkStateId)}/${netmaskToPrefix(b.mask) ?? 32} [0x${(m?.routeTag ?? 0).toString(16)}]`;
  }
  return `${out}\n`;
}

function section(title: string, type: number, lsas: Lsa[], now: number): string {
  if (lsas.length === 0) return '';
  return `                ${title}\n\n${COLUMNS[type]}\n${lsas.map((l) => row(l, now)).join('')}\n`;
}

export function showDatabase(e: OspfEngine): string {
  const now = e.now();
  let out = `\n       OSPF Router with ID (${ip(e.routerId)})\n\n`;
  for (const a of [...e.areas.values()].sort((x, y) => x.id.id - y.id.id)) {
    for (const t of [LsaType.ROUTER, LsaType.NETWORK, LsaType.SUMMARY_NETWORK, LsaType.SUMMARY_ASBR]) {
      out += section(`${TITLES[t]} (Area ${ip(a.id.id)})`, t, a.lsdb.ofType(t), now);
    }
  }
  out += section('AS External Link States', LsaType.AS_EXTERNAL, e.external.ofType(LsaType.AS_EXTERNAL), now);
  return `${out}\n`;
}
