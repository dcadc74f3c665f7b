// cat(1) from GNU coreutils: concatenates files (or stdin, also for '-'); -n numbers lines, -E marks ends.
import { EISDIR, isDir, type Program } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { Proc } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const files: string[] = [];
  let number = false;
  let showEnds = false;
  let options = true;
  for (const a of argv.slice(1)) {
    if (options && a === '--') options = false;
    else if (options && a.startsWith('-') && a !== '-') {
      for (const c of a.slice(1)) {
        if (c === 'n') number = true;
        else if (c === 'E') showEnds = true;
        else if (c === 'u') continue;
        else return p.finish(await p.tryHelp(`invalid option -- '${c}'`));
      }
    } else files.push(a);
  }
  if (files.length === 0) files.push('-');
  let status = 0;
  let line = 1;
  let atStart = true;
  const buf = new Uint8Array(65536);
  for (const name of files) {
    const fd = name === '-' ? 0 : sys.open(name, 0);
    if (fd < 0) {
      await p.error(`${name}: ${strerror(fd)}`);
      status = 1;
      continue;
    }
    const st = sys.fstat(fd);
    if (typeof st !== 'number' && isDir(st.mode)) {
      await p.error(`${name}: ${strerror(EISDIR)}`);
      status = 1;
      if (fd !== 0) sys.close(fd);
      continue;
    }
    for (;;) {
      const n = await sys.read(fd, buf);
      if (n < 0) {
        await p.error(`${name}: ${strerror(n)}`);
        status = 1;
        break;
      }
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      if (!number && !showEnds) {
        await p.out.flush();
        const w = await p.out.write(chunk.slice());
        void w;
        await p.out.flush();
        if (p.out.error) return p.finish(1);
        continue;
      }
      let text = '';
      for (const b of chunk) {
        if (atStart && number) text += `${String(line++).padStart(6)}\t`;
        atStart = false;
        if (b === 10) {
          text += showEnds ? '$\n' : '\n';
          atStart = true;
        } else text += String.fromCharCode(b);
      }
      await p.out.write(latin1(text));
    }
    if (fd !== 0) sys.close(fd);
  }
  return p.finish(status);
};

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
