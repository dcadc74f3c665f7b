// One BGP neighbor's session (RFC 4271 section 8): its TCP connections (the one it opens, the one it
// accepts; a collision is settled by BGP identifiers, section 6.8), the finite state machine from Idle
// to Established, OPEN checks, keepalive and hold timers, counters for `show ip bgp summary`. What the
// session learns and owes (UPDATEs, the table) is the engine's, through SessionHost.

import {
  BGP_VERSION, BgpError, BgpHeader, BgpType, CeaseSubcode, OpenSubcode, AS_TRANS, as4Of, bgpMessageLength, emitBgpKeepalive,
  emitBgpNotification, emitBgpOpen, frrCapabilities, parseBgp, type BgpOpenRepr, type BgpUpdateRepr,
} from '../../../../net/wire/bgp.ts';
import type { NeighborConfig } from './config.ts';
import type { BgpPath } from './path.ts';

export type BgpState = 'Idle' | 'Connect' | 'Active' | 'OpenSent' | 'OpenConfirm' | 'Established';

export interface SessionHost {
  now(): number;
  hostname(): string;
  localAs(): number;
  routerId(): number;
  timers(): { keepalive: number; holdTime: number };
  /** Opens a TCP connection to the peer (from `source` when set); the engine hears back with its id. */
  connect(peer: number, source: string | null): number;
  send(conn: number, bytes: Uint8Array): void;
  close(conn: number): void;
  established(peer: Peer): void;
  down(peer: Peer): void;
  update(peer: Peer, update: BgpUpdateRepr): void;
}

interface Conn {
  readonly id: number;
  readonly outgoing: boolean;
  state: 'connecting' | 'OpenSent' | 'OpenConfirm' | 'Established';
  buf: Uint8Array;
  local: number;
  localPort: number;
  remotePort: number;
  holdAt: number | null;
  keepaliveAt: number | null;
}

/** RFC 4271 section 8: the hold timer while waiting for an OPEN ("a large value ... 4 minutes"). */
const OPEN_HOLD_MS = 240_000;
/** FRR's `timers connect` default, and its idle wait before starting again after a reset. */
const CONNECT_RETRY_MS = 120_000;
const RESTART_MS = 1_000;

const RANK = { connecting: 0, OpenSent: 1, OpenConfirm: 2, Established: 3 } as const;

export class Peer {
  private conns: Conn[] = [];
  private idle: BgpState = 'Idle';
  remoteId = 0;
  remoteAs = 0;
  remoteHostname: string | null = null;
  holdTime = 0;
  keepalive = 0;
  /** Local address of the established connection. */
  localAddress = 0;
  upSince: number | null = null;
  /** Last message read (from the peer's creation until one is), last written (null: never). */
  lastRead: number;
  lastWrite: number | null = null;
  msgIn = 0;
  msgOut = 0;
  /** Messages by type (1 OPEN ... 5 ROUTE-REFRESH), sent and received. */
  readonly sentByType = [0, 0, 0, 0, 0, 0];
  readonly rcvdByType = [0, 0, 0, 0, 0, 0];
  /** The established connection's ends: local and remote port, and whether we opened it. */
  ports = { local: 0, remote: 0 };
  /** Why the session last went down ('' while it never has). */
  lastReset = '';
  resetAt: number;
  established = 0;
  dropped = 0;
  private startAt: number | null = null;
  private connectRetryAt: number | null = null;
  /** Paths as the peer sent them (before loop checks and inbound policy), by prefix key. */
  readonly rawIn = new Map<string, BgpPath>();
  /** Paths accepted from the peer, by prefix key. */
  readonly adjIn = new Map<string, BgpPath>();
  /** What was sent to the peer, by prefix key: the attributes' signature. */
  readonly adjOut = new Map<string, string>();

  constructor(readonly config: NeighborConfig, private readonly host: SessionHost) {
    this.lastRead = host.now();
    this.resetAt = host.now();
  }

  get address(): number {
    return this.config.address;
  }

  get state(): BgpState {
    const top = this.conns.reduce<Conn | null>((m, c) => (!m || RANK[c.state] > RANK[m.state] ? c : m), null);
    if (!top) return this.idle;
    return top.state === 'connecting' ? 'Connect' : top.state;
  }

