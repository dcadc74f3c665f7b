// Shell variables: scalars, indexed and associative arrays, attributes (export, readonly, integer,
// lower/upper case), and the stack of function scopes that `local` creates.

import { bashKeyOrder } from './assoc-order.ts';

export type VarValue = string | Map<number, string> | Map<string, string>;

export const EXPORTED = 1, READONLY = 2, INTEGER = 4;
const ASSOC = 8, INDEXED = 16, LOWER = 32, UPPER = 64, NAMEREF = 128;
/** A frozen variable shared by the global scopes of many shells (see sharedVar). */
const SHARED = 256;

/**
 * A variable: its value and its attributes. The attributes are bits of one number (a shell holds dozens of
 * variables and a fork copies them all), read and set as booleans.
 */
export class Var {
  /** undefined: declared but unset (declare x) */
  value: VarValue | undefined;
  private flags: number;

  constructor(value: VarValue | undefined, flags = 0) {
    this.value = value;
    this.flags = flags;
  }

  /** A copy with its own array (a forked shell's), never shared. */
  copy(): Var {
    const value = this.value instanceof Map ? new Map(this.value as Map<string, string>) : this.value;
    return new Var(value as VarValue | undefined, this.flags & ~SHARED);
  }

  /** Frozen and shared between shells: changed only through a copy (VarStore.owned). */
  get shared(): boolean { return (this.flags & SHARED) !== 0; }

  private flag(bit: number, on: boolean): void {
    this.flags = on ? this.flags | bit : this.flags & ~bit;
  }

  get exported(): boolean { return (this.flags & EXPORTED) !== 0; }
  set exported(on: boolean) { this.flag(EXPORTED, on); }
  get readonly(): boolean { return (this.flags & READONLY) !== 0; }
  set readonly(on: boolean) { this.flag(READONLY, on); }
  get integer(): boolean { return (this.flags & INTEGER) !== 0; }
  set integer(on: boolean) { this.flag(INTEGER, on); }
  get assoc(): boolean { return (this.flags & ASSOC) !== 0; }
  set assoc(on: boolean) { this.flag(ASSOC, on); }
  get indexed(): boolean { return (this.flags & INDEXED) !== 0; }
  set indexed(on: boolean) { this.flag(INDEXED, on); }
  get lower(): boolean { return (this.flags & LOWER) !== 0; }
  set lower(on: boolean) { this.flag(LOWER, on); }
  get upper(): boolean { return (this.flags & UPPER) !== 0; }
  set upper(on: boolean) { this.flag(UPPER, on); }
  get nameref(): boolean { return (this.flags & NAMEREF) !== 0; }
  set nameref(on: boolean) { this.flag(NAMEREF, on); }
}

export function newVar(value: VarValue | undefined): Var {
  return new Var(value, value instanceof Map && value.size > 0 && !isIndexed(value) ? ASSOC : 0);
}

function isIndexed(v: Map<number, string> | Map<string, string>): boolean {
  for (const k of v.keys()) return typeof k === 'number';
  return false;
}

/** A variable for a copy of the scopes (a fork's): its own copy, or the same one when it is shared. */
export function cloneVar(v: Var): Var {
  return v.shared ? v : v.copy();
}

/**
 * Scalar variables that many shells start with alike (HOME=/root exported, UID=0 readonly, SHLVL=1 ...):
 * one frozen Var per value and attributes, shared once a value has been met twice, within bounds. A
 * store holds one in its global scope until it is asked for it to change it (VarStore.owned makes a
 * copy then). The table keeps the values used last: a guest's own values (its host name, met twice as
 * a shell starts) would otherwise fill it for good after a few hundred guests.
 */
const SHARED_VARS = new Map<number, Map<string, Var>>();
const SEEN_VARS = new Map<number, Set<string>>();
const SHARED_VARS_MAX = 256;
const SEEN_VARS_MAX = 1024;
const SHARED_VALUE_MAX = 256;
/** The key of a variable declared without a value (no value holds a NUL). */
const NO_VALUE = '\0';
let sharedCount = 0;

/** A variable with this value and EXPORTED/READONLY `flags`: a shared one when there is one or room. */
export function sharedVar(value: string | undefined, flags: number): Var {
  const key = value ?? NO_VALUE;
  if (key.length > SHARED_VALUE_MAX) return new Var(value, flags);
  let shared = SHARED_VARS.get(flags);
  const known = shared?.get(key);
  if (known) {
    // Used again: to the end of the table's order, away from eviction.
    shared!.delete(key);
    shared!.set(key, known);
    return known;
  }
  let seen = SEEN_VARS.get(flags);
  if (!seen) SEEN_VARS.set(flags, (seen = new Set()));
  if (!seen.has(key)) {
    if (seen.size >= SEEN_VARS_MAX) seen.clear();
    seen.add(key);
    return new Var(value, flags);
  }
  seen.delete(key);
  if (sharedCount >= SHARED_VARS_MAX) evictShared();
  if (!shared) SHARED_VARS.set(flags, (shared = new Map()));
  const v = new Var(value, flags | SHARED);
  Object.freeze(v);
  shared.set(key, v);
  sharedCount++;
  return v;
}

