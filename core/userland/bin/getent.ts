// getent(1) from glibc 2.36 for the "files" databases: passwd, group, shadow, gshadow, hosts, services,
// protocols, rpc, networks; keys by name or number; exit 2 when a key is not found. services, protocols
// and rpc print their entries in glibc's columns (lib/net/netdb.ts reads them).
import type { Program } from '../../kernel/abi.ts';
import { getopt } from '../lib/getopt.ts';
import { GETENT_HELP, GETENT_USAGE, GETENT_VERSION } from '../lib/help/libc-bin.ts';
import { readFileText } from '../lib/io.ts';
import { Proc } from '../lib/program.ts';
import { entryByName, entryByNumber, readNetdb, serviceByName, serviceByPort, type Netdb, type NetdbEntry } from '../lib/net/netdb.ts';

const FILES: Record<string, string> = { passwd: '/etc/passwd', group: '/etc/group', shadow: '/etc/shadow', gshadow: '/etc/gshadow',
  hosts: '/etc/hosts', networks: '/etc/networks' };

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const hint = "Try `getent --help' or `getent --usage' for more information.\n";
  const r = getopt(argv, 'Ais:V?', [{ name: 'no-addrconfig', key: 'A' }, { name: 'no-idn', key: 'i' },
    { name: 'service', arg: 'required', key: 's' }, { name: 'help', key: '?' }, { name: 'usage' }, { name: 'version', key: 'V' }]);
  // argp answers --help, --usage and -V as it meets them; a bad option is EX_USAGE (64).
  for (const o of r.opts) {
    const text = o.key === '?' ? GETENT_HELP : o.key === 'usage' ? GETENT_USAGE : o.key === 'V' ? GETENT_VERSION : null;
    if (text !== null) {
      await p.out.write(text);
      return p.finish(0);
    }
  }
  if (r.error) {
    await p.error(r.error);
    await p.err.write(hint);
    return p.finish(64);
  }
  const args = r.operands;
  const db = args[0];
  if (db === undefined) {
    await p.error('wrong number of arguments');
    await p.err.write(hint);
    return p.finish(1);
  }
  if (db === 'services' || db === 'protocols' || db === 'rpc') return p.finish(await netdb(p, db, args.slice(1)));
  const path = FILES[db];
  if (!path) {
    await p.err.write(`Unknown database: ${db}\n${hint}`);
    return p.finish(1);
  }
  const text = await readFileText(sys, path);
  const lines = typeof text === 'number' ? [] : text.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const keys = args.slice(1);
  if (keys.length === 0) {
    for (const l of lines) await p.out.write((db === 'hosts' ? hostLine(l) : l) + '\n');
    return p.finish(0);
  }
  let status = 0;
  for (const key of keys) {
    const hit = lines.find((l) => matches(db, l, key));
    if (hit === undefined) status = 2;
    else await p.out.write((db === 'hosts' ? hostLine(hit, key) : hit) + '\n');
  }
  return p.finish(status);
};

function matches(db: string, line: string, key: string): boolean {
  if (db === 'passwd' || db === 'group') {
    const f = line.split(':');
    return f[0] === key || (/^\d+$/.test(key) && Number(f[2]) === Number(key));
  }
  if (db === 'shadow' || db === 'gshadow') return line.split(':')[0] === key;
  const f = line.split('#')[0]!.trim().split(/\s+/);
  if (db === 'hosts') return f[0] === key || f.slice(1).includes(key);
  return f[0] === key || f[1] === key || f.slice(2).includes(key);
}

/** glibc prints a hosts entry as the address padded to 15 columns, then the names. */
function hostLine(line: string, key?: string): string {
  const f = line.split('#')[0]!.trim().split(/\s+/);
  void key;
  return `${f[0]!.padEnd(15)} ${f.slice(1).join(' ')}`;
}

/** glibc's getent columns: "%-21s %d/%s" for a service, "%-21s %d" for a protocol, "%-15s %d " for rpc, then " alias" each. */
function netdbLine(db: Netdb, e: NetdbEntry): string {
  const head = db === 'services' ? `${e.name.padEnd(21)} ${e.number}/${e.proto}` : db === 'protocols' ? `${e.name.padEnd(21)} ${e.number}`
    : `${e.name.padEnd(15)} ${e.number}${e.aliases.length ? ' ' : ''}`;
  return head + e.aliases.map((a) => ` ${a}`).join('') + '\n';
}

/** atol(): the leading decimal digits, saturated at LONG_MAX, then kept in an int as glibc passes it. */
const atolInt = (key: string): number => {
  const n = BigInt(/^\d*/.exec(key)![0] || '0');
  return Number(BigInt.asIntN(32, n > 0x7fffffffffffffffn ? 0x7fffffffffffffffn : n));
};

/**
 * services, protocols and rpc: every entry in file order without keys; otherwise for each key a service
 * as NAME or PORT with an optional "/PROTO" (a port when the key starts with a digit, is all digits and
 * fits 16 bits), a protocol or program by number when the key starts with a digit (atol), else by name.
 */
async function netdb(p: Proc, db: Netdb, keys: string[]): Promise<number> {
  const list = await readNetdb(p.sys, db);
  if (keys.length === 0) {
    for (const e of list) await p.out.write(netdbLine(db, e));
    return 0;
  }
  let status = 0;
  for (const key of keys) {
    let hit: NetdbEntry | null;
    if (db === 'services') {
      const slash = key.indexOf('/');
      const [name, proto] = slash < 0 ? [key, null] : [key.slice(0, slash), key.slice(slash + 1)];
      hit = /^\d+$/.test(name) && Number(name) <= 65535 ? serviceByPort(list, Number(name), proto) : serviceByName(list, name, proto);
    } else {
      hit = /^\d/.test(key) ? entryByNumber(list, atolInt(key)) : entryByName(list, key);
    }
    if (hit) await p.out.write(netdbLine(db, hit));
    else status = 2;
  }
  return status;
}
