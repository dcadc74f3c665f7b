// User and group names from /etc/passwd and /etc/group (read synchronously with pread).
import { utf8Decode, type Sys } from '../../kernel/abi.ts';

function readSmall(sys: Sys, path: string): string {
  const fd = sys.open(path, 0);
  if (fd < 0) return '';
  const buf = new Uint8Array(65536);
  const n = sys.pread(fd, buf, 0);
  sys.close(fd);
  return n > 0 ? utf8Decode(buf.subarray(0, n)) : '';
}

function lookup(sys: Sys, path: string, id: number): string {
  for (const line of readSmall(sys, path).split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && Number(f[2]) === id) return f[0]!;
  }
  return String(id);
}

export const userName = (sys: Sys, uid: number): string => lookup(sys, '/etc/passwd', uid);
export const groupName = (sys: Sys, gid: number): string => lookup(sys, '/etc/group', gid);

/** The passwd entry of a user by name or uid: [name, uid, gid, home, shell]. */
export function passwdEntry(sys: Sys, who: string | number): { name: string; uid: number; gid: number; home: string; shell: string } | null {
  for (const line of readSmall(sys, '/etc/passwd').split('\n')) {
    const f = line.split(':');
    if (f.length < 7) continue;
    if (f[0] === who || Number(f[2]) === who) return { name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5]!, shell: f[6]! };
  }
  return null;
}

/** The groups a user is a listed member of in /etc/group (getgrouplist's supplementary ones), in file order. */
export function memberGroups(sys: Sys, name: string): number[] {
  const out: number[] = [];
  for (const line of readSmall(sys, '/etc/group').split('\n')) {
    const f = line.split(':');
    if (f.length >= 4 && f[3]!.split(',').includes(name)) out.push(Number(f[2]));
  }
  return out;
}
