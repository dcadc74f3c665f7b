// The settings that stand for several others (stty(1): "Combination settings"), as the mode words and
// special characters they set; `sane` is built from the sane value of every mode and character.
import { VERASE, VINTR, VKILL, VMIN, VTIME } from '../../../kernel/abi.ts';
import { CONTROL_CHARS, COUNTS } from './chars.ts';
import { MODES } from './modes.ts';

export interface Combination {
  /** Mode words applied in order ("-icanon", "cs7"). */
  modes: readonly string[];
  /** Special characters set: [index in c_cc, value]. */
  chars?: readonly [number, number][];
}

const RAW: Combination = {
  modes: ['-ignbrk', '-brkint', '-ignpar', '-parmrk', '-inpck', '-istrip', '-inlcr', '-igncr', '-icrnl', '-ixon',
    '-ixoff', '-icanon', '-opost', '-isig', '-iuclc', '-ixany', '-imaxbel', '-iutf8', '-xcase'],
  chars: [[VMIN, 1], [VTIME, 0]],
};
const COOKED: Combination = { modes: ['brkint', 'ignpar', 'istrip', 'icrnl', 'ixon', 'opost', 'isig', 'icanon'] };
const EVENP: Combination = { modes: ['parenb', '-parodd', 'cs7'] };
const NO_PARITY: Combination = { modes: ['-parenb', 'cs8'] };
const LCASE: Combination = { modes: ['xcase', 'iuclc', 'olcuc'] };
const NO_LCASE: Combination = { modes: ['-xcase', '-iuclc', '-olcuc'] };

const SANE: Combination = {
  modes: MODES.filter((m) => !m.alias && (m.sane === 'on' || (m.sane === 'off' && m.negatable)))
    .map((m) => (m.sane === 'on' ? m.name : `-${m.name}`)),
  chars: [...CONTROL_CHARS, ...COUNTS].map((c) => [c.index, c.sane] as [number, number]),
};

const COMBINATIONS = new Map<string, Combination>([
  ['raw', RAW], ['-cooked', RAW], ['cooked', COOKED], ['-raw', COOKED],
  ['cbreak', { modes: ['-icanon'] }], ['-cbreak', { modes: ['icanon'] }],
  ['evenp', EVENP], ['parity', EVENP], ['-evenp', NO_PARITY], ['-parity', NO_PARITY],
  ['oddp', { modes: ['parenb', 'parodd', 'cs7'] }], ['-oddp', NO_PARITY],
  ['nl', { modes: ['-icrnl', '-onlcr'] }],
  ['-nl', { modes: ['icrnl', '-inlcr', '-igncr', 'onlcr', '-ocrnl', '-onlret'] }],
  ['ek', { modes: [], chars: [[VERASE, 0x7f], [VKILL, 0x15]] }],
  ['litout', { modes: ['-parenb', '-istrip', '-opost', 'cs8'] }],
  ['-litout', { modes: ['parenb', 'istrip', 'opost', 'cs7'] }],
  ['pass8', { modes: ['-parenb', '-istrip', 'cs8'] }], ['-pass8', { modes: ['parenb', 'istrip', 'cs7'] }],
  ['crt', { modes: ['echoe', 'echoctl', 'echoke'] }],
  ['dec', { modes: ['echoe', 'echoctl', 'echoke', '-ixany'], chars: [[VINTR, 0x03], [VERASE, 0x7f], [VKILL, 0x15]] }],
  ['decctlq', { modes: ['-ixany'] }], ['-decctlq', { modes: ['ixany'] }],
  ['tandem', { modes: ['ixoff'] }], ['-tandem', { modes: ['-ixoff'] }],
  ['lcase', LCASE], ['LCASE', LCASE], ['-lcase', NO_LCASE], ['-LCASE', NO_LCASE],
  ['tabs', { modes: ['tab0'] }], ['-tabs', { modes: ['tab3'] }],
  ['sane', SANE],
]);

export function findCombination(word: string): Combination | undefined {
  return COMBINATIONS.get(word);
}
