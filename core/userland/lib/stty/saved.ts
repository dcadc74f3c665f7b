// `stty -g`: the settings as one argument stty takes back, the four flag words then every special
// character, in hex and separated by colons ("500:5:bf:8a3b:3:1c:...").
import { NCCS, type Termios, type TermiosView } from '../../../kernel/abi.ts';

export function savedForm(t: TermiosView): string {
  const words = [t.iflag, t.oflag, t.cflag, t.lflag].map((n) => (n >>> 0).toString(16));
  for (let i = 0; i < NCCS; i++) words.push((t.cc[i] ?? 0).toString(16));
  return words.join(':');
}

/** The settings a -g argument holds; undefined when it is not one (exactly 4 + NCCS hex fields). */
export function parseSaved(arg: string): Termios | undefined {
  const fields = arg.split(':');
  if (fields.length !== 4 + NCCS || !fields.every((f) => /^[0-9a-fA-F]+$/.test(f))) return undefined;
  const n = fields.map((f) => parseInt(f, 16));
  if (n.slice(0, 4).some((v) => v > 0xffffffff) || n.slice(4).some((v) => v > 255)) return undefined;
  return { iflag: n[0]!, oflag: n[1]!, cflag: n[2]!, lflag: n[3]!, cc: n.slice(4) };
}
