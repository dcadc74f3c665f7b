// Runs every recorded stty golden case (tests/golden/stty/expected.json) in a fresh guest: the script is
// run by bash from the console's interactive shell, and what the terminal showed meanwhile is compared
// byte for byte (with bash's exit status) with what the real stty showed on a fresh pseudo-terminal.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestGuest } from '../helpers/guest.ts';
import type { SttyRecord } from './stty/cases.ts';

const records: SttyRecord[] = JSON.parse(readFileSync(new URL('./stty/expected.json', import.meta.url), 'utf8'));
const PROMPT = 'root@pc:~# ';
const COMMAND = 'bash /tmp/case.sh; echo "[$?]"\r';

async function runOnConsole(script: string): Promise<{ output: string; status: number }> {
  const g = new TestGuest();
  const put = await g.run(['bash', '-c', 'cat > /tmp/case.sh'], { stdin: script });
  if (put.exitCode !== 0) throw new Error(put.output);
  let screen = '';
  const con = g.guest.openConsole((b) => (screen += new TextDecoder().decode(b)));
  if (typeof con === 'number') throw new Error(`cannot open a console: errno ${-con}`);
  await g.driver.runUntil(() => screen.endsWith(PROMPT));
  screen = '';
  con.input(new TextEncoder().encode(COMMAND));
  await g.driver.runUntil(() => /\[\d+\]\r?\n/.test(screen) && screen.endsWith(PROMPT));
  // The typed line's echo ends at the first newline; the case's output follows, then our status line.
  const afterEcho = screen.slice(screen.indexOf('\n') + 1);
  const m = /\[(\d+)\]\r?\n[^]*$/.exec(afterEcho);
  if (!m) throw new Error(`no status in ${JSON.stringify(screen)}`);
  return { output: afterEcho.slice(0, m.index), status: Number(m[1]) };
}

describe('stty', () => {
  for (const r of records) {
    test(r.name, async () => {
      expect(await runOnConsole(r.script)).toEqual({ output: r.output, status: r.status });
    });
  }
});
