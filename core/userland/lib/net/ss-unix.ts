// ss(8)'s Unix domain socket rows as iproute2 6.1 prints them from a NETLINK_SOCK_DIAG dump for AF_UNIX
// (Sys.unixDiag): netid u_str / u_dgr / u_seq, the bound name (or `*`) and the socket inode as the local
// address and port, `*` and the peer's inode as the peer's (ss does not name the peer), a space instead
// of the colon between them; -e adds the shutdown state, the socket file's inode and device, and a
// listener's pending connections.

import { SOCK_DGRAM, SOCK_SEQPACKET, type Sys, type UnixDiag } from '../../../kernel/abi.ts';
import type { Db } from './ss-filter.ts';

export interface UnixRow {
  db: Db;
  diag: UnixDiag;
}

const dbOf = (type: number): Db => (type === SOCK_DGRAM ? 'u_dgr' : type === SOCK_SEQPACKET ? 'u_seq' : 'u_str');

/** The dump as rows of the tables asked for. */
export function unixRows(sys: Sys, dbs: readonly Db[]): UnixRow[] {
  const rows: UnixRow[] = [];
  for (const diag of sys.unixDiag()) {
    const db = dbOf(diag.type);
    if (dbs.includes(db)) rows.push({ db, diag });
  }
  return rows;
}

/** How a name shows: an abstract one with `@` for its NULs; none is `*`. */
export function unixName(path: string | null): string {
  if (path === null) return '*';
  return path.startsWith('\0') ? '@' + path.slice(1).replace(/\0/g, '@') : path;
}

/** What -e adds after the peer: ` <->` with `-` for a shut-down direction, the file's ` ino:N dev:MAJ/MIN`, a listener's ` peers:`. */
export function unixDetails(d: UnixDiag): string {
  let s = ` ${d.shutdown & 1 ? '-' : '<'}-${d.shutdown & 2 ? '-' : '>'}`;
  if (d.vfs) s += ` ino:${d.vfs.ino} dev:${(d.vfs.dev >>> 8) & 0xfff}/${(d.vfs.dev & 0xff) | ((d.vfs.dev >>> 12) & 0xfff00)}`;
  if (d.icons) s += ' peers:' + d.icons.map((i) => ` ${i}`).join('');
  return s;
}
