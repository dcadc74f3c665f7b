// What vtysh prints for `show ip ospf database router|network|summary|asbr-summary|external`: every
// LSA of the type in full (FRR 8.4.4's show_ip_ospf_database_type_adv_router and the show_*_lsa_detail
// functions), per area for area-scoped types.

import { formatIpv4Address as ip, netmaskToPrefix } from '../../../../net/wire/ipv4-address.ts';
import { LsaType, RouterLinkType } from '../../../../net/wire/ospf-lsa.ts';
import type { OspfEngine } from './engine.ts';
import { ageOf, type Lsa } from './lsdb.ts';

export type LsaKind = 'router' | 'network' | 'summary' | 'asbr-summary' | 'external';

const KINDS: Record<LsaKind, { type: number; title: string; lsType: string; idNote: string }> = {
  router: { type: LsaType.ROUTER, title: 'Router Link States', lsType: 'router-LSA', idNote: '' },
  network: { type: LsaType.NETWORK, title: 'Net Link States', lsType: 'network-LSA', idNote: 'address of Designated Router' },
  summary: { type: LsaType.SUMMARY_NETWORK, title: 'Summary Link States', lsType: 'summary-LSA', idNote: 'summary Network Number' },
  'asbr-summary': { type: LsaType.SUMMARY_ASBR, title: 'ASBR-Summary Link States', lsType: 'summary-LSA', idNote: 'AS Boundary Router address' },
  external: { type: LsaType.AS_EXTERNAL, title: 'AS External Link States', lsType: 'AS-external-LSA', idNote: 'External Network Number' },
};

/** ospf_options_dump(): the option bits from O down to MT, `*` for the top one. */
function optionsText(o: number): string {
  const bits: [number, string][] = [[0x40, 'O'], [0x20, 'DC'], [0x10, 'EA'], [0x08, 'N/P'], [0x04, 'MC'], [0x02, 'E'], [0x01, 'M/T']];
  return `*|${bits.map(([b, t]) => (o & b ? t : '-')).join('|')}`;
}

const LINK_TEXT: Record<number, [string, string, string]> = {
  [RouterLinkType.POINT_TO_POINT]: ['another Router (point-to-point)', 'Neighboring Router ID', 'Router Interface address'],
  [RouterLinkType.TRANSIT]: ['a Transit Network', 'Designated Router address', 'Router Interface address'],
  [RouterLinkType.STUB]: ['Stub Network', 'Net', 'Network Mask'],
  [RouterLinkType.VIRTUAL]: ['a Virtual Link', 'Neighboring Router ID', 'Router Interface address'],
};

function body(l: Lsa): string {
  const b = l.body;
  const mask = (m: number) => `  Network Mask: /${netmaskToPrefix(m) ?? 0}\n`;
  switch (b.kind) {
    case 'router':
      return `   Number of Links: ${b.links.length}\n\n${b.links.map((k) => {
        const [what, id, data] = LINK_TEXT[k.type] ?? ['(null)', 'Link ID', 'Link Data'];
        return `    Link connected to: ${what}\n     (Link ID) ${id}: ${ip(k.linkId)}\n     (Link Data) ${data}: ${ip(k.linkData)}\n`
          + `      Number of TOS metrics: ${k.tos.length}\n       TOS 0 Metric: ${k.metric}\n\n`;
      }).join('')}\n`;
    case 'network':
      return mask(b.mask) + b.attachedRouters.map((r) => `        Attached Router: ${ip(r)}\n\n`).join('');
    case 'summary':
      return `${mask(b.mask)}        TOS: 0  Metric: ${b.metric}\n\n`;
    case 'external': {
      const m = b.metrics[0];
      if (!m) return `${mask(b.mask)}\n`;
      return `${mask(b.mask)}        Metric Type: ${m.type2 ? '2 (Larger than any link state path)' : '1 (Comparable directly to link state metric)'}\n`
        + `        TOS: 0\n        Metric: ${m.metric}\n        Forward Address: ${ip(m.forwardingAddress)}\n        External Route Tag: ${m.routeTag}\n\n`;
    }
    default:
      return '\n';
  }
}

function lsaText(e: OspfEngine, l: Lsa, kind: LsaKind): string {
  const h = l.header;
  const k = KINDS[kind];
  // FRR's own flags: OSPF_LSA_SELF and SELF_CHECKED for ours (and APPROVED for an ABR's summaries),
  // SELF_CHECKED and RECEIVED for the others'.
  const self = h.advertisingRouter === e.routerId;
  const flags = !self ? 0x6 : h.lsType === LsaType.SUMMARY_NETWORK || h.lsType === LsaType.SUMMARY_ASBR ? 0xb : 0x3;
  let out = `  LS age: ${ageOf(l, e.now())}\n  Options: 0x${h.options.toString(16)}  : ${optionsText(h.options)}\n  LS Flags: 0x${flags.toString(16)}  \n`;
  if (l.body.kind === 'router') {
    const f = l.body.flags;
    out += `  Flags: 0x${f.toString(16)}${f ? ` :${f & 1 ? ' ABR' : ''}${f & 2 ? ' ASBR' : ''}${f & 4 ? ' VL-endpoint' : ''}` : ''}\n`;
  }
  out += `  LS Type: ${k.lsType}\n  Link State ID: ${ip(h.linkStateId)} ${k.idNote ? `(${k.idNote})` : ''}\n`
    + `  Advertising Router: ${ip(h.advertisingRouter)}\n  LS Seq Number: ${(h.sequence >>> 0).toString(16).padStart(8, '0')}\n`
    + `  Checksum: 0x${h.checksum.toString(16).padStart(4, '0')}\n  Length: ${h.length}\n\n`;
  return out + body(l);
}

export function showDatabaseKind(e: OspfEngine, kind: LsaKind): string {
  const k = KINDS[kind];
  let out = `\n       OSPF Router with ID (${ip(e.routerId)})\n\n`;
  if (kind === 'external') {
    return `${out}                ${k.title} \n\n${e.external.ofType(k.type).map((l) => lsaText(e, l, kind)).join('')}`;
  }
  for (const a of [...e.areas.values()].sort((x, y) => x.id.id - y.id.id)) {
    out += `\n                ${k.title} (Area ${ip(a.id.id)})\n\n${a.lsdb.ofType(k.type).map((l) => lsaText(e, l, kind)).join('')}`;
  }
  return out;
}
