// /proc/net and /proc/sys/net formats against the Debian 12 recordings in fixtures/.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Cpu } from '../../cpu/index.ts';
import { Stack, procNetArp, procNetDev, procNetRoute, procNetSnmp, procSysNet, Nud } from './index.ts';
import type { GenDir, GenFile } from '../../fs/types.ts';

const fixture = (n: string) => readFileSync(new URL(`./fixtures/${n}`, import.meta.url), 'utf8');
const c = { pid: 1, uid: 0, gid: 0 };

function setup(): Stack {
  const s = new Stack({ cpu: new Cpu() });
  const va = s.addEthernet('va', 0x36_7e_58_73_30_0f);
  s.config.changeLink(1, { up: true });
  s.config.changeLink(va.ifindex, { up: true });
  s.setCarrier(va, true);
  s.config.addAddress({ ifindex: va.ifindex, address: 0x0a000001, prefixLength: 24 });
  return s;
}

describe('/proc/net', () => {
  it('route matches Linux byte for byte', () => {
    const s = setup();
    expect(s.config.addRoute({ dst: 0x14000000, prefixLength: 24, gateway: 0x0a000001 })).toBe(0);
    expect(procNetRoute(s)).toBe(fixture('proc-net-route.txt'));
  });

  it('arp, dev and snmp headers match Linux', () => {
    const s = setup();
    const n = s.neighbours.create(2, 0x0a000002);
    s.neighbours.update(n, 0x36_7e_58_73_30_0f, Nud.REACHABLE, true);
    s.config.setNeighbour({ ifindex: 2, address: 0x0a000009, mac: 0x00_11_22_33_44_55, state: Nud.PERMANENT });
    expect(procNetArp(s)).toBe(fixture('proc-net-arp.txt'));
    expect(procNetDev(s).split('\n').slice(0, 2)).toEqual(fixture('proc-net-dev.txt').split('\n').slice(0, 2));
    expect(procNetDev(s).split('\n')[2]).toBe('    lo:       0       0    0    0    0     0          0         0        0       0    0    0    0     0       0          0');
    const want = fixture('proc-net-snmp.txt').split('\n').filter((l, i, a) => !l.startsWith('IcmpMsg') && a.indexOf(l) === i && l.includes(':') && /[A-Z]/.test(l.split(': ')[1] ?? ''));
    const got = procNetSnmp(s).split('\n').filter((l) => /[A-Z]/.test(l.split(': ')[1] ?? ''));
    expect(got).toEqual(want.filter((l) => !l.startsWith('IcmpMsg')));
  });
});

describe('/proc/sys/net/ipv4', () => {
  it('ip_forward is the real switch', () => {
    const s = setup();
    const ipv4 = procSysNet(s).get('ipv4', c) as GenDir;
    const f = ipv4.get('ip_forward', c) as GenFile;
    expect(f.read(c)).toBe('0\n');
    expect(f.write!(new TextEncoder().encode('1\n'), c)).toBe(2);
    expect(s.iface(2)!.conf.forwarding).toBe(1);
    const conf = (ipv4.get('conf', c) as GenDir).get('va', c) as GenDir;
    expect((conf.get('forwarding', c) as GenFile).read(c)).toBe('1\n');
    expect(f.write!(new TextEncoder().encode('x'), c)).toBe(-22);
    const want = fixture('conf-va.txt').split('\n').filter(Boolean).map((l) => l.split('=')[0]);
    expect(conf.list(c)).toEqual(want);
    const neigh = ((ipv4.get('neigh', c) as GenDir).get('va', c) as GenDir);
    expect(neigh.list(c)).toEqual(fixture('neigh-va.txt').split('\n').filter(Boolean).map((l) => l.split('=')[0]));
    expect((neigh.get('retrans_time', c) as GenFile).read(c)).toBe('100\n');
  });

  it('conf/ and neigh/ follow interfaces added, renamed and removed after the first lookup', () => {
    const s = setup();
    const ipv4 = procSysNet(s).get('ipv4', c) as GenDir;
    const conf = ipv4.get('conf', c) as GenDir;
    const neigh = ipv4.get('neigh', c) as GenDir;
    const rp = (dir: GenDir, dev: string) => ((dir.get(dev, c) as GenDir).get('rp_filter', c) as GenFile);
    expect(rp(conf, 'va').write!(new TextEncoder().encode('2\n'), c)).toBe(2);
    const vb = s.addEthernet('vb', 0x36_7e_58_73_30_10);
    expect(conf.list(c)).toEqual(['all', 'default', 'lo', 'va', 'vb']);
    expect(neigh.list(c)).toEqual(['default', 'lo', 'va', 'vb']);
    expect(rp(conf, 'vb').read(c)).toBe(`${vb.conf.rp_filter}\n`);
    s.config.changeLink(vb.ifindex, { name: 'vc' });
    expect(conf.get('vb', c)).toBeUndefined();
    expect(neigh.get('vb', c)).toBeUndefined();
    expect(rp(conf, 'vc').write!(new TextEncoder().encode('1\n'), c)).toBe(2);
    expect(vb.conf.rp_filter).toBe(1);
    s.removeInterface(s.ifaceByName('va')!);
    expect(conf.get('va', c)).toBeUndefined();
    const again = s.addEthernet('va', 0x36_7e_58_73_30_11);
    expect(rp(conf, 'va').read(c)).toBe(`${again.conf.rp_filter}\n`);
    expect(conf.list(c)).toEqual(['all', 'default', 'lo', 'vc', 'va']);
    expect(ipv4.list(c).slice(0, 4)).toEqual(['conf', 'neigh', 'route', 'fwmark_reflect']);
  });
});
