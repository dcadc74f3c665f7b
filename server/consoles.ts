// Console sessions on the server: each ties a device console on a lab host to at most one browser
// terminal. Output is batched over a few milliseconds and kept in a scrollback; the guest is told bytes
// were shown (ack) only when the browser commits them, so its own high-water mark stops a flood (`yes`)
// from filling memory here or in the page. A reloaded page reattaches by console id and gets the scrollback.
import type { LabHosts } from './lab-hosts.ts';
import type { ConsoleInfo } from './protocol.ts';

/** How long output is gathered before it is sent. */
export const BATCH_MS = 5;
/** Bytes of scrollback kept per console for reattaching. */
export const SCROLLBACK_BYTES = 256 * 1024;

/** Where a console's output goes: one browser terminal (a socket.io socket). */
export interface ConsoleViewer {
  data(id: string, data: Uint8Array, replay: boolean): void;
  exit(id: string, reason: string): void;
}

class ConsoleSession {
  viewer: ConsoleViewer | null = null;
  private scrollback: Uint8Array[] = [];
  private scrollbackBytes = 0;
  private batch: Uint8Array[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Bytes sent to the viewer that it has not committed yet. */
  unacked = 0;
  /** Bytes received while no viewer was attached (acknowledged when one attaches). */
  unseen = 0;

  constructor(readonly info: ConsoleInfo, private readonly hosts: LabHosts) {}

  output(data: Uint8Array): void {
    this.scrollback.push(data);
    this.scrollbackBytes += data.length;
    while (this.scrollbackBytes > SCROLLBACK_BYTES && this.scrollback.length > 1) this.scrollbackBytes -= this.scrollback.shift()!.length;
    if (!this.viewer) {
      this.unseen += data.length;
      return;
    }
    this.batch.push(data);
    this.unacked += data.length;
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.batch.length === 0 || !this.viewer) return;
    this.viewer.data(this.info.id, concat(this.batch), false);
    this.batch = [];
  }

  attach(viewer: ConsoleViewer): void {
    this.detach();
    this.viewer = viewer;
    if (this.scrollbackBytes > 0) viewer.data(this.info.id, concat(this.scrollback), true);
    // What the previous viewer never committed, and what arrived unseen, now counts as shown.
    const owed = this.unacked + this.unseen;
    this.unacked = 0;
    this.unseen = 0;
    if (owed > 0) this.hosts.console({ op: 'console-ack', console: this.info.id, bytes: owed });
  }

  detach(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // Batched bytes were never sent: the scrollback holds them; they stay owed until someone attaches.
    for (const b of this.batch) {
      this.unacked -= b.length;
      this.unseen += b.length;
    }
    this.batch = [];
    this.viewer = null;
  }

  commit(bytes: number): void {
    const n = Math.max(0, Math.min(bytes, this.unacked));
    if (n === 0) return;
    this.unacked -= n;
    this.hosts.console({ op: 'console-ack', console: this.info.id, bytes: n });
  }

  end(reason: string): void {
    this.flush();
    this.viewer?.exit(this.info.id, reason);
    this.detach();
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export class Consoles {
  private readonly sessions = new Map<string, ConsoleSession>();
  private serial = 0;

  constructor(private readonly hosts: LabHosts) {}

  /** Opens a console on a device of a running lab, or reattaches to `reattach` when it still lives. */
  async open(req: { lab: string; device: string; cols: number; rows: number; reattach?: string }, viewer: ConsoleViewer): Promise<ConsoleInfo> {
    const existing = req.reattach ? this.sessions.get(req.reattach) : undefined;
    if (existing && existing.info.lab === req.lab && existing.info.device === req.device) {
      existing.attach(viewer);
      this.hosts.console({ op: 'console-resize', console: existing.info.id, cols: req.cols, rows: req.rows });
      return existing.info;
    }
    const id = `c${++this.serial}-${Math.random().toString(36).slice(2, 8)}`;
    const info: ConsoleInfo = { id, lab: req.lab, device: req.device };
    const session = new ConsoleSession(info, this.hosts);
    this.sessions.set(id, session);
    session.attach(viewer);
    try {
      await this.hosts.request({ op: 'console-open', lab: req.lab, console: id, device: req.device, cols: req.cols, rows: req.rows });
    } catch (err) {
      this.sessions.delete(id);
      throw err;
    }
    return info;
  }

  data(id: string, data: Uint8Array): void {
    this.sessions.get(id)?.output(data);
  }

  input(id: string, data: Uint8Array): void {
    if (this.sessions.has(id)) this.hosts.console({ op: 'console-input', console: id, data });
  }

  resize(id: string, cols: number, rows: number): void {
    if (this.sessions.has(id)) this.hosts.console({ op: 'console-resize', console: id, cols, rows });
  }

  commit(id: string, bytes: number): void {
    this.sessions.get(id)?.commit(bytes);
  }

  close(id: string): void {
    const s = this.sessions.get(id);
    if (!s) return;
    this.sessions.delete(id);
    s.detach();
    this.hosts.console({ op: 'console-close', console: id });
  }

  /** The viewer went away (page closed or reloaded): its consoles wait for a reattach. */
  detachViewer(viewer: ConsoleViewer): void {
    for (const s of this.sessions.values()) if (s.viewer === viewer) s.detach();
  }

  /** The console's shell ended on the lab host. */
  exited(id: string, reason: string): void {
    const s = this.sessions.get(id);
    if (!s) return;
    this.sessions.delete(id);
    s.end(reason);
  }

  /** Every console of a lab ends (the lab stopped or its host crashed). */
  labDown(lab: string, reason: string): void {
    for (const [id, s] of this.sessions) {
      if (s.info.lab !== lab) continue;
      this.sessions.delete(id);
      s.end(reason);
    }
  }

  /** Outstanding bytes of a console (tests). */
  pending(id: string): { unacked: number; unseen: number } | undefined {
    const s = this.sessions.get(id);
    return s ? { unacked: s.unacked, unseen: s.unseen } : undefined;
  }
}
