import { describe, expect, test } from 'vitest';
import { Cpu, Driver } from '../cpu/index.ts';
import { buildBaseImage } from '../images/base.ts';
import { PARSE_CACHE, ParsedText } from '../userland/shell/source-reader.ts';
import { DEFAULT_PATH, Guest } from './guest.ts';
import { ROOT } from '../fs/index.ts';
import { ENOENT } from '../kernel/abi.ts';
import { nodeHost } from '../../server/host.ts';

describe('start-up files of guests', () => {
  async function consoles(setup: (guests: Guest[]) => void) {
    const image = buildBaseImage();
    const cpu = new Cpu({ seed: 1 });
    const driver = new Driver(cpu, nodeHost);
    const guests = [new Guest({ cpu, name: 'pc1', image }), new Guest({ cpu, name: 'pc2', image })];
    for (const g of guests) g.boot();
    await driver.runFor(1e6);
    setup(guests);
    const screens = guests.map(() => [] as string[]);
    const cons = guests.map((g, i) => g.openConsole((b) => screens[i]!.push(new TextDecoder().decode(b))));
    await driver.runFor(100e6);
    const type = async (text: string) => {
      for (const c of cons) if (typeof c !== 'number') c.input(new TextEncoder().encode(text));
      await driver.runFor(100e6);
    };
    return { image, screens: () => screens.map((s) => s.join('')), type };
  }

  function imageText(image: ReturnType<typeof buildBaseImage>, dir: string, name: string): string {
    return new TextDecoder().decode(image.layers[0]!.root.children!.get(dir)!.children!.get(name)!.data!);
  }

  test('two guests share the parse of /etc/bash.bashrc', async () => {
    const { image, screens } = await consoles(() => {});
    expect(screens()).toEqual(['root@pc1:~# ', 'root@pc2:~# ']);
    const bashrc = image.caches!.space(PARSE_CACHE).get(imageText(image, 'etc', 'bash.bashrc'));
    expect(bashrc).toBeInstanceOf(ParsedText);
    expect((bashrc as ParsedText).steps.length).toBeGreaterThan(1);
  });

  test('a guest that changed /etc/bash.bashrc runs its own version; the other keeps the image one', async () => {
    const { screens, type } = await consoles((gs) => {
      gs[1]!.vfs.writeFile('/etc/bash.bashrc', "PS1='changed\\$ '\nalias ll='echo listed'\n");
    });
    expect(screens()).toEqual(['root@pc1:~# ', 'changed# ']);
    await type('ll\r');
    const [one, two] = screens();
    expect(two).toBe('changed# ll\r\nlisted\r\nchanged# ');
    expect(one).toBe('root@pc1:~# ll\r\nbash: ll: command not found\r\nroot@pc1:~# ');
  });
});

describe('prompts', () => {
  test('the part of a prompt up to its last expansion is parsed once for all guests; the rest stays literal', async () => {
    const image = buildBaseImage();
    const cpu = new Cpu({ seed: 1 });
    const driver = new Driver(cpu, nodeHost);
    const guests = [new Guest({ cpu, name: 'pc1', image }), new Guest({ cpu, name: 'pc2', image })];
    for (const g of guests) g.boot();
    await driver.runFor(1e6);
    const screens = guests.map(() => [] as string[]);
    const cons = guests.map((g, i) => g.openConsole((b) => screens[i]!.push(new TextDecoder().decode(b))));
    await driver.runFor(100e6);
    const type = async (text: string) => {
      for (const c of cons) if (typeof c !== 'number') c.input(new TextEncoder().encode(text));
      await driver.runFor(100e6);
    };
    const cache = image.caches!.space('bash-prompt');
    expect(cache.get('${debian_chroot:+($debian_chroot)}')).toBeTruthy();
    await type("PS1='[$(echo a)|${HOSTNAME:0:2}] \\h:x \\$ '\r");
    await type("PS1='$HOSTNAME-tail \\$ '\r");
    await type("x=1; PS1='${x}$x.\\h# '\r");
    for (const [i, s] of screens.entries()) {
      const lines = s.join('').split('\r\n');
      expect(lines.slice(1)).toEqual([`[a|pc] pc${i + 1}:x # PS1='$HOSTNAME-tail \\$ '`, `pc${i + 1}-tail # x=1; PS1='\${x}$x.\\h# '`, `11.pc${i + 1}# `]);
    }
    expect(cache.get('[$(echo a)|${HOSTNAME:0:2}')).toBeTruthy();
  });
});

