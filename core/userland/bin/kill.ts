// kill(1) from procps: kill [-s SIGNAL | -SIGNAL | -n NUM] PID..., kill -l [SIGNAL].
import { SIGNAL_NAMES, SIGTERM, type Program } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { KILL_HELP } from '../lib/help/procps.ts';
import { Proc } from '../lib/program.ts';
import { parseSignal } from '../lib/signals.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let signo = SIGTERM;
  let i = 1;
  const a1 = argv[1];
  const info = async (a: string | undefined): Promise<number | null> => {
    if (a === '-h' || a === '--help') await p.out.write(KILL_HELP);
    else if (a === '-V' || a === '--version') await p.out.write('kill from procps-ng 4.0.2\n');
    else return null;
    return p.finish(0);
  };
  const early = await info(a1);
  if (early !== null) return early;
  if (a1 === '-l' || a1 === '-L' || a1 === '--list') {
    if (argv[2] !== undefined) {
      const n = Number(argv[2]);
      if (Number.isInteger(n)) {
        await p.out.write((SIGNAL_NAMES[n > 128 ? n - 128 : n] ?? '') + '\n');
      } else {
        const s = parseSignal(argv[2]);
        await p.out.write((s === null ? '' : String(s)) + '\n');
      }
      return p.finish(0);
    }
    await p.out.write(SIGNAL_NAMES.slice(1).join(' ') + '\n');
    return p.finish(0);
  }
  if (a1 === '-s' || a1 === '-n' || a1 === '--signal') {
    const s = argv[2] === undefined ? null : parseSignal(argv[2]);
    if (s === null) {
      await p.error(`unknown signal name: ${argv[2] ?? ''}`);
      return p.finish(1);
    }
    signo = s;
    i = 3;
  } else if (a1 && /^-./.test(a1) && a1 !== '--') {
    const s = parseSignal(a1.slice(1));
    if (s === null) {
      await p.error(`unknown signal name: ${a1.slice(1)}`);
      return p.finish(1);
    }
    signo = s;
    i = 2;
  }
  const late = await info(argv[i]);
  if (late !== null) return late;
  if (argv[i] === '--') i++;
  const pids = argv.slice(i);
  if (pids.length === 0) {
    await p.err.write(KILL_HELP);
    return p.finish(1);
  }
  let status = 0;
  for (const arg of pids) {
    const pid = Number(arg);
    if (!/^-?\d+$/.test(arg)) {
      await p.error(`failed to parse argument: '${arg}'`);
      status = 1;
      continue;
    }
    const r = sys.kill(pid, signo);
    if (r < 0) {
      await p.err.write(`kill: (${pid}) - ${strerror(r)}\n`);
      status = 1;
    }
  }
  return p.finish(status);
};
