// sleep(1) from GNU coreutils: sums its NUMBER[smhd] operands and sleeps that long (virtual time).
import type { Program } from '../../kernel/abi.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { Proc } from '../lib/program.ts';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'sleep', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const args = r.operands;
  if (args.length === 0) return p.finish(await p.tryHelp('missing operand'));
  let total = 0;
  let bad = false;
  for (const a of args) {
    const m = /^\s*([+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(a);
    if (!m) {
      await p.error(`invalid time interval '${a}'`);
      bad = true;
      continue;
    }
    total += Number(m[1]!.toLowerCase().startsWith('inf') ? Infinity : m[1]) * UNITS[m[2]!]!;
  }
  if (bad) {
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return p.finish(1);
  }
  const ns = total === Infinity ? Number.MAX_SAFE_INTEGER : Math.round(total * 1e9);
  for (;;) {
    const r = await sys.nanosleep(ns);
    if (r === 0) break;
    // Interrupted by a handled signal: GNU sleep has no handlers, so this only happens when stopped.
    break;
  }
  return p.finish(0);
};
