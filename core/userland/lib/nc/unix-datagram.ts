// nc -uU: netcat-openbsd 1.219's Unix domain datagram mode, as Debian 12 runs it:
// - client `nc -uU PATH`: a datagram socket bound to a name of its own so that answers can come back,
//   DIR/recv.sock in a new directory /tmp/nc-XXXXXX (-s names the socket instead; -v: "Bound on NAME"),
//   connected to PATH, then the datagram exchange; a failure is "nc: PATH: ERROR" and status 1. The name
//   and its directory are removed when nc ends.
// - server `nc -luU PATH`: PATH is unlinked first, bound (-v: "Bound on PATH"); without -k it waits for a
//   first datagram and connects to its sender ("nc: connect: ERROR" when that fails, say the sender has
//   gone and taken its name along; -v: "Connection received on PATH"), then the exchange. -k takes
//   datagrams from anyone without connecting.
import { AF_UNIX, EINTR, ENAMETOOLONG, MSG_PEEK, SOCK_CLOEXEC, SOCK_DGRAM } from '../../../kernel/abi.ts';
import type { Cmd } from '../cmd.ts';
import { strerror } from '../errno.ts';
import { randomLetters } from '../random-letters.ts';
import type { NcOptions } from './args.ts';
import { datagramReadwrite } from './datagram.ts';
import { fail } from './stream.ts';
import { address } from './unix.ts';

/** A datagram socket bound to `path` (unlinked first): the descriptor, or an error message. */
async function bound(p: Cmd, o: NcOptions, path: string, flags: number): Promise<number | string> {
  const sys = p.sys;
  const at = address(path);
  if (!at) return strerror(ENAMETOOLONG);
  sys.unlink(path);
  const s = sys.socket(AF_UNIX, SOCK_DGRAM | flags, 0);
  if (s < 0) return strerror(-s);
  const b = sys.bind(s, at);
  if (b < 0) {
    sys.close(s);
    return strerror(-b);
  }
  if (o.verbose) await p.err.write(`Bound on ${path}\n`);
  return s;
}

/** mkdtemp("/tmp/nc-XXXXXX"): the directory made, or null. */
function tempDir(p: Cmd): string | null {
  for (let i = 0; i < 100; i++) {
    const dir = `/tmp/nc-${randomLetters(p.sys, 6)}`;
    const r = p.sys.mkdir(dir, 0o700);
    if (r === 0) return dir;
  }
  return null;
}

export async function unixDatagramClient(p: Cmd, o: NcOptions, path: string, source: string | null): Promise<number> {
  const sys = p.sys;
  const dir = source === null ? tempDir(p) : null;
  if (source === null && dir === null) return fail(p, 'mkdtemp');
  const own = source ?? `${dir}/recv.sock`;
  let status = 0;
  const s = await bound(p, o, own, SOCK_CLOEXEC);
  if (typeof s === 'string') {
    await p.error(`${path}: ${s}`);
    status = 1;
  } else {
    const to = address(path);
    let r = to ? await sys.connect(s, to) : -ENAMETOOLONG;
    while (r === -EINTR && to) r = await sys.connect(s, to);
    if (r < 0) {
      await p.error(`${path}: ${strerror(-r)}`);
      status = 1;
    } else if (!o.zero) {
      await datagramReadwrite(p, o, s);
    }
    sys.close(s);
  }
  sys.unlink(own);
  if (dir !== null) sys.rmdir(dir);
  return p.finish(status);
}

export async function unixDatagramServer(p: Cmd, o: NcOptions, path: string): Promise<number> {
  const sys = p.sys;
  const s = await bound(p, o, path, 0);
  if (typeof s === 'string') return fail(p, s);
  if (!o.keep) {
    // The first datagram names the peer; netcat connects to it so that stdin has somewhere to go.
    const first = await sys.recvfrom(s, new Uint8Array(1), MSG_PEEK);
    if (typeof first === 'number') return first === -EINTR ? p.finish(1) : fail(p, `recvfrom: ${strerror(-first)}`);
    const from = first.from ?? { family: AF_UNIX, path: '' };
    const c = await sys.connect(s, from);
    if (c < 0) return fail(p, `connect: ${strerror(-c)}`);
    if (o.verbose) await p.err.write(`Connection received on ${path}\n`);
  }
  return p.finish(await datagramReadwrite(p, o, s));
}
