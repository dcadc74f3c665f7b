import { describe, expect, test } from 'vitest';
import { ECHO, ICANON, ISIG, VERASE, VINTR, VMIN } from '../../../kernel/abi.ts';
import { defaultTermios } from '../../../kernel/tty.ts';
import { parseControlChar, visibleChar } from './chars.ts';
import { parseInteger } from './numbers.ts';
import { scanArguments } from './options.ts';
import { parseSaved, savedForm } from './saved.ts';
import { applySetting, parseSettings } from './settings.ts';

describe('stty settings', () => {
  test('flags, negated flags and combinations become actions; raw clears what raw clears', () => {
    const actions = parseSettings(['-echo', 'raw', 'icanon']);
    expect(actions).toEqual([{ kind: 'mode', word: '-echo' }, { kind: 'mode', word: 'raw' }, { kind: 'mode', word: 'icanon' }]);
    const t = defaultTermios();
    for (const a of actions as []) applySetting(t, a);
    expect(t.lflag & (ECHO | ISIG | ICANON)).toBe(ICANON);
    expect(t.cc[VMIN]).toBe(1);
  });

  test('special characters take ^X, ^-, undef, one character or a number', () => {
    expect(parseSettings(['intr', '^A', 'erase', '^?', 'kill', 'undef', 'eof', '^-', 'quit', '0x41', 'susp', '011', 'eol', 'z']))
      .toEqual([[VINTR, 1], [VERASE, 127], [3, 0], [4, 0], [1, 0x41], [10, 9], [11, 0x7a]]
        .map(([index, value]) => ({ kind: 'char', index, value })));
    expect(parseControlChar('^u')).toEqual({ value: 0x15 });
    expect(parseControlChar('300')).toEqual({ error: 'range' });
  });

  test('errors: unknown words, missing and bad values, the negation of what has none', () => {
    expect(parseSettings(['echo', 'foo'])).toEqual({ message: "invalid argument 'foo'", tryHelp: true });
    expect(parseSettings(['-sane'])).toEqual({ message: "invalid argument '-sane'", tryHelp: true });
    expect(parseSettings(['-cs8'])).toEqual({ message: "invalid argument '-cs8'", tryHelp: true });
    expect(parseSettings(['rows'])).toEqual({ message: "missing argument to 'rows'", tryHelp: true });
    expect(parseSettings(['min', '256'])).toEqual({ message: "invalid integer argument: '256': Numerical result out of range", tryHelp: false });
    expect(parseSettings(['intr', '\xc3\xa9'])).toEqual({ message: "invalid integer argument: '\\303\\251'", tryHelp: false });
  });

  test('numbers: decimal, hex, octal, b and B suffixes, no sign', () => {
    expect(parseInteger('0x10', 255)).toEqual({ value: 16 });
    expect(parseInteger('010', 255)).toEqual({ value: 8 });
    expect(parseInteger('1b', 1000)).toEqual({ value: 512 });
    expect(parseInteger('08', 255)).toEqual({ error: 'invalid' });
    expect(parseInteger('-1', 255)).toEqual({ error: 'invalid' });
  });

  test('-g form round-trips and needs every field', () => {
    const t = defaultTermios();
    const s = savedForm(t);
    expect(s.split(':')).toHaveLength(36);
    expect(parseSaved(s)).toEqual(t);
    expect(parseSaved('500:5:bf:8a3b')).toBeUndefined();
    expect(parseSettings([s])).toEqual([{ kind: 'saved', termios: t }]);
  });

  test('characters are shown as stty -a shows them', () => {
    expect([0, 3, 127, 0x41, 0x80, 0xa0, 0xff].map(visibleChar)).toEqual(['<undef>', '^C', '^?', 'A', 'M-^@', 'M- ', 'M-^?']);
  });
});

describe('stty options', () => {
  test('options and settings are told apart as GNU stty does', () => {
    expect(scanArguments(['-a'])).toEqual({ all: true, save: false, settings: [] });
    expect(scanArguments(['-echo', '-g'])).toEqual({ all: false, save: true, settings: ['-echo'] });
    expect(scanArguments(['-ax'])).toEqual({ all: true, save: false, settings: ['-ax'] });
    expect(scanArguments(['-F/dev/tty', 'size']).file).toBe('/dev/tty');
    expect(scanArguments(['--fi', '/dev/tty']).file).toBe('/dev/tty');
    expect(scanArguments(['-F']).settings).toEqual(['-F']);
    expect(scanArguments(['--', '-echo']).settings).toEqual([]);
    expect(scanArguments(['echo', '--', '-echo']).settings).toEqual(['echo', '--', '-echo']);
    expect(scanArguments(['foo', '--help']).info).toBe('help');
  });
});
