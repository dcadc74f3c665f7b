// mtr's probe bookkeeping (ui/net.c): one entry per TTL with the address that answered and running
// statistics in integer microseconds, the sequence numbers (33000..65535) that map replies to hops, and
// the batch rule: one probe per tick, TTL after TTL, until the target answered, too many hops stayed
// unknown or the maximum TTL was probed. The display helpers (net_max, net_loss ...) are the report's.

export const MIN_SEQUENCE = 33000;
const MAX_SEQUENCE = 65536;
/** MAXPATH: the addresses remembered per hop (load balancing, path changes). */
const MAX_PATH = 8;

export class HopStats {
  /** The last address that answered, or null (shown as ???). */
  addr: number | null = null;
  /** Every address that answered, in order of first answer. */
  readonly addrs: number[] = [];
  err = 0;
  xmit = 0;
  returned = 0;
  transit = false;
  last = 0;
  best = 0;
  worst = 0;
  avg = 0;
  ssd = 0;
  gmean = 0;
  jitter = 0;
  javg = 0;
  jworst = 0;
  jinta = 0;

  /**
   * net_process_ping's arithmetic, truncating to int where mtr stores ints. Returns the addresses raw
   * mode reports ("h" lines): a new one of the list, then the new current one.
   */
  record(addr: number, err: number, us: number): number[] {
    const shown: number[] = [];
    this.err = err;
    if (this.addr !== addr) {
      if (!this.addrs.includes(addr) && this.addrs.length < MAX_PATH) {
        this.addrs.push(addr);
        shown.push(addr);
      }
      this.addr = addr;
      shown.push(addr);
    }
    this.jitter = Math.abs(us - this.last);
    this.last = us;
    if (this.returned < 1) {
      this.best = this.worst = this.gmean = us;
      this.avg = this.ssd = 0;
      this.jitter = this.jworst = this.jinta = 0;
    }
    if (us < this.best) this.best = us;
    if (us > this.worst) this.worst = us;
    if (this.jitter > this.jworst) this.jworst = this.jitter;
    this.returned++;
    const oldavg = this.avg;
    this.avg = Math.trunc(this.avg + (us - oldavg) / this.returned);
    this.ssd += Math.trunc((us - oldavg) * (us - this.avg));
    this.javg = Math.trunc(this.javg + Math.trunc((this.jitter - this.javg) / this.returned));
    this.jinta += this.jitter - ((this.jinta + 8) >> 4);
    if (this.returned > 1) {
      this.gmean = Math.trunc(this.gmean ** ((this.returned - 1) / this.returned) * us ** (1 / this.returned));
    }
    this.transit = false;
    return shown;
  }

  /** Loss in thousandths of a percent (net_loss). */
  loss(): number {
    const sent = this.xmit - (this.transit ? 1 : 0);
    if (sent === 0) return 0;
    return Math.trunc(1000 * (100 - (100 * this.returned) / sent));
  }

  drop(): number {
    return this.xmit - (this.transit ? 1 : 0) - this.returned;
  }

  stdev(): number {
    return this.returned > 1 ? Math.trunc(Math.sqrt(this.ssd / (this.returned - 1))) : 0;
  }
}

export interface ProbeRequest {
  seq: number;
  ttl: number;
}

/** What raw mode (-l) prints as it happens: "x" a probe sent, "h" an address, "p" an answer. */
export interface NetEvents {
  xmit(index: number, seq: number): void;
  host(index: number, addr: number): void;
  ping(index: number, us: number, seq: number): void;
}

/** The state of one trace: hops, sequence numbers and the batch position. */
export class MtrNet {
  readonly hops: HopStats[] = [];
  /** seq -> hop index of probes still waiting for an answer. */
  private readonly inFlight = new Map<number, number>();
  private nextSeq = MIN_SEQUENCE;
  private batchAt: number;
  /** How many TTLs the last batch probed: the tick is interval / numhosts. */
  numhosts = 10;

  constructor(
    readonly target: number,
    readonly first: number,
    readonly max: number,
    readonly maxUnknown: number,
    readonly events: NetEvents | null = null,
  ) {
    for (let i = 0; i < 256; i++) this.hops.push(new HopStats());
    this.batchAt = first - 1;
  }

  /** Microseconds between two probes (calc_deltatime: float arithmetic, truncated). */
  tickUs(interval: number): number {
    return Math.trunc(1000000 * Math.fround(Math.fround(interval) / this.numhosts));
  }

  /**
   * net_send_batch: the probe to send now, and whether it ends the batch (a cycle of -c). The caller
   * sends the probe before anything else changes.
   */
  nextProbe(): { probe: ProbeRequest; endsBatch: boolean } {
    const index = this.batchAt;
    const seq = this.nextSeq++;
    if (this.nextSeq >= MAX_SEQUENCE) this.nextSeq = MIN_SEQUENCE;
    const h = this.hops[index]!;
    this.events?.xmit(index, seq);
    this.inFlight.set(seq, index);
    h.xmit++;
    h.transit = true;
    const probe = { seq, ttl: index + 1 };
    let restart = false;
    let unknown = 0;
    for (let i = this.first - 1; i < this.batchAt; i++) {
      const a = this.hops[i]!.addr;
      if (a === null) unknown++;
      if (a === this.target) {
        restart = true;
        this.numhosts = i + 1;
        break;
      }
    }
    if (this.hops[this.batchAt]!.addr === this.target || unknown > this.maxUnknown || this.batchAt >= this.max - 1) {
      restart = true;
      this.numhosts = this.batchAt + 1;
    }
    if (restart) this.batchAt = this.first - 1;
    else this.batchAt++;
    return { probe, endsBatch: restart };
  }

  /** A probe was answered; returns the hop index, or -1 for an unknown or already answered sequence. */
  answer(seq: number, addr: number, err: number, us: number): number {
    const index = this.inFlight.get(seq);
    if (index === undefined) return -1;
    this.inFlight.delete(seq);
    for (const a of this.hops[index]!.record(addr, err, us)) this.events?.host(index, a);
    this.events?.ping(index, us, seq);
    return index;
  }

  /** Probes still unanswered when the display closes are losses (net_end_transit). */
  endTransit(): void {
    for (const h of this.hops) h.transit = false;
  }

  /** One past the last hop shown (net_max). */
  maxShown(): number {
    let max = 0;
    for (let at = 0; at < this.max; at++) {
      const h = this.hops[at]!;
      if (h.addr === this.target || h.err !== 0) return at + 1;
      if (h.addr !== null) max = at + 2;
    }
    return Math.min(max, this.max);
  }

  /** The first hop shown (net_min). */
  minShown(): number {
    return this.first - 1;
  }
}