  /** The AS the configuration expects, checked against the OPEN (internal: ours; external: any other). */
  private asAcceptable(as: number): boolean {
    const want = this.config.remoteAs;
    if (want === 'internal') return as === this.host.localAs();
    if (want === 'external') return as !== this.host.localAs();
    return as === want;
  }

  isInternal(): boolean {
    const want = this.config.remoteAs;
    return want === 'internal' || want === this.host.localAs();
  }

  /** Starts the session: Idle to Connect (RFC 4271 ManualStart). */
  start(): void {
    this.startAt = null;
    if (this.config.shutdown || this.conns.length > 0) return;
    this.connectRetryAt = this.host.now() + CONNECT_RETRY_MS;
    const id = this.host.connect(this.address, this.config.updateSource);
    if (id < 0) {
      this.idle = 'Active';
      return;
    }
    this.conns.push({ id, outgoing: true, state: 'connecting', buf: new Uint8Array(0), local: 0, localPort: 0, remotePort: 179, holdAt: null, keepaliveAt: null });
  }

  /** Ends every connection (`no neighbor`, `clear ip bgp`, shutdown) with a Cease. */
  stop(subcode: number, restart: boolean): void {
    for (const c of [...this.conns]) this.drop(c, c.state === 'connecting' ? null : { code: BgpError.CEASE, subcode });
    this.idle = 'Idle';
    this.connectRetryAt = null;
    this.startAt = restart && !this.config.shutdown ? this.host.now() + RESTART_MS : null;
  }

  nextEvent(): number | null {
    const times = [this.startAt, this.connectRetryAt, ...this.conns.flatMap((c) => [c.holdAt, c.keepaliveAt])];
    return times.reduce<number | null>((m, t) => (t !== null && (m === null || t < m) ? t : m), null);
  }

  tick(now: number): void {
    if (this.startAt !== null && this.startAt <= now) this.start();
    if (this.connectRetryAt !== null && this.connectRetryAt <= now) {
      this.connectRetryAt = null;
      if (this.conns.length === 0) this.start();
    }
    for (const c of [...this.conns]) {
      // RFC 4271 6.5: the hold timer expired.
      if (c.holdAt !== null && c.holdAt <= now) this.drop(c, { code: BgpError.HOLD_TIMER, subcode: 0 });
      else if (c.keepaliveAt !== null && c.keepaliveAt <= now) {
        this.write(c, emitBgpKeepalive());
        c.keepaliveAt = now + this.keepalive * 1000;
      }
    }
  }

  // ---- connections ----

  connected(id: number, local: number, localPort = 0): void {
    const c = this.conns.find((x) => x.id === id);
    if (!c) return;
    c.local = local;
    c.localPort = localPort;
    this.sendOpen(c);
  }

  connectFailed(id: number): void {
    const c = this.conns.find((x) => x.id === id);
    if (!c) return;
    this.conns = this.conns.filter((x) => x !== c);
    // RFC 4271 8.2.2 (Connect state, TcpConnectionFails): to Active, waiting for the connect retry timer.
    if (this.conns.length === 0) this.idle = 'Active';
  }

  accepted(id: number, local: number, remotePort = 0): boolean {
    if (this.config.shutdown || this.state === 'Established') return false;
    // A connection of ours still in its handshake gives way to the one that came in.
    for (const c of this.conns.filter((x) => x.state === 'connecting')) {
      this.host.close(c.id);
      this.conns = this.conns.filter((x) => x !== c);
    }
    const c: Conn = { id, outgoing: false, state: 'OpenSent', buf: new Uint8Array(0), local, localPort: 179, remotePort, holdAt: null, keepaliveAt: null };
    this.conns.push(c);
    this.sendOpen(c);
    return true;
  }

  closed(id: number): void {
    const c = this.conns.find((x) => x.id === id);
    if (c) this.drop(c, null, false);
  }

  has(id: number): boolean {
    return this.conns.some((c) => c.id === id);
  }

