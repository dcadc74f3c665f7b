// rev(1) from util-linux 2.38.1: each line of the files (or standard input) reversed, as the C locale
// sees it (byte by byte); a last line without a newline stays without one. Read as it comes, a line at a
// time, so an endless input flows through.
import { O_RDONLY, type Program } from '../../kernel/abi.ts';
import { Cmd, toLatin1 } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';

const USAGE = 'Usage: rev [options] [file ...]\n\nReverse lines characterwise.\n\nOptions:\n -h, --help     display this help\n'
  + ' -V, --version  display version\n\nFor more details see rev(1).\n';

const reverse = (text: string): string => {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
};

/** In the C locale a byte above 127 is no character: rev stops reading that file there. */
const NOT_ASCII = /[\x80-\xff]/;

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const g = getopt(argv, 'hV', [{ name: 'help', key: 'h' }, { name: 'version', key: 'V' }]);
  if (g.error) return p.finish(await p.usage(g.error, 1));
  if (g.opts.some((o) => o.key === 'h')) {
    await p.out.write(USAGE);
    return p.finish(0);
  }
  if (g.opts.some((o) => o.key === 'V')) {
    await p.out.write('rev from util-linux 2.38.1\n');
    return p.finish(0);
  }
  let status = 0;
  const buf = new Uint8Array(65536);
  for (const name of g.operands.length ? g.operands : [null]) {
    const fd = name === null ? 0 : sys.open(name, O_RDONLY);
    if (fd < 0) {
      await p.error(`cannot open ${name}: ${strerror(fd)}`);
      status = 1;
      continue;
    }
    // The unfinished line, in the pieces it came in (a long line is not copied again with each read).
    let pending: string[] = [];
    let lineno = 0;
    let held = '';
    const bad = async (): Promise<void> => {
      await p.error(`${name ?? 'stdin'}: ${lineno}: Invalid or incomplete multibyte or wide character`);
      status = 1;
    };
    let stopped = false;
    for (;;) {
      const n = await sys.read(fd, buf);
      if (n < 0) {
        await p.error(`${name ?? 'stdin'}: ${strerror(n)}`);
        status = 1;
        break;
      }
      if (n === 0) break;
      const chunk = toLatin1(buf.subarray(0, n));
      if (!chunk.includes('\n')) {
        pending.push(chunk);
        continue;
      }
      const lines = (pending.join('') + chunk).split('\n');
      pending = [lines.pop()!];
      let out = '';
      for (const l of lines) {
        if (NOT_ASCII.test(l)) {
          stopped = true;
          break;
        }
        lineno++;
        // rev's buffer ends at a NUL: the rest of that line and its newline are lost, and what was read
        // counts as the start of a line the next one completes.
        const nul = l.indexOf('\0');
        if (nul >= 0) {
          held += l.slice(0, nul);
          continue;
        }
        out += `${reverse(held + l)}\n`;
        held = '';
      }
      await p.put(out);
      if (stopped) break;
    }
    const last = pending.join('');
    if (stopped || NOT_ASCII.test(last)) await bad();
    else {
      const nul = last.indexOf('\0');
      const tail = held + (nul < 0 ? last : last.slice(0, nul));
      if (tail) await p.put(reverse(tail));
    }
    if (fd !== 0) sys.close(fd);
  }
  return p.finish(status);
};