describe('a console and the files boot writes', () => {
  const image = buildBaseImage();
  async function bootOne(options: { env?: Record<string, string>; hosts?: string } = {}) {
    const cpu = new Cpu({ seed: 1 });
    const driver = new Driver(cpu, nodeHost);
    const guest = new Guest({ cpu, name: 'pc1', image, ...options });
    guest.boot();
    await driver.runFor(1e6);
    return { guest, driver };
  }

  test("the console's shell gets env() with the variables docker exec -it adds, lab variables in their place", async () => {
    const console_ = ['TERM=xterm', 'SHELL=/bin/bash', 'USER=root', 'LOGNAME=root', 'PWD=/root'];
    for (const env of [undefined, { PATH: '/opt/bin', FOO: 'bar', TERM: 'vt100' }]) {
      const { guest } = await bootOne({ env });
      const c = guest.openConsole(() => {});
      if (typeof c === 'number') throw new Error(`errno ${c}`);
      const envp = guest.kernel.processes.get(c.pid)!.envp;
      expect(envp).toEqual(guest.env({ TERM: 'xterm', SHELL: '/bin/bash', USER: 'root', LOGNAME: 'root', PWD: '/root' }));
      expect(envp).toEqual(env
        ? ['PATH=/opt/bin', 'HOSTNAME=pc1', 'HOME=/root', 'FOO=bar', 'TERM=xterm', ...console_.slice(1)]
        : [`PATH=${DEFAULT_PATH}`, 'HOSTNAME=pc1', 'HOME=/root', ...console_]);
    }
  });

  test('a console of another size than 80x24 has its own window size; the console methods reach its terminal', async () => {
    const { guest, driver } = await bootOne();
    const c = guest.openConsole(() => {}, { cols: 100, rows: 30 });
    const d = guest.openConsole(() => {});
    if (typeof c === 'number' || typeof d === 'number') throw new Error();
    expect(c.tty.winsize).toEqual({ cols: 100, rows: 30 });
    // One open file of the terminal at 0, 1 and 2 (runc opens the console once and dups it).
    const fds = guest.kernel.processes.get(c.pid)!.fds;
    expect(fds.file(1)).toBe(fds.file(0));
    expect(fds.file(2)).toBe(fds.file(0));
    expect(fds.file(0)!.refs).toBe(3);
    expect(d.tty.winsize).toEqual({ cols: 80, rows: 24 });
    c.resize(120, 40);
    expect(c.tty.winsize).toEqual({ cols: 120, rows: 40 });
    expect(d.tty.winsize).toEqual({ cols: 80, rows: 24 });
    await driver.runFor(100e6);
    expect(guest.vfs.stat(`/dev/${d.tty.name}`, ROOT)).not.toBeTypeOf('number');
    d.close();
    await driver.runFor(100e6);
    await d.exited;
    expect(guest.vfs.stat(`/dev/${d.tty.name}`, ROOT)).toBe(-ENOENT);
  });

  test('/etc/hostname and /etc/hosts: the same hosts bytes for every guest of an image, copied on change', async () => {
    const guest = new Guest({ cpu: new Cpu({ seed: 1 }), name: 'pc1', image });
    const other = new Guest({ cpu: new Cpu({ seed: 1 }), name: 'pc2', image });
    guest.boot();
    other.boot();
    expect(guest.vfs.readFile('/etc/hostname')).toBe('pc1\n');
    expect(other.vfs.readFile('/etc/hostname')).toBe('pc2\n');
    expect(guest.vfs.readFile('/etc/hosts')).toMatch(/^127\.0\.0\.1\tlocalhost\n::1\tlocalhost ip6-localhost/);
    expect(guest.vfs.writeFile('/etc/hosts', '10.0.0.1\tpc1\n', undefined)).toBe(0);
    expect(guest.vfs.readFile('/etc/hosts')).toBe('10.0.0.1\tpc1\n');
    expect(other.vfs.readFile('/etc/hosts')).toMatch(/^127\.0\.0\.1\tlocalhost\n::1\tlocalhost ip6-localhost/);
    const custom = await bootOne({ hosts: '192.168.0.1\trouter\n' });
    expect(custom.guest.vfs.readFile('/etc/hosts')).toBe('192.168.0.1\trouter\n');
  });
});
