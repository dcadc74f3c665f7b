// nslookup (bind9-dnsutils 9.18), non-interactive: `nslookup [-type=T] name [server]`. Prints the
// server, then the answer (A and AAAA by default; `Non-authoritative answer:` unless AA), CNAMEs as
// `canonical name =`, `** server can't find NAME: NXDOMAIN` (exit 1).
import { type Program } from '../../kernel/abi.ts';
import { utf8Encode } from '../../fs/utf8.ts';
import { formatIpv4Address } from '../../net/wire/index.ts';
import { writeAll } from '../lib/io.ts';
import { resolveHost } from '../lib/net/resolve.ts';
import { rdataText } from '../lib/dns/format.ts';
import { rcodeName, TYPE, typeNumber, type Message, type Rr } from '../lib/dns/message.ts';
import { askEachServer, inAddrArpa, readResolvConf, searchNames } from '../lib/dns/stub-resolver.ts';

const bare = (n: string) => (n === '.' ? '.' : n.replace(/\.$/, ''));

function lines(rr: Rr): string {
  const owner = bare(rr.name);
  switch (rr.type) {
    case TYPE.A: case TYPE.AAAA: return `Name:\t${owner}\nAddress: ${rdataText(rr.data)}\n`;
    case TYPE.CNAME: return `${owner}\tcanonical name = ${rdataText(rr.data)}\n`;
    case TYPE.PTR: return `${owner}\tname = ${rdataText(rr.data)}\n`;
    case TYPE.MX: return rr.data.t === 'mx' ? `${owner}\tmail exchanger = ${rr.data.pref} ${rr.data.name}\n` : '';
    case TYPE.NS: return `${owner}\tnameserver = ${rdataText(rr.data)}\n`;
    case TYPE.TXT: return `${owner}\ttext = ${rdataText(rr.data)}\n`;
    case TYPE.SOA: {
      const d = rr.data;
      if (d.t !== 'soa') return '';
      return `${owner}\n\torigin = ${d.mname}\n\tmail addr = ${d.rname}\n\tserial = ${d.serial}\n\trefresh = ${d.refresh}\n` +
        `\tretry = ${d.retry}\n\texpire = ${d.expire}\n\tminimum = ${d.minimum}\n`;
    }
    default: return `${owner}\trdata_${rr.type} = ${rdataText(rr.data)}\n`;
  }
}

export const main: Program = async (sys, argv) => {
  const out = (t: string) => writeAll(sys, 1, utf8Encode(t));
  let type: number | null = null;
  const args: string[] = [];
  for (const a of argv.slice(1)) {
    const m = /^-(?:type|querytype|q|t)=(.+)$/i.exec(a);
    if (m) {
      type = typeNumber(m[1]!);
      if (type === null) {
        await out(`unknown query type: ${m[1]}\n`);
        type = TYPE.A;
      }
    } else if (!a.startsWith('-')) args.push(a);
  }
  const [name, serverText] = args;
  if (name === undefined) {
    await writeAll(sys, 2, utf8Encode('nslookup: interactive mode is not available here; give a name to look up\n'));
    return 1;
  }
  const conf = await readResolvConf(sys);
  let servers = conf.nameservers;
  if (serverText !== undefined) {
    const a = (await resolveHost(sys, serverText))?.addr ?? null;
    if (a === null) {
      await out(`;; Got SERVFAIL reply from 127.0.0.1, trying next server\nnslookup: couldn't get address for '${serverText}': not found\n`);
      return 1;
    }
    servers = [a];
  }
  const ask = (qname: string, qtype: number) => askEachServer(sys, servers, qname, qtype, conf.timeoutSec * 1e9);
  const rev = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? inAddrArpa(name) : null;
  const names = rev ? [rev] : searchNames(name, conf);
  const types = rev ? [TYPE.PTR] : type !== null ? [type] : [TYPE.A, TYPE.AAAA];
  for (const qname of names) {
    const first = await ask(qname, types[0]!);
    if (!first) {
      await out(';; connection timed out; no servers could be reached\n\n');
      return 1;
    }
    if (first.m.rcode === 3 && qname !== names[names.length - 1]) continue;
    const server = formatIpv4Address(first.server);
    await out(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
    if (first.m.rcode !== 0) {
      await out(`** server can't find ${bare(rev ?? name)}: ${rcodeName(first.m.rcode)}\n\n`);
      return 1;
    }
    if (!first.m.aa) await out('Non-authoritative answer:\n');
    let any = false;
    for (const [k, qtype] of types.entries()) {
      const r = k === 0 ? first : await ask(qname, qtype);
      if (!r) continue;
      for (const rr of r.m.answers) {
        if (k > 0 && rr.type === TYPE.CNAME) continue;
        await out(lines(rr));
        any = true;
      }
    }
    if (!any && types.length === 1) await out(`*** Can't find ${bare(qname)}: No answer\n`);
    await out('\n');
    return 0;
  }
  return 1;
};
