// The account files of shadow-utils (/etc/passwd, /etc/group, /etc/shadow, /etc/gshadow) as editable
// tables of colon-separated fields, with login.defs, id allocation and the days-since-epoch clock.
import { CLOCK_REALTIME, O_CREAT, O_TRUNC, O_WRONLY, utf8Encode, type Sys } from '../../kernel/abi.ts';
import { readFileText, writeAll } from './io.ts';

export type Table = 'passwd' | 'group' | 'shadow' | 'gshadow';

const PATHS: Record<Table, string> = { passwd: '/etc/passwd', group: '/etc/group', shadow: '/etc/shadow', gshadow: '/etc/gshadow' };
const WIDTH: Record<Table, number> = { passwd: 7, group: 4, shadow: 9, gshadow: 4 };

/** One loaded copy of the account files; tables missing on disk are null and never written. */
export class UserDb {
  private readonly rows = new Map<Table, string[][] | null>();
  private readonly dirty = new Set<Table>();

  private constructor(private readonly sys: Sys) {}

  static async load(sys: Sys): Promise<UserDb> {
    const db = new UserDb(sys);
    for (const t of Object.keys(PATHS) as Table[]) {
      const text = await readFileText(sys, PATHS[t]);
      db.rows.set(t, typeof text === 'number' ? null : text.split('\n').filter((l) => l !== '').map((l) => l.split(':')));
    }
    return db;
  }

  has(t: Table): boolean {
    return this.rows.get(t) != null;
  }

  all(t: Table): string[][] {
    return this.rows.get(t) ?? [];
  }

  /** The row whose first field is `name`. */
  find(t: Table, name: string): string[] | undefined {
    return this.all(t).find((r) => r[0] === name);
  }

  user(name: string): string[] | undefined {
    return this.find('passwd', name);
  }

  group(name: string): string[] | undefined {
    return this.find('group', name);
  }

  /** A group by name, or by number when `spec` is all digits. */
  groupBySpec(spec: string): string[] | undefined {
    return /^\d+$/.test(spec) ? this.all('group').find((r) => r[2] === spec) : this.group(spec);
  }

  userById(id: number): string[] | undefined {
    return this.all('passwd').find((r) => Number(r[2]) === id);
  }

  groupById(id: number): string[] | undefined {
    return this.all('group').find((r) => Number(r[2]) === id);
  }

  add(t: Table, row: string[]): void {
    const rows = this.rows.get(t);
    if (!rows) return;
    while (row.length < WIDTH[t]) row.push('');
    rows.push(row);
    this.dirty.add(t);
  }

  remove(t: Table, name: string): void {
    const rows = this.rows.get(t);
    if (!rows) return;
    const i = rows.findIndex((r) => r[0] === name);
    if (i >= 0) rows.splice(i, 1), this.dirty.add(t);
  }

  /** Marks a table changed after its rows were edited in place. */
  touch(t: Table): void {
    if (this.rows.get(t)) this.dirty.add(t);
  }

  /** The member list of a group row (field 3 in group, 3 in gshadow). */
  static members(row: string[], field = 3): string[] {
    return (row[field] ?? '') === '' ? [] : row[field]!.split(',');
  }

  /** Adds or removes `user` in the member lists of group and gshadow. */
  setMember(group: string, user: string, member: boolean): void {
    for (const t of ['group', 'gshadow'] as const) {
      const row = this.find(t, group);
      if (!row) continue;
      const list = UserDb.members(row).filter((m) => m !== user);
      if (member) list.push(user);
      row[3] = list.join(',');
      this.dirty.add(t);
    }
  }

  /** Renames or drops `user` from every member list. */
  dropMember(user: string): void {
    for (const t of ['group', 'gshadow'] as const) {
      for (const row of this.all(t)) {
        const list = UserDb.members(row);
        if (list.includes(user)) {
          row[3] = list.filter((m) => m !== user).join(',');
          this.dirty.add(t);
        }
        if (t === 'gshadow' && row[2] !== undefined && row[2].split(',').includes(user)) {
          row[2] = row[2].split(',').filter((m) => m !== user).join(',');
          this.dirty.add(t);
        }
      }
    }
  }

  /** Names of the groups that list `user` as a member. */
  supplementary(user: string): string[][] {
    return this.all('group').filter((r) => UserDb.members(r).includes(user));
  }

  /** Writes back every changed table; returns 0 or -errno. */
  async save(): Promise<number> {
    for (const t of this.dirty) {
      const rows = this.rows.get(t)!;
      const text = rows.map((r) => r.join(':') + '\n').join('');
      const fd = this.sys.open(PATHS[t], O_WRONLY | O_CREAT | O_TRUNC, t === 'shadow' || t === 'gshadow' ? 0o640 : 0o644);
      if (fd < 0) return fd;
      const r = await writeAll(this.sys, fd, utf8Encode(text));
      this.sys.close(fd);
      if (r < 0) return r;
    }
    this.dirty.clear();
    return 0;
  }
}

/** /etc/login.defs as a map of keys to values (missing file = empty map). */
export async function loginDefs(sys: Sys): Promise<Map<string, string>> {
  const defs = new Map<string, string>();
  const text = await readFileText(sys, '/etc/login.defs');
  if (typeof text === 'number') return defs;
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z_]+)\s+(\S+)/.exec(line);
    if (m) defs.set(m[1]!, m[2]!);
  }
  return defs;
}

export interface IdRange {
  min: number;
  max: number;
  system: boolean;
}

/** The id range login.defs gives for users ('UID') or groups ('GID'), system or normal. */
export function idRange(defs: Map<string, string>, kind: 'UID' | 'GID', system: boolean): IdRange {
  const num = (k: string, d: number): number => (defs.has(k) ? Number(defs.get(k)) : d);
  const min = num(`${kind}_MIN`, 1000);
  if (system) return { min: num(`SYS_${kind}_MIN`, 101), max: num(`SYS_${kind}_MAX`, min - 1), system };
  return { min, max: num(`${kind}_MAX`, 60000), system };
}

/**
 * A free id as shadow-utils 4.13 picks one: normal ids go one above the highest used in the range
 * (or the lowest free when that overflows), system ids take the highest free one.
 */
export function freeId(used: Set<number>, r: IdRange, preferred?: number): number | null {
  if (preferred !== undefined && preferred >= r.min && preferred <= r.max && !used.has(preferred)) return preferred;
  if (r.system) {
    for (let id = r.max; id >= r.min; id--) if (!used.has(id)) return id;
    return null;
  }
  let top = r.min - 1;
  for (const id of used) if (id >= r.min && id <= r.max && id > top) top = id;
  if (top < r.max) return top + 1;
  for (let id = r.min; id <= r.max; id++) if (!used.has(id)) return id;
  return null;
}

/** The ids used in a table (field 2). */
export const usedIds = (db: UserDb, t: 'passwd' | 'group'): Set<number> => new Set(db.all(t).map((r) => Number(r[2])));

/** Days since the epoch, the unit of the shadow file's date fields. */
export const today = (sys: Sys): number => Math.floor(sys.clockGettime(CLOCK_REALTIME) / 86400e9);

/** The user-name rule of Debian's shadow (a relaxed NAME_REGEX): no leading '-', no ':' ',' or blanks. */
export function validName(name: string): boolean {
  return /^[A-Za-z0-9_.][A-Za-z0-9_.-]*\$?$/.test(name) && name.length <= 32 && !/^\d+$/.test(name);
}
