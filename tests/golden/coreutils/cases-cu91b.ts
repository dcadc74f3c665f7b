// Golden cases for the second batch of coreutils 9.1 programs: sha224sum, sha384sum, b2sum, base32,
// basenc (and base64 through the same codecs), factor, tsort and hostid. Names start with `cu91b-`.
// Binary inputs sit in files (stdin is given as text).
import type { GoldenCase } from './cases.ts';
import { k, sh } from './more-common.ts';

const BIN = '\xfb\xff\x00\x80abc\xe9\x01';
const FILES = { 'f': 'abc\n', 'bin': BIN, 'a b': 'zz\n', 'sub/': '' };
const t = (name: string, argv: string[], extra: Partial<GoldenCase> = {}): GoldenCase =>
  k(`cu91b-${name}`, argv, { ...extra, files: { ...FILES, ...(extra.files ?? {}) } });
const s = (name: string, script: string, extra: Partial<GoldenCase> = {}): GoldenCase =>
  sh(`cu91b-${name}`, script, { ...extra, files: { ...FILES, ...(extra.files ?? {}) } });

const SUMS: GoldenCase[] = [
  t('sha224-files', ['sha224sum', 'f', 'bin', 'a.txt']),
  t('sha224-stdin-tag', ['sha224sum', '--tag', '-', 'f'], { stdin: 'hello' }),
  t('sha224-missing', ['sha224sum', 'nosuch', 'a b c', 'f']),
  t('sha224-dir', ['sha224sum', 'sub', 'f']),
  t('sha384-files', ['sha384sum', 'f', 'bin', '-b'], { stdin: '' }),
  t('sha384-zero', ['sha384sum', '-z', 'f', 'a b']),
  s('sha384-check', 'sha384sum f bin > l; sha384sum -c l; echo $?; echo x >> f; sha384sum -c l; echo $?; sha384sum --quiet -c l; echo $?'),
  t('sha224-check-bad', ['sha224sum', '-c', '-w', 'a b']),
  t('sha224-check-stdin', ['sha224sum', '-c'], { stdin: 'x\n' }),
  t('sha384-bad-option', ['sha384sum', '-l', '8', 'f']),
  t('b2sum-files', ['b2sum', 'f', 'bin']),
  t('b2sum-length', ['b2sum', '-l', '256', 'f', '--length=8', 'bin']),
  t('b2sum-length-zero', ['b2sum', '-l', '0', '--tag', 'f']),
  t('b2sum-length-tag', ['b2sum', '--tag', '-l', '128', 'f', '-'], { stdin: 'x' }),
  t('b2sum-length-512-tag', ['b2sum', '--tag', '-l', '512', 'f']),
  t('b2sum-length-blank-plus', ['b2sum', '-l', ' +16', 'f']),
  t('b2sum-length-odd', ['b2sum', '-l', '7', 'f']),
  t('b2sum-length-odd-first', ['b2sum', '-l', '12', '-l', '16', 'f']),
  t('b2sum-length-big', ['b2sum', '-l', '520', 'f']),
  t('b2sum-length-big-help', ['env', 'b2sum', '-l', '1000', '--help']),
  t('b2sum-length-big-bad-option', ['b2sum', '-l', '1000', '--bogus']),
  t('b2sum-length-word', ['b2sum', '-l', '8k', 'f']),
  t('b2sum-length-huge', ['b2sum', '-l', '99999999999999999999999', 'f']),
  t('b2sum-length-empty', ['b2sum', '--length=', 'f']),
  s('b2sum-check', 'b2sum -l 256 f > l; b2sum --tag -l 24 bin >> l; b2sum -c l; b2sum -l 128 -c l; echo $?'),
  t('b2sum-check-lengths', ['b2sum', '-c', 'l'], { files: { l: 'c5  f\nc  f\nc5c5  f\nBLAKE2b-8 (f) = c5\nBLAKE2b-16 (f) = c5\nSHA256 (f) = c5\n' } }),
  t('b2sum-check-none', ['b2sum', '-c', '-w', 'a b']),
  t('cksum-blake2b-untagged-check', ['cksum', '-a', 'blake2b', '-c', 'l'], { files: { l: 'c5  f\n' } }),
  t('cksum-length-zero-crc', ['cksum', '-l', '0', 'f']),
  t('cksum-length-big-crc', ['cksum', '-l', '520', 'f']),
  t('cksum-length-big-help', ['env', 'cksum', '-a', 'blake2b', '-l', '520', '--help']),
];

