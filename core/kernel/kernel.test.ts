import { describe, expect, test } from 'vitest';
import { Cpu, Driver } from '../cpu/index.ts';
import { buildBaseImage } from '../images/base.ts';
import { Guest, exitCodeOf } from '../lab/guest.ts';
import { Capture } from './spawn.ts';
import {
  EPIPE, EINTR, POLLIN, SIGCONT, SIGINT, SIGKILL, SIGPIPE, SIGSTOP, SIGTERM, SIGUSR1, WIFSIGNALED, WIFSTOPPED,
  WTERMSIG, WUNTRACED, WCONTINUED, WIFCONTINUED, WEXITSTATUS, WNOHANG, ECHILD, utf8Encode, type Program, type SignalAction, type Sys,
} from './abi.ts';
import { nodeHost } from '../../server/host.ts';

/** Boots a guest whose image has one extra program, /usr/bin/t, and runs it to completion. */
async function runProgram(body: (sys: Sys) => Promise<number>, guests = 1) {
  const t: Program = async (sys) => body(sys);
  const image = buildBaseImage({ t: { path: '/usr/bin/t', program: t } });
  const cpu = new Cpu({ seed: 3 });
  const driver = new Driver(cpu, nodeHost);
  const all = Array.from({ length: guests }, (_, i) => new Guest({ cpu, name: `g${i}`, image }));
  for (const g of all) g.boot();
  const cap = new Capture();
  const proc = all[0]!.startArgv(['/usr/bin/t'], cap);
  if (typeof proc === 'number') throw new Error(`spawn failed ${proc}`);
  let status = -1;
  void all[0]!.kernel.whenExited(proc.pid).then((s) => (status = s));
  await driver.runUntil(() => status >= 0, 1e15);
  return { status, output: new TextDecoder().decode(cap.bytes()), guests: all, cpu, driver };
}

describe('pipes', () => {
  test('data flows with back-pressure: a writer of 1 MiB waits for the reader', async () => {
    const { status, output } = await runProgram(async (sys) => {
      const p = sys.pipe2() as [number, number];
      const total = 1 << 20;
      const child = sys.fork(async (c) => {
        c.close(p[0]);
        const chunk = new Uint8Array(10000).fill(97);
        let sent = 0;
        while (sent < total) {
          const n = await c.write(p[1], chunk.subarray(0, Math.min(chunk.length, total - sent)));
          if (n < 0) return 1;
          sent += n;
        }
        return 0;
      });
      sys.close(p[1]);
      const buf = new Uint8Array(4096);
      let got = 0;
      let maxChunk = 0;
      for (;;) {
        const n = await sys.read(p[0], buf);
        if (n <= 0) break;
        got += n;
        maxChunk = Math.max(maxChunk, n);
      }
      const w = await sys.wait4(child, 0);
      await sys.write(1, utf8Encode(`${got} ${typeof w === 'number' ? w : WEXITSTATUS(w.status)}\n`));
      return 0;
    });
    expect(output).toBe(`${1 << 20} 0\n`);
    expect(status).toBe(0);
  });

  test('writing with no reader fails with EPIPE and SIGPIPE (default: death; ignored: just EPIPE)', async () => {
    const { output } = await runProgram(async (sys) => {
      const p = sys.pipe2() as [number, number];
      sys.close(p[0]);
      const child = sys.fork(async (c) => {
        await c.write(p[1], utf8Encode('x'));
        return 0;
      });
      const w = await sys.wait4(child, 0);
      const killed = typeof w !== 'number' && WIFSIGNALED(w.status) && WTERMSIG(w.status) === SIGPIPE;
      sys.sigaction(SIGPIPE, { handler: 'ignore' });
      const r = await sys.write(p[1], utf8Encode('x'));
      await sys.write(1, utf8Encode(`${killed} ${r === -EPIPE}\n`));
      return 0;
    });
    expect(output).toBe('true true\n');
  });
});

