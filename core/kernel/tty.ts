// Terminals and their line discipline (Linux's N_TTY): canonical line editing with erase, kill and word
// erase, echo (control characters as ^X), ^C/^\/^Z turned into signals for the foreground process group,
// ^D as end of file, raw mode, output processing (\n to \r\n), window size with SIGWINCH, and output flow
// control so a program that floods its terminal waits for the host to catch up.

import type { Cpu } from '../cpu/index.ts';
import {
  EAGAIN, ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ECHONL, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG,
  IXON, NOFLSH, ONLCR, OPOST, SIGINT, SIGQUIT, SIGTSTP, SIGWINCH, VEOF, VEOL, VEOL2, VERASE, VINTR,
  VKILL, VLNEXT, VMIN, VQUIT, VREPRINT, VSTART, VSTOP, VSUSP, VTIME, VWERASE, IUTF8, CS8, CREAD, B38400,
  CSIZE, PARENB, EINVAL, POLLIN, POLLOUT, type Termios, type TermiosView, type Winsize,
} from './abi.ts';
import { WaitQueue } from './wait-queue.ts';
import { PtsAttrs } from './devpts.ts';

/** The termios a Linux pseudo-terminal starts with (`stty -a` on a fresh pts). */
export function defaultTermios(): Termios {
  const cc = new Array<number>(32).fill(0);
  cc[VINTR] = 0x03;
  cc[VQUIT] = 0x1c;
  cc[VERASE] = 0x7f;
  cc[VKILL] = 0x15;
  cc[VEOF] = 0x04;
  cc[VTIME] = 0;
  cc[VMIN] = 1;
  cc[VSTART] = 0x11;
  cc[VSTOP] = 0x13;
  cc[VSUSP] = 0x1a;
  cc[VREPRINT] = 0x12;
  cc[13] = 0x0f; // VDISCARD
  cc[VWERASE] = 0x17;
  cc[VLNEXT] = 0x16;
  return {
    iflag: ICRNL | IXON | IUTF8,
    oflag: OPOST | ONLCR,
    cflag: B38400 | CS8 | CREAD,
    lflag: ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
    cc,
  };
}

/**
 * What every new terminal starts with, shared and frozen: settings are replaced as a whole (setTermios,
 * setWinsize), never edited in place, so a terminal whose program never changes them makes no copy.
 */
const INITIAL_TERMIOS: TermiosView = freezeTermios(defaultTermios());
const INITIAL_WINSIZE: Winsize = Object.freeze({ rows: 24, cols: 80 });

function freezeTermios(t: Termios): TermiosView {
  Object.freeze(t.cc);
  return Object.freeze(t);
}

/**
 * Settings terminals share, frozen like INITIAL_TERMIOS: programs set the same few (a line editor's raw
 * mode, then the settings it saved), so a terminal keeps one of these rather than a copy of its own. The
 * list is small and fills with the first settings met; others get a copy of their own.
 */
const SHARED_TERMIOS: TermiosView[] = [INITIAL_TERMIOS];
const SHARED_TERMIOS_MAX = 16;

function sameTermios(a: TermiosView, b: TermiosView): boolean {
  if (a.iflag !== b.iflag || a.oflag !== b.oflag || a.cflag !== b.cflag || a.lflag !== b.lflag) return false;
  if (a.cc.length !== b.cc.length) return false;
  for (let i = 0; i < a.cc.length; i++) if (a.cc[i] !== b.cc[i]) return false;
  return true;
}

/** Settings equal to `t` that no one can change: a shared one when there is room or a match. */
function settledTermios(t: TermiosView): TermiosView {
  for (let i = 0; i < SHARED_TERMIOS.length; i++) if (sameTermios(SHARED_TERMIOS[i]!, t)) return SHARED_TERMIOS[i]!;
  const own = freezeTermios({ iflag: t.iflag, oflag: t.oflag, cflag: t.cflag, lflag: t.lflag, cc: t.cc.slice() });
  if (SHARED_TERMIOS.length < SHARED_TERMIOS_MAX) SHARED_TERMIOS.push(own);
  return own;
}

export interface TtyHooks {
  /** Sends a signal from the terminal to every process of a process group. */
  ttySignal(pgid: number, signo: number): void;
  /** st_dev of the devpts holding the terminal's device (0 without one). */
  ptsDev?(): number;
}

