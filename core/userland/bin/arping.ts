// iputils 20221126 arping(8): ARP requests on an AF_PACKET socket bound to -I's interface, broadcast
// until the first reply and unicast after it (unless -b), duplicate address detection (-D), unsolicited
// announcements (-U, -A), -c -w -f -i -s -q, and arping's summary and exit statuses.
import {
  AF_INET, AF_PACKET, CLOCK_MONOTONIC, ETH_P_ARP, MSG_DONTWAIT, POLLIN, SIGINT, SOCK_DGRAM, SO_BINDTODEVICE, SOL_SOCKET,
  type Program, type RtLink, type Sys,
} from '../../kernel/abi.ts';
import { ArpPacket, MAC_BROADCAST, emitArp, formatIpv4Address as fmt, parseArp } from '../../net/wire/index.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { ARPING_USAGE, iputilsVersion } from '../lib/net/probe-usage.ts';
import { inetAton, lookupHost } from '../lib/net/resolve.ts';
import { Proc } from '../lib/program.ts';

const macText = (m: number): string => Array.from({ length: 6 }, (_, i) => Math.floor(m / 2 ** (40 - 8 * i)) % 256)
  .map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');

interface ArpingOpts {
  count: number;
  deadline: number;
  interval: number;
  dad: boolean;
  unsolicited: boolean;
  answer: boolean;
  first: boolean;
  quiet: boolean;
  broadcastOnly: boolean;
  source: string | null;
  iface: string | null;
}

