// nc -U: netcat-openbsd 1.219's Unix domain stream mode, as Debian 12 runs it:
// - client `nc -U PATH`: a blocking stream socket connected to PATH, then the exchange (none with -z); a
//   failure is "nc: PATH: ERROR" (warn) and status 1; a success prints nothing, even with -v.
// - server `nc -lU PATH`: PATH is unlinked first (a stale socket is replaced; a directory stays, so bind
//   says "Address already in use"), bound (-v: "Bound on PATH"), listened on with a backlog of 5 (-v:
//   "Listening on PATH"), a client accepted (-v: "Connection received on PATH"); -k takes the next one.
//   Errors end nc with the bare message (err(1, NULL)). The socket file is left behind.
import {
  AF_UNIX, EINTR, ENAMETOOLONG, SIGPIPE, SOCK_CLOEXEC, SOCK_STREAM, utf8Encode, type SockaddrUn,
} from '../../../kernel/abi.ts';
import type { Cmd } from '../cmd.ts';
import { strerror } from '../errno.ts';
import type { NcOptions } from './args.ts';
import { streamReadwrite } from './readwrite.ts';
import { fail, serveClients } from './stream.ts';

/** strlcpy into sun_path[108]: a path that does not fit with its NUL is ENAMETOOLONG. */
export function address(path: string): SockaddrUn | null {
  return utf8Encode(path).length >= 108 ? null : { family: AF_UNIX, path };
}

export async function unixClient(p: Cmd, o: NcOptions, path: string): Promise<number> {
  const sys = p.sys;
  sys.sigaction(SIGPIPE, { handler: 'ignore' });
  const s = sys.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return fail(p, 'create unix socket failed');
  const to = address(path);
  let r = to ? await sys.connect(s, to) : -ENAMETOOLONG;
  while (r === -EINTR && to) r = await sys.connect(s, to);
  if (r < 0) {
    sys.close(s);
    return fail(p, `${path}: ${strerror(-r)}`);
  }
  if (!o.zero && (await streamReadwrite(sys, o, s)) === 'quit') return p.finish(0);
  sys.close(s);
  return p.finish(0);
}

export async function unixServer(p: Cmd, o: NcOptions, path: string): Promise<number> {
  const sys = p.sys;
  sys.sigaction(SIGPIPE, { handler: 'ignore' });
  const at = address(path);
  if (!at) return fail(p, strerror(ENAMETOOLONG));
  sys.unlink(path);
  const s = sys.socket(AF_UNIX, SOCK_STREAM, 0);
  if (s < 0) return fail(p, strerror(-s));
  const b = sys.bind(s, at);
  if (b < 0) {
    sys.close(s);
    return fail(p, strerror(-b));
  }
  if (o.verbose) await p.err.write(`Bound on ${path}\n`);
  const l = sys.listen(s, 5);
  if (l < 0) return fail(p, strerror(-l));
  if (o.verbose) await p.err.write(`Listening on ${path}\n`);
  return serveClients(p, o, s, async () => {
    if (o.verbose) await p.err.write(`Connection received on ${path}\n`);
  });
}