/** The sink of a terminal no console shows. */
function discard(): void {}

/** Unacknowledged output above which writers wait for the host (when flow control is on). */
export const OUTPUT_HIGH_WATER = 65536;

export class Tty {
  termios: TermiosView = INITIAL_TERMIOS;
  winsize: Winsize = INITIAL_WINSIZE;
  /** Session that owns this terminal as its controlling terminal (0: none). */
  session = 0;
  /** Foreground process group (0: none). */
  foreground = 0;
  readonly readable: WaitQueue;
  readonly writable: WaitQueue;
  /** Lines ready for a canonical read; an empty array marks end of file (^D on an empty line). */
  private ready: Uint8Array[] = [];
  private readyHead = 0;
  /** The line being edited (canonical) or unread raw input (non-canonical). */
  private line: number[] = [];
  private literalNext = false;
  private outputStopped = false;
  private held: Uint8Array[] = [];
  /** Bytes written to the host and not yet acknowledged. */
  private outstanding = 0;
  /** When true, writers wait once OUTPUT_HIGH_WATER bytes are unacknowledged (see ack()). */
  flowControl = false;
  /** Where output goes (the host's console); replaced when a console attaches. */
  sink: (bytes: Uint8Array) => void = discard;

  constructor(
    cpu: Cpu,
    readonly name: string,
    readonly index: number,
    private readonly hooks: TtyHooks,
    /** Its /dev/pts inode's owner, mode and times (devpts.ts). */
    readonly ptsAttrs: PtsAttrs = PtsAttrs.forTerminal(0, 0),
  ) {
    this.readable = new WaitQueue(cpu);
    this.writable = new WaitQueue(cpu);
  }

  /** st_dev of its /dev/pts inode. */
  get dev(): number {
    return this.hooks.ptsDev?.() ?? 0;
  }

  private get canonical(): boolean {
    return (this.termios.lflag & ICANON) !== 0;
  }

  // ------------------------------------------------------------------------------ input from the host

  /** Bytes typed at the terminal. */
  receive(bytes: Uint8Array): void {
    for (const b of bytes) this.receiveByte(b);
  }

  private receiveByte(c: number): void {
    const t = this.termios;
    const cc = t.cc;
    if (this.literalNext) {
      this.literalNext = false;
      this.addChar(c);
      return;
    }
    if (t.iflag & IXON) {
      if (c === cc[VSTOP]) {
        this.outputStopped = true;
        return;
      }
      if (c === cc[VSTART]) {
        this.resumeOutput();
        return;
      }
    }
    if (c === 13) {
      if (t.iflag & IGNCR) return;
      if (t.iflag & ICRNL) c = 10;
    } else if (c === 10 && t.iflag & INLCR) {
      c = 13;
    }
    if (t.lflag & ISIG) {
      const sig = c === cc[VINTR] ? SIGINT : c === cc[VQUIT] ? SIGQUIT : c === cc[VSUSP] ? SIGTSTP : 0;
      if (sig) {
        if (!(t.lflag & NOFLSH)) this.flushInput();
        this.echoControl(c);
        this.resumeOutput();
        if (this.foreground) this.hooks.ttySignal(this.foreground, sig);
        return;
      }
    }
    if (!this.canonical) {
      this.line.push(c);
      if (t.lflag & ECHO) this.echoChar(c);
      this.readable.wakeAll();
      return;
    }
    if (t.lflag & IEXTEN && c === cc[VLNEXT]) {
      this.literalNext = true;
      if (t.lflag & ECHO && t.lflag & ECHOCTL) this.emit(bytesOf('^\b'));
      return;
    }
    if (c === cc[VERASE] || (c === 8 && cc[VERASE] === 0x7f)) {
      this.eraseChar();
      return;
    }
    if (c === cc[VKILL]) {
      this.killLine();
      return;
    }
    if (t.lflag & IEXTEN && c === cc[VWERASE]) {
      this.eraseWord();
      return;
    }
    if (t.lflag & IEXTEN && c === cc[VREPRINT]) {
      if (t.lflag & ECHO) {
        this.echoControl(c);
        this.emitOutput(bytesOf('\n'));
        this.emitOutput(Uint8Array.from(this.line));
      }
      return;
    }
    if (c === cc[VEOF]) {
      this.pushLine(false);
      return;
    }
    this.addChar(c);
  }

