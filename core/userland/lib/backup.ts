// GNU backups (--backup[=CONTROL], -b, -S SUFFIX, $VERSION_CONTROL, $SIMPLE_BACKUP_SUFFIX) as coreutils'
// install makes them: the file about to be replaced is renamed to NAME~ (simple) or NAME.~N~ (numbered;
// "existing" numbers only files that already have numbered backups).
import type { Sys } from '../../kernel/abi.ts';
import { argmatch } from './argmatch.ts';
import type { Proc } from './program.ts';

export type BackupMode = 'none' | 'simple' | 'existing' | 'numbered';
const GROUPS = [['none', 'off'], ['simple', 'never'], ['existing', 'nil'], ['numbered', 't']];
const MODES: BackupMode[] = ['none', 'simple', 'existing', 'numbered'];

const env = (envp: readonly string[], name: string): string | undefined =>
  envp.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1);

/** The backup mode of `--backup=CONTROL` (or -b when `control` is undefined); null once an error is printed. */
export async function backupMode(p: Proc, control: string | undefined): Promise<BackupMode | null> {
  let option = 'backup type';
  let word = control;
  if (word === undefined) {
    word = env(p.envp, 'VERSION_CONTROL');
    option = '$VERSION_CONTROL';
    if (word === undefined || word === '') return 'existing';
  }
  const i = await argmatch(p, option, word, GROUPS);
  return i === null ? null : MODES[i]!;
}

/** The suffix of simple backups: -S SUFFIX, else $SIMPLE_BACKUP_SUFFIX, else "~" (one with a slash is refused). */
export function backupSuffix(envp: readonly string[], option: string | undefined): string {
  const s = option ?? env(envp, 'SIMPLE_BACKUP_SUFFIX') ?? '~';
  return s === '' || s.includes('/') ? '~' : s;
}

/** The name `path` would be backed up as. */
export function backupName(sys: Sys, path: string, mode: BackupMode, suffix: string): string {
  if (mode === 'simple') return path + suffix;
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '.' : path.slice(0, slash + 1) || '/';
  const base = path.slice(slash + 1);
  const fd = sys.open(dir, 0);
  let highest = 0;
  if (fd >= 0) {
    const entries = sys.getdents(fd);
    sys.close(fd);
    if (typeof entries !== 'number') {
      for (const e of entries) {
        if (!e.name.startsWith(`${base}.~`) || !e.name.endsWith('~')) continue;
        const n = e.name.slice(base.length + 2, -1);
        if (/^[1-9][0-9]*$/.test(n)) highest = Math.max(highest, Number(n));
      }
    }
  }
  if (mode === 'existing' && highest === 0) return path + suffix;
  return `${path}.~${highest + 1}~`;
}
