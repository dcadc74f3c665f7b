// Reading apache2's configuration into a tree, as httpd 2.4's ap_build_config does: lines (a trailing
// backslash joins the next), ${VAR} from Define and the environment, words as ap_getword_conf splits
// them (quotes, backslash escapes), sections <Name args> ... </Name>. What httpd runs while reading
// (EXEC_ON_READ) runs here too: Include / IncludeOptional (wildcards, a directory meaning all its
// files, sorted), <IfModule>, <IfDefine>, <IfVersion>, Define, UnDefine, LoadModule. Errors found while
// reading nest as httpd words them ("Syntax error on line N of FILE: ..."), one level per Include.
import { S_IFMT, S_IFDIR, type Sys } from '../../../kernel/abi.ts';
import { readFileText } from '../../lib/io.ts';

export interface Directive {
  /** As written (case kept); compare with `key`. */
  name: string;
  /** Lower case. */
  key: string;
  args: string[];
  file: string;
  line: number;
  /** Present for a section (<Directory ...>): what it contains. */
  children?: Directive[];
}

/** A reading error: `message` is the whole text after "apache2: " (nested "Syntax error on line ..."). */
export class ReadError extends Error {}

/** Modules compiled into Debian's apache2 binary (`apache2 -l`). */
export const STATIC_MODULES = ['core', 'so', 'watchdog', 'http', 'log_config', 'logio', 'version', 'unixd'];

export interface ReadContext {
  sys: Sys;
  serverRoot: string;
  env: ReadonlyMap<string, string>;
  defines: Map<string, string>;
  /** Loaded module identifiers (`mime_module`), with their source names (`mod_mime.c`). */
  modules: Set<string>;
  /** Shared modules in LoadModule order (`apache2 -M`). */
  loadOrder: string[];
  /** AH00111 warnings for undefined variables, in order. */
  warnings: string[];
}

export function newModules(): Set<string> {
  const s = new Set<string>();
  for (const m of STATIC_MODULES) {
    s.add(`${m}_module`);
    s.add(`mod_${m}.c`);
  }
  s.add('http_core.c');
  s.add('core.c');
  return s;
}

/** Absolute path of a configuration path: relative ones are under ServerRoot. */
export function serverPath(root: string, p: string): string {
  return p.startsWith('/') ? p : `${root.replace(/\/$/, '')}/${p}`;
}

/** ap_getword_conf over a whole line. */
export function words(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    const q = line[i];
    if (q === '"' || q === "'") {
      let w = '';
      i++;
      while (i < line.length && line[i] !== q) {
        if (line[i] === '\\' && (line[i + 1] === q || line[i + 1] === '\\')) i++;
        w += line[i];
        i++;
      }
      i++;
      out.push(w);
    } else {
      let w = '';
      while (i < line.length && !/\s/.test(line[i]!)) w += line[i++];
      out.push(w);
    }
  }
  return out;
}

/** fnmatch for one path component: * ? [...] */
export function globMatch(pattern: string, name: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  try {
    return new RegExp(`${re}$`).test(name);
  } catch {
    return false;
  }
}

const hasGlob = (s: string): boolean => /[*?[]/.test(s);

function listDir(sys: Sys, dir: string): string[] | number {
  const fd = sys.open(dir, 0);
  if (fd < 0) return fd;
  const ents = sys.getdents(fd);
  sys.close(fd);
  if (typeof ents === 'number') return ents;
  return ents.map((e) => e.name).filter((n) => n !== '.' && n !== '..').sort();
}

const isDirectory = (sys: Sys, p: string): boolean => {
  const st = sys.stat(p);
  return typeof st !== 'number' && (st.mode & S_IFMT) === S_IFDIR;
};

const STRERROR: Record<number, string> = { 2: 'No such file or directory', 13: 'Permission denied', 20: 'Not a directory' };
const errText = (e: number): string => STRERROR[-e] ?? `Error ${-e}`;

/** The files an Include names, in order; a ReadError message when it fails (null list: optional and nothing). */
async function includeFiles(c: ReadContext, arg: string, optional: boolean): Promise<string[]> {
  const path = serverPath(c.serverRoot, arg);
  if (!hasGlob(path)) {
    if (isDirectory(c.sys, path)) {
      const names = listDir(c.sys, path);
      if (typeof names === 'number') throw new ReadError(`Include/IncludeOptional: Could not open directory ${path}: ${errText(names)}`);
      return names.filter((n) => !isDirectory(c.sys, `${path}/${n}`)).map((n) => `${path}/${n}`);
    }
    if (optional && typeof c.sys.stat(path) === 'number') return [];
    return [path];
  }
  // Wildcards: each component with one is matched against its directory.
  const parts = path.split('/').slice(1);
  let bases = [''];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (!hasGlob(part)) {
      bases = bases.map((b) => `${b}/${part}`);
      continue;
    }
    const next: string[] = [];
    for (const b of bases) {
      const names = listDir(c.sys, b || '/');
      if (typeof names === 'number') {
        if (optional) continue;
        throw new ReadError(`Include/IncludeOptional: Could not open directory ${b}: ${errText(names)}`);
      }
      for (const n of names) {
        if (!globMatch(part, n)) continue;
        const full = `${b}/${n}`;
        if (last ? !isDirectory(c.sys, full) : isDirectory(c.sys, full)) next.push(full);
      }
    }
    bases = next;
  }
  if (bases.length === 0 && !optional) {
    throw new ReadError(`No matches for the wildcard '${path.slice(path.lastIndexOf('/') + 1)}' in '${path.slice(0, path.lastIndexOf('/'))}', failing`);
  }
  return bases;
}

