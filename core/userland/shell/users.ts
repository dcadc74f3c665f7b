// Home directories from /etc/passwd for tilde expansion.
import { utf8Decode, type Sys } from '../../kernel/abi.ts';

export function passwdHome(sys: Sys, user: string): string | undefined {
  const fd = sys.open('/etc/passwd', 0);
  if (fd < 0) return undefined;
  const buf = new Uint8Array(65536);
  const n = sys.pread(fd, buf, 0);
  sys.close(fd);
  if (n <= 0) return undefined;
  const uid = sys.getids().uid;
  for (const line of utf8Decode(buf.subarray(0, n)).split('\n')) {
    const f = line.split(':');
    if (f.length < 7) continue;
    if (user === '' ? Number(f[2]) === uid : f[0] === user) return f[5];
  }
  return undefined;
}
