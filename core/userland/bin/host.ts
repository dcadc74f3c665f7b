// host (bind9-host 9.18): `host [-t type] name [server]`. A name is looked up for A, AAAA and MX
// (CNAMEs shown as aliases), an address for its PTR; the resolv.conf search list applies to names with
// fewer dots than ndots. NXDOMAIN and other failures are `Host NAME not found: 3(NXDOMAIN)` (exit 1).
import { type Program } from '../../kernel/abi.ts';
import { utf8Encode } from '../../fs/utf8.ts';
import { formatIpv4Address } from '../../net/wire/index.ts';
import { writeAll } from '../lib/io.ts';
import { resolveHost } from '../lib/net/resolve.ts';
import { rdataText } from '../lib/dns/format.ts';
import { rcodeName, TYPE, typeName, typeNumber, type Message, type Rr } from '../lib/dns/message.ts';
import { askEachServer, inAddrArpa, readResolvConf, searchNames } from '../lib/dns/stub-resolver.ts';

const USAGE = 'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n';

const bare = (n: string) => (n === '.' ? '.' : n.replace(/\.$/, ''));

function line(rr: Rr): string {
  const owner = bare(rr.name);
  const d = rr.data;
  switch (rr.type) {
    case TYPE.A: return `${owner} has address ${rdataText(d)}`;
    case TYPE.AAAA: return `${owner} has IPv6 address ${rdataText(d)}`;
    case TYPE.MX: return `${owner} mail is handled by ${rdataText(d)}`;
    case TYPE.CNAME: return `${owner} is an alias for ${rdataText(d)}`;
    case TYPE.PTR: return `${owner} domain name pointer ${rdataText(d)}`;
    case TYPE.NS: return `${owner} name server ${rdataText(d)}`;
    case TYPE.TXT: return `${owner} descriptive text ${rdataText(d)}`;
    default: return `${owner} has ${typeName(rr.type)} record ${rdataText(d)}`;
  }
}

export const main: Program = async (sys, argv) => {
  const out = (t: string) => writeAll(sys, 1, utf8Encode(t));
  let type: number | null = null;
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-t') {
      const t = typeNumber(argv[++i] ?? '');
      if (t === null) {
        await writeAll(sys, 2, utf8Encode(`host: invalid type: ${argv[i] ?? ''}\n`));
        return 1;
      }
      type = t;
    } else if (a === '-a') type = TYPE.ANY;
    else if (/^-[cNWRmp]$/.test(a)) i++;
    else if (a.startsWith('-')) continue;
    else args.push(a);
  }
  const [name, serverText] = args;
  if (name === undefined) {
    await writeAll(sys, 2, utf8Encode(USAGE));
    return 1;
  }
  const conf = await readResolvConf(sys);
  let servers = conf.nameservers;
  if (serverText !== undefined) {
    const a = (await resolveHost(sys, serverText))?.addr ?? null;
    if (a === null) {
      await writeAll(sys, 2, utf8Encode(`host: couldn't get address for '${serverText}': not found\n`));
      return 1;
    }
    servers = [a];
    await out(`Using domain server:\nName: ${serverText}\nAddress: ${formatIpv4Address(a)}#53\nAliases: \n\n`);
  }
  const ask = async (qname: string, qtype: number): Promise<Message | null> =>
    (await askEachServer(sys, servers, qname, qtype, conf.timeoutSec * 1e9))?.m ?? null;
  const rev = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? inAddrArpa(name) : null;
  const names = rev ? [rev] : searchNames(name, conf);
  const types = rev ? [type ?? TYPE.PTR] : type !== null ? [type] : [TYPE.A, TYPE.AAAA, TYPE.MX];
  let last: Message | null = null;
  for (const qname of names) {
    const first = await ask(qname, types[0]!);
    if (!first) {
      await out(';; connection timed out; no servers could be reached\n');
      return 1;
    }
    last = first;
    if (first.rcode === 3 && qname !== names[names.length - 1]) continue;
    if (first.rcode !== 0) break;
    const aliases = new Set<string>();
    for (const [k, qtype] of types.entries()) {
      const m = k === 0 ? first : await ask(qname, qtype);
      if (!m) continue;
      for (const rr of m.answers) {
        if (rr.type === TYPE.CNAME) {
          if (k > 0 || aliases.has(rr.name)) continue;
          aliases.add(rr.name);
        }
        await out(`${line(rr)}\n`);
      }
    }
    return 0;
  }
  await out(`Host ${rev ?? name} not found: ${last!.rcode}(${rcodeName(last!.rcode)})\n`);
  return 1;
};