  private addChar(c: number): void {
    const t = this.termios;
    if (!this.canonical) {
      this.line.push(c);
      if (t.lflag & ECHO) this.echoChar(c);
      this.readable.wakeAll();
      return;
    }
    const eol = c === 10 || (c !== 0 && (c === t.cc[VEOL] || c === t.cc[VEOL2]));
    this.line.push(c);
    if (t.lflag & ECHO || (c === 10 && t.lflag & ECHONL)) this.echoChar(c);
    if (eol) this.pushLine(true);
  }

  private pushLine(_newline: boolean): void {
    this.ready.push(Uint8Array.from(this.line));
    this.line = [];
    this.readable.wakeAll();
  }

  private echoChar(c: number): void {
    if (c < 32 && c !== 10 && c !== 9 && this.termios.lflag & ECHOCTL) this.echoControl(c);
    else if (c === 0x7f && this.termios.lflag & ECHOCTL) this.emit(bytesOf('^?'));
    else this.emitOutput(Uint8Array.of(c));
  }

  private echoControl(c: number): void {
    const t = this.termios;
    if (!(t.lflag & ECHO)) return;
    if (t.lflag & ECHOCTL) this.emit(Uint8Array.of(0x5e, c === 0x7f ? 0x3f : c ^ 0x40));
    else this.emit(Uint8Array.of(c));
  }

  /** Columns a character took when echoed. */
  private width(c: number): number {
    if ((c < 32 || c === 0x7f) && c !== 9) return this.termios.lflag & ECHOCTL ? 2 : 0;
    if ((c & 0xc0) === 0x80) return 0; // UTF-8 continuation byte
    return 1;
  }

  private eraseChar(): boolean {
    if (this.line.length === 0) return false;
    let w = 0;
    // Erase a whole UTF-8 sequence when IUTF8 is set.
    for (;;) {
      const c = this.line.pop()!;
      w += this.width(c);
      if (!(this.termios.iflag & IUTF8) || (c & 0xc0) !== 0x80 || this.line.length === 0) break;
    }
    const t = this.termios;
    if (t.lflag & ECHO && t.lflag & ECHOE) {
      this.emit(bytesOf('\b \b'.repeat(w)));
    } else if (t.lflag & ECHO) {
      this.emit(Uint8Array.of(t.cc[VERASE]!));
    }
    return true;
  }

  private killLine(): void {
    const t = this.termios;
    if (t.lflag & ECHO && t.lflag & ECHOKE && t.lflag & ECHOE) {
      while (this.eraseChar());
      return;
    }
    this.line = [];
    if (t.lflag & ECHO) {
      this.echoControl(t.cc[VKILL]!);
      if (t.lflag & ECHOK) this.emit(bytesOf('\n'));
    }
  }

  private eraseWord(): void {
    const isSpace = (c: number) => c === 32 || c === 9;
    while (this.line.length > 0 && isSpace(this.line[this.line.length - 1]!)) this.eraseChar();
    while (this.line.length > 0 && !isSpace(this.line[this.line.length - 1]!)) this.eraseChar();
  }

  private flushInput(): void {
    this.ready = [];
    this.readyHead = 0;
    this.line = [];
  }

  // ------------------------------------------------------------------------------ reads by processes

  /** Non-blocking read: -EAGAIN when nothing is available. */
  read(buf: Uint8Array): number {
    if (!this.canonical) {
      if (this.line.length === 0) {
        return this.termios.cc[VMIN] === 0 && this.termios.cc[VTIME] === 0 ? 0 : -EAGAIN;
      }
      const n = Math.min(buf.length, this.line.length);
      for (let i = 0; i < n; i++) buf[i] = this.line[i]!;
      this.line.splice(0, n);
      return n;
    }
    const first = this.ready[0];
    if (!first) return -EAGAIN;
    if (first.length === 0) {
      this.ready.shift();
      return 0;
    }
    const n = Math.min(buf.length, first.length - this.readyHead);
    buf.set(first.subarray(this.readyHead, this.readyHead + n));
    this.readyHead += n;
    if (this.readyHead === first.length) {
      this.ready.shift();
      this.readyHead = 0;
    }
    return n;
  }

