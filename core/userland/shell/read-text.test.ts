// Reading whole files as shell source (source.ts readText): regular files at their size, the text decoded
// last for a path shared only while the bytes are the same, and other files read in chunks to their end.
import { describe, expect, test } from 'vitest';
import { TestGuest } from '../../../tests/helpers/guest.ts';

describe('reading source files', () => {
  test('a file rewritten with other bytes of the same length is read again, not taken from the last reading', async () => {
    const r = await new TestGuest().sh("printf 'echo aa\\n' > /tmp/f; . /tmp/f; . /tmp/f; printf 'echo bb\\n' > /tmp/f; . /tmp/f; printf 'echo é\\n' > /tmp/f; . /tmp/f");
    expect(r.output).toBe('aa\naa\nbb\né\n');
  });

  test('two guests reading the same path with different contents each run their own', async () => {
    const one = new TestGuest();
    const two = new TestGuest();
    const a = await one.sh("printf 'echo one\\n' > /tmp/s; . /tmp/s");
    const b = await two.sh("printf 'echo two\\n' > /tmp/s; . /tmp/s");
    const c = await one.sh('. /tmp/s');
    expect([a.output, b.output, c.output]).toEqual(['one\n', 'two\n', 'one\n']);
  });

  test('a pipe is read in chunks to its end, longer than one chunk', async () => {
    const r = await new TestGuest().sh("for i in $(seq 1 1200); do echo ': line $i'; done > /tmp/long; echo 'echo end' >> /tmp/long; cat /tmp/long | . /dev/stdin; wc -c < /tmp/long");
    expect(r.output).toBe('end\n12009\n');
  });

  test('an empty file and a missing one', async () => {
    const r = await new TestGuest().sh(': > /tmp/empty; . /tmp/empty; echo $?; . /tmp/missing; echo $?');
    expect(r.output).toBe('0\n/bin/bash: line 1: /tmp/missing: No such file or directory\n1\n');
  });
});