describe('signals', () => {
  test('a reader stopped while blocked takes nothing until SIGCONT; the data waits in the pipe', async () => {
    const { output } = await runProgram(async (sys) => {
      const p = sys.pipe2() as [number, number];
      const child = sys.fork(async (c) => {
        c.close(p[1]);
        const buf = new Uint8Array(10);
        const n = await c.read(p[0], buf);
        return n;
      });
      await sys.nanosleep(1e6);
      sys.kill(child, SIGSTOP);
      await sys.wait4(child, WUNTRACED);
      await sys.write(p[1], utf8Encode('abc'));
      await sys.nanosleep(1e9);
      // The stopped reader has not taken the bytes: they are still in the pipe.
      const fds = [{ fd: p[0], events: POLLIN, revents: 0 }];
      const queued = await sys.poll(fds, 0);
      sys.close(p[0]);
      sys.kill(child, SIGCONT);
      const w = await sys.wait4(child, 0);
      const n = typeof w === 'number' ? -1 : (w.status >> 8) & 0xff;
      await sys.write(1, utf8Encode(`queued:${queued} read:${n}\n`));
      return 0;
    });
    expect(output).toBe('queued:1 read:3\n');
  });

  test('default actions: TERM kills, STOP stops, CONT continues, KILL cannot be caught', async () => {
    const { output } = await runProgram(async (sys) => {
      const log: string[] = [];
      const sleeper = () => sys.fork(async (c) => {
        await c.nanosleep(1e12);
        return 0;
      });
      const a = sleeper();
      sys.kill(a, SIGTERM);
      const wa = await sys.wait4(a, 0);
      if (typeof wa !== 'number') log.push(`term:${WTERMSIG(wa.status)}`);
      const b = sleeper();
      sys.kill(b, SIGSTOP);
      const wb = await sys.wait4(b, WUNTRACED);
      if (typeof wb !== 'number') log.push(`stopped:${WIFSTOPPED(wb.status)}`);
      sys.kill(b, SIGCONT);
      const wc = await sys.wait4(b, WCONTINUED);
      if (typeof wc !== 'number') log.push(`continued:${WIFCONTINUED(wc.status)}`);
      log.push(`catchKill:${sys.sigaction(SIGKILL, { handler: () => {} })}`);
      sys.kill(b, SIGKILL);
      const wk = await sys.wait4(b, 0);
      if (typeof wk !== 'number') log.push(`kill:${WTERMSIG(wk.status)}`);
      log.push(`none:${await sys.wait4(-1, 0)}`);
      await sys.write(1, utf8Encode(log.join(' ') + '\n'));
      return 0;
    });
    expect(output).toBe(`term:15 stopped:true continued:true catchKill:-22 kill:9 none:${-ECHILD}\n`);
  });

  test('sigaction returns the previous action with restart explicit; a changed action object changes nothing', async () => {
    const { output } = await runProgram(async (sys) => {
      const log: string[] = [];
      const show = (a: SignalAction | number) => (typeof a === 'number' ? `${a}` : `${typeof a.handler === 'function' ? 'fn' : a.handler}/${a.restart}`);
      const mine: SignalAction = { handler: 'ignore' };
      log.push(show(sys.sigaction(SIGTERM, mine)));
      mine.handler = 'default';
      log.push(show(sys.sigaction(SIGTERM, { handler: 'default', restart: true })));
      log.push(show(sys.sigaction(SIGTERM, { handler: () => {} })));
      log.push(show(sys.sigaction(SIGTERM, null)));
      log.push(show(sys.sigaction(31, { handler: 'ignore', restart: true })), show(sys.sigaction(31, null)));
      log.push(show(sys.sigaction(1, null)), show(sys.sigaction(32, null)), show(sys.sigaction(0, null)));
      await sys.write(1, utf8Encode(log.join(' ') + '\n'));
      return 0;
    });
    expect(output).toBe('default/undefined ignore/false default/true fn/false default/undefined ignore/true default/undefined -22 -22\n');
  });

  test('a handler runs and interrupts a blocking call with EINTR; SIGINT to a group reaches all', async () => {
    const { output } = await runProgram(async (sys) => {
      let got = 0;
      sys.sigaction(SIGUSR1, { handler: (s) => (got = s) });
      const me = sys.getpid();
      sys.fork(async (c) => {
        await c.nanosleep(1e9);
        c.kill(me, SIGUSR1);
        return 0;
      });
      const r = await sys.nanosleep(1e12);
      sys.setpgid(0, 0);
      const kids = [0, 1].map(() => sys.fork(async (c) => { await c.pause(); return 0; }));
      sys.sigaction(SIGINT, { handler: 'ignore' });
      sys.kill(0, SIGINT);
      const statuses: number[] = [];
      for (const k of kids) {
        const w = await sys.wait4(k, 0);
        if (typeof w !== 'number') statuses.push(WTERMSIG(w.status));
      }
      await sys.write(1, utf8Encode(`${r === -EINTR} ${got} ${statuses.join(',')}\n`));
      return 0;
    });
    expect(output).toBe(`true ${SIGUSR1} 2,2\n`);
  });

  test('pause waits through a stop and a continue, and ends with EINTR once a handler runs', async () => {
    const { output } = await runProgram(async (sys) => {
      const child = sys.fork(async (c) => {
        let got = 0;
        c.sigaction(SIGUSR1, { handler: (s) => (got = s) });
        const r = await c.pause();
        await c.write(1, utf8Encode(`pause ${r} after ${got}\n`));
        return 0;
      });
      await sys.nanosleep(1e6);
      sys.kill(child, SIGSTOP);
      await sys.nanosleep(1e6);
      const stopped = await sys.wait4(child, WUNTRACED | WNOHANG);
      sys.kill(child, SIGCONT);
      await sys.nanosleep(1e6);
      // Continued without a handler: still paused.
      const still = await sys.wait4(child, WNOHANG);
      sys.kill(child, SIGUSR1);
      const end = await sys.wait4(child, 0);
      const stop = typeof stopped === 'number' ? stopped : WIFSTOPPED(stopped.status);
      await sys.write(1, utf8Encode(`stopped ${stop} still ${still} exit ${typeof end === 'number' ? end : WEXITSTATUS(end.status)}\n`));
      return 0;
    });
    expect(output).toBe(`pause ${-EINTR} after ${SIGUSR1}\nstopped true still 0 exit 0\n`);
  });
});

