// Interactive vtysh in Netloom against FRR 8.4.4's on a terminal: the lab of golden/frr-vtysh/lab (one
// router, zebra + staticd + ripd) starts FRR, then each line of golden/frr-vtysh/sessions.txt
// (NAME|KEYS|KEYS...) opens a console on r1, runs `exec vtysh`, types each group of keys one byte every
// 20 ms of virtual time, lets 500 ms pass after each group, and compares what the terminal shows with
// golden/frr-vtysh/expected/NAME.txt, which record.sh recorded from the real vtysh on a pseudo-terminal.
//
// The comparison is of the screen text, not of the bytes: both outputs are played on a small terminal
// model (CR, LF, backspace, bell, and readline's CSI K, P, @, C, D), since readline moves its cursor with
// sequences of its own choosing. The screens are compared after each group of keys (the recording has a
// NUL byte where each group's output ends), so that a line edited and then cleared is checked too. Sessions marked `lists` below are compared with the lists `?` and TAB
// print taken as sets: the real vtysh knows every FRR daemon's commands (bgp, ospf, isis ...), Netloom
// only those of the daemons it runs, so there each entry Netloom lists must be one the real vtysh lists
// (help text included), everything else on the screen must be the same.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImageStore, Lab, formatDiagnostic } from '../../core/index.ts';
import { nodeHost } from '../../server/host.ts';
import { nodeLabFiles } from '../../server/lab-folder.ts';

const dir = resolve(import.meta.dirname, 'frr-vtysh');
const sessions = readFileSync(resolve(dir, 'sessions.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => {
  const [name, ...groups] = l.split('|');
  return { name: name!, groups: groups.map(unescape) };
});

/** Sessions whose `?` and TAB lists hold commands of daemons Netloom does not have. */
const LISTS = new Set(['top-help', 'show-help', 'show-ip-help', 'show-ip-r-help', 'show-ip-route-help', 'show-int-help',
  'show-ip-rip-help', 'ambiguous-help', 'tab-ambiguous', 'config-help', 'router-rip-help', 'interface-help', 'write-help']);

/**
 * Entries Netloom lists that FRR 8.4.4 does not: the daemons' common commands are accepted more widely
 * than FRR's (daemon.ts takes `no banner LINE...`, which FRR has not).
 */
const KNOWN_EXTRA: Record<string, string[]> = { 'config-help': ['banner'] };

/**
 * Where several commands have the same token at that place, FRR shows the help of one of them, and not
 * always the same one from run to run (`ip` in an interface node was "IP information" in one recording,
 * "Interface Internet Protocol config commands" in the next): a help text is only required to be the
 * real one where the real vtysh showed it at least once for that token in the recordings.
 */
const realHelps = new Map<string, Set<string>>();

/** Python's escapes as sessions.txt writes them: \t, \r, \x03 ... */
function unescape(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|[trn\\])/g, (_m, e: string) =>
    e[0] === 'x' ? String.fromCharCode(parseInt(e.slice(1), 16)) : ({ t: '\t', r: '\r', n: '\n', '\\': '\\' } as Record<string, string>)[e]!);
}

/** The text a terminal shows after `bytes` (no wrapping: every line as long as it was written). */
export function screen(bytes: string): string {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    const line = lines[row]!;
    if (c === '\r') col = 0;
    else if (c === '\n') {
      row++;
      lines[row] ??= [];
    } else if (c === '\b') col = Math.max(0, col - 1);
    else if (c === '\x07' || c === '\0') continue;
    else if (c === '\x1b') {
      const m = /^\x1b\[([0-9;?]*)([@-~])/.exec(bytes.slice(i));
      if (!m) {
        i++;
        continue;
      }
      i += m[0].length - 1;
      const n = Number(m[1] || '1');
      if (m[2] === 'K') line.length = Math.min(line.length, col);
      else if (m[2] === 'P') line.splice(col, n);
      else if (m[2] === '@') line.splice(col, 0, ...' '.repeat(n));
      else if (m[2] === 'C') col += n;
      else if (m[2] === 'D') col = Math.max(0, col - n);
    } else {
      while (line.length < col) line.push(' ');
      line[col++] = c;
    }
  }
  return lines.map((l) => l.join('')).join('\n');
}

/** What vtysh showed: from its banner on. */
function fromBanner(text: string): string {
  const at = text.indexOf('Hello, this is FRRouting');
  return at < 0 ? `(no banner) ${text}` : text.slice(at);
}

