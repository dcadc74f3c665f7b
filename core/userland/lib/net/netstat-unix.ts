// netstat's UNIX domain socket table as net-tools 2.10 prints it from /proc/net/unix (unix_do_one):
// "%-5s %-6ld %-11s %-10s %-13s " (proto, refcount, flags, type, state), the inode as "%-8lu", -p's
// " %-20s" PID/program, then " PATH". Without -a a listener shows only with -l, and -l shows nothing else.
import type { Sys } from '../../../kernel/abi.ts';
import { readProc } from './nettools.ts';
import { netstatProgram, type SocketOwner } from './proc-owners.ts';

const SO_ACCEPTCON = 0x10000;
const SO_WAITDATA = 0x20000;
const SO_NOSPACE = 0x40000;
const TYPES: Record<number, string> = { 1: 'STREAM', 2: 'DGRAM', 3: 'RAW', 4: 'RDM', 5: 'SEQPACKET' };
const STATES: Record<number, string> = { 0: 'FREE', 2: 'CONNECTING', 3: 'CONNECTED', 4: 'DISCONNECTING' };

export interface UnixTableOptions {
  all: boolean;
  listening: boolean;
  /** -p: the holders of each socket by inode; null without -p. */
  owners: Map<number, SocketOwner[]> | null;
}

/** The rows of /proc/net/unix, one line each, in the file's order. */
export async function unixTable(sys: Sys, o: UnixTableOptions): Promise<string> {
  const text = (await readProc(sys, '/proc/net/unix')) ?? '';
  const lines = text.split('\n');
  const hasInode = lines[0]?.includes('Inode') ?? false;
  let out = '';
  for (const line of lines.slice(1)) {
    if (!line) continue;
    // sscanf("%p: %lX %lX %lX %X %X %lu %s"): the path stops at its first blank.
    const f = line.trim().split(/\s+/);
    if (f.length < 6) continue;
    const refcnt = parseInt(f[1]!, 16);
    const proto = parseInt(f[2]!, 16);
    const flags = parseInt(f[3]!, 16);
    const type = parseInt(f[4]!, 16);
    const state = parseInt(f[5]!, 16);
    const inode = Number(f[6] ?? 0);
    const path = hasInode ? (f[7] ?? '') : String(inode);
    const listener = state === 1 && (flags & SO_ACCEPTCON) !== 0;
    if (!o.all && listener !== o.listening) continue;
    let marks = '[ ';
    if (flags & SO_ACCEPTCON) marks += 'ACC ';
    if (flags & SO_WAITDATA) marks += 'W ';
    if (flags & SO_NOSPACE) marks += 'N ';
    marks += ']';
    const st = state === 1 ? (listener ? 'LISTENING' : '') : (STATES[state] ?? 'UNKNOWN');
    out += `${(proto === 0 ? 'unix' : '??').padEnd(5)} ${String(refcnt).padEnd(6)} ${marks.padEnd(11)} ${(TYPES[type] ?? 'UNKNOWN').padEnd(10)} ` +
      `${st.padEnd(13)} ${hasInode ? String(inode).padEnd(8) : '-       '}`;
    if (o.owners) out += ` ${(hasInode ? netstatProgram(o.owners.get(inode)) : '-').padEnd(20)}`;
    out += ` ${path}\n`;
  }
  return out;
}
