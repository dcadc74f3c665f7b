// Programmable completion: compgen, complete and compopt (specs and their generation: compspec.ts).

import {
  ACTION_LETTERS, ACTION_NAMES, COMP_OPTIONS, SPECIAL_SPECS, copyCompSpec, generate, newCompSpec, printCompopt,
  printSpec, specOrder, type CompletionHooks, type CompSpec,
} from '../compspec.ts';
import { callFunction } from '../exec.ts';
import { commandSubstitution, expandFields } from '../expand.ts';
import { quoteForShell } from '../quote.ts';
import { globExpand } from '../glob.ts';
import { parseScript } from '../parse.ts';
import type { Shell } from '../shell.ts';
import { parseArgs, type ParsedOption } from './getopt.ts';
import { builtinNames } from './index.ts';
import { builtinError, usage, type BuiltinTable } from './registry.ts';

const SPEC_LETTERS = 'abcdefgjksuvo:A:G:W:F:C:X:P:S:';

/** Builds a spec from parsed options; prints bash's error and returns its status for a bad action or option name. */
async function specFrom(sh: Shell, name: string, options: readonly ParsedOption[]): Promise<CompSpec | number> {
  const spec = newCompSpec();
  for (const o of options) {
    const lettered = ACTION_LETTERS.find(([l]) => l === o.letter);
    if (lettered) spec.actions.add(lettered[1]);
    else if (o.letter === 'A') {
      if (!ACTION_NAMES.includes(o.value)) {
        await builtinError(sh, name, `${o.value}: invalid action name`);
        return 2;
      }
      spec.actions.add(o.value);
    } else if (o.letter === 'o') {
      if (!COMP_OPTIONS.includes(o.value)) {
        await builtinError(sh, name, `${o.value}: invalid option name`);
        return 2;
      }
      spec.options.add(o.value);
    } else if (o.letter === 'G') spec.glob = o.value;
    else if (o.letter === 'W') spec.words = o.value;
    else if (o.letter === 'F') spec.func = o.value;
    else if (o.letter === 'C') spec.command = o.value;
    else if (o.letter === 'X') spec.filter = o.value;
    else if (o.letter === 'P') spec.prefix = o.value;
    else if (o.letter === 'S') spec.suffix = o.value;
  }
  return spec;
}

function isEmpty(spec: CompSpec): boolean {
  return spec.actions.size === 0 && spec.options.size === 0 && Object.keys(spec).length === 2;
}

/** Where a completion happens: the line to the cursor, its words and which of them is completed. */
export interface CompletionPlace {
  line: string;
  words: readonly string[];
  /** The index of the word completed in `words`. */
  index: number;
}

/** compgen completes outside any command line: COMP_WORDS is empty, COMP_CWORD -1. */
const NO_PLACE: CompletionPlace = { line: '', words: [], index: -1 };

/** What generation needs from the interpreter; -F functions see `place` in the COMP_ variables. */
export function hooksFor(sh: Shell, place: CompletionPlace = NO_PLACE): CompletionHooks {
  return {
    builtins: builtinNames,
    async expandWords(text) {
      // The list is split as shell words, each expanded without pathname expansion.
      const parsed = parseScript(`: ${text}\n`);
      const item = parsed.list.items[0]?.command.first.commands[0];
      if (!item || item.type !== 'SimpleCommand') return [];
      const noglob = sh.options.noglob;
      sh.options.noglob = true;
      try {
        const out: string[] = [];
        for (const w of item.words.slice(1)) out.push(...(await expandFields(sh, w)));
        return out;
      } finally {
        sh.options.noglob = noglob;
      }
    },
    glob: (pattern) => globExpand(sh, [{ text: pattern, quoted: false }]),
    async callFunction(name, word) {
      const fn = sh.functions.get(name);
      if (!fn) {
        await sh.error(`completion: function \`${name}' not found`);
        return [];
      }
      const inLine = place.index >= 0;
      sh.vars.pushScope();
      try {
        const vars = [['COMP_LINE', place.line], ['COMP_POINT', String(place.line.length)], ['COMP_CWORD', String(place.index)],
          ['COMP_KEY', inLine ? '9' : '0'], ['COMP_TYPE', inLine ? '9' : '0']] as const;
        for (const [k, v] of vars) sh.vars.declareLocal(k).value = v;
        sh.vars.declareLocal('COMP_WORDS').value = new Map(place.words.map((w, i) => [i, w] as [number, string]));
        const command = inLine ? place.words[0]! : 'compgen';
        await callFunction(sh, fn, [name, command, word, inLine ? place.words[place.index - 1] ?? '' : '']);
      } finally {
        sh.vars.popScope();
      }
      const reply = sh.getArray('COMPREPLY');
      sh.vars.unset('COMPREPLY');
      return reply;
    },
    async runCommand(command, word) {
      const inLine = place.index >= 0;
      const args = [inLine ? place.words[0]! : 'compgen', word, inLine ? place.words[place.index - 1] ?? '' : ''];
      const parsed = parseScript(`${command} ${args.map((a) => quoteForShell(a)).join(' ')}\n`, { line: sh.lineno });
      if (parsed.error) return [];
      // The command sees the line in exported COMP_LINE, COMP_POINT, COMP_KEY and COMP_TYPE.
      sh.vars.pushScope();
      try {
        const vars = [['COMP_LINE', place.line], ['COMP_POINT', String(place.line.length)], ['COMP_KEY', inLine ? '9' : '0'],
          ['COMP_TYPE', inLine ? '9' : '0']] as const;
        for (const [k, v] of vars) {
          const local = sh.vars.declareLocal(k);
          local.value = v;
          local.exported = true;
        }
        const out = await commandSubstitution(sh, parsed.list);
        return out === '' ? [] : out.split('\n');
      } finally {
        sh.vars.popScope();
      }
    },
  };
}