  received(id: number, bytes: Uint8Array): void {
    const c = this.conns.find((x) => x.id === id);
    if (!c) return;
    const joined = new Uint8Array(c.buf.length + bytes.length);
    joined.set(c.buf);
    joined.set(bytes, c.buf.length);
    c.buf = joined;
    for (;;) {
      const len = bgpMessageLength(c.buf);
      if (len === null || (len >= 19 && c.buf.length < len)) return;
      const h = BgpHeader.checked(c.buf);
      if (!h) return this.drop(c, { code: BgpError.HEADER, subcode: 2 });
      const msg = parseBgp(h);
      c.buf = c.buf.slice(len);
      this.msgIn++;
      if (h.type >= 1 && h.type <= 5) this.rcvdByType[h.type]!++;
      this.lastRead = this.host.now();
      if (!msg) return this.drop(c, { code: h.type === BgpType.UPDATE ? BgpError.UPDATE : h.type === BgpType.OPEN ? BgpError.OPEN : BgpError.HEADER, subcode: h.type > 5 ? 3 : 0 });
      if (!this.conns.includes(c)) return;
      this.message(c, msg);
      if (!this.conns.includes(c)) return;
    }
  }

  // ---- messages ----

  private message(c: Conn, msg: NonNullable<ReturnType<typeof parseBgp>>): void {
    if (c.holdAt !== null && this.holdTime > 0 && c.state !== 'OpenSent') c.holdAt = this.host.now() + this.holdTime * 1000;
    switch (msg.type) {
      case BgpType.OPEN:
        if (c.state !== 'OpenSent') return this.drop(c, { code: BgpError.FSM, subcode: 0 });
        return this.open(c, msg.open);
      case BgpType.KEEPALIVE:
        if (c.state === 'OpenConfirm') return this.up(c);
        if (c.state !== 'Established') return this.drop(c, { code: BgpError.FSM, subcode: 0 });
        return;
      case BgpType.UPDATE:
        if (c.state !== 'Established') return this.drop(c, { code: BgpError.FSM, subcode: 0 });
        this.host.update(this, msg.update);
        return;
      case BgpType.NOTIFICATION:
        return this.drop(c, null);
      default:
    }
  }

  /** RFC 4271 6.2: the OPEN checks, then collision detection (6.8), then OpenConfirm. */
  private open(c: Conn, o: BgpOpenRepr): void {
    const as = as4Of(o) ?? o.myAs;
    if (o.version !== BGP_VERSION) return this.drop(c, { code: BgpError.OPEN, subcode: OpenSubcode.UNSUPPORTED_VERSION });
    if (!this.asAcceptable(as)) return this.drop(c, { code: BgpError.OPEN, subcode: OpenSubcode.BAD_PEER_AS });
    if (o.bgpId === 0 || o.bgpId === this.host.routerId()) return this.drop(c, { code: BgpError.OPEN, subcode: OpenSubcode.BAD_BGP_ID });
    if (o.holdTime === 1 || o.holdTime === 2) return this.drop(c, { code: BgpError.OPEN, subcode: OpenSubcode.UNACCEPTABLE_HOLD });
    for (const other of this.conns.filter((x) => x !== c && x.state !== 'connecting')) {
      if (other.state === 'Established') return this.drop(c, { code: BgpError.CEASE, subcode: CeaseSubcode.COLLISION });
      // RFC 4271 6.8: only a connection in OpenConfirm has the peer's identifier to compare with; one
      // still in OpenSent is compared when its own OPEN comes.
      if (other.state === 'OpenConfirm') {
        // "the connection initiated by the BGP speaker with the larger BGP Identifier" stays.
        const keepOurs = this.host.routerId() > o.bgpId;
        const loser = keepOurs === c.outgoing ? other : c;
        this.drop(loser, { code: BgpError.CEASE, subcode: CeaseSubcode.COLLISION });
        if (loser === c) return;
      }
    }
    this.remoteAs = as;
    this.remoteId = o.bgpId;
    const fqdn = o.capabilities.find((x) => x.code === 73);
    this.remoteHostname = fqdn && fqdn.value.length > 0 ? String.fromCharCode(...fqdn.value.subarray(1, 1 + fqdn.value[0]!)) : null;
    const t = this.host.timers();
    this.holdTime = Math.min(t.holdTime, o.holdTime);
    this.keepalive = this.holdTime === 0 ? 0 : Math.min(t.keepalive, Math.floor(this.holdTime / 3));
    c.state = 'OpenConfirm';
    this.write(c, emitBgpKeepalive());
    const now = this.host.now();
    c.holdAt = this.holdTime === 0 ? null : now + this.holdTime * 1000;
    c.keepaliveAt = this.keepalive === 0 ? null : now + this.keepalive * 1000;
  }

