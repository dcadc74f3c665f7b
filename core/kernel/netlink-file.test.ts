import { describe, expect, test } from 'vitest';
import { Cpu, Driver } from '../cpu/index.ts';
import { buildBaseImage } from '../images/base.ts';
import { Guest } from '../lab/guest.ts';
import { Capture } from './spawn.ts';
import {
  EAGAIN, MSG_DONTWAIT, POLLIN, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_ROUTE, RTNLGRP_LINK, RTNLGRP_NEIGH, rtnlGroupBit,
  type Program, type RtEvent, type Sys,
} from './abi.ts';
import { nodeHost } from '../../server/host.ts';

async function runProgram(body: (sys: Sys) => Promise<number>) {
  const t: Program = async (sys) => body(sys);
  const image = buildBaseImage({ t: { path: '/usr/bin/t', program: t } });
  const cpu = new Cpu({ seed: 3 });
  const driver = new Driver(cpu, nodeHost);
  const guest = new Guest({ cpu, name: 'g', image });
  guest.boot();
  const proc = guest.startArgv(['/usr/bin/t'], new Capture());
  if (typeof proc === 'number') throw new Error(`spawn failed ${proc}`);
  let status = -1;
  void guest.kernel.whenExited(proc.pid).then((s) => (status = s));
  await driver.runUntil(() => status >= 0, 1e15);
  return { status, guest };
}

/** A short description of a notification, to compare sequences. */
function describeEvent(e: RtEvent): string {
  const d = e.deleted ? 'del ' : '';
  switch (e.group) {
    case RTNLGRP_LINK: return `${d}link ${e.link.name} up=${e.link.up}`;
    case RTNLGRP_IPV4_IFADDR: return `${d}addr ${e.addr.address.toString(16)}/${e.addr.prefixLength}`;
    case RTNLGRP_IPV4_ROUTE: return `${d}route t${e.route.table} ${e.route.dst.toString(16)}/${e.route.prefixLength}`;
    case RTNLGRP_NEIGH: return `${d}neigh ${e.neigh.address.toString(16)} ${e.neigh.state}`;
  }
}

const ALL = [RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_ROUTE, RTNLGRP_NEIGH].reduce((m, g) => m | rtnlGroupBit(g), 0);

describe('rtnetlink subscriptions', () => {
  test('an address on lo: the address, then its local route (lo already has the prefix route)', async () => {
    let seen: string[] = [];
    const { status } = await runProgram(async (sys) => {
      const fd = sys.rtSubscribe(ALL);
      if (fd < 0) return 1;
      if (sys.rtAddAddr({ ifindex: 1, address: 0x7f000002, prefixLength: 8 }) !== 0) return 2;
      const r = await sys.rtReadEvents(fd, 0);
      if (typeof r === 'number') return 3;
      seen = r.map(describeEvent);
      return 0;
    });
    expect(status).toBe(0);
    // lo is up after boot with 127.0.0.1/8: the new address adds its local route only (the prefix route exists).
    expect(seen).toEqual(['addr 7f000002/8', 'route t255 7f000002/32']);
  });

  test('groups filter what is queued; MSG_DONTWAIT on an empty queue is EAGAIN; poll says POLLIN when queued', async () => {
    const results: unknown[] = [];
    const { status } = await runProgram(async (sys) => {
      const fd = sys.rtSubscribe(rtnlGroupBit(RTNLGRP_IPV4_ROUTE));
      results.push(await sys.rtReadEvents(fd, MSG_DONTWAIT));
      const fds = [{ fd, events: POLLIN, revents: 0 }];
      results.push(await sys.poll(fds, 0));
      sys.rtAddAddr({ ifindex: 1, address: 0x7f000003, prefixLength: 8 });
      results.push(await sys.poll(fds, 0), fds[0]!.revents & POLLIN);
      const r = await sys.rtReadEvents(fd, 0);
      results.push(typeof r === 'number' ? r : r.map(describeEvent));
      return 0;
    });
    expect(status).toBe(0);
    expect(results).toEqual([-EAGAIN, 0, 1, POLLIN, ['route t255 7f000003/32']]);
  });

  test('a reader sleeps until another process changes something; closing unsubscribes', async () => {
    let seen: string[] = [];
    const { status, guest } = await runProgram(async (sys) => {
      const fd = sys.rtSubscribe(rtnlGroupBit(RTNLGRP_IPV4_IFADDR));
      const child = sys.fork(async (c) => {
        await c.nanosleep(5e8);
        return c.rtAddAddr({ ifindex: 1, address: 0x7f000004, prefixLength: 8 }) === 0 ? 0 : 1;
      });
      if (typeof child !== 'number' || child < 0) return 1;
      const r = await sys.rtReadEvents(fd, 0);
      if (typeof r === 'number') return 2;
      seen = r.map(describeEvent);
      await sys.wait4(child, 0);
      sys.close(fd);
      return 0;
    });
    expect(status).toBe(0);
    expect(seen).toEqual(['addr 7f000004/8']);
    expect(guest.kernel.net!.events.active).toBe(false);
  });
});
