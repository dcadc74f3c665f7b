// bridge-utils 1.7's brctl: addbr, delbr, addif, delif, show, showmacs, stp, setageing, through
// Netloom's rtnetlink calls (real brctl uses ioctls and sysfs; the messages are brctl's own).
import type { Program, RtLink } from '../../kernel/abi.ts';
import { BRCTL_USAGE, BRCTL_VERSION, printToolText } from '../lib/net/tool-texts.ts';
import { Proc } from '../lib/program.ts';

const USAGE = BRCTL_USAGE.out;


const hex12 = (mac: number): string => mac.toString(16).padStart(12, '0');
const colons = (mac: number): string => hex12(mac).match(/../g)!.join(':');

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const [cmd, ...args] = argv.slice(1);
  const links = (): RtLink[] => {
    const r = sys.rtLinks();
    return typeof r === 'number' ? [] : r.slice().sort((a, b) => a.ifindex - b.ifindex);
  };
  const byName = (n: string): RtLink | undefined => links().find((l) => l.name === n);
  const fail = async (msg: string): Promise<number> => {
    await p.err.write(msg);
    return p.finish(1);
  };
  const strerr = (e: number): string => ({ 17: 'File exists', 19: 'No such device', 22: 'Invalid argument', 95: 'Operation not supported', 16: 'Device or resource busy' } as Record<number, string>)[-e] ?? `error ${-e}`;
  const need = async (n: number): Promise<boolean> => {
    if (args.length >= n) return true;
    // brctl prints the command's own line of the usage list, all on stdout.
    const line = USAGE.split('\n').map((l) => l.split('\t')).find((f) => f[1]?.trim() === cmd);
    await p.out.write(`Incorrect number of arguments for command\nUsage: brctl ${cmd} ${line ? line.slice(2).join('\t') : ''}\n`);
    return false;
  };
  if (cmd === undefined) {
    await p.out.write(USAGE);
    return p.finish(1);
  }
  if (cmd === '-h' || cmd === '--help') return printToolText(p, BRCTL_USAGE);
  if (cmd === '-V' || cmd === '--version') return printToolText(p, BRCTL_VERSION);
  if (cmd === 'addbr') {
    if (!(await need(1))) return p.finish(1);
    const r = sys.rtAddLink('bridge', { name: args[0]! });
    if (r === 0) return p.finish(0);
    return fail(r.errno === -17 ? `device ${args[0]} already exists; can't create bridge with the same name\n` : `add bridge failed: ${strerr(r.errno)}\n`);
  }
  if (cmd === 'delbr') {
    if (!(await need(1))) return p.finish(1);
    const l = byName(args[0]!);
    if (!l || !l.bridge) return fail(`bridge ${args[0]} doesn't exist; can't delete it\n`);
    if (l.up) return fail(`bridge ${args[0]} is still up; can't delete it\n`);
    const r = sys.rtDelLink(l.ifindex);
    return r === 0 ? p.finish(0) : fail(`can't delete bridge ${args[0]}: ${strerr(r.errno)}\n`);
  }
  if (cmd === 'addif' || cmd === 'delif') {
    if (!(await need(2))) return p.finish(1);
    const br = byName(args[0]!);
    if (!br || !br.bridge) return fail(`bridge ${args[0]} does not exist!\n`);
    for (const ifname of args.slice(1)) {
      const l = byName(ifname);
      if (!l) return fail(`interface ${ifname} does not exist!\n`);
      if (cmd === 'addif') {
        if (l.master && l.master !== br.ifindex) return fail(`device ${ifname} is already a member of a bridge; can't add it to bridge ${args[0]}.\n`);
        const r = sys.rtSetMaster(l.ifindex, br.ifindex);
        if (r !== 0) return fail(`can't add ${ifname} to bridge ${args[0]}: ${strerr(r.errno)}\n`);
      } else {
        if (l.master !== br.ifindex) return fail(`device ${ifname} is not a slave of ${args[0]}\n`);
        sys.rtSetMaster(l.ifindex, 0);
      }
    }
    return p.finish(0);
  }
  if (cmd === 'setageing' || cmd === 'stp') {
    if (!(await need(2))) return p.finish(1);
    const br = byName(args[0]!);
    if (!br || !br.bridge) return fail(`set ${cmd === 'stp' ? 'stp status' : 'ageing time'} failed: No such device\n`);
    const v = args[1]!;
    const change = cmd === 'stp' ? { stpState: v === 'on' || v === 'yes' || v === '1' ? 1 : 0 } : { ageingTime: Math.round(Number(v) * 100) };
    if (cmd === 'setageing' && !/^\d+(\.\d*)?$/.test(v)) return fail(`bad ageing time value\n`);
    const r = sys.rtSetBridge(br.ifindex, change);
    return r === 0 ? p.finish(0) : fail(`set failed: ${strerr(r.errno)}\n`);
  }
  if (cmd === 'show') {
    const all = links();
    const bridges = all.filter((l) => l.bridge && (args.length === 0 || args.includes(l.name)));
    for (const n of args) if (!all.some((l) => l.name === n && l.bridge)) await p.err.write(`bridge ${n} does not exist!\n`);
    let out = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
    for (const b of bridges) {
      const ports = all.filter((l) => l.master === b.ifindex).map((l) => l.name).sort();
      out += `${b.name}\t\t${b.bridge!.priority.toString(16).padStart(4, '0')}.${hex12(b.bridge!.idMac)}\t${b.bridge!.stpState ? 'yes' : 'no'}\t\t${ports[0] ?? ''}\n`;
      for (const port of ports.slice(1)) out += `\t\t\t\t\t\t\t${port}\n`;
    }
    await p.out.write(out);
    return p.finish(0);
  }
  if (cmd === 'showmacs') {
    if (!(await need(1))) return p.finish(1);
    const br = byName(args[0]!);
    const fdb = br?.bridge ? sys.rtBridgeFdb(br.ifindex) : -19;
    if (!br || typeof fdb === 'number') return fail(`read of forward table failed: No such device\n`);
    const ports = new Map(links().filter((l) => l.master === br.ifindex).map((l) => [l.ifindex, l.bridgePort?.portNo ?? 0]));
    let out = 'port no\tmac addr\t\tis local?\tageing timer\n';
    for (const e of fdb.slice().sort((a, b) => a.mac - b.mac)) {
      out += `${String(ports.get(e.port) ?? 0).padStart(3)}\t${colons(e.mac)}\t${e.local ? 'yes' : 'no '}\t\t${(e.age / 1e9).toFixed(2).padStart(7)}\n`;
    }
    await p.out.write(out);
    return p.finish(0);
  }
  await p.err.write(`never heard of command [${cmd}]\n`);
  await p.out.write(USAGE);
  return p.finish(1);
};
