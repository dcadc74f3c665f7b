// tee(1) from GNU coreutils: copies stdin to stdout and to each FILE; -a appends, -i ignores SIGINT.
import { O_APPEND, O_CREAT, O_TRUNC, O_WRONLY, SIGINT, type Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { argmatch } from '../lib/argmatch.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { writeAll } from '../lib/io.ts';

const OUTPUT_ERROR = [['warn'], ['warn-nopipe'], ['exit'], ['exit-nopipe']];

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 'aip', [{ name: 'append', key: 'a' }, { name: 'ignore-interrupts', key: 'i' },
    { name: 'output-error', arg: 'optional', key: 'p' }, { name: 'help' }, { name: 'version' }]);
  for (const o of r.opts) {
    if (await answerInfo(p, 'tee', [o])) return p.finish(0);
    // The modes are checked; writing treats them all as the default.
    if (o.key === 'p' && o.value !== undefined && (await argmatch(p, '--output-error', o.value, OUTPUT_ERROR)) === null) return p.finish(1);
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const append = r.opts.some((o) => o.key === 'a');
  if (r.opts.some((o) => o.key === 'i')) sys.sigaction(SIGINT, { handler: 'ignore' });
  let status = 0;
  const fds: (number | null)[] = [1];
  const names = ['standard output'];
  for (const f of r.operands) {
    const fd = f === '-' ? 1 : sys.open(f, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0o666);
    if (fd < 0) {
      await p.error(`${f}: ${strerror(fd)}`);
      status = 1;
      continue;
    }
    fds.push(fd);
    names.push(f);
  }
  const buf = new Uint8Array(65536);
  for (;;) {
    const n = await sys.read(0, buf);
    if (n < 0) {
      await p.error(`read error: ${strerror(n)}`);
      status = 1;
      break;
    }
    if (n === 0) break;
    for (let i = 0; i < fds.length; i++) {
      const fd = fds[i];
      if (fd === null || fd === undefined) continue;
      const w = await writeAll(sys, fd, buf.subarray(0, n));
      if (w < 0) {
        await p.error(`${names[i]}: ${strerror(w)}`);
        fds[i] = null;
        status = 1;
      }
    }
  }
  for (const fd of fds) if (fd !== null && fd > 2) sys.close(fd);
  return p.finish(status);
};
