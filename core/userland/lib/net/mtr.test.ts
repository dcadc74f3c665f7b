// mtr's bookkeeping, report layout and command line, without a network: the batch rule, the loss and
// time statistics, the fixed-offset columns and mtr's option errors.
import { describe, expect, test } from 'vitest';
import { cursesFrame } from './mtr-curses.ts';
import { MtrNet } from './mtr-net.ts';
import { parseMtr } from './mtr-opts.ts';
import { cFixed, formatCsv, formatJson, formatReport, jsonReal, type ReportContext } from './mtr-report.ts';

const ip = (a: number): string => [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255].join('.');
const A = (s: string): number => s.split('.').reduce((v, p) => v * 256 + Number(p), 0);

function ctx(net: MtrNet, extra: Partial<ReportContext> = {}): ReportContext {
  return {
    net, localHost: 'pc1', target: '10.0.9.2', fields: 'LS NABWV', wide: false, tos: 0, psize: 64, bitpattern: 0,
    maxPing: 1, name: (a) => (a === null ? '???' : ip(a)), ip, ...extra,
  };
}

describe('batches', () => {
  test('the first batch probes one TTL past the target, later ones stop at it', () => {
    const dst = A('10.0.0.1');
    const net = new MtrNet(dst, 1, 30, 12);
    const first = net.nextProbe();
    expect(first).toEqual({ probe: { seq: 33000, ttl: 1 }, endsBatch: false });
    net.answer(33000, dst, 0, 100);
    const second = net.nextProbe();
    expect(second).toEqual({ probe: { seq: 33001, ttl: 2 }, endsBatch: true });
    expect(net.numhosts).toBe(1);
    expect(net.nextProbe()).toEqual({ probe: { seq: 33002, ttl: 1 }, endsBatch: true });
    expect(net.tickUs(1)).toBe(1000000);
    expect(net.maxShown()).toBe(1);
  });

  test('silent hops end a batch after more than -U unknown ones and show as one ??? line', () => {
    const net = new MtrNet(A('10.0.9.2'), 1, 30, 3);
    let n = 0;
    for (;;) {
      const { probe, endsBatch } = net.nextProbe();
      n++;
      if (probe.ttl === 1) net.answer(probe.seq, A('10.0.0.1'), 0, 50);
      if (endsBatch) break;
    }
    // TTL 1 answers; TTLs 2..5 are unknown: the batch ends when 4 (> 3) unknown ones lie below.
    expect(n).toBe(6);
    expect(net.maxShown()).toBe(2);
    net.endTransit();
    expect(net.hops[1]!.loss()).toBe(100000);
  });

  test('an unreachable error ends the display at its hop', () => {
    const net = new MtrNet(A('172.16.0.1'), 1, 30, 12);
    const { probe } = net.nextProbe();
    net.answer(probe.seq, A('10.0.0.1'), 101, 80);
    net.nextProbe();
    expect(net.maxShown()).toBe(1);
  });
});

describe('statistics', () => {
  test('loss, average and standard deviation as net.c computes them', () => {
    const net = new MtrNet(A('10.0.0.1'), 1, 30, 12);
    const a = net.nextProbe().probe.seq;
    net.answer(a, A('10.0.0.1'), 0, 100);
    net.nextProbe();
    const b = net.nextProbe().probe.seq;
    net.answer(b, A('10.0.0.1'), 0, 300);
    net.nextProbe();
    net.endTransit();
    const h = net.hops[0]!;
    expect(h.xmit).toBe(3);
    expect(h.returned).toBe(2);
    expect(h.avg).toBe(200);
    expect(h.stdev()).toBe(141);
    expect(h.loss()).toBe(33333);
    expect(net.answer(a, A('10.0.0.1'), 0, 5)).toBe(-1);
  });
});

