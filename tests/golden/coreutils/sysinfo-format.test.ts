// The exact layout of free, uptime, df and top -b in a guest. Their numbers come from the guest's own
// state (its /proc, virtual clock and the synthetic disk sizes of df), so they cannot be recorded on the
// host; the masked layouts recorded from the real tools are in expected.json (cases free-*-layout,
// uptime-layout, top-header-layout, top-p1-columns), and these tests pin the column widths, which the
// masks hide, to the rules of procps 4.0.2 and coreutils 9.1 (free: "%-7s" label + 12-column fields;
// uptime/top: sprint_uptime; df: minimum widths 14/4/5/5/5/4, widest value, numbers right-aligned).
import { describe, expect, test } from 'vitest';
import { TestGuest } from '../../helpers/guest.ts';

const g = new TestGuest();
const run = async (cmd: string): Promise<string> => (await g.sh(cmd)).output;

describe('free', () => {
  test('default: KiB from /proc/meminfo, used = total - available, 12-column fields', async () => {
    const info = await run('cat /proc/meminfo');
    const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(info)![1]);
    const out = (await run('free')).split('\n');
    expect(out[0]).toBe('               total        used        free      shared  buff/cache   available');
    const cols = (label: string, values: number[]): string => label.padEnd(8) + values.map((v) => ' ' + String(v).padStart(11)).join('');
    const total = kb('MemTotal');
    const avail = kb('MemAvailable');
    expect(out[1]).toBe(cols('Mem:', [total, total - avail, kb('MemFree'), kb('Shmem'), kb('Buffers') + kb('Cached') + kb('SReclaimable'), avail]));
    expect(out[2]).toBe(cols('Swap:', [0, 0, 0]));
  });
  test('-h, -m, -t, -w', async () => {
    expect(await run('free -h | sed -n 3p')).toBe('Swap:             0B          0B          0B\n');
    expect(await run('free -h | sed -n 2p')).toMatch(/^Mem: {4}( {1}[ 0-9.]{8}[0-9](Gi|Mi|Ki|B )|  {8}[0-9.]{2,3}[GMK]i| {10}0B){6}\n$/);
    expect(await run('free -m | sed -n 2p')).toMatch(/^Mem: {12}2048 +\d+ /);
    expect((await run('free -t')).split('\n')[3]).toMatch(/^Total: {2}( [ 0-9]{11}){3}$/);
    expect((await run('free -w')).split('\n')[0]).toBe('               total        used        free      shared     buffers       cache   available');
  });
});

describe('uptime', () => {
  test('at boot, after two hours and after two days', async () => {
    expect(await run('uptime')).toMatch(/^ \d\d:\d\d:\d\d up 0 min,  0 user,  load average: 0\.00, 0\.00, 0\.00\n$/);
    const h = new TestGuest();
    await h.driver.runFor(2 * 3600e9 + 5 * 60e9);
    expect((await h.sh('uptime')).output).toMatch(/^ 02:05:\d\d up  2:05,  0 user,  load average: 0\.00, 0\.00, 0\.00\n$/);
    expect((await h.sh('uptime -p')).output).toBe('up 2 hours, 5 minutes\n');
    expect((await h.sh('uptime -s')).output).toBe('2026-01-01 00:00:00\n');
    await h.driver.runFor(2 * 86400e9);
    expect((await h.sh('uptime')).output).toMatch(/^ 02:05:\d\d up 2 days,  2:05,  0 user,/);
    expect((await h.sh('uptime -p')).output).toBe('up 2 days, 2 hours, 5 minutes\n');
  });
});

describe('df (synthetic sizes)', () => {
  test('default, -h, -T, -a, -i, -P and FILE operands', async () => {
    expect(await run('df')).toBe(
      'Filesystem     1K-blocks    Used Available Use% Mounted on\n' +
      'overlay         61255492 2143712  55970104   4% /\n' +
      'tmpfs              65536       0     65536   0% /dev\n');
    expect(await run('df -h')).toBe(
      'Filesystem      Size  Used Avail Use% Mounted on\n' +
      'overlay          59G  2.1G   54G   4% /\n' +
      'tmpfs            64M     0   64M   0% /dev\n');
    expect(await run('df -Ta')).toBe(
      'Filesystem     Type    1K-blocks    Used Available Use% Mounted on\n' +
      'overlay        overlay  61255492 2143712  55970104   4% /\n' +
      'proc           proc            0       0         0    - /proc\n' +
      'tmpfs          tmpfs       65536       0     65536   0% /dev\n' +
      'devpts         devpts          0       0         0    - /dev/pts\n');
    expect(await run('df -i')).toBe(
      'Filesystem      Inodes IUsed   IFree IUse% Mounted on\n' +
      'overlay        3907584 68921 3838663    2% /\n' +
      'tmpfs           262144    17  262127    1% /dev\n');
    expect(await run('df -P /etc/passwd /dev/null')).toBe(
      'Filesystem     1024-blocks    Used Available Capacity Mounted on\n' +
      'overlay           61255492 2143712  55970104       4% /\n' +
      'tmpfs                65536       0     65536       0% /dev\n');
  });
});

describe('top -b', () => {
  test('summary lines and process rows in procps 4.0.2 columns, cut at 80', async () => {
    const lines = (await run('sleep 100 & sleep 0.1; top -b -n 1; kill %1')).split('\n');
    expect(lines[0]).toMatch(/^top - \d\d:\d\d:\d\d up 0 min,  0 user,  load average: 0\.00, 0\.00, 0\.00$/);
    expect(lines[1]).toMatch(/^Tasks: +\d+ total, +\d+ running, +\d+ sleeping, +0 stopped, +0 zombie$/);
    expect(lines[2]).toBe('%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st ');
    expect(lines[3]).toMatch(/^MiB Mem :( +\d+\.\d (total|free|used),){3} +\d+\.\d buff\/cache {5}$/);
    expect(lines[4]).toMatch(/^MiB Swap: +0\.0 total, +0\.0 free, +0\.0 used\. +\d+\.\d avail Mem $/);
    expect(lines[5]).toBe('');
    expect(lines[6]).toBe('  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND');
    const rows = lines.slice(7).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) expect(r).toMatch(/^[ \d]{5} \S{1,8} +\d+ +-?\d+ +\d+ +\d+ +\d+ [RSDTZI] +\d+\.\d +\d+\.\d +\d+:\d\d\.\d\d \S/);
    expect(rows[0]).toMatch(/^    1 root      20   0    4472   1024    896 S   0\.0   0\.0   0:00\.\d\d init$/);
    expect(rows.some((r) => / sleep$/.test(r))).toBe(true);
  });
  test('-n 2 -d 1: two frames, a blank line between them; -p selects processes', async () => {
    const out = await run('top -b -n 2 -d 1 -p 1');
    const frames = out.split(/\n(?=top - )/);
    expect(frames.length).toBe(2);
    expect(frames[0]!.endsWith('init\n\n') || frames[0]!.endsWith('init\n')).toBe(true);
    expect(out.match(/^ +\d+ root/gm)!.length).toBe(2);
  });
});
