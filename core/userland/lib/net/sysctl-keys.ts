// sysctl(8) key handling as procps 4.0.2 does it: a dotted or slashed key to its /proc/sys path and
// display name, the names -a leaves out unless --deprecated, and the configuration file syntax.

export const PROC_SYS = '/proc/sys/';

/** Swaps '.' and '/' (a key whose first separator is '.' uses '/' inside names, e.g. eth0/1 = eth0.1). */
const swap = (s: string): string => s.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'));

/** The path under /proc/sys and the name sysctl prints for a key as written. */
export function keyPaths(key: string): { path: string; name: string } {
  const firstSep = key.search(/[./]/);
  if (firstSep >= 0 && key[firstSep] === '/') return { path: PROC_SYS + key, name: swap(key) };
  return { path: PROC_SYS + swap(key), name: key };
}

/** A path under /proc/sys back to the dotted name. */
export function pathName(path: string): string {
  return swap(path.slice(PROC_SYS.length));
}

/** Deprecated keys: listed only with --deprecated (procps' DEPRECATED table). */
export function isDeprecated(name: string): boolean {
  const leaf = name.slice(name.lastIndexOf('.') + 1);
  return (leaf === 'base_reachable_time' || leaf === 'retrans_time') && /^net\.ipv[46]\.neigh\./.test(name);
}

export interface Setting {
  key: string;
  value: string;
}

/**
 * Parses a configuration file: blank lines and lines starting with '#' or ';' are skipped, `key = value`
 * with blanks trimmed; a leading '-' on the key is dropped. Bad lines are reported by number.
 */
export function parseConf(text: string): { settings: Setting[]; bad: number[] } {
  const settings: Setting[] = [];
  const bad: number[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line[0] === '#' || line[0] === ';') return;
    const eq = line.indexOf('=');
    if (eq < 0) {
      bad.push(i + 1);
      return;
    }
    let key = line.slice(0, eq).trim();
    if (key.startsWith('-')) key = key.slice(1);
    settings.push({ key, value: line.slice(eq + 1).trim() });
  });
  return { settings, bad };
}

/** --system's directories, in priority order (a name in an earlier one hides the same name later). */
export const SYSTEM_DIRS = ['/etc/sysctl.d', '/run/sysctl.d', '/usr/local/lib/sysctl.d', '/usr/lib/sysctl.d', '/lib/sysctl.d'];
export const SYSTEM_CONF = '/etc/sysctl.conf';
