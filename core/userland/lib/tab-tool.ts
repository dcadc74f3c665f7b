// What expand(1) and unexpand(1) share: option parsing into TabStops and reading the inputs as one
// stream (a line may run on from one file into the next), each byte passed to a converter.
import type { Sys } from '../../kernel/abi.ts';
import { Cmd, forEachInput } from './cmd.ts';
import { answerInfo } from './coreutils-info.ts';
import { getopt, type LongOpt, type ParsedOpt } from './getopt.ts';
import { TabStops, modernizeTabArgs } from './tab-stops.ts';

export interface TabOptions {
  stops: TabStops;
  opts: ParsedOpt[];
  operands: string[];
  /** Whether -t or --tabs itself was given (not only the old -N form). */
  tabsOption: boolean;
}

/** Parses argv; returns the options, or the exit status after an error or --help/--version. */
export async function parseTabOptions(p: Cmd, name: string, shorts: string, longs: LongOpt[]): Promise<TabOptions | number> {
  const { args, oldForms } = modernizeTabArgs(p.argv, 't');
  const r = getopt(args, shorts, [...longs, { name: 'tabs', arg: 'required', key: 't' }, { name: 'help' }, { name: 'version' }]);
  const stops = new TabStops();
  for (const o of r.opts) {
    if (await answerInfo(p, name, [o])) return p.finish(0);
    if (o.key !== 't') continue;
    const errors = stops.add(o.value!);
    for (const e of errors) await p.error(e);
    if (errors.length) return p.finish(1);
  }
  if (r.error) return p.finish(await p.tryHelp(r.error));
  const bad = stops.finish();
  if (bad) {
    await p.error(bad);
    return p.finish(1);
  }
  return { stops, opts: r.opts, operands: r.operands, tabsOption: r.opts.filter((o) => o.key === 't').length > oldForms };
}

/**
 * Feeds every input ('-' or none: stdin) through `convert`, writing what it returns, then what `end`
 * returns (what the converter still held at the end of the stream); the exit status.
 */
export async function convertInputs(sys: Sys, p: Cmd, operands: string[], convert: (text: string) => string,
  end?: () => string): Promise<number> {
  const ok = await forEachInput(p, operands, (text) => p.put(convert(text)));
  if (end) await p.put(end());
  return p.finish(ok ? 0 : 1);
}
