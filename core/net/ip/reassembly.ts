// IPv4 reassembly (RFC 791 §3.2, RFC 815; Linux net/ipv4/ip_fragment.c): fragments are queued per
// (source, destination, ident, protocol); a queue that is not complete after ipfrag_time (30 s) expires
// with ICMP time exceeded (fragment reassembly) when its first fragment arrived. Overlapping fragments
// drop the whole datagram, as Linux has since 4.19 (RFC 5722's rule applied to IPv4).

import type { Timer } from '../../cpu/index.ts';
import { IcmpType, Ipv4Packet, TimeExceededCode } from '../wire/index.ts';
import { PacketBuffer } from '../stack/packet-buffer.ts';
import type { Stack } from '../stack/stack.ts';

interface Piece {
  readonly offset: number;
  readonly end: number;
  readonly data: Uint8Array;
}

interface Queue {
  readonly key: string;
  pieces: Piece[];
  /** Total length once the last fragment (MF clear) arrived, else -1. */
  total: number;
  bytes: number;
  first: PacketBuffer | null;
  timer: Timer;
}

export class Reassembler {
  /** Made with the first fragment (most stacks never reassemble). */
  private queues: Map<string, Queue> | null = null;
  private memory = 0;

  constructor(private readonly stack: Stack) {}

  get pending(): number {
    return this.queues === null ? 0 : this.queues.size;
  }

  /** Queues a fragment (owns it); returns the reassembled datagram when complete, else null. */
  add(pkt: PacketBuffer): PacketBuffer | null {
    const stack = this.stack;
    const mib = stack.mibs.ip;
    mib.ReasmReqds++;
    const ip = pkt.ipv4();
    const key = `${ip.src}:${ip.dst}:${ip.ident}:${ip.protocol}`;
    const offset = ip.fragmentOffset;
    const data = ip.payload;
    const end = offset + data.length;
    const fail = (q?: Queue) => {
      mib.ReasmFails++;
      if (q) this.drop(q);
      return null;
    };
    if (end > 65535 - ip.headerLength) {
      stack.mibs.drops.reassemblyTooBig++;
      return fail(this.queues?.get(key));
    }
    // RFC 791: all fragments but the last carry a multiple of 8 bytes.
    if (ip.moreFragments && data.length % 8 !== 0) {
      stack.mibs.drops.badIpLength++;
      return fail();
    }
    const queues = (this.queues ??= new Map<string, Queue>());
    let q = queues.get(key);
    if (!q) {
      if (this.memory > stack.sysctl.ipfrag_high_thresh) return fail();
      const created: Queue = {
        key, pieces: [], total: -1, bytes: 0, first: null,
        timer: stack.cpu.setTimer(stack.sysctl.ipfrag_time * 1e9, () => this.expire(created)),
      };
      q = created;
      queues.set(key, q);
    }
    if (!ip.moreFragments) {
      if (q.total >= 0 && q.total !== end) return fail(q);
      q.total = end;
    }
    for (const p of q.pieces) {
      if (offset === p.offset && end === p.end) return null; // an exact duplicate is ignored
      if (offset < p.end && end > p.offset) {
        stack.mibs.ipExt.ReasmOverlaps++;
        stack.mibs.drops.reassemblyOverlap++;
        return fail(q);
      }
    }
    q.pieces.push({ offset, end, data: data.slice() });
    q.bytes += data.length;
    this.memory += data.length;
    if (offset === 0) q.first = pkt;
    if (q.total < 0 || !q.first) return null;
    q.pieces.sort((a, b) => a.offset - b.offset);
    let covered = 0;
    for (const p of q.pieces) {
      if (p.offset !== covered) return null;
      covered = p.end;
    }
    if (covered !== q.total) return null;
    // Complete: rebuild on the first fragment's header.
    const first = q.first.ipv4();
    const hlen = first.headerLength;
    const whole = PacketBuffer.forDatagram(hlen + q.total);
    whole.bytes.set(q.first.bytes.subarray(q.first.networkOffset, q.first.networkOffset + hlen), whole.networkOffset);
    for (const p of q.pieces) whole.bytes.set(p.data, whole.networkOffset + hlen + p.offset);
    const h = whole.ipv4();
    h.setTotalLength(hlen + q.total);
    h.setFlagsAndOffset(first.dontFragment, false, 0);
    h.fillChecksum();
    const f = q.first;
    whole.src = f.src;
    whole.dst = f.dst;
    whole.ingress = f.ingress;
    whole.pktType = f.pktType;
    whole.mark = f.mark;
    whole.timestamp = f.timestamp;
    whole.toBroadcast = f.toBroadcast;
    whole.toMulticast = f.toMulticast;
    this.drop(q);
    mib.ReasmOKs++;
    return whole;
  }

  private drop(q: Queue): void {
    q.timer.cancel();
    this.memory -= q.bytes;
    this.queues?.delete(q.key);
  }

  /** ip_expire(): "Send an ICMP 'Fragment Reassembly Timeout' message" if the first fragment arrived. */
  private expire(q: Queue): void {
    if (this.queues?.get(q.key) !== q) return;
    const stack = this.stack;
    stack.mibs.ip.ReasmTimeout++;
    stack.mibs.ip.ReasmFails++;
    stack.mibs.drops.reassemblyTimeout++;
    this.drop(q);
    if (q.first) stack.icmp.sendError(q.first, IcmpType.TIME_EXCEEDED, TimeExceededCode.REASSEMBLY, 0);
  }
}