/**
 * Runs `t` in guest a (with a console open) next to guest b: a kernel bug in it must panic a, and b must
 * go on. Returns what a's console showed.
 */
async function expectPanicOfItsGuestOnly(t: Program): Promise<string> {
  const image = buildBaseImage({ t: { path: '/usr/bin/t', program: t } });
  const cpu = new Cpu();
  const driver = new Driver(cpu, nodeHost);
  const a = new Guest({ cpu, name: 'a', image });
  const b = new Guest({ cpu, name: 'b', image });
  a.boot();
  b.boot();
  const shown: string[] = [];
  expect(typeof a.openConsole((bytes) => shown.push(new TextDecoder().decode(bytes)))).not.toBe('number');
  a.startArgv(['/usr/bin/t'], new Capture());
  await driver.runFor(1e9);
  expect(a.halted).toBe(true);
  expect(a.kernel.log.join('\n')).toContain('BUG in syscall from t');
  const cap = new Capture();
  const p = b.startCommand('echo still here', cap);
  if (typeof p === 'number') throw new Error('spawn');
  let status = -1;
  void b.kernel.whenExited(p.pid).then((s) => (status = s));
  await driver.runUntil(() => status >= 0);
  expect(exitCodeOf(status)).toBe(0);
  expect(new TextDecoder().decode(cap.bytes())).toBe('still here\n');
  return shown.join('');
}

describe('processes', () => {
  test('exit statuses, exec, and /proc/self', async () => {
    const { output } = await runProgram(async (sys) => {
      const child = sys.fork(async (c) => {
        await c.execve('/bin/bash', ['bash', '-c', 'exit 42'], []);
        return 99;
      });
      const w = await sys.wait4(child, 0);
      const missing = sys.fork(async (c) => c.execve('/nonexistent', ['x'], []));
      const wm = await sys.wait4(missing, 0);
      const self = sys.readlink('/proc/self');
      await sys.write(1, utf8Encode(`${typeof w !== 'number' && WEXITSTATUS(w.status)} ${typeof wm !== 'number' && WEXITSTATUS(wm.status)} ${self === String(sys.getpid())}\n`));
      return 0;
    });
    expect(output).toBe(`42 ${256 - 2} true\n`);
  });

  test('a kernel bug panics only its own guest; the other guest goes on', async () => {
    const shown = await expectPanicOfItsGuestOnly(async (sys) => {
      // A malformed argument makes kernel code throw: the guest must panic, not the host.
      await sys.poll(null as unknown as [], 0);
      return 0;
    });
    expect(shown).toContain('Kernel panic - not syncing');
  });
});

