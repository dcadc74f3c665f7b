// A link-state database (one per area, one more for AS-external LSAs): each LSA with its bytes as
// received or originated, the virtual time it was installed (its age grows from there), RFC 2328 13.1's
// "which instance is newer", and the order FRR walks it in (`show ip ospf database`).

import { LSA_MAX_AGE, LsaPacket, parseLsa, type LsaBody, type LsaHeader } from '../../../../net/wire/ospf-lsa.ts';

/** RFC 2328 B: MaxAgeDiff. */
const MAX_AGE_DIFF = 900;

export interface Lsa {
  header: LsaHeader;
  body: LsaBody;
  /** The whole LSA as on the wire (its age field as when installed). */
  bytes: Uint8Array;
  /** Virtual ms when installed. */
  installedAt: number;
  /** Originated by this router in this life (not a copy of ours from the network). */
  self?: boolean;
}

export const lsaKey = (type: number, id: number, adv: number): string => `${type}/${id >>> 0}/${adv >>> 0}`;
export const headerKey = (h: { lsType: number; linkStateId: number; advertisingRouter: number }): string =>
  lsaKey(h.lsType, h.linkStateId, h.advertisingRouter);

/** The LSA of `bytes` (checked and whole), or null. */
export function lsaFromBytes(bytes: Uint8Array, now: number): Lsa | null {
  const p = LsaPacket.checked(bytes);
  if (!p || !p.verifyChecksum()) return null;
  const copy = bytes.slice(0, p.length);
  const repr = parseLsa(new LsaPacket(copy));
  return { header: repr.header, body: repr.body, bytes: copy, installedAt: now };
}

/** The LS age now (RFC 2328 14: it grows by one every second, up to MaxAge). */
export function ageOf(lsa: Lsa, now: number): number {
  if (lsa.header.age >= LSA_MAX_AGE) return LSA_MAX_AGE;
  return Math.min(LSA_MAX_AGE, lsa.header.age + Math.floor((now - lsa.installedAt) / 1000));
}

/** The header with the age it has now. */
export function currentHeader(lsa: Lsa, now: number): LsaHeader {
  return { ...lsa.header, age: ageOf(lsa, now) };
}

/** The LSA's bytes to send: its age now plus the interface's transmit delay (RFC 2328 13.3). */
export function bytesToSend(lsa: Lsa, now: number, delay: number): Uint8Array {
  const out = lsa.bytes.slice();
  new LsaPacket(out).setAge(Math.min(LSA_MAX_AGE, ageOf(lsa, now) + delay));
  return out;
}

/** RFC 2328 13.1: > 0 when `a` is the newer instance, < 0 when `b` is, 0 when they are the same. */
export function compareInstances(a: LsaHeader, b: LsaHeader): number {
  const sa = a.sequence | 0, sb = b.sequence | 0;
  if (sa !== sb) return sa > sb ? 1 : -1;
  if (a.checksum !== b.checksum) return a.checksum > b.checksum ? 1 : -1;
  const ma = a.age >= LSA_MAX_AGE, mb = b.age >= LSA_MAX_AGE;
  if (ma !== mb) return ma ? 1 : -1;
  if (Math.abs(a.age - b.age) > MAX_AGE_DIFF) return a.age < b.age ? 1 : -1;
  return 0;
}

export class Lsdb {
  readonly map = new Map<string, Lsa>();

  get(type: number, id: number, adv: number): Lsa | undefined {
    return this.map.get(lsaKey(type, id, adv));
  }

  install(lsa: Lsa): void {
    this.map.set(headerKey(lsa.header), lsa);
  }

  remove(lsa: Lsa): void {
    this.map.delete(headerKey(lsa.header));
  }

  /** The LSAs of one type by link state ID then advertising router (FRR's route-table walk). */
  ofType(type: number): Lsa[] {
    return [...this.map.values()].filter((l) => l.header.lsType === type)
      .sort((a, b) => a.header.linkStateId - b.header.linkStateId || a.header.advertisingRouter - b.header.advertisingRouter);
  }

  all(): Lsa[] {
    return [...this.map.values()];
  }
}
