// free(1) from procps-ng 4.0.2: memory and swap from /proc/meminfo in KiB (default), -b -k -m -g,
// --kilo --mega --giga, -h (human, "23Gi"), --si, -w (buffers and cache apart), -t (Total row),
// -s N and -c N (repeat, a blank line between reports). used = total - available, as procps 4 counts.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { getopt } from '../lib/getopt.ts';
import { memSummary } from '../lib/sysinfo.ts';

const USAGE = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
     --tera          show output in terabytes
     --peta          show output in petabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
     --tebi          show output in tebibytes
     --pebi          show output in pebibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -t, --total         show total for RAM + swap
 -v, --committed     show committed memory and commit limit
 -s N, --seconds N   repeat printing every N seconds
 -c N, --count N     repeat printing N times, then exit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

/** procps's scale_size: a KiB amount in the chosen unit, or human form that fits in 4 chars (+ 'i'). */
function scale(kb: number, shift: number, human: boolean, si: boolean): string {
  const bytes = kb * 1024;
  if (!human) {
    if (shift < 0) return String(bytes);
    const base = si ? 1000 : 1024;
    return String(Math.floor(bytes / base ** shift));
  }
  if (String(bytes).length + 1 <= 4) return `${bytes}B`;
  const units = 'KMGTPE';
  const base = si ? 1000 : 1024;
  for (let i = 1; i <= units.length; i++) {
    const v = bytes / base ** i;
    const suffix = units[i - 1]! + (si ? '' : 'i');
    const one = v.toFixed(1);
    if (one.length + 1 <= 4) return one + suffix;
    const whole = String(Math.floor(v));
    if (whole.length + 1 <= 4) return whole + suffix;
  }
  return String(bytes);
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'bkmghltvs:c:wV', [{ name: 'bytes', key: 'b' }, { name: 'kilo' }, { name: 'mega' }, { name: 'giga' },
    { name: 'tera' }, { name: 'peta' }, { name: 'kibi', key: 'k' }, { name: 'mebi', key: 'm' }, { name: 'gibi', key: 'g' },
    { name: 'tebi' }, { name: 'pebi' }, { name: 'human', key: 'h' }, { name: 'si' }, { name: 'lohi', key: 'l' },
    { name: 'total', key: 't' }, { name: 'committed', key: 'v' }, { name: 'seconds', arg: 'required', key: 's' },
    { name: 'count', arg: 'required', key: 'c' }, { name: 'wide', key: 'w' }, { name: 'help' }, { name: 'version', key: 'V' }]);
  if (r.error) {
    await p.error(r.error);
    await p.err.write(USAGE);
    return p.finish(1);
  }
  let shift = 1; // KiB
  let human = false;
  let si = false;
  let total = false;
  let wide = false;
  let seconds = 0;
  let count = 1;
  let repeat = false;
  for (const o of r.opts) {
    switch (o.key) {
      case 'b': shift = -1; break;
      case 'k': shift = 1; break;
      case 'm': shift = 2; break;
      case 'g': shift = 3; break;
      case 'tebi': shift = 4; break;
      case 'pebi': shift = 5; break;
      case 'kilo': shift = 1; si = true; break;
      case 'mega': shift = 2; si = true; break;
      case 'giga': shift = 3; si = true; break;
      case 'tera': shift = 4; si = true; break;
      case 'peta': shift = 5; si = true; break;
      case 'h': human = true; break;
      case 'si': si = true; break;
      case 't': total = true; break;
      case 'w': wide = true; break;
      case 'help': await p.put(USAGE); return p.finish(0);
      case 'V': await p.put('free from procps-ng 4.0.2\n'); return p.finish(0);
      case 's': {
        const v = Number(o.value);
        if (!/^\d*\.?\d+$/.test(o.value ?? '') || !(v > 0)) {
          await p.error(`seconds argument \`${o.value}' is not positive number`);
          return p.finish(1);
        }
        seconds = v;
        repeat = true;
        if (count === 1 && !r.opts.some((x) => x.key === 'c')) count = Infinity;
        break;
      }
      case 'c': {
        if (!/^\d+$/.test(o.value ?? '') || Number(o.value) < 1) {
          await p.error(`failed to parse count argument: '${o.value}'`);
          return p.finish(1);
        }
        count = Number(o.value);
        repeat = true;
        break;
      }
    }
  }
  if (repeat && seconds === 0) seconds = 1;
  if (r.operands.length) {
    await p.err.write(USAGE);
    return p.finish(1);
  }
  const f = (kb: number): string => scale(kb, shift, human, si);
  const col = (v: string): string => ' ' + v.padStart(11);
  for (let n = 0; n < count; n++) {
    const m = memSummary(sys);
    let out = wide
      ? '               total        used        free      shared     buffers       cache   available\n'
      : '               total        used        free      shared  buff/cache   available\n';
    out += 'Mem:    ' + [m.total, m.used, m.free, m.shared].map((v) => col(f(v))).join('');
    out += wide ? col(f(m.buffers)) + col(f(m.cache)) : col(f(m.buffers + m.cache));
    out += col(f(m.available)) + '\n';
    out += 'Swap:   ' + [m.swapTotal, m.swapUsed, m.swapFree].map((v) => col(f(v))).join('') + '\n';
    if (total) out += 'Total:  ' + [m.total + m.swapTotal, m.used + m.swapUsed, m.free + m.swapFree].map((v) => col(f(v))).join('') + '\n';
    if (repeat && n + 1 < count) out += '\n';
    await p.put(out);
    await p.out.flush();
    if (n + 1 < count) await sys.nanosleep(seconds * 1e9);
  }
  return p.finish(0);
};
