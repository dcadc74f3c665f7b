// The OSPF packets ospfd sends, built from the engine's state: Hellos (RFC 2328 A.3.2), Database
// Descriptions cut to the interface MTU (10.8), Link State Requests, Updates carrying LSAs byte for byte
// as received or originated (13.3), and Acknowledgments.

import { OSPF_ALL_D_ROUTERS, OSPF_ALL_SPF_ROUTERS, OSPF_HEADER_LEN, OspfOption, OspfPacket, OspfType, ospfBytes, type OspfBody } from '../../../../net/wire/ospf.ts';
import { LSA_HEADER_LEN, type LsaHeader } from '../../../../net/wire/ospf-lsa.ts';
import { prefixToNetmask } from '../../../../net/wire/ipv4-address.ts';
import type { OspfIface } from './interface.ts';
import { atLeast } from './neighbor.ts';

/** Options ospfd sets in its Hellos and DDs in a normal area: E (external routing). */
export const OPTIONS = OspfOption.E;

export function packetBytes(routerId: number, areaId: number, body: OspfBody): Uint8Array {
  return ospfBytes({ routerId, areaId, auth: { type: 'none' }, body });
}

export function helloBody(i: OspfIface): OspfBody {
  const neighbors = [...i.neighbors.values()].filter((n) => atLeast(n.state, 'Init')).map((n) => n.routerId).sort((a, b) => a - b);
  return {
    kind: 'hello', networkMask: i.type === 'point-to-point' ? 0 : prefixToNetmask(i.prefixLength), helloInterval: i.hello, options: OPTIONS,
    priority: i.priority, deadInterval: i.dead, designatedRouter: i.dr, backupDesignatedRouter: i.bdr, neighbors,
  };
}

/** How many LSA headers fit in one Database Description on the interface. */
export function ddCapacity(i: OspfIface): number {
  return Math.max(1, Math.floor((i.mtu - 20 - OSPF_HEADER_LEN - 8) / LSA_HEADER_LEN));
}

/** An LS Update carrying `lsas` (whole LSAs as bytes, age already set). */
export function lsuBytes(routerId: number, areaId: number, lsas: readonly Uint8Array[]): Uint8Array {
  const len = OSPF_HEADER_LEN + 4 + lsas.reduce((n, l) => n + l.length, 0);
  const out = new Uint8Array(len);
  const p = new OspfPacket(out);
  p.setVersion(2);
  p.setType(OspfType.LS_UPDATE);
  p.setLength(len);
  p.setRouterId(routerId);
  p.setAreaId(areaId);
  new DataView(out.buffer).setUint32(OSPF_HEADER_LEN, lsas.length);
  let at = OSPF_HEADER_LEN + 4;
  for (const l of lsas) {
    out.set(l, at);
    at += l.length;
  }
  p.fillChecksum();
  return out;
}

/** The raw LSAs of an LS Update packet (already checked whole by OspfPacket.checked). */
export function lsuLsas(payload: Uint8Array, length: number): Uint8Array[] {
  const v = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const out: Uint8Array[] = [];
  let at = OSPF_HEADER_LEN + 4;
  for (let n = v.getUint32(OSPF_HEADER_LEN); n > 0 && at + LSA_HEADER_LEN <= length; n--) {
    const l = v.getUint16(at + 18);
    out.push(payload.subarray(at, at + l));
    at += l;
  }
  return out;
}

/** Where an interface floods and sends delayed acks (RFC 2328 13.3 (5)): AllSPFRouters from the DR and BDR, else AllDRouters. */
export function floodDestination(i: OspfIface): number {
  if (i.type !== 'broadcast' || i.state === 'DR' || i.state === 'Backup') return OSPF_ALL_SPF_ROUTERS;
  return OSPF_ALL_D_ROUTERS;
}

export function ackBody(headers: readonly LsaHeader[]): OspfBody {
  return { kind: 'ls-ack', lsaHeaders: headers };
}