/** A line of a `?` list (`  TEXT  HELP`) or of a TAB list (words in columns). */
const isList = (l: string) => l.startsWith('  ') || (/^\S+( {2,}\S+)* *$/.test(l) && !l.includes('#') && / {2}/.test(l));

/** The screen with each run of list lines as one marker, and the runs' entries. */
function split(text: string): { skeleton: string; lists: string[][] } {
  const out: string[] = [];
  const lists: string[][] = [];
  for (const l of text.split('\n')) {
    if (!isList(l)) {
      out.push(l);
      continue;
    }
    const entries = l.startsWith('  ') ? [l.trim().replace(/\s+/g, ' ')] : l.trim().split(/\s+/);
    if (out.at(-1) === '<list>') lists.at(-1)!.push(...entries);
    else {
      out.push('<list>');
      lists.push(entries);
    }
  }
  return { skeleton: out.join('\n'), lists };
}

for (const s of sessions) {
  const text = screen(readFileSync(resolve(dir, 'expected', `${s.name}.txt`), 'latin1'));
  for (const l of text.split('\n')) {
    if (!l.startsWith('  ')) continue;
    const e = l.trim().replace(/\s+/g, ' ');
    const t = e.split(' ')[0]!;
    if (!realHelps.has(t)) realHelps.set(t, new Set());
    realHelps.get(t)!.add(e);
  }
}

describe('interactive vtysh (golden/frr-vtysh)', async () => {
  const made = Lab.create(nodeLabFiles(resolve(dir, 'lab')), { host: nodeHost, images: new ImageStore() });
  if (!made.ok) throw new Error(made.errors.map(formatDiagnostic).join('\n'));
  const lab = made.lab;
  lab.setMode('fast');
  await lab.start();
  const started = await lab.exec('r1', '/etc/init.d/frr start');
  if (!started.ok) throw new Error(started.error);

  async function run(groups: readonly string[]): Promise<string> {
    let text = '';
    const con = lab.openConsole('r1', (b) => (text += new TextDecoder().decode(b)));
    if ('ok' in con) throw new Error(con.error);
    const type = async (keys: string) => {
      for (const ch of keys.match(/\x1b\[[0-9;]*[A-Za-z~]|[^]/g) ?? []) {
        con.input(new TextEncoder().encode(ch));
        await lab.advance(20e6);
      }
      await lab.advance(500e6);
    };
    await lab.advance(100e6);
    await type('exec vtysh\r');
    for (const g of groups) {
      await type(g);
      text += '\0';
    }
    con.close();
    return fromBanner(text);
  }

  // One after another, as the recorder ran them (history and the node do not carry over: each is a new vtysh).
  const outputs = new Map<string, Promise<string>>();
  let chain: Promise<unknown> = Promise.resolve();
  for (const s of sessions) {
    const p = chain.then(() => run(s.groups));
    outputs.set(s.name, p);
    chain = p.catch(() => undefined);
  }

  for (const s of sessions) {
    it(s.name, async () => {
      const ours = await outputs.get(s.name)!;
      const token = (e: string) => e.split(' ')[0]!;
      const real = fromBanner(readFileSync(resolve(dir, 'expected', `${s.name}.txt`), 'latin1'));
      const steps = (t: string) => [...t.matchAll(/\0/g)].map((m) => screen(t.slice(0, m.index)));
      const o = steps(ours);
      const r = steps(real);
      expect(o.length).toBe(s.groups.length);
      expect(r.length).toBe(s.groups.length);
      for (let k = 0; k < o.length; k++) {
        const after = `after ${JSON.stringify(s.groups.slice(0, k + 1))}`;
        if (!LISTS.has(s.name)) {
          expect(o[k], after).toBe(r[k]);
          continue;
        }
        const os = split(o[k]!);
        const rs = split(r[k]!);
        expect(os.skeleton, after).toBe(rs.skeleton);
        os.lists.forEach((entries, i) => {
          expect(entries.length, after).toBeGreaterThan(0);
          const real = rs.lists[i]!;
          expect(entries.filter((e) => !real.some((x) => token(x) === token(e)) && !KNOWN_EXTRA[s.name]?.includes(token(e))), after)
            .toEqual([]);
          // A help text that differs must be one the real vtysh gave that token somewhere else.
          const helps = entries.filter((e) => e.includes(' ') && !real.includes(e) && real.some((x) => token(x) === token(e)));
          expect(helps.filter((e) => !realHelps.get(token(e))?.has(e)), after).toEqual([]);
        });
      }
    });
  }

});
