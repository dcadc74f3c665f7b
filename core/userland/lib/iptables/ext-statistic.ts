// -m statistic as libxt_statistic reads and prints it: --mode random --probability P (kept as P * 2^31,
// rounded as lround() does) or --mode nth --every N [--packet P]; `!` before --probability or --every.
import type { IptMatch } from '../../../kernel/abi.ts';
import { paramError } from './errors.ts';
import type { MatchDef } from './ext-match.ts';

type Statistic = Extract<IptMatch, { kind: 'statistic' }>;

export const statistic: MatchDef = {
  name: 'statistic',
  opts: [['mode', 1], ['probability', 1], ['every', 1], ['packet', 1]],
  init: () => ({ kind: 'statistic', mode: 'random', probability: 0, every: 0, packet: 0, invert: false }),
  parse(opt, arg, invert, m, _ctx, seen) {
    const st = m as Statistic;
    if (invert && (opt === 'mode' || opt === 'packet')) throw paramError(`statistic: option "--${opt}" cannot be inverted.\n`);
    seen.add(opt);
    switch (opt) {
      case 'mode':
        if (arg !== 'random' && arg !== 'nth') throw paramError(`Bad mode "${arg}"`);
        st.mode = arg;
        return;
      case 'probability': {
        const p = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(arg) ? Number(arg) : NaN;
        if (!(p >= 0 && p <= 1)) throw paramError('statistic: bad value for option "--probability", or out of range (0-1).\n');
        st.probability = Math.round(0x80000000 * p);
        st.invert = invert;
        return;
      }
      case 'every': {
        const n = /^\d+$/.test(arg) ? Number(arg) : NaN;
        if (!(n >= 1 && n <= 4294967295)) throw paramError('statistic: bad value for option "--every", or out of range (1-4294967295).\n');
        st.every = n;
        st.invert = invert;
        return;
      }
      case 'packet': {
        const n = /^\d+$/.test(arg) ? Number(arg) : NaN;
        if (!(n >= 0 && n <= 4294967295)) throw paramError('statistic: bad value for option "--packet", or out of range (0-4294967295).\n');
        st.packet = n;
      }
    }
  },
  final(m, _ctx, seen) {
    const st = m as Statistic;
    // The mandatory --mode is checked only once some option was given; the mode's own check always.
    if (seen.size > 0 && !seen.has('mode')) throw paramError('statistic: option "--mode" must be specified\n');
    if (st.mode === 'random') {
      if (!seen.has('probability')) throw paramError('--probability must be specified when using random mode');
      if (seen.has('every') || seen.has('packet')) throw paramError('--every and --packet can only be specified when using nth mode');
      return;
    }
    if (!seen.has('every') || !seen.has('packet')) throw paramError('--every and --packet must be specified when using nth mode');
    if (seen.has('probability')) throw paramError('--probability can only be specified when using random mode');
    if (st.packet > st.every - 1) throw paramError('the --packet p must be 0 <= p <= n-1');
  },
};

/** libxt_statistic's print_match(): `prefix` is '' for -L, '--' for -S and iptables-save (which always name --packet). */
export function statisticText(m: Statistic, prefix: string): string {
  const inv = m.invert ? ' !' : '';
  if (m.mode === 'random') return ` ${prefix}mode random${inv} ${prefix}probability ${(m.probability / 0x80000000).toFixed(11)}`;
  let s = ` ${prefix}mode nth${inv} ${prefix}every ${m.every}`;
  if (m.packet || prefix) s += ` ${prefix}packet ${m.packet}`;
  return s;
}
