// seq(1) from GNU coreutils: FIRST [INCREMENT] LAST with integers or decimals (precision from the
// operands, as GNU does), -s SEP, -w equal width, -f FORMAT (one %e %f %g conversion).
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { quote } from '../lib/program.ts';
import { formatFloat } from '../lib/printf-format.ts';

const NUM = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** strtold's infinity, which seq takes as an end (or a start) that is never reached. */
const INF = /^[-+]?inf(inity)?$/i;
const toNumber = (s: string): number => (INF.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : Number(s));

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, 's:wf:', [{ name: 'separator', key: 's', arg: 'required' }, { name: 'equal-width', key: 'w' },
    { name: 'format', key: 'f', arg: 'required' }, { name: 'help' }, { name: 'version' }], { isOperand: (a) => /^-[\d.]/.test(a), stopAtOperand: true });
  if (await answerInfo(p, 'seq', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  let sep = '\n', width = false, fmt: string | null = null;
  for (const o of r.opts) {
    if (o.key === 's') sep = o.value!;
    else if (o.key === 'w') width = true;
    else if (o.key === 'f') fmt = o.value!;
  }
  const ops = r.operands;
  if (ops.length === 0) return p.finish(await p.tryHelp('missing operand'));
  if (ops.length > 3) return p.finish(await p.tryHelp(`extra operand ${quote(ops[3]!)}`));
  for (const a of ops) {
    if (/^[-+]?nan$/i.test(a)) return p.finish(await p.tryHelp(`invalid 'not-a-number' argument: ${quote(a)}`));
    if (!NUM.test(a) && !INF.test(a)) return p.finish(await p.tryHelp(`invalid floating point argument: ${quote(a)}`));
  }
  if (fmt !== null && width) {
    await p.error('format string may not be specified when printing equal width strings');
    await p.err.write(`Try '${p.name} --help' for more information.\n`);
    return p.finish(1);
  }
  const [firstS, incS, lastS] = ops.length === 1 ? ['1', '1', ops[0]!] : ops.length === 2 ? [ops[0]!, '1', ops[1]!] : [ops[0]!, ops[1]!, ops[2]!];
  const first = toNumber(firstS), inc = toNumber(incS), last = toNumber(lastS);
  if (inc === 0) return p.finish(await p.tryHelp(`invalid Zero increment value: ${quote(incS)}`));
  const prec = (s: string): number => (/[eE]/.test(s) ? 0 : s.includes('.') ? s.length - s.indexOf('.') - 1 : 0);
  const digits = Math.max(prec(firstS), prec(incS));
  const fmtOne = (v: number): string => {
    if (!Number.isFinite(v) && fmt === null) return v > 0 ? 'inf' : '-inf';
    if (fmt !== null) {
      const m = /^((?:[^%]|%%)*)%([-+ #0']*\d*(?:\.\d+)?)([eEfFgGaA])((?:[^%]|%%)*)$/.exec(fmt);
      if (!m) return '';
      return m[1]!.replace(/%%/g, '%') + formatFloat(v, m[2]!, m[3]!) + m[4]!.replace(/%%/g, '%');
    }
    return digits > 0 ? v.toFixed(digits) : /[eE]/.test(firstS + incS + lastS) ? formatFloat(v, '', 'g') : String(v === 0 ? 0 : v);
  };
  if (fmt !== null && !/^((?:[^%]|%%)*)%([-+ #0']*\d*(?:\.\d+)?)([eEfFgGaA])((?:[^%]|%%)*)$/.test(fmt)) {
    await p.error(/%[^%]/.test(fmt) ? `format ${quote(fmt)} has unknown %${fmt[fmt.search(/%[^%]/) + 1]} directive` : `format ${quote(fmt)} has no % directive`);
    return p.finish(1);
  }
  // -w: the width of the wider of the first and last numbers, known before the first is written (none
  // when either end is infinite).
  let w = 0;
  if (width && Number.isFinite(first) && Number.isFinite(last)) {
    w = Math.max(fmtOne(first).length, (digits > 0 ? last.toFixed(digits) : String(last)).length);
  }
  const pad = (s: string): string => (s.startsWith('-') ? '-' + s.slice(1).padStart(w - 1, '0') : s.padStart(w, '0'));
  const vals: string[] = [];
  for (let i = 0; ; i++) {
    const v = first + i * inc;
    if (inc > 0 ? v > last + 1e-12 * Math.abs(inc) : v < last - 1e-12 * Math.abs(inc)) break;
    vals.push(w ? pad(fmtOne(v)) : fmtOne(v));
    if (i % 4096 === 4095) {
      await p.out.write(vals.splice(0).join(sep) + sep);
      // The work of formatting them is charged (200 ns a number), so a huge range moves the clock on.
      await sys.yield(4096 * 200);
    }
  }
  if (vals.length) await p.out.write(vals.join(sep) + '\n');
  return p.finish(0);
};