describe('read and write', () => {
  test('a kernel bug in a read that needs no waiting panics only its own guest', async () => {
    await expectPanicOfItsGuestOnly(async (sys) => {
      const p = sys.pipe2() as [number, number];
      await sys.write(p[1], utf8Encode('data'));
      // Data is there, so the read goes the way that does not wait; a malformed buffer makes kernel code throw.
      await sys.read(p[0], { length: 4 } as unknown as Uint8Array);
      return 0;
    });
  });

  test('a kernel bug in a read that waited panics only its own guest', async () => {
    await expectPanicOfItsGuestOnly(async (sys) => {
      const p = sys.pipe2() as [number, number];
      sys.fork(async (c) => {
        await c.nanosleep(1e6);
        await c.write(p[1], utf8Encode('late'));
        return 0;
      });
      // Nothing to read yet: the read waits, and kernel code throws once the data comes.
      await sys.read(p[0], { length: 4 } as unknown as Uint8Array);
      return 0;
    });
  });

  test('a read or write that finds data or room at once answers as one that waited would', async () => {
    const { output } = await runProgram(async (sys) => {
      const p = sys.pipe2() as [number, number];
      const w = await sys.write(p[1], utf8Encode('abc'));
      const buf = new Uint8Array(2);
      const r1 = await sys.read(p[0], buf);
      const first = new TextDecoder().decode(buf.subarray(0, r1));
      const r2 = await sys.read(p[0], buf);
      sys.close(p[1]);
      const r3 = await sys.read(p[0], buf);
      const bad = await sys.read(99, buf);
      await sys.write(1, utf8Encode(`${w} ${r1} ${first} ${r2} ${r3} ${bad}\n`));
      return 0;
    });
    expect(output).toBe('3 2 ab 1 0 -9\n');
  });
});

describe('execve', () => {
  test('a program file names its program by the first word after the magic; #! runs an interpreter', async () => {
    const { status, output } = await runProgram(async (sys) => {
      const put = (path: string, text: string): void => {
        const fd = sys.open(path, 0o1101, 0o755); // O_WRONLY | O_CREAT | O_TRUNC
        void sys.pwrite(fd, Uint8Array.from(text, (c) => c.charCodeAt(0)), 0); // one byte per character
        sys.close(fd);
      };
      put('/tmp/spaced', '\x7fNLX \t echo\x0b ignored words\n');
      put('/tmp/nbsp', '\x7fNLX\xa0echo\n');
      put('/tmp/unknown', '\x7fNLX no-such-program\n');
      put('/tmp/empty', '\x7fNLX   \n');
      put('/tmp/script', '#!/tmp/spaced  -n \nrest\n');
      const results: string[] = [];
      for (const path of ['/tmp/spaced', '/tmp/nbsp', '/tmp/unknown', '/tmp/empty', '/tmp/script']) {
        const r = await new Promise<number>((resolve) => {
          const pid = sys.fork(async (c) => {
            const e = await c.execve(path, [path, 'x'], []);
            return 100 - e; // reached only when execve failed
          });
          void sys.wait4(pid, 0).then((w) => resolve(typeof w === 'number' ? w : WEXITSTATUS(w.status)));
        });
        results.push(String(r));
      }
      await sys.write(1, utf8Encode(results.join(' ') + '\n'));
      return 0;
    });
    expect(status).toBe(0);
    // echo prints "x" for the first two; the unknown and empty names fail with ENOEXEC (8); the script
    // runs "echo -n /tmp/script x" (the interpreter's argument, then the script's path and argument).
    expect(output).toBe('x\nx\n/tmp/script x0 0 108 108 0\n');
  });
});
