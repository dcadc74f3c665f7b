// iputils 20221126 tracepath(8): UDP probes with growing TTLs (ports from 44444), ICMP errors read from
// the error queue (IP_RECVERR), the path MTU of the route, "reached" at the destination and the Resume
// line; hop 1 is reported twice, as iputils does after its first (MTU-discovering) probe.
import {
  AF_INET, CLOCK_MONOTONIC, IP_MTU_DISCOVER, IP_PMTUDISC_DO, IP_RECVERR, IP_TTL, MSG_DONTWAIT, MSG_ERRQUEUE, POLLERR,
  POLLIN, SOCK_DGRAM, SOL_IP, type Program, type Sys,
} from '../../kernel/abi.ts';
import { formatIpv4Address as fmt } from '../../net/wire/index.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { TRACEPATH_USAGE, iputilsVersion } from '../lib/net/probe-usage.ts';
import { lookupHost, reverseName } from '../lib/net/resolve.ts';
import { Proc } from '../lib/program.ts';

interface Hop {
  addr: number;
  us: number;
  reached: boolean;
}

/** One probe: a connected UDP socket with IP_RECVERR; null when nothing came back within 2 s. */
async function probe(sys: Sys, dst: number, port: number, ttl: number, len: number): Promise<Hop | null | string> {
  const fd = sys.socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return `socket: ${strerror(fd)}`;
  try {
    sys.setsockopt(fd, SOL_IP, IP_RECVERR, 1);
    sys.setsockopt(fd, SOL_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO);
    sys.setsockopt(fd, SOL_IP, IP_TTL, ttl);
    const c = await sys.connect(fd, { family: AF_INET, addr: dst, port });
    if (c < 0) return `connect: ${strerror(c)}`;
    const t0 = sys.clockGettime(CLOCK_MONOTONIC);
    await sys.sendto(fd, new Uint8Array(len), 0, null);
    const deadline = t0 + 2e9;
    const buf = new Uint8Array(2048);
    for (;;) {
      const left = deadline - sys.clockGettime(CLOCK_MONOTONIC);
      if (left <= 0) return null;
      const fds = [{ fd, events: POLLIN | POLLERR, revents: 0 }];
      if ((await sys.poll(fds, left)) <= 0) continue;
      const us = (sys.clockGettime(CLOCK_MONOTONIC) - t0) / 1000;
      const m = await sys.recvmsg(fd, buf, MSG_ERRQUEUE | MSG_DONTWAIT);
      if (typeof m === 'number') {
        if (typeof (await sys.recvmsg(fd, buf, MSG_DONTWAIT)) !== 'number') return { addr: dst, us, reached: true };
        continue;
      }
      for (const cm of m.control) {
        if (cm.level !== SOL_IP || cm.type !== IP_RECVERR || !cm.value.offender) continue;
        const e = cm.value;
        return { addr: e.offender!.addr, us, reached: e.type === 3 && e.offender!.addr === dst };
      }
    }
  } finally {
    sys.close(fd);
  }
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const g = getopt(argv, '46bhl:m:np:V', [], { shortOnly: true });
  const usage = async (): Promise<number> => {
    await p.err.write(TRACEPATH_USAGE);
    return p.finish(255);
  };
  if (g.error) {
    await p.error(g.error);
    return usage();
  }
  let numeric = false;
  let both = false;
  let max = 30;
  let port = 44444;
  let len = 0;
  for (const o of g.opts) {
    if (o.key === 'n') numeric = true;
    else if (o.key === 'b') both = true;
    else if (o.key === 'm') max = Number(o.value);
    else if (o.key === 'p') port = Number(o.value);
    else if (o.key === 'l') len = Number(o.value) - 28;
    else if (o.key === 'V') {
      await p.out.write(iputilsVersion('tracepath'));
      return p.finish(0);
    } else if (o.key === 'h') return usage();
  }
  if (g.operands.length !== 1) return usage();
  const found = await lookupHost(sys, g.operands[0]!);
  if (typeof found === 'string') {
    await p.error(`${g.operands[0]}: ${found}`);
    return p.finish(1);
  }
  const target = found;
  const route = sys.rtGetRoute(target.addr);
  const lr = sys.rtLinks();
  const link = typeof route === 'number' || typeof lr === 'number' ? undefined : lr.find((l) => l.ifindex === route.ifindex);
  const mtu = link?.mtu ?? 1500;
  const name = async (addr: number): Promise<string> => {
    if (numeric) return fmt(addr);
    const n = (await reverseName(sys, addr)) ?? '???';
    return both ? `${n} (${fmt(addr)})` : n;
  };
  const line = async (text: string): Promise<void> => {
    await p.out.write(text + '\n');
    await p.out.flush();
  };
  await line(` 1?: ${'[LOCALHOST]'.padEnd(32)} pmtu ${mtu}`);
  for (let ttl = 1; ttl <= max; ttl++) {
    let answered = 0;
    for (let attempt = 0; attempt < 3 && answered < (ttl === 1 ? 2 : 1); attempt++) {
      const h = await probe(sys, target.addr, port++, ttl, Math.max(0, len));
      if (typeof h === 'string') {
        await p.error(h);
        return p.finish(1);
      }
      if (h === null) continue;
      answered++;
      const ms = Math.floor(h.us / 1000);
      const frac = String(Math.floor(h.us % 1000)).padStart(3, '0');
      await line(`${String(ttl).padStart(2)}:  ${(await name(h.addr)).padEnd(52)}${String(ms).padStart(3)}.${frac}ms ${h.reached ? 'reached' : ''}`);
      if (h.reached) {
        await line(`     Resume: pmtu ${mtu} hops ${ttl} back ${ttl} `);
        return p.finish(0);
      }
    }
    if (answered === 0) await line(`${String(ttl).padStart(2)}:  no reply`);
  }
  await line(`     Too many hops: pmtu ${mtu}`);
  await line(`     Resume: pmtu ${mtu} `);
  return p.finish(0);
};
