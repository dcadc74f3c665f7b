// Key decoding for full-screen programs: bytes from a raw terminal become key names. Printable text is
// the character itself, control keys their control character ('\x01' for Ctrl-A), escape sequences
// names ('Up', 'PgDn', 'Delete', 'C-Right', 'F1'), ESC followed by a key in the same burst 'M-<key>'.

import { POLLIN, utf8Decode, EINTR, type Sys } from '../../../kernel/abi.ts';
import type { Terminal } from './terminal.ts';

const CSI_FINAL: Record<string, string> = { A: 'Up', B: 'Down', C: 'Right', D: 'Left', H: 'Home', F: 'End', Z: 'S-Tab' };
const CSI_TILDE: Record<string, string> = {
  '1': 'Home', '2': 'Insert', '3': 'Delete', '4': 'End', '5': 'PgUp', '6': 'PgDn', '7': 'Home', '8': 'End',
  '11': 'F1', '12': 'F2', '13': 'F3', '14': 'F4', '15': 'F5', '17': 'F6', '18': 'F7', '19': 'F8',
  '20': 'F9', '21': 'F10', '23': 'F11', '24': 'F12',
};
const SS3: Record<string, string> = {
  A: 'Up', B: 'Down', C: 'Right', D: 'Left', H: 'Home', F: 'End', P: 'F1', Q: 'F2', R: 'F3', S: 'F4', M: '\r',
};
/** Virtual time to wait for the rest of a sequence cut in the middle (20 ms). */
const SEQUENCE_WAIT_NS = 20e6;

export class KeyReader {
  private buf: number[] = [];
  private head = 0;
  private eof = false;

  constructor(
    private readonly sys: Sys,
    private readonly term: Terminal,
  ) {}

  /** True when typed-ahead input is waiting (programs skip redrawing until it is consumed). */
  get pending(): boolean {
    return this.head < this.buf.length;
  }

  /** The next key, 'Resize' after a window size change, or null at end of input or on SIGTERM/SIGHUP. */
  async next(): Promise<string | null> {
    for (;;) {
      if (this.term.terminated) return null;
      if (this.term.resized) {
        this.term.resized = false;
        return 'Resize';
      }
      if (this.pending) return this.decode();
      if (this.eof) return null;
      const r = await this.fill();
      if (r < 0 && r !== -EINTR) return null;
    }
  }

  private async fill(): Promise<number> {
    const chunk = new Uint8Array(4096);
    const n = await this.sys.read(0, chunk);
    if (n === 0) this.eof = true;
    if (n <= 0) return n;
    if (this.head > 0) {
      this.buf = this.buf.slice(this.head);
      this.head = 0;
    }
    for (let i = 0; i < n; i++) this.buf.push(chunk[i]!);
    return n;
  }

  /** Waits briefly for more bytes when a sequence is cut at the end of a burst. */
  private async more(): Promise<boolean> {
    if (this.eof || this.term.resized || this.term.terminated) return false;
    const fds = [{ fd: 0, events: POLLIN, revents: 0 }];
    const r = await this.sys.poll(fds, SEQUENCE_WAIT_NS);
    if (r <= 0 || !(fds[0]!.revents & POLLIN)) return false;
    return (await this.fill()) > 0;
  }

  private byteAt(i: number): number | undefined {
    return this.buf[this.head + i];
  }

  private take(n: number): number[] {
    const bytes = this.buf.slice(this.head, this.head + n);
    this.head += n;
    return bytes;
  }

  private async decode(): Promise<string> {
    const c = this.byteAt(0)!;
    if (c === 0x1b) return this.escape();
    if (c < 0x80) {
      this.head++;
      return String.fromCharCode(c);
    }
    return this.utf8();
  }

  private async utf8(): Promise<string> {
    const c = this.byteAt(0)!;
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) {
      this.head++;
      return 'Unknown';
    }
    for (let i = 1; i < len; i++) {
      if (this.byteAt(i) === undefined && !(await this.more())) break;
      const b = this.byteAt(i);
      if (b === undefined || (b & 0xc0) !== 0x80) {
        this.head += i;
        return 'Unknown';
      }
    }
    const text = utf8Decode(Uint8Array.from(this.take(len)));
    return text.length === 0 || text.includes('\ufffd') ? 'Unknown' : text;
  }

  private async escape(): Promise<string> {
    const next = this.byteAt(1);
    if (next === undefined) {
      this.head++;
      return 'Esc';
    }
    if (next === 0x5b) return this.csi();
    if (next === 0x4f) {
      if (this.byteAt(2) === undefined) await this.more();
      const f = this.byteAt(2);
      if (f === undefined) {
        this.head += 2;
        return 'M-O';
      }
      this.head += 3;
      return SS3[String.fromCharCode(f)] ?? 'Unknown';
    }
    if (next === 0x1b) {
      this.head++;
      return 'Esc';
    }
    this.head++;
    const key = await this.decode();
    return key === 'Unknown' ? key : 'M-' + key;
  }

  /** ESC [ params intermediates final. */
  private async csi(): Promise<string> {
    let i = 2;
    let params = '';
    for (;;) {
      let b = this.byteAt(i);
      if (b === undefined) {
        if (!(await this.more())) {
          this.head += i;
          return 'Unknown';
        }
        b = this.byteAt(i)!;
      }
      if (b >= 0x20 && b <= 0x3f && i < 32) {
        params += String.fromCharCode(b);
        i++;
        continue;
      }
      if (b >= 0x40 && b <= 0x7e) {
        this.head += i + 1;
        return nameCsi(params, String.fromCharCode(b));
      }
      // Not a well-formed sequence: drop what was read so far, keep the odd byte.
      this.head += i;
      return 'Unknown';
    }
  }
}

function nameCsi(params: string, final: string): string {
  const parts = params.split(';');
  const mod = Number(parts[1] ?? '1');
  const prefix = mod === 5 ? 'C-' : mod === 3 ? 'M-' : mod === 2 ? 'S-' : '';
  if (final === '~') {
    const name = CSI_TILDE[parts[0]!];
    if (!name) return 'Unknown';
    return prefix + name;
  }
  const name = CSI_FINAL[final];
  return name ? (final === 'Z' ? name : prefix + name) : 'Unknown';
}
