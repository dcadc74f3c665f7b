import { describe, expect, test } from 'vitest';
import { Cpu, Driver } from '../cpu/index.ts';
import { buildBaseImage } from '../images/base.ts';
import { PARSE_CACHE, ParsedText } from '../userland/shell/source-reader.ts';
import { Guest } from './guest.ts';
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