  private up(c: Conn): void {
    c.state = 'Established';
    this.localAddress = c.local;
    this.ports = { local: c.localPort, remote: c.remotePort };
    this.upSince = this.host.now();
    this.established++;
    this.connectRetryAt = null;
    for (const other of this.conns.filter((x) => x !== c)) this.drop(other, other.state === 'connecting' ? null : { code: BgpError.CEASE, subcode: CeaseSubcode.COLLISION });
    this.host.established(this);
  }

  private sendOpen(c: Conn): void {
    const asn = this.host.localAs();
    const t = this.host.timers();
    c.state = 'OpenSent';
    c.holdAt = this.host.now() + OPEN_HOLD_MS;
    this.write(c, emitBgpOpen({
      version: BGP_VERSION, myAs: asn > 0xffff ? AS_TRANS : asn, holdTime: t.holdTime, bgpId: this.host.routerId(),
      capabilities: frrCapabilities(asn, this.host.hostname()),
    }));
  }

  /** The established connection's id (the daemon's descriptor), or -1. */
  get connId(): number {
    return this.conns.find((x) => x.state === 'Established')?.id ?? -1;
  }

  /** Sends on the established connection (the engine's UPDATEs). */
  send(bytes: Uint8Array): void {
    const c = this.conns.find((x) => x.state === 'Established');
    if (c) this.write(c, bytes);
  }

  private write(c: Conn, bytes: Uint8Array): void {
    this.msgOut++;
    const type = bytes[18] ?? 0;
    if (type >= 1 && type <= 5) this.sentByType[type]!++;
    this.lastWrite = this.host.now();
    this.host.send(c.id, bytes);
  }

  /** Closes one connection, after a NOTIFICATION when given; a session that was up goes down. */
  private drop(c: Conn, notify: { code: number; subcode: number } | null, close = true): void {
    if (!this.conns.includes(c)) return;
    if (notify) this.write(c, emitBgpNotification({ ...notify, data: new Uint8Array(0) }));
    if (close) this.host.close(c.id);
    this.conns = this.conns.filter((x) => x !== c);
    if (c.state === 'Established') {
      this.upSince = this.host.now();
      this.resetAt = this.host.now();
      this.lastReset = notify ? `Notification sent (${notifyText(notify.code, notify.subcode)})` : 'Peer closed the session';
      this.dropped++;
      this.host.down(this);
    }
    if (this.conns.length === 0) {
      // Back to Idle; FRR starts again after its idle hold time.
      this.idle = 'Idle';
      if (this.startAt === null && this.connectRetryAt === null) this.startAt = this.host.now() + RESTART_MS;
      if (c.state !== 'Established' && this.connectRetryAt !== null) this.idle = 'Active';
    }
  }
}

/** How FRR names a NOTIFICATION (bgp_notify_code_str / subcode_str) in `Last reset`. */
function notifyText(code: number, subcode: number): string {
  const codes = ['', 'Message Header Error', 'OPEN Message Error', 'UPDATE Message Error', 'Hold Timer Expired', 'Neighbor Events Error', 'Cease'];
  const cease = ['', 'Maximum Number of Prefixes Reached', 'Administrative Shutdown', 'Peer De-configured', 'Administrative Reset',
    'Connection Rejected', 'Other Configuration Change', 'Connection Collision Resolution'];
  const name = codes[code] ?? 'Unknown';
  return code === 6 ? `${name}/${cease[subcode] ?? 'Unspecific'}` : `${name}/${subcode === 0 ? 'Unspecific' : String(subcode)}`;
}
