// named.conf as BIND 9 reads it: statements of words and `{ ... }` blocks ended by `;`, with C, C++ and
// shell comments and `include "FILE";`, turned into what Netloom's named uses (options, acls, zones).
// Options it does not know are accepted and ignored, as labels written for older BIND (dnssec-enable,
// dnssec-lookaside, filter-aaaa-on-v4) must keep working. Syntax errors come back as named's messages.
import { inetAton } from '../net/resolve.ts';
import { absoluteName, nameToLabels } from './message.ts';

export interface ConfStmt {
  words: string[];
  block: ConfStmt[] | null;
  file: string;
  line: number;
}

interface Tok {
  t: string;
  str: boolean;
  line: number;
}

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === '\n') line++;
        i++;
      }
      i += 2;
      continue;
    }
    if (c === '{' || c === '}' || c === ';') {
      out.push({ t: c, str: false, line });
      i++;
      continue;
    }
    if (c === '"') {
      let s = '';
      const start = line;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\n') line++;
        if (text[i] === '\\' && i + 1 < text.length) i++;
        s += text[i];
        i++;
      }
      i++;
      out.push({ t: s, str: true, line: start });
      continue;
    }
    let s = '';
    while (i < text.length && !/[\s{};"]/.test(text[i]!) && !(text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) && text[i] !== '#') {
      s += text[i];
      i++;
    }
    out.push({ t: s, str: false, line });
  }
  return out;
}

export interface ConfParse {
  statements: ConfStmt[];
  /** named's message for the first error (`FILE:LINE: ...`), or null. */
  error: string | null;
}

/** Parses `text` (from `file`), reading includes with `read` (null: cannot be opened). */
export function parseConf(text: string, file: string, read: (path: string) => string | null, depth = 0): ConfParse {
  const toks = tokenize(text);
  let p = 0;
  let error: string | null = null;
  const fail = (line: number, msg: string) => {
    error ??= `${file}:${line}: ${msg}`;
  };
  const lastLine = toks.length ? toks[toks.length - 1]!.line : 1;
  function block(top: boolean): ConfStmt[] {
    const list: ConfStmt[] = [];
    while (p < toks.length && error === null) {
      const tk = toks[p]!;
      if (tk.t === '}' && !tk.str) {
        if (top) fail(tk.line, "unexpected token near '}'");
        return list;
      }
      if (tk.t === ';' && !tk.str) {
        p++;
        continue;
      }
      const stmt: ConfStmt = { words: [], block: null, file, line: tk.line };
      while (p < toks.length) {
        const w = toks[p]!;
        if (!w.str && w.t === ';') break;
        if (!w.str && w.t === '}') {
          fail(w.line, "missing ';' before '}'");
          return list;
        }
        if (!w.str && w.t === '{') {
          p++;
          stmt.block = block(false);
          if (error !== null) return list;
          if (p >= toks.length) {
            fail(lastLine, "unexpected end of input");
            return list;
          }
          p++; // '}'
          const next = toks[p];
          if (!next || next.str || next.t !== ';') {
            fail(next?.line ?? lastLine, `missing ';' before ${next ? `'${next.t}'` : 'end of file'}`);
            return list;
          }
          break;
        }
        stmt.words.push(w.t);
        p++;
      }
      if (p >= toks.length && error === null) {
        fail(lastLine, stmt.block ? 'unexpected end of input' : "missing ';' before end of file");
        return list;
      }
      p++; // ';'
      if (top && stmt.words[0] === 'include' && stmt.block === null) {
        const path = stmt.words[1] ?? '';
        const body = depth < 16 ? read(path) : null;
        if (body === null) {
          fail(stmt.line, `open: ${path}: file not found`);
          return list;
        }
        const sub = parseConf(body, path, read, depth + 1);
        if (sub.error) {
          error = sub.error;
          return list;
        }
        list.push(...sub.statements);
        continue;
      }
      list.push(stmt);
    }
    if (!top && error === null) fail(lastLine, 'unexpected end of input');
    return list;
  }
  const statements = block(true);
  return { statements, error };
}

// ------------------------------------------------------------------------------ address match lists

export type MatchElement =
  | { k: 'any' | 'none' | 'localhost' | 'localnets' }
  | { k: 'prefix'; addr: number; len: number }
  | { k: 'acl'; name: string }
  | { k: 'list'; items: MatchItem[] };

export interface MatchItem {
  negated: boolean;
  el: MatchElement;
}

export function parseMatchList(stmts: ConfStmt[]): MatchItem[] {
  const out: MatchItem[] = [];
  for (const s of stmts) {
    if (s.block) {
      out.push({ negated: s.words[0] === '!', el: { k: 'list', items: parseMatchList(s.block) } });
      continue;
    }
    let w = s.words.join('');
    const negated = w.startsWith('!');
    if (negated) w = w.slice(1);
    if (w === 'any' || w === 'none' || w === 'localhost' || w === 'localnets') out.push({ negated, el: { k: w } });
    else {
      const m = /^([\d.]+)(?:\/(\d+))?$/.exec(w);
      const parts = m ? m[1]!.split('.') : [];
      if (m && parts.length <= 4) {
        while (parts.length < 4) parts.push('0');
        const a = inetAton(parts.join('.'));
        const len = m[2] !== undefined ? Number(m[2]) : 32;
        if (a !== null && len <= 32) {
          out.push({ negated, el: { k: 'prefix', addr: a, len } });
          continue;
        }
      }
      out.push({ negated, el: { k: 'acl', name: w } });
    }
  }
  return out;
}

export interface MatchContext {
  /** The guest's own addresses with their prefix lengths. */
  locals: Array<{ addr: number; len: number }>;
  acls: Map<string, MatchItem[]>;
}