/** The interface to use: -I's, else the first up non-loopback one with an IPv4 address (as arping guesses). */
function pickLink(sys: Sys, name: string | null): RtLink | null {
  const lr = sys.rtLinks();
  const links = typeof lr === 'number' ? [] : lr;
  if (name !== null) return links.find((l) => l.name === name) ?? null;
  return links.find((l) => l.kind !== 'loopback' && l.up) ?? null;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Proc(sys, argv, envp);
  const g = getopt(argv, 'h?bfDUAqc:w:i:s:I:V', [], { shortOnly: true });
  const usage = async (msg?: string): Promise<number> => {
    if (msg) await p.error(msg);
    await p.err.write(ARPING_USAGE);
    return p.finish(2);
  };
  if (g.error) return usage(g.error);
  const o: ArpingOpts = { count: -1, deadline: 0, interval: 1, dad: false, unsolicited: false, answer: false, first: false, quiet: false, broadcastOnly: false, source: null, iface: null };
  for (const opt of g.opts) {
    const v = opt.value ?? '';
    switch (opt.key) {
      case 'b': o.broadcastOnly = true; break;
      case 'f': o.first = true; break;
      case 'D': o.dad = true; o.first = true; break;
      case 'U': o.unsolicited = true; break;
      case 'A': o.answer = true; o.unsolicited = true; break;
      case 'q': o.quiet = true; break;
      case 'c': o.count = Number(v); break;
      case 'w': o.deadline = Number(v); break;
      case 'i': o.interval = Number(v); break;
      case 's': o.source = v; break;
      case 'I': o.iface = v; break;
      case 'V': await p.out.write(iputilsVersion('arping')); return p.finish(0);
      default: return usage();
    }
  }
  if (g.operands.length !== 1) return usage();
  const host = g.operands[0]!;
  const link = pickLink(sys, o.iface);
  if (!link) {
    await p.error(`Device ${o.iface ?? ''} not available.`);
    return p.finish(2);
  }
  const found = await lookupHost(sys, host);
  if (typeof found === 'string') {
    await p.error(`${host}: ${found}`);
    return p.finish(2);
  }
  const target = found;
  let src = 0;
  if (o.source !== null) src = inetAton(o.source) ?? 0;
  else if (o.unsolicited) src = target.addr;
  else if (!o.dad) {
    const probe = sys.socket(AF_INET, SOCK_DGRAM, 0);
    sys.setsockopt(probe, SOL_SOCKET, SO_BINDTODEVICE, link.name);
    const c = await sys.connect(probe, { family: AF_INET, addr: target.addr, port: 1025 });
    const name = c < 0 ? -1 : sys.getsockname(probe);
    sys.close(probe);
    if (typeof name === 'number' || name.family !== AF_INET) {
      await p.error(`connect: ${strerror(c < 0 ? c : -99)}`);
      return p.finish(2);
    }
    src = name.addr;
  }
  const fd = sys.socket(AF_PACKET, SOCK_DGRAM, ETH_P_ARP);
  if (fd < 0) {
    await p.error(`socket: ${strerror(fd)}`);
    return p.finish(2);
  }
  const b = sys.bind(fd, { family: AF_PACKET, ifindex: link.ifindex, protocol: ETH_P_ARP });
  if (b < 0) {
    await p.error(`bind: ${strerror(b)}`);
    return p.finish(2);
  }
  await p.out.write(`ARPING ${fmt(target.addr)} from ${fmt(src)} ${link.name}\n`);
  await p.out.flush();
  let interrupted = false;
  sys.sigaction(SIGINT, { handler: () => (interrupted = true) });
  const now = (): number => sys.clockGettime(CLOCK_MONOTONIC);
  let sent = 0;
  let broadcasts = 0;
  let received = 0;
  let unicastTo: number | null = null;
  let sentAt = 0;
  const start = now();
  const buf = new Uint8Array(1500);
  let nextSend = start;
  const send = async (): Promise<void> => {
    const dstMac = unicastTo !== null && !o.broadcastOnly ? unicastTo : MAC_BROADCAST;
    const pkt = new Uint8Array(28);
    emitArp({ operation: o.answer ? 2 : 1, senderMac: link.mac, senderIp: src, targetMac: o.answer ? link.mac : 0, targetIp: target.addr }, pkt);
    await sys.sendto(fd, pkt, 0, { family: AF_PACKET, ifindex: link.ifindex, protocol: ETH_P_ARP, addr: dstMac });
    sent++;
    if (dstMac === MAC_BROADCAST) broadcasts++;
    sentAt = now();
  };
  for (;;) {
    if (interrupted) break;
    const t = now();
    if (o.first && received > 0) break;
    const countDone = o.count >= 0 && sent >= o.count;
    // A probe falling due at the deadline still goes out (arping -w 2 sends at 0, 1 and 2 s).
    if (!countDone && t >= nextSend && (!o.deadline || t - start <= o.deadline * 1e9)) {
      await send();
      nextSend = sentAt + o.interval * 1e9;
      continue;
    }
    if (o.deadline && t - start >= o.deadline * 1e9) break;
    if (countDone && (!o.deadline || received >= o.count) && t >= nextSend) break;
    let until = nextSend;
    if (o.deadline) until = Math.min(until, start + o.deadline * 1e9);
    const fds = [{ fd, events: POLLIN, revents: 0 }];
    if ((await sys.poll(fds, Math.max(0, until - t))) <= 0) continue;
    for (;;) {
      const m = await sys.recvfrom(fd, buf, MSG_DONTWAIT);
      if (typeof m === 'number') break;
      const pkt = ArpPacket.checked(buf.subarray(0, m.length));
      const a = pkt ? parseArp(pkt) : null;
      if (!a || (a.operation !== 1 && a.operation !== 2) || a.senderIp !== target.addr) continue;
      if (o.unsolicited) continue;
      if (src !== 0 && a.targetIp !== src) continue;
      if (o.dad && a.operation === 1) continue;
      received++;
      if (unicastTo === null) unicastTo = a.senderMac;
      if (!o.quiet) {
        const us = Math.max(0, Math.floor((now() - sentAt) / 1000));
        const kind = m.from && 'pkttype' in m.from && m.from.pkttype === 1 ? 'Broadcast' : 'Unicast';
        await p.out.write(`${kind} ${a.operation === 2 ? 'reply' : 'request'} from ${fmt(a.senderIp)} [${macText(a.senderMac)}]  ${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}ms\n`);
        await p.out.flush();
      }
    }
  }
  sys.close(fd);
  if (!o.quiet) {
    await p.out.write(`Sent ${sent} probes (${broadcasts} broadcast(s))\nReceived ${received} response(s)\n`);
  }
  const status = o.dad ? (received > 0 ? 1 : 0) : o.unsolicited ? 0 : received > 0 ? 0 : 1;
  return p.finish(status);
};
