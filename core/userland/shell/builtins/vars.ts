// Builtins that manage variables and options: export unset set local declare typeset readonly let shopt.

import type { Assignment, FunctionDef } from '../ast.ts';
import { assign } from '../assign.ts';
import { evalArith } from '../expand.ts';
import { LETTERS, SET_O_LISTED, SHOPT_NAMES, setOptionByName, setOptionListing, setOptionTable } from '../options.ts';
import { helpTopic } from '../help-format.ts';
import { quoteForShell } from '../quote.ts';
import { printFunction } from '../printer.ts';
import { SPECIAL_ARRAYS, type Shell } from '../shell.ts';
import { arrayKeys, newVar, type Var } from '../vars.ts';
import { builtinError, invalidOption, type BuiltinTable, usage } from './registry.ts';
import { ExpansionError } from '../control.ts';
import { parseScript } from '../parse.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A `name=value` argument of a declaration builtin, parsed (the parser attaches assignments to words). */
function parseAssignArg(text: string): { name: string; value: string | null; append: boolean; sub: string | null } | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?(\+?=)?([^]*)$/.exec(text);
  if (!m) return null;
  if (!m[3]) return m[4] === '' ? { name: m[1]!, value: null, append: false, sub: m[2] ?? null } : null;
  return { name: m[1]!, value: m[4]!, append: m[3] === '+=', sub: m[2] ?? null };
}

function declareLine(name: string, v: Var): string {
  let flags = '';
  if (v.indexed || (v.value instanceof Map && !v.assoc)) flags += 'a';
  if (v.assoc) flags += 'A';
  if (v.integer) flags += 'i';
  if (v.lower) flags += 'l';
  if (v.nameref) flags += 'n';
  if (v.readonly) flags += 'r';
  if (v.upper) flags += 'u';
  if (v.exported) flags += 'x';
  const f = flags ? `-${flags}` : '--';
  if (v.value === undefined) return `declare ${f} ${name}`;
  if (v.value instanceof Map) {
    const keys = arrayKeys(v);
    const map = v.value as Map<unknown, string>;
    const items = keys.map((k) => `[${v.assoc ? quoteKey(k) : k}]=${dq(map.get(v.assoc ? k : Number(k)) ?? '')}`);
    return `declare ${f} ${name}=(${items.join(' ')}${v.assoc && items.length ? ' ' : ''})`;
  }
  return `declare ${f} ${name}=${dq(v.value)}`;
}

function quoteKey(k: string): string {
  return /^[A-Za-z0-9_]+$/.test(k) ? k : dq(k);
}

/** Double-quoted as `declare -p` shows values. */
function dq(v: string): string {
  return `"${v.replace(/(["\\$`])/g, '\\$1')}"`;
}

