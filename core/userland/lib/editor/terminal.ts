// The terminal session of a full-screen program: raw mode (no ICANON, ECHO, ISIG, IXON, ICRNL), the
// alternate screen, window size and SIGWINCH, buffered output, and restoring everything on the way out.

import {
  ECHO, ECHONL, ICANON, ICRNL, IEXTEN, IGNCR, INLCR, ISIG, IXON, SIGHUP, SIGTERM, SIGWINCH, TCSADRAIN,
  TCSANOW, VMIN, VTIME, type SignalAction, type Sys, type Termios, type TermiosView,
} from '../../../kernel/abi.ts';
import { writeAll } from '../io.ts';

export class Terminal {
  rows = 24;
  cols = 80;
  /** Set by the SIGWINCH handler; the key reader reports it as a 'Resize' key. */
  resized = false;
  /** Set by SIGTERM or SIGHUP: the program should leave at once (the key reader returns null). */
  terminated = false;
  private saved: TermiosView | null = null;
  private savedActions: [number, SignalAction][] = [];
  private out = '';
  private active = false;

  constructor(readonly sys: Sys) {}

  get isTty(): boolean {
    return this.saved !== null;
  }

  /** Raw mode, signal handlers, alternate screen (and application keypad when `keypad`). */
  async enter(keypad: boolean): Promise<void> {
    const sys = this.sys;
    const t = sys.tcgetattr(0);
    if (typeof t !== 'number') {
      this.saved = t;
      const raw: Termios = { ...t, cc: t.cc.slice() };
      raw.lflag &= ~(ICANON | ECHO | ECHONL | ISIG | IEXTEN);
      raw.iflag &= ~(ICRNL | INLCR | IGNCR | IXON);
      raw.cc[VMIN] = 1;
      raw.cc[VTIME] = 0;
      sys.tcsetattr(0, TCSANOW, raw);
    }
    const handlers: [number, () => void][] = [
      [SIGWINCH, () => (this.resized = true)],
      [SIGTERM, () => (this.terminated = true)],
      [SIGHUP, () => (this.terminated = true)],
    ];
    for (const [signo, handler] of handlers) {
      const old = sys.sigaction(signo, { handler, restart: false });
      if (typeof old !== 'number') this.savedActions.push([signo, old]);
    }
    this.updateSize();
    this.active = true;
    this.write('\x1b[?1049h' + (keypad ? '\x1b[?1h\x1b=' : '') + '\x1b[H\x1b[2J');
    await this.flush();
  }

  /** Back to the main screen and the saved terminal settings; safe to call twice. */
  async leave(keypad: boolean): Promise<void> {
    if (!this.active) return;
    this.active = false;
    this.write('\x1b[?25h' + (keypad ? '\x1b[?1l\x1b>' : '') + '\x1b[?1049l');
    await this.flush();
    if (this.saved) this.sys.tcsetattr(0, TCSADRAIN, this.saved);
    for (const [signo, action] of this.savedActions) this.sys.sigaction(signo, action);
    this.savedActions = [];
  }

  /** Reads the window size (at start and after SIGWINCH); keeps sane minimums. */
  updateSize(): void {
    const ws = this.sys.tcgetwinsize(1);
    const ws0 = typeof ws === 'number' ? this.sys.tcgetwinsize(0) : ws;
    if (typeof ws0 !== 'number' && ws0.rows > 0 && ws0.cols > 0) {
      this.rows = Math.min(ws0.rows, 1000);
      this.cols = Math.min(ws0.cols, 1000);
    }
    this.rows = Math.max(this.rows, 3);
    this.cols = Math.max(this.cols, 10);
  }

  write(text: string): void {
    this.out += text;
  }

  async flush(): Promise<void> {
    if (!this.out) return;
    const text = this.out;
    this.out = '';
    await writeAll(this.sys, 1, text);
  }
}
