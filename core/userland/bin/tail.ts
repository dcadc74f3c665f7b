// tail(1) from GNU coreutils: -n [+]N, -c [+]N, the old -N/+N forms, -q/-v headers; -f polls with nanosleep.
import { SEEK_SET, type Program } from '../../kernel/abi.ts';
import { Cmd, parseSize, readInput, toLatin1 } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const args = argv.map((a, i) => (i === 1 && /^[-+]\d+[bkm]?[cl]?f?$/.test(a) && (a[0] === '-' || argv.length <= 3)
    ? `-${a.endsWith('c') ? 'c' : 'n'}${a[0] === '+' ? '+' : ''}${a.slice(1).replace(/[clf]$/, '')}` : a));
  const r = getopt(args, 'n:c:qvfFs:z', [{ name: 'lines', arg: 'required', key: 'n' }, { name: 'bytes', arg: 'required', key: 'c' },
    { name: 'quiet', key: 'q' }, { name: 'silent', key: 'q' }, { name: 'verbose', key: 'v' }, { name: 'follow', arg: 'optional', key: 'f' },
    { name: 'sleep-interval', arg: 'required', key: 's' }, { name: 'zero-terminated', key: 'z' }, { name: 'help' }, { name: 'version' }]);
  let bytes = false;
  let count = 10;
  let fromStart = false;
  let headers: boolean | null = null;
  let follow = false;
  let interval = 1;
  let eol = '\n';
  for (const o of r.opts) {
    if (await answerInfo(p, 'tail', [o])) return p.finish(0);
    if (o.key === 'n' || o.key === 'c') {
      const v = o.value!;
      fromStart = v.startsWith('+');
      const n = parseSize(v.replace(/^[-+]/, ''));
      if (n === null) {
        await p.error(`invalid number of ${o.key === 'n' ? 'lines' : 'bytes'}: ${quote(v)}`);
        return p.finish(1);
      }
      count = n;
      bytes = o.key === 'c';
    } else if (o.key === 'q') headers = false;
    else if (o.key === 'v') headers = true;
    else if (o.key === 'f' || o.key === 'F') follow = true;
    else if (o.key === 's') interval = Number(o.value) || 1;
    else if (o.key === 'z') eol = '\0';
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const files = r.operands.length ? r.operands : ['-'];
  const show = headers ?? files.length > 1;
  let status = 0;
  let first = true;
  const offsets = new Map<string, number>();
  for (const f of files) {
    const inp = await readInput(sys, f);
    const label = f === '-' ? 'standard input' : f;
    if ('openError' in inp) {
      await p.error(`cannot open ${quote(f)} for reading: ${strerror(inp.openError)}`);
      status = 1;
      continue;
    }
    if (show) await p.out.write(`${first ? '' : '\n'}==> ${label} <==\n`);
    first = false;
    if ('readError' in inp) {
      await p.error(`error reading ${quote(f)}: ${strerror(inp.readError)}`);
      status = 1;
      continue;
    }
    const d = inp.data;
    offsets.set(f, d.length);
    if (bytes) await p.put(fromStart ? d.slice(Math.max(0, count - 1)) : d.slice(Math.max(0, d.length - count)));
    else if (fromStart) {
      let pos = 0;
      for (let k = 1; k < count && pos >= 0; k++) {
        const i = d.indexOf(eol, pos);
        pos = i < 0 ? -1 : i + 1;
      }
      await p.put(pos < 0 ? '' : d.slice(pos));
    } else {
      let pos = d.endsWith(eol) ? d.length - 1 : d.length;
      let start = 0;
      for (let k = 0; k < count && pos > 0; k++) {
        const i = d.lastIndexOf(eol, pos - 1);
        if (i < 0) break;
        pos = i;
        if (k === count - 1) start = i + 1;
      }
      await p.put(count === 0 ? '' : d.slice(start));
    }
  }
  if (follow && files.some((f) => f !== '-')) {
    await p.out.flush();
    const buf = new Uint8Array(65536);
    for (;;) {
      for (const f of files) {
        if (f === '-' || !offsets.has(f)) continue;
        const fd = sys.open(f, 0);
        if (fd < 0) continue;
        sys.lseek(fd, offsets.get(f)!, SEEK_SET);
        for (;;) {
          const n = await sys.read(fd, buf);
          if (n <= 0) break;
          offsets.set(f, offsets.get(f)! + n);
          await p.put(toLatin1(buf.subarray(0, n)));
        }
        sys.close(fd);
      }
      await p.out.flush();
      if (p.out.error) return p.finish(1);
      if ((await sys.nanosleep(interval * 1e9)) < 0) break;
    }
  }
  return p.finish(status);
};