/** basenc -d of each text, with and without -i. */
const decodes = (enc: string, texts: string[]): GoldenCase[] => texts.flatMap((text, i) => [
  t(`basenc-${enc}-d${i}`, ['basenc', `--${enc}`, '-d'], { stdin: text }),
  t(`basenc-${enc}-di${i}`, ['basenc', `--${enc}`, '-di'], { stdin: text }),
]);

const ENCODINGS = ['base64', 'base64url', 'base32', 'base32hex', 'base16', 'base2msbf', 'base2lsbf', 'z85'];

const BASENC: GoldenCase[] = [
  ...ENCODINGS.flatMap((e) => [
    t(`basenc-${e}-bin`, ['basenc', `--${e}`, 'bin']),
    t(`basenc-${e}-text`, ['basenc', `--${e}`, '-w', '7'], { stdin: 'abcdefghijklmnopqrstuvwx' }),
    t(`basenc-${e}-empty`, ['basenc', `--${e}`], { stdin: '' }),
    s(`basenc-${e}-round`, `basenc --${e} -w0 bin | basenc --${e} -d | od -An -tx1`),
  ]),
  t('basenc-z85-short', ['basenc', '--z85'], { stdin: 'abcdabc' }),
  t('basenc-z85-four', ['basenc', '--z85', '-w0'], { stdin: 'abc\n' }),
  ...decodes('base64', ['YQ=x', 'YQ==YQ==', 'YWJj\nZA', 'YW Jj', 'Y=Q=', 'YQ==\n\nx', '====', 'YQ', 'YWJ=', 'aGVs!bG8=\n']),
  ...decodes('base64url', ['-_8=', '+/8=']),
  ...decodes('base32', ['ME======', 'ME=====', 'MFRGG===MFRGG===', 'MFRGGx==', 'mfrgg===', 'MFR=====', 'MFRGG=x=', 'MFRGGZDF']),
  ...decodes('base32hex', ['D1IMOR3F', 'c4======']),
  ...decodes('base16', ['68656c6c6f', '68656C6C6F', '686', '68\n65', '6=8']),
  ...decodes('base2msbf', ['0110000101100010', '011', '01100001x', '01100\n001']),
  ...decodes('base2lsbf', ['1000011001000110']),
  ...decodes('z85', ['vrbT5', 'vrbT', '#####', 'vr~T5', 'vpA\n.S']),
  t('basenc-missing-encoding', ['basenc'], { stdin: 'a' }),
  t('basenc-last-encoding-wins', ['basenc', '--base64', '--base32'], { stdin: 'a' }),
  t('basenc-ambiguous', ['basenc', '--base6']),
  t('basenc-abbreviated', ['basenc', '--base2l', '-w', '0'], { stdin: 'ab' }),
  t('basenc-extra-operand', ['basenc', '--base64', 'f', 'g']),
  t('basenc-bad-wrap-first', ['basenc', '-w', 'x', '--z85']),
  t('basenc-dir', ['basenc', '--base16', 'sub']),
  t('base32-file', ['base32', 'bin']),
  t('base32-wrap', ['base32', '-w', '5'], { stdin: 'abcdefghijk' }),
  t('base32-decode-file', ['base32', '-d', 'l'], { files: { l: 'MFRGG===\n' } }),
  t('base32-extra', ['base32', 'a', 'b']),
  t('base32-missing', ['base32', 'a b']),
  t('base64-wrap-blank-plus', ['base64', '-w', ' +5'], { stdin: 'abcdefgh' }),
  t('base64-wrap-huge', ['base64', '-w', '99999999999999999999999'], { stdin: 'a' }),
  t('base64-wrap-negative', ['base64', '-w', '-1'], { stdin: 'a' }),
  t('base64-dir', ['base64', 'sub']),
  t('base64-decode-padding-groups', ['base64', '-d'], { stdin: 'YQ==YWI=\n' }),
];

