// What the rules of a table look at in one packet at one hook: ipt_do_table()'s locals and the
// xt_action_param handed to every match and target. Made once per table walk (only on a guest that has
// rules); matches read the bytes in place and set `hotdrop` when they must see a header that is not there.

import type { NetInterface } from '../stack/interface.ts';
import type { PacketBuffer } from '../stack/packet-buffer.ts';
import type { Hook } from '../stack/registration.ts';

export interface FilterPacket {
  readonly pkt: PacketBuffer;
  readonly hook: Hook;
  /** The devices the packet came in by and leaves by (undefined at OUTPUT / INPUT: Linux's NULL). */
  readonly inDev: NetInterface | undefined;
  readonly outDev: NetInterface | undefined;
  /** Their names, '' for none (ipt_do_table's nulldevname). */
  readonly inName: string;
  readonly outName: string;
  readonly bytes: Uint8Array;
  /** Offset of the IPv4 header in `bytes`, of the transport header (acpar.thoff), and the end of the datagram. */
  readonly nh: number;
  readonly th: number;
  readonly end: number;
  readonly protocol: number;
  /** The fragment offset in 8-byte units (acpar.fragoff): non-zero for second and later fragments. */
  readonly fragoff: number;
  /** "We've been asked to examine this packet, and we can't": the walk ends with DROP (acpar.hotdrop). */
  hotdrop: boolean;
}

/** Reads a big-endian 16-bit word. */
export const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;

/** Reads a big-endian 32-bit word as an unsigned number. */
export const u32 = (b: Uint8Array, at: number): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
