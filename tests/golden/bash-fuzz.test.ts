// Fuzzing `bash -c` with random bytes and random shell syntax (seeded, so failures reproduce): every
// input must end with an exit status (output or an error message, never a thrown exception or a hung
// process), and the guest must still run commands afterwards.
import { describe, test, expect } from 'vitest';
import { TestGuest } from '../helpers/guest.ts';

/** A small seeded generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  'echo', 'printf', '%s', 'x', 'a b', 'true', 'false', ':', 'test', '[', ']', '[[', ']]', '((', '))', '$((', '1+2', '/0',
  'if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'case', 'esac', ')', '(', ';;', ';&', '{', '}', 'while false',
  'until true', 'select', 'function', 'f()', 'local', 'declare -a', 'readonly', 'export', 'unset', 'set -e', 'set -u', 'shift',
  'return', 'break', 'continue', 'eval', 'read', 'cat', 'wc -l', 'tr a-z A-Z', 'sleep 1', 'exit 3', 'exec', '&&', '||', '|',
  '|&', ';', '&', '\n', '!', '>', '>>', '<', '<<', 'EOF', '<<<', '2>&1', '>&2', '&>', '3>&-', '<&', '$x', '${x', '${x:-y}',
  '${#x}', '${x/a/b}', '${x%%*}', '${!x}', '${a[@]}', '$(', '`', '"', "'", '$\'', '\\', '*', '?', '[a-z]', '{1..3}', '{a,b}',
  '~', 'x=1', 'a=(1 2)', 'a[1]=', '=~', '==', '-eq', '-f', '-z', '$?', '$#', '$@', '$*', '$0', '$1', '$$', '$!', '#', '--',
];

function randomSyntax(next: () => number): string {
  const n = 1 + Math.floor(next() * 14);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(TOKENS[Math.floor(next() * TOKENS.length)]!);
  return parts.join(next() < 0.8 ? ' ' : '');
}

function randomBytes(next: () => number): string {
  const n = Math.floor(next() * 40);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = next();
    s += r < 0.6 ? String.fromCharCode(32 + Math.floor(next() * 95)) : r < 0.8 ? '\n' : String.fromCharCode(Math.floor(next() * 256));
  }
  return s;
}

describe('bash -c fuzz', () => {
  const g = new TestGuest({ seed: 7 });
  g.guest.vfs.mkdirp('/tmp/fuzz');

  async function survives(input: string): Promise<void> {
    let r;
    try {
      r = await g.run(['/bin/bash', '-c', input], { cwd: '/tmp/fuzz' });
    } catch (e) {
      throw new Error(`input ${JSON.stringify(input)}: ${(e as Error).message}`);
    }
    expect(r.exitCode, JSON.stringify(input)).toBeGreaterThanOrEqual(0);
    expect(r.exitCode, JSON.stringify(input)).toBeLessThanOrEqual(255);
  }

  test('random bytes', async () => {
    const next = rng(12345);
    for (let i = 0; i < 150; i++) await survives(randomBytes(next));
    expect(await g.sh('echo alive')).toEqual({ exitCode: 0, output: 'alive\n' });
  }, 120_000);

  test('random shell syntax', async () => {
    const next = rng(67890);
    for (let i = 0; i < 300; i++) await survives(randomSyntax(next));
    expect(await g.sh('echo alive')).toEqual({ exitCode: 0, output: 'alive\n' });
  }, 120_000);
});
