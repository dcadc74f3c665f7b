// hostname(1) from Debian's hostname 3.23: prints or sets the host name; -s short name; -I every
// address of the host's non-loopback interfaces (rtnetlink), -i the host name's addresses (/etc/hosts).
import type { Program } from '../../kernel/abi.ts';
import { formatIpv4Address } from '../../net/wire/index.ts';
import { strerror } from '../lib/errno.ts';
import { readFileText } from '../lib/io.ts';
import { HOSTNAME_USAGE, HOSTNAME_VERSION, longInfoOption, printToolText } from '../lib/net/tool-texts.ts';
import { Proc } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  let short = false;
  let mode: 'name' | 'all-ip' | 'ip' = 'name';
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-s' || a === '--short') short = true;
    else if (a === '-f' || a === '--fqdn' || a === '--long') short = false;
    else if (a === '-I' || a === '--all-ip-addresses') mode = 'all-ip';
    else if (a === '-i' || a === '--ip-address') mode = 'ip';
    else if (a === '-h' || longInfoOption(a) === 'help') return printToolText(p, HOSTNAME_USAGE);
    else if (a === '-V' || longInfoOption(a) === 'version') return printToolText(p, HOSTNAME_VERSION);
    else if (a.startsWith('-')) {
      await p.error(`invalid option -- '${a.slice(1, 2)}'`);
      return printToolText(p, HOSTNAME_USAGE);
    } else names.push(a);
  }
  if (mode === 'all-ip') {
    const lr = sys.rtLinks();
    const ar = sys.rtAddrs();
    const loop = new Set((typeof lr === 'number' ? [] : lr).filter((l) => l.kind === 'loopback').map((l) => l.ifindex));
    const addrs = (typeof ar === 'number' ? [] : ar).filter((a) => !loop.has(a.ifindex) && a.address >>> 24 !== 127);
    await p.out.write(addrs.map((a) => `${formatIpv4Address(a.address)} `).join('') + '\n');
    return p.finish(0);
  }
  const name = sys.uname().nodename;
  if (mode === 'ip') {
    const hosts = await readFileText(sys, '/etc/hosts');
    const found: string[] = [];
    for (const line of typeof hosts === 'number' ? [] : hosts.split('\n')) {
      const f = line.replace(/#.*/, '').trim().split(/\s+/);
      if (f.length > 1 && f.slice(1).includes(name) && /^\d+\.\d+\.\d+\.\d+$/.test(f[0]!)) found.push(f[0]!);
    }
    if (found.length === 0) {
      await p.err.write('hostname: Temporary failure in name resolution\n');
      return p.finish(1);
    }
    await p.out.write(found.map((a) => `${a} `).join('') + '\n');
    return p.finish(0);
  }
  if (names.length > 0) {
    const r = sys.sethostname(names[0]!);
    if (r < 0) {
      await p.err.write(`hostname: you must be root to change the host name\n`);
      void strerror;
      return p.finish(1);
    }
    return p.finish(0);
  }
  await p.out.write((short ? name.split('.')[0] : name) + '\n');
  return p.finish(0);
};
