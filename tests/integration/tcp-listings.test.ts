// ss and netstat on TCP sockets, checked against what the real tools printed (tests/golden/net/expected.json,
// the ss-tcp-* and netstat-tcp-* cases). The golden cases hold their sockets with netcat; here inline
// programs open the same sockets through the Sys API at the same moments (a listener with nc's backlog of
// 1 on descriptor 3, the accepted connection on 4, a client bound to a fixed port on 3), so the listings
// can be compared while a guest's nc cannot speak TCP, and the timer formats are checked unmasked.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  AF_INET, SOCK_DGRAM, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, utf8Encode, type Accepted, type Sockaddr, type Sys,
} from '../../core/kernel/abi.ts';
import { Capture } from '../../core/index.ts';
import { NetLab, ip } from '../helpers/net-lab.ts';
import { mask, maskOwners, type NetRecord } from '../golden/net/common.ts';
import { latin1 } from '../helpers/golden-files.ts';
import { msTimer } from '../../core/userland/lib/net/ss-tcp.ts';
import { netstatTimer } from '../../core/userland/lib/net/netstat-sockets.ts';

const RECORDS: NetRecord[] = JSON.parse(readFileSync(new URL('../golden/net/expected.json', import.meta.url), 'utf8'));
const record = (name: string): NetRecord => {
  const r = RECORDS.find((x) => x.name === name);
  if (!r) throw new Error(`no golden case ${name}`);
  return r;
};

const inet = (a: string, port: number): Sockaddr => ({ family: AF_INET, addr: ip(a), port });
const sec = (s: number) => s * 1e9;

function lab(): NetLab {
  const l = new NetLab();
  l.link('pc1', 'eth0', 'A', '10.0.0.1/24');
  l.link('pc2', 'eth0', 'A', '10.0.0.2/24');
  return l;
}

/** Fills descriptors 0-2 as a shell's child has them, so sockets get 3, 4 ... as nc's do. */
function stdio(sys: Sys): void {
  for (let i = 0; i < 3; i++) sys.open('/dev/null', 2);
}

/** What nc -l does: a listener (SO_REUSEADDR, backlog 1), then one accept unless `accept` is false; `closeAt` ends it. */
function server(l: NetLab, host: string, port: number, o: { addr?: string; accept?: boolean; hold?: number } = {}): void {
  l.start(host, async (sys) => {
    stdio(sys);
    const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
    sys.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1);
    expect(sys.bind(fd, inet(o.addr ?? '0.0.0.0', port))).toBe(0);
    expect(sys.listen(fd, 1)).toBe(0);
    if (o.accept === false) return (await sys.nanosleep(sec(o.hold ?? 60))) && 0;
    const a = (await sys.accept(fd)) as Accepted;
    const buf = new Uint8Array(100);
    // nc reads until the end of the stream, then exits (closing both)
    while ((await sys.read(a.fd, buf)) > 0);
    return 0;
  });
}

/** What `nc -p LPORT HOST PORT` does after `sleep delay`: connects, sends `data` at `sendAt`, closes at `closeAt`. */
function client(l: NetLab, host: string, lport: number, to: Sockaddr, o: { delay?: number; data?: string; sendAt?: number; closeAt?: number } = {}): void {
  l.start(host, async (sys) => {
    stdio(sys);
    await sys.nanosleep(sec(o.delay ?? 0.2));
    const fd = sys.socket(AF_INET, SOCK_STREAM, 0);
    sys.setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1);
    expect(sys.bind(fd, inet('0.0.0.0', lport))).toBe(0);
    expect(await sys.connect(fd, to)).toBe(0);
    let left = o.closeAt ?? 60;
    if (o.data !== undefined) {
      await sys.nanosleep(sec(o.sendAt ?? 0));
      left -= o.sendAt ?? 0;
      expect(await sys.write(fd, utf8Encode(o.data))).toBe(o.data.length);
    }
    await sys.nanosleep(sec(left));
    sys.close(fd);
    return 0;
  });
}