/** Forgets the shared value used longest ago (in the fullest table); stores holding it keep it. */
function evictShared(): void {
  let fullest: Map<string, Var> | undefined;
  for (const t of SHARED_VARS.values()) if (!fullest || t.size > fullest.size) fullest = t;
  const oldest = fullest?.keys().next();
  if (!fullest || !oldest || oldest.done) return;
  fullest.delete(oldest.value);
  sharedCount--;
}

function copyTables(tables: ReadonlyArray<Map<string, Var>>): Array<Map<string, Var>> {
  const out: Array<Map<string, Var>> = [];
  for (const table of tables) {
    const m = new Map<string, Var>();
    for (const [k, v] of table) m.set(k, cloneVar(v));
    out.push(m);
  }
  return out;
}

/**
 * Scope chain: index 0 is the global scope; function calls push scopes for their locals.
 *
 * A store made by borrow() reads its parent's tables until it is asked for anything it could change
 * (a variable object, a scope), and copies them then: a child forked only to run a program reads a few
 * variables and never changes one, while its parent waits (exec.ts, runExternal).
 *
 * Below the global scope a store may read shared defaults (see useDefaults): variables every new shell
 * sets to the same value (BASH_VERSION, PS2 ...), frozen and shared by the shells of an image. One is
 * copied into the global scope when it is asked for to be changed (get, lookup); an unset one is hidden.
 * They are never exported (an exported one is a copy), so the environment needs only the scopes.
 */
export class VarStore {
  private tables: Array<Map<string, Var>>;
  private borrowed = false;
  private defaults: ReadonlyMap<string, Var> | null = null;
  /** Defaults unset in this store. */
  private hidden: Set<string> | null = null;

  constructor(tables: Array<Map<string, Var>> = [new Map()]) {
    this.tables = tables;
  }

  /** Gives a new store its shared defaults (frozen variables; names the global scope holds win). */
  useDefaults(defaults: ReadonlyMap<string, Var>): void {
    this.defaults = defaults;
  }

  /** The shared defaults given by useDefaults, if any. */
  get sharedDefaults(): ReadonlyMap<string, Var> | null {
    return this.defaults;
  }

  /** The scopes, innermost last, to change or to hand out variables from. */
  get scopes(): Array<Map<string, Var>> {
    this.own();
    return this.tables;
  }

  /** The scopes only to read (without the defaults, which are never exported). */
  readScopes(): ReadonlyArray<ReadonlyMap<string, Var>> {
    return this.tables;
  }

  clone(): VarStore {
    return this.withDefaults(new VarStore(copyTables(this.tables)), this.hidden && new Set(this.hidden));
  }

  /** A store reading these tables until it changes something (see the class comment). */
  borrow(): VarStore {
    const s = this.withDefaults(new VarStore(this.tables), this.hidden);
    s.borrowed = true;
    return s;
  }

  private withDefaults(s: VarStore, hidden: Set<string> | null): VarStore {
    s.defaults = this.defaults;
    s.hidden = hidden;
    return s;
  }

  /** Takes copies of the tables a borrower may still read, so that changes here stay out of its sight. */
  unshare(): void {
    this.tables = copyTables(this.tables);
    if (this.hidden) this.hidden = new Set(this.hidden);
  }

  private own(): void {
    if (this.borrowed) {
      this.tables = copyTables(this.tables);
      if (this.hidden) this.hidden = new Set(this.hidden);
      this.borrowed = false;
    }
  }

  /** The shared default `name` stands for here, if no scope holds the name and it was not unset. */
  private defaultOf(name: string): Var | undefined {
    const d = this.defaults?.get(name);
    return d !== undefined && !this.hidden?.has(name) ? d : undefined;
  }

  /**
   * `v` (found by find), made this store's own when it is a shared default or a shared variable (which
   * only the global scope holds): a copy in the global scope.
   */
  private owned(name: string, v: Var | undefined): Var | undefined {
    if (v === undefined || (!v.shared && this.defaults?.get(name) !== v)) return v;
    const c = v.copy();
    this.tables[0]!.set(name, c);
    return c;
  }

