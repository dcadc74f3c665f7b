// Forked children see the shell's variables as they were at the fork, and their changes stay theirs,
// including children that run a program or a script with variables borrowed from the shell (exec.ts).
import { describe, expect, test } from 'vitest';
import { TestGuest } from '../../../tests/helpers/guest.ts';

async function bash(command: string): Promise<{ code: number; out: string }> {
  const r = await new TestGuest().sh(command);
  return { code: r.exitCode, out: r.output };
}

describe('variables in forked children', () => {
  test('a script run without #! changes its own copy; the shell keeps its values', async () => {
    const r = await bash([
      "printf 'x=script; y=new; export PATH=/nowhere; echo \"in: $x $y $z\"\\n' > /tmp/s; chmod +x /tmp/s",
      'x=shell; export z=kept',
      '/tmp/s > /tmp/out',
      'cat /tmp/out',
      'echo "out: $x ${y-unset} $z $PATH"',
    ].join('\n'));
    expect(r.out).toBe('in: script new kept\nout: shell unset kept /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n');
  });

  test('programs get the exported variables and temporary assignments of the moment', async () => {
    const r = await bash('export A=1; B=2; env | grep -E "^(A|B|C)="; export B; C=3 env | grep -E "^(A|B|C)=" | sort');
    expect(r.out).toBe('A=1\nA=1\nB=2\nC=3\n');
  });

  test('a child with expanding redirections copies the variables before it changes them', async () => {
    const r = await bash('x=1; ls /nonexistent 2> "${x:=unused}${y:=set}" ; echo "$x ${y-unset}"; ls 1set');
    expect(r.out).toBe('1 unset\n1set\n');
  });
});
