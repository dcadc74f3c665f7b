// net-tools 2.10 arp(8): the neighbour cache from /proc/net/arp (-n, -a, -e, -i, one host) and
// -s/-d through the rtnetlink neighbour calls.
import { NUD_PERMANENT, NUD_STALE, type Program } from '../../kernel/abi.ts';
import { parseLladdr } from '../lib/net/ip-common.ts';
import { parseQuad, readProc } from '../lib/net/nettools.ts';
import { ARP_USAGE, ARP_VERSION, longInfoOption, printToolText } from '../lib/net/tool-texts.ts';
import { Proc } from '../lib/program.ts';


export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let bsd = false;
  let iface: string | undefined;
  let mode: 'show' | 'set' | 'del' = 'show';
  const rest: string[] = [];
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const info = a.startsWith('--') ? longInfoOption(a) : null;
    if (info) return printToolText(p, info === 'help' ? ARP_USAGE : ARP_VERSION);
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'h' || c === '?') return printToolText(p, ARP_USAGE);
        if (c === 'V') return printToolText(p, ARP_VERSION);
        if (c === 'a') bsd = true;
        else if (c === 'n' || c === 'e' || c === 'v') continue;
        else if (c === 's') mode = 'set';
        else if (c === 'd') mode = 'del';
        else if (c === 'i') {
          iface = a.slice(j + 1) || args[++i];
          break;
        } else {
          await p.err.write(`arp: invalid option -- '${c}'\n${ARP_USAGE.out}${ARP_USAGE.err}`);
          return p.finish(3);
        }
      }
    } else rest.push(a);
  }
  const lr = sys.rtLinks();
  const links = typeof lr === 'number' ? [] : lr;
  if (mode === 'set') {
    const ip = parseQuad(rest[0] ?? '');
    const mac = parseLladdr(rest[1] ?? '');
    if (typeof mac !== 'number') {
      await p.err.write('arp: invalid hardware address\n');
      return p.finish(255);
    }
    if (ip === null) return p.finish(255);
    const dev = iface ? links.find((l) => l.name === iface)?.ifindex : undefined;
    const g = sys.rtGetRoute(ip);
    const ifindex = dev ?? (typeof g === 'number' ? 0 : g.ifindex);
    const r = sys.rtSetNeigh({ ifindex, address: ip, mac, state: rest.includes('temp') ? NUD_STALE : NUD_PERMANENT }, 'replace');
    return p.finish(r === 0 ? 0 : 255);
  }
  const text = (await readProc(sys, '/proc/net/arp')) ?? '';
  const entries = text.split('\n').slice(1).filter((l) => l.trim()).map((l) => {
    const f = l.trim().split(/\s+/);
    return { ip: f[0]!, flags: parseInt(f[2]!, 16), mac: f[3]!, dev: f[5]! };
  });
  if (mode === 'del') {
    const ip = parseQuad(rest[0] ?? '');
    const e = entries.find((x) => x.ip === rest[0] && (!iface || x.dev === iface));
    if (ip === null || !e) {
      await p.err.write(`No ARP entry for ${rest[0] ?? ''}\n`);
      return p.finish(255);
    }
    const l = links.find((x) => x.name === e.dev);
    sys.rtDelNeigh(l?.ifindex ?? 0, ip);
    return p.finish(0);
  }
  const shown = entries.filter((e) => (!iface || e.dev === iface) && (rest.length === 0 || e.ip === rest[0]));
  if (shown.length === 0) {
    if (rest.length) await p.out.write(`${rest[0]} (${rest[0]}) -- no entry\n`);
    else if (entries.length) await p.out.write(`arp: in ${entries.length} entries no match found.\n`);
    return p.finish(0);
  }
  if (!bsd) await p.out.write('Address                  HWtype  HWaddress           Flags Mask            Iface\n');
  for (const e of shown) {
    const complete = (e.flags & 0x2) !== 0;
    const flags = (complete ? 'C' : '') + (e.flags & 0x4 ? 'M' : '') + (e.flags & 0x8 ? 'P' : '');
    if (bsd) {
      await p.out.write(`? (${e.ip}) at ${complete ? `${e.mac} [ether]` : '<incomplete>'}${e.flags & 0x4 ? ' PERM' : ''} on ${e.dev}\n`);
    } else if (complete) {
      await p.out.write(`${e.ip.padEnd(24)} ${'ether'.padEnd(7)} ${e.mac.padEnd(19)} ${flags.padEnd(5)} ${''.padEnd(15)} ${e.dev}\n`);
    } else {
      await p.out.write(`${e.ip.padEnd(24)} ${''.padEnd(7)} ${'(incomplete)'.padEnd(19)} ${flags.padEnd(5)} ${''.padEnd(15)} ${e.dev}\n`);
    }
  }
  return p.finish(0);
};
