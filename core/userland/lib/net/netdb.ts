// The netbase databases as glibc's "files" service reads them (services(5), protocols(5), rpc(5)): a
// line is a name, a number (a service's "port/protocol") and aliases, blank-separated, '#' starting a
// comment; a line without a valid number is skipped. Lookups answer the first match in file order, as
// getservbyport(3), getservbyname(3), getprotobynumber(3), getprotobyname(3) and getrpcbyname(3) do.
import type { Sys } from '../../../kernel/abi.ts';
import { readFileText } from '../io.ts';

export interface NetdbEntry {
  name: string;
  /** The port (services), the protocol number (protocols) or the program number (rpc). */
  number: number;
  /** The protocol of a service ("tcp", "udp" ...); empty in the other databases. */
  proto: string;
  aliases: string[];
}

export type Netdb = 'services' | 'protocols' | 'rpc';

/** Reads /etc/services, /etc/protocols or /etc/rpc; an unreadable file is an empty database. */
export async function readNetdb(sys: Sys, db: Netdb): Promise<NetdbEntry[]> {
  const text = await readFileText(sys, `/etc/${db}`);
  return typeof text === 'number' ? [] : parseNetdb(text, db);
}

export function parseNetdb(text: string, db: Netdb): NetdbEntry[] {
  const out: NetdbEntry[] = [];
  for (const line of text.split('\n')) {
    const f = line.replace(/#.*/, '').split(/[ \t]+/).filter((x) => x !== '');
    if (f.length < 2) continue;
    const m = db === 'services' ? /^(\d+)\/(\S+)$/.exec(f[1]!) : /^(\d+)$/.exec(f[1]!);
    if (!m) continue;
    // glibc keeps a port in 16 bits (htons) and a number in an int.
    const n = Number(m[1]);
    out.push({ name: f[0]!, number: db === 'services' ? n % 65536 : n | 0, proto: m[2] ?? '', aliases: f.slice(2) });
  }
  return out;
}

/** getservbyport(3): the first service on `port` for `proto` (any protocol when null). */
export function serviceByPort(list: NetdbEntry[], port: number, proto: string | null): NetdbEntry | null {
  return list.find((e) => e.number === port && (proto === null || e.proto === proto)) ?? null;
}

/** getservbyname(3): the first service named or aliased `name` for `proto` (any protocol when null). */
export function serviceByName(list: NetdbEntry[], name: string, proto: string | null): NetdbEntry | null {
  return list.find((e) => (e.name === name || e.aliases.includes(name)) && (proto === null || e.proto === proto)) ?? null;
}

/** getprotobynumber(3), getrpcbynumber(3). */
export function entryByNumber(list: NetdbEntry[], n: number): NetdbEntry | null {
  return list.find((e) => e.number === n) ?? null;
}

/** getprotobyname(3), getrpcbyname(3): the name or an alias, case-sensitive. */
export function entryByName(list: NetdbEntry[], name: string): NetdbEntry | null {
  return list.find((e) => e.name === name || e.aliases.includes(name)) ?? null;
}