  get inputAvailable(): number {
    if (!this.canonical) return this.line.length;
    let n = -this.readyHead;
    for (const l of this.ready) n += l.length;
    return this.ready.length > 0 ? Math.max(n, 0) : 0;
  }

  poll(): number {
    const canRead = this.canonical ? this.ready.length > 0 : this.line.length > 0;
    return (canRead ? POLLIN : 0) | (this.writeBlocked ? 0 : POLLOUT);
  }

  /**
   * tcsetattr() on a pseudo-terminal: like Linux's pty driver (drivers/tty/pty.c, pty_set_termios) it keeps
   * 8 data bits, no parity and the receiver on whatever is asked, and (as Linux 6.18 does) a request that
   * would change nothing else fails with EINVAL, so `stty parenb` fails and `stty oddp` half succeeds.
   */
  requestTermios(t: TermiosView): number {
    const kept: TermiosView = { ...t, cflag: (t.cflag & ~(CSIZE | PARENB)) | CS8 | CREAD };
    if (kept.cflag !== t.cflag && sameTermios(kept, this.termios)) return -EINVAL;
    this.setTermios(kept);
    return 0;
  }

  /** Applies new settings; leaving canonical mode hands the partial line to raw reads. */
  setTermios(t: TermiosView): void {
    const wasCanonical = this.canonical;
    this.termios = settledTermios(t);
    if (wasCanonical && !this.canonical) {
      const pending: number[] = [];
      for (let i = 0; i < this.ready.length; i++) {
        const l = this.ready[i]!;
        for (let j = i === 0 ? this.readyHead : 0; j < l.length; j++) pending.push(l[j]!);
      }
      this.line = pending.concat(this.line);
      this.ready = [];
      this.readyHead = 0;
    } else if (!wasCanonical && this.canonical && this.line.includes(10)) {
      const cut = this.line.lastIndexOf(10) + 1;
      this.ready.push(Uint8Array.from(this.line.slice(0, cut)));
      this.line = this.line.slice(cut);
    }
    this.readable.wakeAll();
  }

  setWinsize(size: Winsize): void {
    const changed = size.rows !== this.winsize.rows || size.cols !== this.winsize.cols;
    this.winsize = { rows: size.rows, cols: size.cols };
    if (changed && this.foreground) this.hooks.ttySignal(this.foreground, SIGWINCH);
  }

  // ----------------------------------------------------------------------------- output to the host

  get writeBlocked(): boolean {
    return this.flowControl && this.outstanding >= OUTPUT_HIGH_WATER;
  }

  /** A process writes: output processing, then the host. -EAGAIN while the host is behind. */
  write(data: Uint8Array): number {
    if (this.writeBlocked || this.outputStopped) return -EAGAIN;
    const room = this.flowControl ? OUTPUT_HIGH_WATER - this.outstanding : data.length;
    const n = Math.min(room, data.length);
    this.emitOutput(n === data.length ? data : data.subarray(0, n));
    return n;
  }

  /** The host has shown `n` more bytes (flow control). */
  ack(n: number): void {
    this.outstanding = Math.max(0, this.outstanding - n);
    if (!this.writeBlocked) this.writable.wakeAll();
  }

  /** Writes bytes after output processing (ONLCR). */
  private emitOutput(data: Uint8Array): void {
    const t = this.termios;
    if (t.oflag & OPOST && t.oflag & ONLCR && data.includes(10)) {
      const out: number[] = [];
      for (const b of data) {
        if (b === 10) out.push(13);
        out.push(b);
      }
      this.emit(Uint8Array.from(out));
    } else {
      this.emit(data);
    }
  }

  private emit(bytes: Uint8Array): void {
    if (this.outputStopped) {
      this.held.push(bytes.slice());
      return;
    }
    if (this.flowControl) this.outstanding += bytes.length;
    this.sink(bytes);
  }

  private resumeOutput(): void {
    if (!this.outputStopped) return;
    this.outputStopped = false;
    const held = this.held;
    this.held = [];
    for (const b of held) this.emit(b);
    this.writable.wakeAll();
  }
}

function bytesOf(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