/** ${NAME} replaced from Define, then the environment; an unknown one stays and is warned about once per line. */
function substitute(c: ReadContext, text: string): string {
  return text.replace(/\$\{([A-Za-z0-9_.:-]+)\}/g, (all, name: string) => {
    const v = c.defines.get(name) ?? c.env.get(name);
    if (v !== undefined) return v;
    c.warnings.push(`AH00111: Config variable \${${name}} is not defined`);
    return all;
  });
}

interface Frame {
  name: string;
  key: string;
  line: number;
  children: Directive[];
  directive: Directive | null;
  /** A skipped conditional section (its contents are read but dropped). */
  skip: boolean;
}

function moduleLoaded(c: ReadContext, name: string): boolean {
  return c.modules.has(name);
}

function defineTrue(c: ReadContext, name: string): boolean {
  return c.defines.has(name);
}

/** Reads one file into directives (recursively through Include). */
export async function readConfigFile(c: ReadContext, file: string, depth = 0): Promise<Directive[]> {
  const text = await readFileText(c.sys, file);
  if (typeof text === 'number') {
    throw new ReadError(`Could not open configuration file ${file}: ${errText(text)}`);
  }
  if (depth > 128) throw new ReadError('Exceeded the maximum include directory nesting level of 128');
  const lines = text.split('\n');
  const root: Frame = { name: '', key: '', line: 0, children: [], directive: null, skip: false };
  const stack: Frame[] = [root];
  const top = (): Frame => stack[stack.length - 1]!;
  const skipping = (): boolean => stack.some((f) => f.skip);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let raw = lines[i]!;
    while (/\\\s*$/.test(raw) && i + 1 < lines.length) raw = raw.replace(/\\\s*$/, '') + lines[++i]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const nested = (msg: string): ReadError => new ReadError(`Syntax error on line ${lineNo} of ${file}: ${msg}`);
    if (trimmed.startsWith('</')) {
      const name = trimmed.slice(2).replace(/>$/, '').trim();
      const f = top();
      if (stack.length === 1) throw nested(`</${name}> without matching <${name}> section`);
      if (f.key !== name.toLowerCase()) throw nested(`Expected </${f.name}> but saw </${name}>`);
      stack.pop();
      continue;
    }
    const expanded = skipping() ? trimmed : substitute(c, trimmed);
    if (expanded.startsWith('<')) {
      if (!expanded.endsWith('>')) throw nested(`<${expanded.slice(1).split(/\s/)[0]} directive missing closing '>'`);
      const inner = expanded.slice(1, -1);
      const [name = '', ...args] = words(inner);
      const key = name.toLowerCase();
      let skip = false;
      if (key === 'ifmodule' || key === 'ifdefine') {
        if (args.length !== 1) throw nested(`<${name}> directive requires ${key === 'ifmodule' ? 'a module name' : 'a parameter'}`);
        const neg = args[0]!.startsWith('!');
        const what = neg ? args[0]!.slice(1) : args[0]!;
        const yes = key === 'ifmodule' ? moduleLoaded(c, what) : defineTrue(c, what);
        skip = yes === neg;
        stack.push({ name, key, line: lineNo, children: top().children, directive: null, skip });
        continue;
      }
      if (key === 'ifversion') {
        stack.push({ name, key, line: lineNo, children: top().children, directive: null, skip: false });
        continue;
      }
      const d: Directive = { name, key, args, file, line: lineNo, children: [] };
      if (!skipping()) top().children.push(d);
      stack.push({ name, key, line: lineNo, children: d.children!, directive: d, skip: false });
      continue;
    }
    if (skipping()) continue;
    const [name = '', ...args] = words(expanded);
    const key = name.toLowerCase();
    if (key === 'include' || key === 'includeoptional') {
      if (args.length !== 1) throw nested(`${name} takes one argument, Name of the config file to be included`);
      let files: string[];
      try {
        files = await includeFiles(c, args[0]!, key === 'includeoptional');
      } catch (e) {
        if (e instanceof ReadError) throw nested(e.message);
        throw e;
      }
      for (const f of files) {
        try {
          top().children.push(...await readConfigFile(c, f, depth + 1));
        } catch (e) {
          if (e instanceof ReadError) throw nested(e.message);
          throw e;
        }
      }
      continue;
    }
    if (key === 'define') {
      if (args.length < 1 || args.length > 2) throw nested('Define takes one or two arguments, Define a variable, optionally to a value.  Same as passing -D to the command line.');
      c.defines.set(args[0]!, args[1] ?? '');
      continue;
    }
    if (key === 'undefine') {
      c.defines.delete(args[0] ?? '');
      continue;
    }
    if (key === 'defaultruntimedir' && !isDirectory(c.sys, serverPath(c.serverRoot, args[0] ?? ''))) {
      throw nested('DefaultRuntimeDir must be a valid directory, absolute or relative to ServerRoot');
    }
    if (key === 'loadmodule') {
      if (args.length !== 2) throw nested('LoadModule takes two arguments, a module name and the name of a shared object file to load it from');
      const id = args[0]!;
      if (!c.modules.has(id)) c.loadOrder.push(id);
      c.modules.add(id);
      c.modules.add(`mod_${id.replace(/_module$/, '')}.c`);
      continue;
    }
    top().children.push({ name, key, args, file, line: lineNo });
  }
  if (stack.length > 1) {
    const f = top();
    throw new ReadError(`Syntax error on line ${f.line} of ${file}: ${file}:${f.line}: <${f.name}> was not closed.`);
  }
  return root.children;
}