async function declare(sh: Shell, argv: string[], forced: { local?: boolean; exported?: boolean; readonly?: boolean } = {}): Promise<number> {
  const name = argv[0]!;
  const assignments = sh.declAssignments;
  sh.declAssignments = null;
  // Outside a function, local says so before it looks at its options.
  if (forced.local && sh.funcnames.length === 0) {
    await builtinError(sh, name, 'can only be used in a function');
    return 1;
  }
  const on = new Set<string>();
  const off = new Set<string>();
  let print = false;
  let functions = false;
  let namesOnly = false;
  let global = false;
  const args: string[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!/^[-+][a-zA-Z]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'p') print = true;
      else if ((c === 'f' || c === 'F') && a[0] === '-') {
        functions = true;
        if (c === 'F') namesOnly = true;
      }
      else if (c === 'g') global = true;
      else if ('aAilrtuxn'.includes(c)) (a[0] === '-' ? on : off).add(c);
      else return invalidOption(sh, name, `-${c}`);
    }
  }
  const firstArg = i;
  args.push(...argv.slice(i));
  if (forced.exported) on.add('x');
  if (forced.readonly) on.add('r');
  const local = (forced.local || (sh.funcnames.length > 0 && name !== 'export' && name !== 'readonly')) && !global;
  if (functions) return functionAttributes(sh, name, args, on, off, print, namesOnly);
  if (args.length === 0 && (print || on.size || off.size || name === 'declare' || name === 'typeset')) {
    let out = '';
    for (const n of sh.vars.names()) {
      const v = sh.vars.lookup(n)!;
      if (on.has('n') && !v.nameref) continue;
      if (on.has('x') && !v.exported) continue;
      if (on.has('r') && !v.readonly) continue;
      if (on.has('a') && !(v.value instanceof Map && !v.assoc)) continue;
      if (on.has('A') && !v.assoc) continue;
      if (name === 'export') out += declareLine(n, v).replace(/^declare/, 'declare') + '\n';
      else if (name === 'readonly') out += declareLine(n, v) + '\n';
      else if (print || on.size) out += declareLine(n, v) + '\n';
      else if (v.value !== undefined) out += `${n}=${v.value instanceof Map ? '(' + arrayKeys(v).join(' ') + ')' : quoteForShell(v.value)}\n`;
    }
    await sh.out(out);
    return 0;
  }
  let status = 0;
  for (const [k, arg] of args.entries()) {
    const parsed = assignments?.get(firstArg + k);
    const p = parseAssignArg(arg);
    if (!p || (p.value === null && !NAME.test(p.name))) {
      await builtinError(sh, name, `\`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (print) {
      const v = sh.vars.lookup(p.name) ?? computedArray(sh, p.name);
      if (!v) {
        await builtinError(sh, name, `${p.name}: not found`);
        status = 1;
      } else await sh.out(declareLine(p.name, v) + '\n');
      continue;
    }
    const ref = on.has('n') || off.has('n');
    let v = local ? sh.vars.scopes[sh.vars.scopes.length - 1]!.get(p.name) : ref ? sh.vars.lookup(p.name) : sh.getVar(p.name);
    const compound = p.value !== null && (parsed ? parsed.array !== null : p.sub === null && !!arrayAssignment(arg)?.array);
    if (local && !v && sh.vars.readonlyGlobal(p.name)) {
      // bash makes no local copy of a readonly global variable; an array value is refused first as an
      // assignment in the function.
      if (compound) await sh.error(`${sh.funcnames[sh.funcnames.length - 1]}: ${p.name}: readonly variable`);
      await builtinError(sh, name, `${p.name}: readonly variable`);
      status = 1;
      continue;
    }
    if (v?.readonly && (p.value !== null || off.has('r'))) {
      if (compound) {
        // An array value for a readonly variable fails as an assignment does: the command line is abandoned.
        await sh.error(`${p.name}: readonly variable`);
        if (!sh.options.interactive) throw new ExpansionError(1, false);
        return 1;
      }
      // export and readonly assign as a plain assignment does (no builtin's name in the message).
      if (name === 'export' || name === 'readonly') await sh.error(`${p.name}: readonly variable`);
      else await builtinError(sh, name, `${p.name}: readonly variable`);
      status = 1;
      continue;
    }
    if (!v) {
      v = local ? sh.vars.declareLocal(p.name) : newVar(undefined);
      if (!local) (global ? sh.vars.scopes[0]! : ref ? scopeHolding(sh, p.name) : sh.vars.scopeOf(p.name)).set(p.name, v);
    }
    if (ref) {
      // A nameref's value is the name it refers to, kept as given.
      v.nameref = on.has('n');
      if (p.value !== null) v.value = p.value;
      if (on.has('r')) v.readonly = true;
      continue;
    }
    // An array keeps its kind (bash cannot convert one into the other).
    if ((on.has('A') && v.indexed && !v.assoc) || (on.has('a') && v.assoc)) {
      const [from, to] = v.assoc ? ['associative', 'indexed'] : ['indexed', 'associative'];
      await builtinError(sh, name, `${p.name}: cannot convert ${from} to ${to} array`);
      status = 1;
      continue;
    }
    // Declared without a value, an array stays unset (`declare -p` shows `declare -a name`).
    if (on.has('a') && !(v.value instanceof Map)) {
      if (v.value !== undefined) v.value = new Map<number, string>([[0, v.value as string]]);
      v.indexed = true;
    }
    if (on.has('A') && !v.assoc) {
      v.value = typeof v.value === 'string' ? new Map<string, string>([['0', v.value]]) : undefined;
      v.assoc = true;
      v.indexed = false;
    }
    if (on.has('i')) v.integer = true;
    if (off.has('i')) v.integer = false;
    if (on.has('l')) { v.lower = true; v.upper = false; }
    if (on.has('u')) { v.upper = true; v.lower = false; }
    if (on.has('x')) v.exported = true;
    if (off.has('x')) v.exported = false;
    if (p.value !== null && parsed) {
      const r = await assign(sh, parsed, false);
      if (!r.ok) status = 1;
    } else if (p.value !== null) {
      const a: Assignment | undefined = arrayAssignment(arg);
      if (a && a.array) {
        const r = await assign(sh, a, false);
        if (!r.ok) status = 1;
      } else if (p.sub !== null) {
        const a2 = arrayAssignment(arg);
        if (a2) await assign(sh, a2, false);
      } else {
        sh.setQuiet(p.name, p.value, p.append, v);
      }
    }
    if (on.has('r')) v.readonly = true;
  }
  return status;
}

/**
 * declare/typeset/export/readonly with -f or -F: with names, sets the readonly and export attributes of
 * those functions, or shows them; without, lists the functions that have the attributes asked for. A
 * definition is followed by a `declare -f...` line when the function has attributes (or with -F alone).
 */
async function functionAttributes(sh: Shell, name: string, args: readonly string[], on: ReadonlySet<string>,
  off: ReadonlySet<string>, print: boolean, namesOnly: boolean): Promise<number> {
  const attrsOf = (n: string) => `f${sh.readonlyFunctions.has(n) ? 'r' : ''}${sh.exportedFunctions.has(n) ? 'x' : ''}`;
  const show = (n: string, def: FunctionDef, withAttrs: boolean): string => {
    if (!withAttrs) return `${namesOnly ? n : printFunction(def)}\n`;
    const attrs = attrsOf(n);
    if (namesOnly) return `declare -${attrs} ${n}\n`;
    return `${printFunction(def)}\n${attrs === 'f' ? '' : `declare -${attrs} ${n}\n`}`;
  };
  if (args.length === 0) {
    let out = '';
    for (const n of [...sh.functions.keys()].sort()) {
      if (on.has('x') && !sh.exportedFunctions.has(n)) continue;
      if (on.has('r') && !sh.readonlyFunctions.has(n)) continue;
      out += show(n, sh.functions.get(n)!, true);
    }
    await sh.out(out);
    return 0;
  }
  let status = 0;
  const changes = on.has('x') || off.has('x') || on.has('r');
  for (const n of args) {
    const def = sh.functions.get(n);
    if (!def) {
      if (name === 'export' || name === 'readonly') await builtinError(sh, name, `${n}: not a function`);
      status = 1;
      continue;
    }
    if (on.has('r')) sh.ownReadonlyFunctions().add(n);
    if (on.has('x')) sh.ownExportedFunctions().add(n);
    else if (off.has('x')) sh.ownExportedFunctions().delete(n);
    if (!changes) await sh.out(show(n, def, print));
  }
  return status;
}

/**
 * An array the shell computes (BASH_SOURCE, FUNCNAME ...) as a variable for `declare -p`: FUNCNAME is
 * declared without elements outside functions; undefined for other names.
 */
function computedArray(sh: Shell, name: string): Var | undefined {
  if (!SPECIAL_ARRAYS.has(name)) return undefined;
  const v = newVar(undefined);
  v.indexed = true;
  if (name === 'FUNCNAME' && sh.funcnames.length === 0) return v;
  v.value = new Map(sh.getArray(name).map((x, i) => [i, x] as [number, string]));
  return v;
}

/** The innermost scope that holds `name` itself (namerefs not followed), or the global scope. */
function scopeHolding(sh: Shell, name: string): Map<string, Var> {
  for (let i = sh.vars.scopes.length - 1; i >= 0; i--) if (sh.vars.scopes[i]!.has(name)) return sh.vars.scopes[i]!;
  return sh.vars.scopes[0]!;
}

/** Re-parses `name=(...)` / `name[i]=v` text as an assignment (values were already expanded once). */
function arrayAssignment(text: string): Assignment | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(text)) return undefined;
  const eq = text.indexOf('=');
  const value = text.slice(eq + 1);
  if (!(value.startsWith('(') && value.endsWith(')')) && !text.slice(0, eq).includes('[')) return undefined;
  const src = value.startsWith('(') ? `${text.slice(0, eq + 1)}${value}` : `${text.slice(0, eq + 1)}${quoteForShell(value, true)}`;
  const parsed = parseScript(src);
  const cmd = parsed.list.items[0]?.command.first.commands[0];
  if (cmd?.type === 'SimpleCommand') return cmd.assignments[0];
  return undefined;
}

async function unset(sh: Shell, argv: string[]): Promise<number> {
  let mode: 'v' | 'f' | 'any' = 'any';
  let i = 1;
  let self = false;
  for (; i < argv.length && /^-[vfn]+$/.test(argv[i]!); i++) {
    mode = argv[i]!.includes('f') ? 'f' : 'v';
    if (argv[i]!.includes('n')) self = true;
  }
  let status = 0;
  for (const name of argv.slice(i)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(name);
    if (m && mode !== 'f') {
      const v = sh.getVar(m[1]!);
      if (v?.readonly) {
        await builtinError(sh, 'unset', `${m[1]}: cannot unset: readonly variable`);
        status = 1;
        continue;
      }
      if (v?.value instanceof Map) {
        const key = v.assoc ? m[2]! : Number(await evalArith(sh, m[2]!));
        (v.value as Map<unknown, string>).delete(key);
      } else if (v && (m[2] === '0' || m[2] === '@' || m[2] === '*')) v.value = undefined;
      continue;
    }
    if (!NAME.test(name) && mode === 'any' && !/[=$\s]/.test(name)) {
      // Not a variable name, but it may name a function.
      sh.removeFunction(name);
      continue;
    }
    if (!NAME.test(name)) {
      await builtinError(sh, 'unset', `\`${name}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (mode !== 'f') {
      const v = sh.getVar(name);
      if (v?.readonly) {
        await builtinError(sh, 'unset', `${name}: cannot unset: readonly variable`);
        status = 1;
        continue;
      }
      if (sh.vars.unset(name, self) || mode === 'v') continue;
    }
    sh.removeFunction(name);
  }
  return status;
}

async function setBuiltin(sh: Shell, argv: string[]): Promise<number> {
  if (argv.length === 1) {
    let out = '';
    for (const n of sh.vars.names()) {
      const v = sh.vars.lookup(n)!;
      if (v.value === undefined) continue;
      if (v.value instanceof Map) {
        const map = v.value as Map<unknown, string>;
        out += `${n}=(${arrayKeys(v).map((k) => `[${k}]=${dq(map.get(v.assoc ? k : Number(k)) ?? '')}`).join(' ')})\n`;
      } else out += `${n}=${quoteForShell(v.value)}\n`;
    }
    for (const [, f] of [...sh.functions].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out += `${printFunction(f)}\n`;
    await sh.out(out);
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      sh.positional = argv.slice(i + 1);
      return 0;
    }
    if (a === '-' || a === '+') {
      sh.options.xtrace = false;
      sh.options.verbose = false;
      i++;
      break;
    }
    if (!/^[-+]/.test(a)) break;
    const enable = a[0] === '-';
    if (a.slice(1) === 'o') {
      const opt = argv[++i];
      if (opt === undefined) {
        await listOptions(sh, enable);
        continue;
      }
      if (!setOptionByName(sh, opt, enable)) {
        await builtinError(sh, 'set', `${opt}: invalid option name`);
        return 2;
      }
      continue;
    }
    for (const c of a.slice(1)) {
      const name = LETTERS[c];
      if (!name) {
        await builtinError(sh, 'set', `${a[0]}${c}: invalid option`);
        await usage(sh, 'set');
        return 2;
      }
      (sh.options as unknown as Record<string, boolean>)[name] = enable;
    }
  }
  if (i < argv.length) sh.positional = argv.slice(i);
  return 0;
}

async function listOptions(sh: Shell, human: boolean): Promise<void> {
  await sh.out(setOptionListing(sh, human));
}

async function letBuiltin(sh: Shell, argv: string[]): Promise<number> {
  if (argv.length < 2) {
    await builtinError(sh, 'let', 'expression expected');
    return 1;
  }
  let last = '0';
  for (const e of argv.slice(1)) {
    try {
      last = await evalArith(sh, e, 'let');
    } catch (err) {
      if (err instanceof ExpansionError) return 1;
      throw err;
    }
  }
  return last === '0' ? 1 : 0;
}

/** One line of shopt's listing: `-p` gives the command that restores it (`set -o` form for `-o`). */
function shoptLine(name: string, on: boolean, reusable: boolean, oMode: boolean): string {
  if (!reusable) return `${name.padEnd(15)}\t${on ? 'on' : 'off'}\n`;
  return oMode ? `set ${on ? '-o' : '+o'} ${name}\n` : `shopt ${on ? '-s' : '-u'} ${name}\n`;
}

async function shopt(sh: Shell, argv: string[]): Promise<number> {
  let setMode: boolean | null = null;
  let quiet = false;
  let oMode = false;
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-s') setMode = true;
    else if (a === '-u') setMode = false;
    else if (a === '-q') quiet = true;
    else if (a === '-o') oMode = true;
    else if (a === '-p') continue;
    else if (/^-./.test(a)) return invalidOption(sh, 'shopt', a.slice(0, 2));
    else names.push(a);
  }
  const table = oMode ? setOptionTable(sh) : sh.shopts;
  const all = oMode ? SET_O_LISTED : SHOPT_NAMES;
  let status = 0;
  if (names.length === 0) {
    let out = '';
    for (const n of all) {
      if (setMode !== null && table[n] !== setMode) continue;
      out += shoptLine(n, table[n] === true, argv.includes('-p'), oMode);
    }
    if (!quiet) await sh.out(out);
    return 0;
  }
  for (const n of names) {
    if (!(n in table)) {
      await builtinError(sh, 'shopt', `${n}: invalid shell option name`);
      status = 1;
      continue;
    }
    if (setMode === null) {
      const line = shoptLine(n, table[n] === true, argv.includes('-p'), oMode);
      if (!quiet) await sh.out(line);
      if (!table[n]) status = 1;
    } else table[n] = setMode;
  }
  return status;
}

/** export: declare -x; its -n (alone or among other options, as in `-nf`) takes the export away instead. */
function exportBuiltin(sh: Shell, argv: readonly string[]): Promise<number> {
  const out = [argv[0]!];
  let remove = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!/^-[a-zA-Z]+$/.test(a)) break;
    if (!a.includes('n')) {
      out.push(a);
      continue;
    }
    remove = true;
    const rest = a.replace(/n/g, '');
    if (rest !== '-') out.push(rest);
    out.push('+x');
  }
  return declare(sh, [...out, ...argv.slice(i)], { exported: !remove });
}

export const varBuiltins: BuiltinTable = {
  declare: { run: (sh, a) => declare(sh, a) },
  typeset: { run: (sh, a) => declare(sh, a) },
  local: { run: (sh, a) => declare(sh, a, { local: true }) },
  export: { run: (sh, a) => exportBuiltin(sh, a), special: true },
  readonly: { run: (sh, a) => declare(sh, a, { readonly: true }), special: true },
  unset: { run: unset, special: true },
  set: { run: setBuiltin, special: true },
  let: { run: letBuiltin },
  shopt: { run: shopt },
};