async function compgen(sh: Shell, argv: string[]): Promise<number> {
  const parsed = await parseArgs(sh, argv, SPEC_LETTERS);
  if (typeof parsed === 'number') return parsed;
  const spec = await specFrom(sh, 'compgen', parsed.options);
  if (typeof spec === 'number') return spec;
  if (isEmpty(spec)) return 0;
  if (spec.func !== undefined) await builtinError(sh, 'compgen', 'warning: -F option may not work as you expect');
  if (spec.command !== undefined) await builtinError(sh, 'compgen', 'warning: -C option may not work as you expect');
  const found = await generate(sh, spec, parsed.rest[0] ?? '', hooksFor(sh));
  if (found.length === 0) return 1;
  await sh.out(found.map((c) => c + '\n').join(''));
  return 0;
}

/** The table key of -D, -E or -I among the options (-D first), or null. */
function specialKey(options: readonly ParsedOption[]): string | null {
  for (const [flag, key] of SPECIAL_SPECS) if (options.some((o) => o.letter === flag)) return key;
  return null;
}

async function printSpecs(sh: Shell, names: readonly string[]): Promise<number> {
  let out = '';
  let status = 0;
  for (const n of names) {
    const spec = sh.completions.get(n);
    if (spec) out += printSpec(spec, n) + '\n';
    else {
      await sh.out(out);
      out = '';
      await builtinError(sh, 'complete', `${n}: no completion specification`);
      status = 1;
    }
  }
  await sh.out(out);
  return status;
}

async function complete(sh: Shell, argv: string[]): Promise<number> {
  const parsed = await parseArgs(sh, argv, 'prDEI' + SPEC_LETTERS);
  if (typeof parsed === 'number') return parsed;
  const has = (l: string) => parsed.options.some((o) => o.letter === l);
  const special = specialKey(parsed.options);
  const names = special ? [special] : parsed.rest;
  if (has('r')) {
    if (names.length === 0) sh.ownCompletions().clear();
    for (const n of names) sh.ownCompletions().delete(n);
    return 0;
  }
  const specOptions = parsed.options.filter((o) => !'prDEI'.includes(o.letter));
  if (has('p') || (parsed.options.length === 0 && names.length === 0)) {
    return printSpecs(sh, names.length ? names : specOrder(sh.completions));
  }
  const spec = await specFrom(sh, 'complete', specOptions);
  if (typeof spec === 'number') return spec;
  if (names.length === 0) return usage(sh, 'complete');
  for (const n of names) sh.ownCompletions().set(n, copyCompSpec(spec));
  return 0;
}

async function compopt(sh: Shell, argv: string[]): Promise<number> {
  const parsed = await parseArgs(sh, argv, 'o:DEI', 'o');
  if (typeof parsed === 'number') return parsed;
  for (const o of parsed.options) {
    if (o.letter === 'o' && !COMP_OPTIONS.includes(o.value)) {
      await builtinError(sh, 'compopt', `${o.value}: invalid option name`);
      return 2;
    }
  }
  const special = specialKey(parsed.options);
  const names = special ? [special] : parsed.rest;
  const changes = parsed.options.filter((o) => o.letter === 'o');
  const apply = (spec: CompSpec) => {
    for (const o of changes) {
      if (o.plus) spec.options.delete(o.value);
      else spec.options.add(o.value);
    }
  };
  if (names.length === 0) {
    // Without names compopt changes the completion being generated: only Tab completion runs one.
    await builtinError(sh, 'compopt', 'not currently executing completion function');
    return 1;
  }
  let status = 0;
  for (const n of names) {
    const spec = sh.completions.get(n);
    if (!spec) {
      await builtinError(sh, 'compopt', `${n}: no completion specification`);
      status = 1;
      continue;
    }
    if (changes.length === 0) await sh.out(printCompopt(spec, n) + '\n');
    else {
      const own = copyCompSpec(spec);
      apply(own);
      sh.ownCompletions().set(n, own);
    }
  }
  return status;
}

export const completionBuiltins: BuiltinTable = {
  compgen: { run: compgen },
  complete: { run: complete },
  compopt: { run: compopt },
};