function inPrefix(a: number, p: number, len: number): boolean {
  if (len === 0) return true;
  const shift = 32 - len;
  return Math.floor(a / 2 ** shift) === Math.floor(p / 2 ** shift);
}

/** true: matched (allow), false: a nested list matched negatively (deny), null: no match. */
function elementMatches(el: MatchElement, addr: number, ctx: MatchContext, depth: number): boolean | null {
  switch (el.k) {
    case 'any': return true;
    case 'none': return null;
    case 'localhost': return ctx.locals.some((l) => l.addr === addr) || (addr >>> 24) === 127 ? true : null;
    case 'localnets': return ctx.locals.some((l) => inPrefix(addr, l.addr, l.len)) || (addr >>> 24) === 127 ? true : null;
    case 'prefix': return inPrefix(addr, el.addr, el.len) ? true : null;
    case 'acl': {
      const list = ctx.acls.get(el.name);
      return !list || depth > 16 ? null : evalList(list, addr, ctx, depth + 1);
    }
    case 'list': return evalList(el.items, addr, ctx, depth + 1);
  }
}

/** First match wins: true (allowed), false (denied), null (no element matched). */
function evalList(items: MatchItem[], addr: number, ctx: MatchContext, depth: number): boolean | null {
  for (const it of items) {
    const m = elementMatches(it.el, addr, ctx, depth);
    if (m === null) continue;
    // A negated element that matches denies; a nested list that denies stays a denial either way.
    return it.negated ? false : m;
  }
  return null;
}

export function matchAddress(items: MatchItem[], addr: number, ctx: MatchContext): boolean {
  return evalList(items, addr, ctx, 0) === true;
}

// -------------------------------------------------------------------------------------- the model

export interface ZoneConf {
  name: string;
  type: string;
  file: string | null;
  forwarders: number[];
  forwardOnly: boolean;
  line: number;
  confFile: string;
}

export interface NamedConf {
  directory: string;
  recursion: boolean;
  allowRecursion: MatchItem[] | null;
  allowQuery: MatchItem[] | null;
  forwarders: number[];
  forwardOnly: boolean;
  emptyZones: boolean;
  acls: Map<string, MatchItem[]>;
  zones: ZoneConf[];
}

function forwarderList(stmts: ConfStmt[] | null): number[] {
  const out: number[] = [];
  for (const s of stmts ?? []) {
    const a = /^\d+\.\d+\.\d+\.\d+$/.test(s.words[0] ?? '') ? inetAton(s.words[0]!) : null;
    if (a !== null) out.push(a);
  }
  return out;
}

const ZONE_TYPES = new Set(['master', 'primary', 'slave', 'secondary', 'hint', 'forward', 'stub', 'static-stub', 'redirect', 'mirror', 'delegation-only']);

/** The configuration from parsed statements; a string is named's message for an error in it. */
export function namedConf(stmts: ConfStmt[]): NamedConf | string {
  const conf: NamedConf = {
    directory: '.', recursion: true, allowRecursion: null, allowQuery: null, forwarders: [], forwardOnly: false,
    emptyZones: true, acls: new Map(), zones: [],
  };
  const yes = (w: string | undefined) => w === 'yes' || w === 'true' || w === '1';
  let sawOptions = false;
  for (const s of stmts) {
    const kw = s.words[0];
    if (kw === 'options') {
      if (sawOptions) return `${s.file}:${s.line}: 'options' redefined`;
      sawOptions = true;
      for (const o of s.block ?? []) {
        const [k, v] = o.words;
        if (k === 'directory' && v !== undefined) conf.directory = v;
        else if (k === 'recursion') conf.recursion = yes(v);
        else if (k === 'allow-recursion') conf.allowRecursion = parseMatchList(o.block ?? []);
        else if (k === 'allow-query') conf.allowQuery = parseMatchList(o.block ?? []);
        else if (k === 'forwarders') conf.forwarders = forwarderList(o.block);
        else if (k === 'forward') conf.forwardOnly = v === 'only';
        else if (k === 'empty-zones-enable') conf.emptyZones = yes(v);
      }
    } else if (kw === 'acl' && s.words[1] !== undefined) {
      conf.acls.set(s.words[1], parseMatchList(s.block ?? []));
    } else if (kw === 'zone') {
      const raw = s.words[1];
      if (raw === undefined) return `${s.file}:${s.line}: zone: missing zone name`;
      const name = absoluteName(raw === '.' ? '.' : raw.replace(/\.$/, ''), '.');
      if (!nameToLabels(name)) return `${s.file}:${s.line}: '${raw}' is not a valid name`;
      const z: ZoneConf = { name, type: '', file: null, forwarders: [], forwardOnly: false, line: s.line, confFile: s.file };
      for (const o of s.block ?? []) {
        const [k, v] = o.words;
        if (k === 'type' && v !== undefined) z.type = v;
        else if (k === 'file' && v !== undefined) z.file = v;
        else if (k === 'forwarders') z.forwarders = forwarderList(o.block);
        else if (k === 'forward') z.forwardOnly = v === 'only';
      }
      if (!z.type) return `${s.file}:${s.line}: zone '${raw}': type not present`;
      if (!ZONE_TYPES.has(z.type)) return `${s.file}:${s.line}: '${z.type}' unexpected`;
      if (z.type === 'primary') z.type = 'master';
      if (z.type === 'secondary') z.type = 'slave';
      if ((z.type === 'master' || z.type === 'hint') && z.file === null) {
        return `${s.file}:${s.line}: zone '${raw}': missing 'file' entry`;
      }
      if (z.type === 'forward' && z.forwarders.length > 0 && !s.block?.some((o) => o.words[0] === 'forward')) z.forwardOnly = false;
      conf.zones.push(z);
    }
  }
  return conf;
}
