// Words whose expansion runs nothing are expanded without an asynchronous call (expand.ts: quickPieces);
// `set -u` sends every word down the general path, so with every name set both must print the same.
import { describe, expect, test } from 'vitest';
import { TestGuest } from '../../../tests/helpers/guest.ts';

const WORDS = [
  '$s "$s" ${s} x$s\'y\'"z"',
  '${e-x:y} "${e:-x:y}" ${s:+"$s"} ${s:+$s} ${s+a b} "${s+a b}" x"${e:+y}"z ""',
  '~ ~/x ${e:-~} "${e:-~}" ${e:-$\'t\\tu\'} "${e:-$\'t\\tu\'}" \\* \'*\' "$s"*',
  '$s* ${s}.t* ${e:-a}*',
];

describe('quick expansion', () => {
  for (const words of WORDS) {
    test(`agrees with the general path: ${words}`, async () => {
      const script = (pre: string) => `cd /tmp && touch a.txt ab.txt; s='a:b  c'; e=; ${pre} printf '[%s]' ${words}; echo`;
      const g = new TestGuest();
      const quick = await g.sh(script(''));
      const general = await g.sh(script('set -u;'));
      const split = await g.sh(script('IFS=:;'));
      const splitGeneral = await g.sh(script('IFS=:; set -u;'));
      expect(quick.exitCode).toBe(0);
      expect(quick.output).not.toBe('\n');
      expect(general.output).toBe(quick.output);
      expect(splitGeneral.output).toBe(split.output);
    });
  }

  test('a glob in a quick word still matches file names, and set -f keeps it', async () => {
    const r = await new TestGuest().sh("cd /tmp && touch q1 q2; p=q; echo $p* ${p}?; set -f; echo $p*");
    expect(r.output).toBe('q1 q2 q1 q2\nq*\n');
  });

  test('RANDOM is read once per expansion (not a quick word)', async () => {
    const r = await new TestGuest().sh('RANDOM=7; a="$RANDOM ${RANDOM-x}"; RANDOM=7; b="$RANDOM ${RANDOM-x}"; [ "$a" = "$b" ] && echo same');
    expect(r.output).toBe('same\n');
  });
});