const BIG = '99999999999999999999999999999999999999999';
const FACTOR: GoldenCase[] = [
  t('factor-small', ['factor', '0', '1', '2', '12', '+12', ' 12', '012', '00', '97', '1001']),
  t('factor-errors', ['factor', '12 ', '0x10', '--', '-1', 'a', '', '1.5', '+', '++3', '\u0663', '6']),
  t('factor-large', ['factor', '4294967291', '4294967297', '1000000016000000063', '9223372036854775807', '18446744073709551615',
    '18446744073709551617', '170141183460469231731687303715884105727', '600851475143', '1234567890123456789012345678901']),
  t('factor-huge', ['factor', '2', BIG, '3', '340282366920938463463374607431768211455', '4']),
  t('factor-stdin', ['factor'], { stdin: '6 x\n\t8\n  17\n\n 9 100 ' }),
  t('factor-stdin-empty', ['factor'], { stdin: '' }),
  t('factor-order', ['factor'], { stdin: Array.from({ length: 99 }, (_, i) => String(i + 2)).join('\n') + `\n${BIG}\n5\n` +
    '170141183460469231731687303715884105727\n170141183460469231731687303715884105728\n' }),
  t('factor-bad-option', ['factor', '-h']),
  t('factor-version-abbrev', ['factor', '--ver']),
];

const TSORT: GoldenCase[] = [
  t('tsort-chain', ['tsort'], { stdin: 'a b\nb c\nx a\nd d\n' }),
  t('tsort-order', ['tsort'], { stdin: 'n5 n1 n4 n5 n4 n7 n5 n2 n2 n0 n4 n0 n5 n6 n3 n4\n' }),
  t('tsort-loops', ['tsort'], { stdin: 'a b\nb c\nc a\nc d\nd e\ne d\nx y\n' }),
  t('tsort-loops-repeat', ['tsort'], { stdin: 'n1 n1\nn0 n1\nn2 n0\nn2 n1\nn1 n2\nn2 n1\nn1 n1\nn1 n0\n' }),
  t('tsort-loops-nested', ['tsort'], { stdin: 'n0 n1\nn2 n3\nn1 n0\nn0 n3\nn0 n1\nn2 n2\nn3 n3\nn1 n0\nn0 n3\nn3 n0\n' }),
  t('tsort-odd', ['tsort'], { stdin: 'a b c\n' }),
  t('tsort-odd-file', ['tsort', 'l'], { files: { l: 'a' } }),
  t('tsort-loop-file', ['tsort', 'a b'], { files: { 'a b': 'a b b a' } }),
  t('tsort-blanks', ['tsort', '-'], { stdin: 'a\vb c\fd\r\n' }),
  t('tsort-empty', ['tsort'], { stdin: '' }),
  t('tsort-missing', ['tsort', 'nosuch']),
  t('tsort-dir', ['tsort', 'sub']),
  t('tsort-extra', ['tsort', 'a', 'b']),
  t('tsort-bad-option', ['tsort', '-x']),
];

const HOSTID: GoldenCase[] = [
  // Whatever the machine's name resolves to: the address a.b.c.d prints as b a d c in hex (0 if none).
  s('hostid-rule', 'a=$(getent hosts "$(hostname)" | awk \'$1 ~ /^[0-9.]+$/ {print $1; exit}\'); e=00000000; ' +
    'if [ -n "$a" ]; then IFS=. read w x y z <<< "$a"; e=$(printf %02x%02x%02x%02x $x $w $z $y); fi; ' +
    '[ "$(hostid)" = "$e" ] && echo match; hostid | grep -c "^[0-9a-f]\\{8\\}$"'),
  t('hostid-extra', ['hostid', 'x']),
  t('hostid-bad-option', ['hostid', '-x']),
];

// --help names the program as argv[0] does: `env` runs it by its bare name, as the recording shell does.
const INFO: GoldenCase[] = ['sha224sum', 'sha384sum', 'b2sum', 'base32', 'basenc', 'factor', 'tsort', 'hostid'].flatMap((p) => [
  t(`${p}-help`, ['env', p, '--help']), t(`${p}-version`, ['env', p, '--version']),
]);

export const CU91B_CASES: GoldenCase[] = [...SUMS, ...BASENC, ...FACTOR, ...TSORT, ...HOSTID, ...INFO];