describe('output', () => {
  test('report columns sit at fixed offsets and cut what overflows', () => {
    const net = new MtrNet(A('10.0.9.2'), 1, 30, 12);
    const s1 = net.nextProbe().probe.seq;
    net.answer(s1, A('10.0.0.1'), 0, 3081234);
    net.nextProbe();
    net.endTransit();
    expect(formatReport(ctx(net))).toBe(
      'HOST: pc1                         Loss%   Snt   Last   Avg  Best  Wrst StDev\n'
      + '  1.|-- 10.0.0.1                   0.0%     1  3081. 3081. 3081. 3081.   0.0\n'
      + '  2.|-- ???                       100.0     1    0.0   0.0   0.0   0.0   0.0\n',
    );
    expect(formatReport(ctx(net, { wide: true })).split('\n')[0]).toBe('HOST: pc1      Loss%   Snt   Last   Avg  Best  Wrst StDev');
  });

  test('JSON reals, CSV lines and C rounding', () => {
    expect(jsonReal(66.666)).toBe('66.666');
    expect(jsonReal(0)).toBe('0.0');
    expect(jsonReal(100)).toBe('100.0');
    expect(jsonReal(0.079)).toBe('0.079');
    expect(cFixed(0.25, 1)).toBe('0.2');
    expect(cFixed(0.35, 1)).toBe('0.3');
    const net = new MtrNet(A('10.0.0.1'), 1, 30, 12);
    net.answer(net.nextProbe().probe.seq, A('10.0.0.1'), 0, 90);
    net.nextProbe();
    net.endTransit();
    expect(formatCsv(ctx(net, { target: '10.0.0.1' }), 17)).toBe(
      'Mtr_Version,Start_Time,Status,Host,Hop,Ip,Loss%,Snt, ,Last,Avg,Best,Wrst,StDev,\n'
      + 'MTR.0.95,17,OK,10.0.0.1,1,10.0.0.1,0.00,1,0,0.09,0.09,0.09,0.09,0.00\n',
    );
    expect(formatJson(ctx(new MtrNet(A('10.0.0.1'), 1, 30, 12)))).toContain('"hubs": []');
  });
});

describe('curses screen', () => {
  test('the layout of mtr-tiny on 80 columns, a hop without answer waiting', () => {
    const net = new MtrNet(A('10.0.9.2'), 1, 30, 12);
    net.answer(net.nextProbe().probe.seq, A('10.0.0.1'), 0, 100);
    net.nextProbe();
    const plain = cursesFrame(ctx(net), { route: 'vm (10.0.0.2) -> 10.0.9.2 (10.0.9.2)', time: '2026-11-22T06:03:40+0000' }, 80, 24)
      .map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
    expect(plain).toEqual([
      `${' '.repeat(29)}My traceroute  [v0.95]`,
      `vm (10.0.0.2) -> 10.0.9.2 (10.0.9.2)${' '.repeat(19)}2026-11-22T06:03:40+0000`,
      'Keys:  Help   Display mode   Restart statistics   Order of fields   quit',
      `${' '.repeat(36)}   Packets${' '.repeat(15)}Pings`,
      ` Host${' '.repeat(31)} Loss%   Snt   Last   Avg  Best  Wrst StDev`,
      ` 1. 10.0.0.1${' '.repeat(24)}  0.0%     1    0.1   0.1   0.1   0.1   0.0`,
      ' 2. (waiting for reply)',
    ]);
  });
});

describe('command line', () => {
  test('defaults and values', () => {
    const r = parseMtr(['mtr', '-rn', '-c', '3', '-m', '4', '-f', '9', '10.0.9.2'], undefined);
    expect('opts' in r && { d: r.opts.display, c: r.opts.maxPing, m: r.opts.max, f: r.opts.first, dns: r.opts.dns, h: r.opts.hosts })
      .toEqual({ d: 'report', c: 3, m: 4, f: 4, dns: false, h: ['10.0.9.2'] });
  });

  test("mtr's messages", () => {
    expect(parseMtr(['mtr', '-c', 'abc'], undefined)).toEqual({ exit: 1, error: "invalid argument: 'abc'" });
    expect(parseMtr(['mtr', '-c', '-1'], undefined)).toEqual({ exit: 1, error: "invalid argument: '-1'" });
    expect(parseMtr(['mtr', '-i', '0'], undefined)).toEqual({ exit: 1, error: 'wait time must be positive' });
    expect(parseMtr(['mtr', '-u', '-T'], undefined)).toEqual({ exit: 1, error: '-u , -T and -S are mutually exclusive' });
    expect(parseMtr(['mtr', '--bogus'], undefined)).toEqual({ exit: 1, error: "unrecognized option '--bogus'", usage: true });
    expect(parseMtr(['mtr', '-r'], '-n -c 2 ignored')).toMatchObject({ opts: { dns: false, maxPing: 2, hosts: [] } });
  });
});
