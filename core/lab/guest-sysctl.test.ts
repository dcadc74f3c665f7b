import { describe, expect, test } from 'vitest';
import { Cpu } from '../cpu/index.ts';
import { buildBaseImage } from '../images/base.ts';
import { ROOT } from '../fs/index.ts';
import { EINVAL, ENOENT, EISDIR } from '../kernel/abi.ts';
import { Guest } from './guest.ts';

// Guest.writeSysctl takes the same handlers as a write to /proc/sys/..., without the path walk: both
// ways must agree on every outcome.
describe('Guest.writeSysctl', () => {
  const image = buildBaseImage();
  const fresh = () => {
    const g = new Guest({ cpu: new Cpu({ seed: 1 }), name: 'pc', image });
    g.boot();
    g.addInterface('eth0', 0x020000000001);
    return g;
  };
  const read = (g: Guest, key: string) => g.vfs.readFile(`/proc/sys/${key.replace(/\./g, '/')}`);

  test('sets the switch the /proc/sys file shows', () => {
    const g = fresh();
    expect(read(g, 'net.ipv4.ip_forward')).toBe('0\n');
    expect(g.writeSysctl('net.ipv4.ip_forward', '1')).toBe(0);
    expect(read(g, 'net.ipv4.ip_forward')).toBe('1\n');
    expect(g.net!.sysctl.ip_forward).toBe(1);
    expect(g.writeSysctl('net.ipv4.conf.eth0.rp_filter', '2')).toBe(0);
    expect(read(g, 'net.ipv4.conf.eth0.rp_filter')).toBe('2\n');
  });

  test.each([
    ['net.ipv4.no_such_switch', '1'],
    ['net.ipv4.conf.eth9.rp_filter', '0'],
    ['net.ipv4.conf', '1'],
    ['net.ipv4.ip_forward', 'yes'],
    ['kernel.hostname', 'x'],
  ])('%s=%s fails as the /proc/sys write does', (key, value) => {
    const a = fresh();
    const b = fresh();
    const viaProc = b.vfs.writeFile(`/proc/sys/${key.replace(/\./g, '/')}`, `${value}\n`, undefined, ROOT);
    const direct = a.writeSysctl(key, value);
    expect(direct).toBeLessThan(0);
    if (key.startsWith('net.')) expect(direct).toBe(viaProc);
    else expect(direct).toBe(-ENOENT);
  });

  test('errnos', () => {
    const g = fresh();
    expect(g.writeSysctl('net.ipv4.nope', '1')).toBe(-ENOENT);
    expect(g.writeSysctl('net.ipv4.conf', '1')).toBe(-EISDIR);
    expect(g.writeSysctl('net.ipv4.ip_forward', 'yes')).toBe(-EINVAL);
  });
});
