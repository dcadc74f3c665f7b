// BIND's named and dig in guests: the lab of tests/golden/dns/lab (a root server, the .org server, the
// authoritative server of example.org, a resolver recursing from the root hints, a resolver refusing
// recursion, and a client with /etc/resolv.conf), checked against dig's outputs recorded from the real
// BIND 9.18 in that same topology (tests/golden/dns/README.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../core/index.ts';
import { bootLab, sh } from './helpers/lab.ts';

const GOLDEN = join(import.meta.dirname, 'golden/dns');

function labFiles(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, labFiles(p, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(p, 'utf8');
  }
  return out;
}

/**
 * What varies by nature between runs: query ids, times, dates, cookies; RRs of one set in any order.
 * TTLs the resolver counts down are compared apart, within 2 s (the recording's real clock drifts from
 * the test's virtual one by the time the real servers took).
 */
export function mask(text: string): { text: string; ttls: number[] } {
  const lines = text
    .replace(/id: \d+/g, 'id: ID')
    .replace(/Query time: \d+ msec/g, 'Query time: T msec')
    .replace(/ in \d+ ms$/gm, ' in T ms')
    .replace(/WHEN: .*/g, 'WHEN: DATE')
    .replace(/COOKIE: [0-9a-f]+/g, 'COOKIE: C')
    .split('\n');
  // Sort runs of record lines (BIND's rrset-order is random).
  const out: Array<{ line: string; ttl: number | null }> = [];
  let run: Array<{ line: string; ttl: number | null }> = [];
  const flush = () => {
    out.push(...run.sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : 0)));
    run = [];
  };
  for (const l of lines) {
    const rr = /^(\S+\s+)(\d+)(\s+IN\s.*)$/.exec(l);
    if (l !== '' && !l.startsWith(';') && !l.startsWith('exit=')) {
      run.push(rr ? { line: `${rr[1]}TTL${rr[3]}`, ttl: Number(rr[2]) } : { line: l, ttl: null });
    } else {
      flush();
      out.push({ line: l, ttl: null });
    }
  }
  flush();
  return { text: out.map((x) => x.line).join('\n'), ttls: out.flatMap((x) => (x.ttl === null ? [] : [x.ttl])) };
}

const CASES = readFileSync(join(GOLDEN, 'cases.txt'), 'utf8').split('\n').filter(Boolean).map((l) => l.split('|') as [string, string]);

describe('named and dig', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await bootLab(labFiles(join(GOLDEN, 'lab')));
  }, 60_000);
  afterAll(async () => {
    await lab?.stop?.();
  });

  it('boots the bind devices as kathara/bind (any tag)', () => {
    expect(lab.warnings).toEqual([]);
    expect(lab.device('root')?.runs).toBe('kathara/bind');
    expect(lab.device('pc')?.runs).toBe('kathara/base');
  });

  for (const [name, command] of CASES) {
    it(`${name}: ${command}`, async () => {
      const expected = readFileSync(join(GOLDEN, `${name}.txt`), 'utf8');
      const got = mask(await sh(lab, 'pc', `${command}; echo exit=$?`));
      const want = mask(expected);
      expect(got.text).toBe(want.text);
      expect(got.ttls.length).toBe(want.ttls.length);
      got.ttls.forEach((t, i) => expect(Math.abs(t - want.ttls[i]!), `TTL ${t} vs ${want.ttls[i]}`).toBeLessThanOrEqual(2));
    });
  }
});
