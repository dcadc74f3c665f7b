// hostid(1) from GNU coreutils 9.1: gethostid() in hex. glibc (sysdeps/unix/sysv/linux/gethostid.c)
// takes the 4 bytes of /etc/hostid, else the first IPv4 address the host name resolves to, its
// 16-bit halves swapped as the little-endian in_addr holds them; 0 when the name does not resolve.
import type { Program } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { getopt } from '../lib/getopt.ts';
import { readAll } from '../lib/io.ts';
import { resolveHost } from '../lib/net/resolve.ts';
import { quote } from '../lib/program.ts';

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'hostid', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[0]!)}`));
  await p.put(`${(await hostId(sys)).toString(16).padStart(8, '0')}\n`);
  return p.finish(0);
};

async function hostId(sys: Parameters<Program>[0]): Promise<number> {
  const fd = sys.open('/etc/hostid', 0);
  if (fd >= 0) {
    const data = await readAll(sys, fd);
    sys.close(fd);
    // glibc reads the first 4 bytes as a native (little-endian) int.
    if (typeof data !== 'number' && data.length >= 4) return (data[0]! | (data[1]! << 8) | (data[2]! << 16) | (data[3]! << 24)) >>> 0;
  }
  const name = sys.uname().nodename;
  const host = name ? await resolveHost(sys, name) : null;
  if (!host) return 0;
  // The address a.b.c.d is the little-endian word d.c.b.a; rotated by 16 bits it reads b.a.d.c.
  const a = host.addr;
  return (((a >>> 16) & 0xff) * 2 ** 24 + (a >>> 24) * 2 ** 16 + (a & 0xff) * 2 ** 8 + ((a >>> 8) & 0xff)) >>> 0;
}