/** Runs `bash -c cmd` in a guest of the lab; its output (stderr included). */
async function sh(l: NetLab, host: string, cmd: string): Promise<string> {
  const g = l.guest(host);
  const cap = new Capture();
  const proc = g.startCommand(`exec 2>&1; ${cmd}`, cap, { cwd: '/root' });
  if (typeof proc === 'number') throw new Error(`bash: ${proc}`);
  let status = -1;
  void g.kernel.whenExited(proc.pid).then((s) => (status = s));
  expect(await l.driver.runUntil(() => status >= 0)).toBe(true);
  return new TextDecoder().decode(cap.bytes());
}

/** The case's ss and netstat commands, in order. */
const listings = (r: NetRecord, from = 0, to = Infinity): string[] =>
  r.cmd.split('; ').slice(from, to).filter((c) => /^(ss|netstat) /.test(c));

/** The guest's and the recording's output, masked as the golden test masks them (the programs are named nc). */
function same(r: NetRecord, got: string): void {
  const norm = (t: string): string => {
    const m = r.owners ? maskOwners(mask(t)) : mask(t);
    return r.unordered ? m.split('\n').sort().join('\n') : m;
  };
  // netstat -p's 20 columns: `PID/` and argv[0] (none for an inline program)
  const guest = got.replace(/\("test",/g, '("nc",').replace(/ (\d+)\/(\S*)( +)/g, (_m, pid: string, prog: string, pad: string) => ` ${`${pid}/nc`.padEnd(pid.length + 1 + prog.length + pad.length)}`);
  expect(norm(guest)).toBe(norm(new TextDecoder().decode(latin1(r.output))));
}

describe('ss and netstat list TCP sockets as the real tools did', () => {
  for (const name of ['ss-tcp-listen', 'ss-tcp-listen-p', 'ss-tcp-listen-e', 'ss-tcp-listen-m', 'netstat-tcp-listen', 'netstat-tcp-listen-p']) {
    it(`${name}: a listener`, async () => {
      const l = lab();
      server(l, 'pc1', 5000, { accept: false });
      const r = record(name);
      same(r, await sh(l, 'pc1', `sleep 0.2; ${listings(r).join('; ')}`));
    });
  }

  it('ss-tcp-listen-mix: a TCP listener and a UDP socket (raw, udp, then tcp)', async () => {
    const l = lab();
    server(l, 'pc1', 5000, { accept: false });
    l.start('pc1', async (sys) => {
      const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
      expect(sys.bind(fd, inet('0.0.0.0', 5001))).toBe(0);
      return (await sys.nanosleep(sec(60))) && 0;
    });
    const r = record('ss-tcp-listen-mix');
    same(r, await sh(l, 'pc1', `sleep 0.4; ${listings(r).join('; ')}`));
  });

  const PAIR = ['ss-tcp-pair', 'ss-tcp-pair-p', 'ss-tcp-pair-e', 'ss-tcp-pair-o', 'ss-tcp-pair-state', 'ss-tcp-pair-filter',
    'netstat-tcp-pair', 'netstat-tcp-pair-p', 'netstat-tcp-pair-o'];
  for (const name of PAIR) {
    it(`${name}: both ends of a connection`, async () => {
      const l = lab();
      server(l, 'pc1', 5000);
      client(l, 'pc1', 4000, inet('10.0.0.1', 5000));
      const r = record(name);
      same(r, await sh(l, 'pc1', `sleep 0.5; ${listings(r).join('; ')}`));
    });
  }

  it('ss-tcp-names: service names (http, ssh) in listings and filters', async () => {
    const l = lab();
    server(l, 'pc1', 80);
    client(l, 'pc1', 22, inet('10.0.0.1', 80));
    const r = record('ss-tcp-names');
    same(r, await sh(l, 'pc1', `sleep 0.5; ${listings(r).join('; ')}`));
  });

  it('ss-tcp-loopback: localhost in netstat', async () => {
    const l = lab();
    server(l, 'pc1', 5000, { addr: '127.0.0.1' });
    client(l, 'pc1', 4000, inet('127.0.0.1', 5000));
    const r = record('ss-tcp-loopback');
    same(r, await sh(l, 'pc1', `sleep 0.5; ${listings(r).join('; ')}`));
  });

  it('ss-tcp-remote: a connection to another host', async () => {
    const l = lab();
    server(l, 'pc2', 5000);
    client(l, 'pc1', 4000, inet('10.0.0.2', 5000), { delay: 0 });
    const r = record('ss-tcp-remote');
    same(r, await sh(l, 'pc1', `sleep 0.3; ${listings(r).join('; ')}`));
  });

  for (const name of ['ss-tcp-timewait', 'ss-tcp-timewait-o', 'netstat-tcp-timewait']) {
    it(`${name}: the client closed first`, async () => {
      const l = lab();
      server(l, 'pc1', 5000);
      client(l, 'pc1', 4000, inet('10.0.0.1', 5000), { closeAt: 0.3 });
      const r = record(name);
      same(r, await sh(l, 'pc1', `sleep 0.8; ${listings(r).join('; ')}`));
    });
  }

  for (const name of ['ss-tcp-queued', 'netstat-tcp-queued']) {
    it(`${name}: a connection in the listener's queue, then CLOSE_WAIT and FIN_WAIT2`, async () => {
      const l = lab();
      server(l, 'pc1', 5000, { accept: false });
      client(l, 'pc1', 4000, inet('10.0.0.1', 5000), { data: 'hello\n', closeAt: 0.4 });
      const r = record(name);
      const parts = r.cmd.split('; ');
      const kill = parts.indexOf('kill $B');
      const before = await sh(l, 'pc1', `sleep 0.5; ${listings(r, 0, kill).join('; ')}`);
      same(r, before + await sh(l, 'pc1', `sleep 0.3; ${listings(r, kill).join('; ')}`));
    });
  }

  it('ss-tcp-retrans: a retransmission timer', async () => {
    const l = lab();
    server(l, 'pc1', 5000);
    client(l, 'pc1', 4000, inet('10.0.0.1', 5000), { data: 'hi\n', sendAt: 0.5 });
    const r = record('ss-tcp-retrans');
    same(r, await sh(l, 'pc1', `sleep 0.5; iptables -A INPUT -p tcp --dport 5000 -j DROP; sleep 0.3; ${listings(r).join('; ')}`));
  });
});

describe('timer texts', () => {
  it('writes ss -o times as ss does: ms on three digits, seconds, minutes', () => {
    expect(msTimer(96)).toBe('096ms');
    expect(msTimer(200)).toBe('200ms');
    expect(msTimer(4152)).toBe('4.152ms');
    expect(msTimer(9000)).toBe('9sec');
    expect(msTimer(59700)).toBe('59sec');
    expect(msTimer(125400)).toBe('2min5sec');
    expect(msTimer(7199990)).toBe('119min');
  });

  it('writes netstat -o timers with the seconds left, retransmissions and probes', () => {
    const row = { timer: 3, when: 5966, retransmits: 0, probes: 0 };
    expect(netstatTimer({ ...row } as never)).toBe('timewait (59.66/0/0)');
    expect(netstatTimer({ ...row, timer: 1, when: 20, retransmits: 2 } as never)).toBe('on (0.20/2/0)');
    expect(netstatTimer({ ...row, timer: 0, when: 0 } as never)).toBe('off (0.00/0/0)');
  });

  it('shows the time left of TIME_WAIT unmasked: a minute from the close', async () => {
    const l = lab();
    server(l, 'pc1', 5000);
    client(l, 'pc1', 4000, inet('10.0.0.1', 5000), { closeAt: 0.3 });
    const out = await sh(l, 'pc1', 'sleep 0.8; ss -tanoH; netstat -tano | tail -1');
    expect(out).toMatch(/^TIME-WAIT 0 +0 +10\.0\.0\.1:4000 +10\.0\.0\.1:5000 timer:\(timewait,59sec,0\)\n/);
    expect(out).toMatch(/TIME_WAIT   timewait \(59\.[4-7]\d\/0\/0\)\n$/);
  });
});
