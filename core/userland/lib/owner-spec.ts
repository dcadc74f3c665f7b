// The OWNER[:GROUP] argument of chown and the GROUP of chgrp: names from /etc/passwd and /etc/group
// or numbers, with GNU's "invalid user" / "invalid group" / "invalid spec" outcomes.
import { utf8Decode, type Sys } from '../../kernel/abi.ts';
import { passwdEntry } from './users.ts';

function groupLines(sys: Sys): string[][] {
  const fd = sys.open('/etc/group', 0);
  if (fd < 0) return [];
  const buf = new Uint8Array(65536);
  const n = sys.pread(fd, buf, 0);
  sys.close(fd);
  return n > 0 ? utf8Decode(buf.subarray(0, n)).split('\n').map((l) => l.split(':')) : [];
}

/** A group name or number to a gid; null when unknown. */
export function lookupGroup(sys: Sys, name: string): number | null {
  for (const f of groupLines(sys)) if (f[0] === name && f.length >= 3) return Number(f[2]);
  if (/^\d+$/.test(name)) return Number(name);
  return null;
}

/** A user name or number to a uid (and the login group); null when unknown. */
export function lookupUser(sys: Sys, name: string): { uid: number; gid: number | null } | null {
  const e = passwdEntry(sys, name);
  if (e && e.name === name) return { uid: e.uid, gid: e.gid };
  if (/^\d+$/.test(name)) return { uid: Number(name), gid: null };
  return null;
}

export type OwnerSpec = { uid: number; gid: number } | { error: string };

/** Parses chown's OWNER, OWNER:GROUP, OWNER:, :GROUP (also '.' as separator); -1 = unchanged. */
export function parseOwnerSpec(sys: Sys, spec: string, quoteFn: (s: string) => string): OwnerSpec {
  let sep = spec.indexOf(':');
  if (sep < 0 && spec.includes('.') && !lookupUser(sys, spec)) sep = spec.indexOf('.');
  const user = sep < 0 ? spec : spec.slice(0, sep);
  const group = sep < 0 ? '' : spec.slice(sep + 1);
  let uid = -1;
  let gid = -1;
  if (user !== '') {
    const u = lookupUser(sys, user);
    if (!u) return { error: `invalid user: ${quoteFn(spec)}` };
    uid = u.uid;
    if (sep >= 0 && group === '') {
      if (u.gid === null) return { error: `invalid spec: ${quoteFn(spec)}` };
      gid = u.gid;
    }
  }
  if (group !== '') {
    const g = lookupGroup(sys, group);
    if (g === null) return { error: `invalid group: ${quoteFn(spec)}` };
    gid = g;
  }
  return { uid, gid };
}
