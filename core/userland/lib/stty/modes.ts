// The termios flags stty knows, in the order `stty -a` prints them, with what `stty sane` gives each
// (stty(1) of GNU coreutils 9.1: the "sane" list of its manual page) and which can be negated with '-'.
import {
  BRKINT, BSDLY, CLOCAL, CMSPAR, CRDLY, CREAD, CRTSCTS, CS5, CS6, CS7, CS8, CSIZE, CSTOPB, ECHO, ECHOCTL,
  ECHOE, ECHOK, ECHOKE, ECHONL, ECHOPRT, EXTPROC, FFDLY, FLUSHO, HUPCL, ICANON, ICRNL, IEXTEN, IGNBRK,
  IGNCR, IGNPAR, IMAXBEL, INLCR, INPCK, ISIG, ISTRIP, IUCLC, IUTF8, IXANY, IXOFF, IXON, NLDLY, NOFLSH,
  OCRNL, OFDEL, OFILL, OLCUC, ONLCR, ONLRET, ONOCR, OPOST, PARENB, PARMRK, PARODD, TABDLY, TOSTOP,
  VTDLY, XCASE,
} from '../../../kernel/abi.ts';

export type ModeField = 'cflag' | 'iflag' | 'oflag' | 'lflag';

export interface Mode {
  name: string;
  field: ModeField;
  /** The value the field's `mask` bits take when the mode is on. */
  bits: number;
  /** The bits the mode is a value of (a choice like cs5..cs8, nl0/nl1); its own bits for a flag. */
  mask: number;
  /** 'on': `sane` sets it; 'off': `sane` leaves it off; absent: `sane` does not touch it. */
  sane?: 'on' | 'off';
  /** A flag that '-name' turns off (the choices among values have no negation). */
  negatable: boolean;
  /** Accepted as a setting but never printed (another name for a printed mode). */
  alias?: boolean;
}

function flag(name: string, field: ModeField, bits: number, sane?: 'on' | 'off', alias = false): Mode {
  return { name, field, bits, mask: bits, sane, negatable: true, alias };
}

function choice(name: string, field: ModeField, bits: number, mask: number, sane?: 'on' | 'off'): Mode {
  return { name, field, bits, mask, sane, negatable: false };
}

const CR1 = 0o1000, CR2 = 0o2000, CR3 = 0o3000, TAB1 = 0o4000, TAB2 = 0o10000, TAB3 = 0o14000;

export const MODES: readonly Mode[] = [
  flag('parenb', 'cflag', PARENB), flag('parodd', 'cflag', PARODD), flag('cmspar', 'cflag', CMSPAR),
  choice('cs5', 'cflag', CS5, CSIZE), choice('cs6', 'cflag', CS6, CSIZE), choice('cs7', 'cflag', CS7, CSIZE),
  choice('cs8', 'cflag', CS8, CSIZE),
  flag('hupcl', 'cflag', HUPCL), flag('hup', 'cflag', HUPCL, undefined, true), flag('cstopb', 'cflag', CSTOPB),
  flag('cread', 'cflag', CREAD, 'on'), flag('clocal', 'cflag', CLOCAL), flag('crtscts', 'cflag', CRTSCTS),

  flag('ignbrk', 'iflag', IGNBRK, 'off'), flag('brkint', 'iflag', BRKINT, 'on'), flag('ignpar', 'iflag', IGNPAR),
  flag('parmrk', 'iflag', PARMRK), flag('inpck', 'iflag', INPCK), flag('istrip', 'iflag', ISTRIP),
  flag('inlcr', 'iflag', INLCR, 'off'), flag('igncr', 'iflag', IGNCR, 'off'), flag('icrnl', 'iflag', ICRNL, 'on'),
  flag('ixon', 'iflag', IXON), flag('ixoff', 'iflag', IXOFF, 'off'), flag('iuclc', 'iflag', IUCLC, 'off'),
  flag('ixany', 'iflag', IXANY, 'off'), flag('imaxbel', 'iflag', IMAXBEL, 'on'), flag('iutf8', 'iflag', IUTF8, 'off'),

  flag('opost', 'oflag', OPOST, 'on'), flag('olcuc', 'oflag', OLCUC, 'off'), flag('ocrnl', 'oflag', OCRNL, 'off'),
  flag('onlcr', 'oflag', ONLCR, 'on'), flag('onocr', 'oflag', ONOCR, 'off'), flag('onlret', 'oflag', ONLRET, 'off'),
  flag('ofill', 'oflag', OFILL, 'off'), flag('ofdel', 'oflag', OFDEL, 'off'),
  choice('nl1', 'oflag', NLDLY, NLDLY, 'off'), choice('nl0', 'oflag', 0, NLDLY, 'on'),
  choice('cr3', 'oflag', CR3, CRDLY, 'off'), choice('cr2', 'oflag', CR2, CRDLY, 'off'),
  choice('cr1', 'oflag', CR1, CRDLY, 'off'), choice('cr0', 'oflag', 0, CRDLY, 'on'),
  choice('tab3', 'oflag', TAB3, TABDLY, 'off'), choice('tab2', 'oflag', TAB2, TABDLY, 'off'),
  choice('tab1', 'oflag', TAB1, TABDLY, 'off'), choice('tab0', 'oflag', 0, TABDLY, 'on'),
  choice('bs1', 'oflag', BSDLY, BSDLY, 'off'), choice('bs0', 'oflag', 0, BSDLY, 'on'),
  choice('vt1', 'oflag', VTDLY, VTDLY, 'off'), choice('vt0', 'oflag', 0, VTDLY, 'on'),
  choice('ff1', 'oflag', FFDLY, FFDLY, 'off'), choice('ff0', 'oflag', 0, FFDLY, 'on'),

  flag('isig', 'lflag', ISIG, 'on'), flag('icanon', 'lflag', ICANON, 'on'), flag('iexten', 'lflag', IEXTEN, 'on'),
  flag('echo', 'lflag', ECHO, 'on'), flag('echoe', 'lflag', ECHOE, 'on'), flag('crterase', 'lflag', ECHOE, 'on', true),
  flag('echok', 'lflag', ECHOK, 'on'), flag('echonl', 'lflag', ECHONL, 'off'), flag('noflsh', 'lflag', NOFLSH, 'off'),
  flag('xcase', 'lflag', XCASE, 'off'), flag('tostop', 'lflag', TOSTOP, 'off'), flag('echoprt', 'lflag', ECHOPRT, 'off'),
  flag('prterase', 'lflag', ECHOPRT, 'off', true), flag('echoctl', 'lflag', ECHOCTL, 'on'),
  flag('ctlecho', 'lflag', ECHOCTL, 'on', true), flag('echoke', 'lflag', ECHOKE, 'on'),
  flag('crtkill', 'lflag', ECHOKE, 'on', true), flag('flusho', 'lflag', FLUSHO, 'off'),
  flag('extproc', 'lflag', EXTPROC, 'off'),
];

const BY_NAME = new Map(MODES.map((m) => [m.name, m]));

export function findMode(name: string): Mode | undefined {
  return BY_NAME.get(name);
}

/** Whether the mode is on in a field's value (the top bit of c_cflag makes these unsigned). */
export function modeIsOn(m: Mode, value: number): boolean {
  return ((value & m.mask) >>> 0) === m.bits >>> 0;
}

/** The field's value with the mode turned on, or off (`negate`, for flags only). */
export function withMode(m: Mode, value: number, negate: boolean): number {
  return (negate ? value & ~m.mask : (value & ~m.mask) | m.bits) >>> 0;
}
