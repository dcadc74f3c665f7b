// How nc names the ends of a stream connection in -v messages: the client's "HOST (ADDRESS)" and the
// server's "Listening on" / "Connection received on" lines, whose host part is getnameinfo's answer
// (NI_NUMERICSERV always, NI_NUMERICHOST with -n).
import { formatIpv4Address as fmt } from '../../../net/wire/index.ts';
import type { Cmd } from '../cmd.ts';
import { reverseName } from '../net/resolve.ts';

/** The destination as netcat's messages write it: the host as typed, then "(ADDRESS)" when that differs. */
export function peerLabel(host: string, addr: number): string {
  const text = fmt(addr);
  return host === text ? host : `${host} (${text})`;
}

/**
 * "WHAT HOST PORT" on stderr, HOST from /etc/hosts without -n. An address no file names would go to DNS,
 * which a guest cannot reach: netcat then warns with getnameinfo's error and prints no line.
 */
export async function reportSock(p: Cmd, what: string, addr: number, port: number, numeric: boolean): Promise<void> {
  const name = numeric ? fmt(addr) : await reverseName(p.sys, addr);
  if (name === null) await p.error('getnameinfo: Temporary failure in name resolution');
  else await p.err.write(`${what} ${name} ${port}\n`);
}