  /**
   * The variable a name finally stands for: a nameref (`declare -n ref=x`) with a variable name as its
   * value is followed (up to a few steps, as bash stops reference loops); any other name is itself.
   */
  resolve(name: string): string {
    let cur = name;
    for (let i = 0; i < 8; i++) {
      const v = this.find(cur);
      if (!v?.nameref || typeof v.value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*(\[.*\])?$/s.test(v.value)) return cur;
      cur = v.value;
    }
    return cur;
  }

  private find(name: string): Var | undefined {
    const tables = this.tables;
    for (let i = tables.length - 1; i >= 0; i--) {
      const v = tables[i]!.get(name);
      if (v) return v;
    }
    return this.defaults === null ? undefined : this.defaultOf(name);
  }

  /** The variable `name` visible here is a readonly one of the global scope (no function's local). */
  readonlyGlobal(name: string): boolean {
    const tables = this.tables;
    for (let i = tables.length - 1; i > 0; i--) if (tables[i]!.has(name)) return false;
    const v = tables[0]!.get(name) ?? (this.defaults === null ? undefined : this.defaultOf(name));
    return v?.readonly === true;
  }

  /** The variable called `name` itself, namerefs not followed. */
  lookup(name: string): Var | undefined {
    this.own();
    return this.owned(name, this.find(name));
  }

  /** The scope holding `name`, or the global scope. */
  scopeOf(ref: string): Map<string, Var> {
    const name = this.resolve(ref);
    const tables = this.scopes;
    for (let i = tables.length - 1; i > 0; i--) if (tables[i]!.has(name)) return tables[i]!;
    return tables[0]!;
  }

  /** The variable `name` stands for (namerefs followed). */
  get(name: string): Var | undefined {
    this.own();
    const target = this.resolve(name);
    return this.owned(target, this.find(target));
  }

  /** get() only to read the variable: never to change it or keep it. */
  peek(name: string): Var | undefined {
    return this.find(this.resolve(name));
  }

  /** Creates or replaces in the innermost scope holding it (the global scope when none). */
  put(ref: string, v: Var): void {
    const name = this.resolve(ref);
    this.scopeOf(name).set(name, v);
  }

  declareLocal(name: string): Var {
    const tables = this.scopes;
    const top = tables[tables.length - 1]!;
    let v = top.get(name);
    if (!v) {
      const outer = this.find(name);
      v = newVar(undefined);
      if (outer) v.exported = outer.exported;
      top.set(name, v);
    }
    return v;
  }

  /** Unsets what `ref` stands for (the nameref itself with `self`, as `unset -n` does). */
  unset(ref: string, self = false): boolean {
    const name = self ? ref : this.resolve(ref);
    const tables = this.scopes;
    for (let i = tables.length - 1; i >= 0; i--) {
      const scope = tables[i]!;
      if (scope.has(name)) {
        if (i > 0) {
          // Unsetting a local leaves it unset in that scope (bash's dynamic scoping).
          const v = scope.get(name)!;
          v.value = undefined;
          return true;
        }
        scope.delete(name);
        if (this.defaults?.has(name)) (this.hidden ??= new Set()).add(name);
        return true;
      }
    }
    if (this.defaultOf(name) === undefined) return false;
    (this.hidden ??= new Set()).add(name);
    return true;
  }

  pushScope(): void {
    this.scopes.push(new Map());
  }

  popScope(): void {
    const tables = this.scopes;
    if (tables.length > 1) tables.pop();
  }

  /** Every visible variable name, sorted (C locale). */
  names(): string[] {
    const set = new Set<string>();
    for (const s of this.tables) for (const k of s.keys()) set.add(k);
    if (this.defaults) for (const k of this.defaults.keys()) if (this.defaultOf(k)) set.add(k);
    return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/** The scalar value of a variable: element 0 for indexed arrays, key "0" for associative ones. */
export function scalarOf(v: Var | undefined): string | undefined {
  if (!v || v.value === undefined) return undefined;
  if (typeof v.value === 'string') return v.value;
  return (v.value as Map<unknown, string>).get(v.assoc ? '0' : 0);
}

/** Array elements in index order. */
export function arrayValues(v: Var | undefined): string[] {
  if (!v || v.value === undefined) return [];
  if (typeof v.value === 'string') return [v.value];
  if (v.assoc) {
    const map = v.value as Map<string, string>;
    return bashKeyOrder(map.keys()).map((k) => map.get(k)!);
  }
  return [...(v.value as Map<number, string>).entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

export function arrayKeys(v: Var | undefined): string[] {
  if (!v || v.value === undefined) return [];
  if (typeof v.value === 'string') return ['0'];
  if (v.assoc) return bashKeyOrder((v.value as Map<string, string>).keys());
  return [...(v.value as Map<number, string>).keys()].sort((a, b) => a - b).map(String);
}
