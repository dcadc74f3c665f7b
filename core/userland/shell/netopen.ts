// bash's network redirections (lib/sh/netopen.c): `/dev/tcp/HOST/PORT` and `/dev/udp/HOST/PORT` open a
// socket connected there instead of a file. The host is looked up as getaddrinfo would (an address,
// /etc/hosts; a guest has no DNS), the port by number or /etc/services; lookup errors are reported as
// bash's internal errors and make the redirection fail with EINVAL, a failed connect as "connect: ...".

import { AF_INET, EINVAL, SOCK_CLOEXEC, SOCK_DGRAM, SOCK_STREAM } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { readNetdb, serviceByName } from '../lib/net/netdb.ts';
import { lookupHost } from '../lib/net/resolve.ts';
import type { Shell } from './shell.ts';

const SPECIAL = /^\/dev\/(tcp|udp)\/([^/]*)\/(.*)$/s;

/** A descriptor for a network path, -errno (messages printed), or null when `path` is no such path. */
export async function netOpen(sh: Shell, path: string): Promise<number | null> {
  const m = SPECIAL.exec(path);
  if (!m) return null;
  const [, proto, host, serv] = m as unknown as [string, 'tcp' | 'udp', string, string];
  const sys = sh.sys;
  let port: number;
  if (/^\d+$/.test(serv)) port = Number(serv) & 0xffff;
  else {
    const e = serv === '' ? null : serviceByName(await readNetdb(sys, 'services'), serv, proto);
    if (!e) {
      await sh.write(2, `${sh.errorPrefix()}: ${serv}: Servname not supported for ai_socktype\n`);
      return -EINVAL;
    }
    port = e.number;
  }
  const addr = await lookupHost(sys, host);
  if (typeof addr === 'string') {
    await sh.write(2, `${sh.errorPrefix()}: ${host}: ${addr}\n`);
    return -EINVAL;
  }
  const fd = sys.socket(AF_INET, (proto === 'tcp' ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    await sh.write(2, `${sh.name}: socket: ${strerror(fd)}\n`);
    return fd;
  }
  const r = await sys.connect(fd, { family: AF_INET, addr: addr.addr, port });
  if (r < 0) {
    await sh.write(2, `${sh.name}: connect: ${strerror(r)}\n`);
    sys.close(fd);
    return r;
  }
  return fd;
}
