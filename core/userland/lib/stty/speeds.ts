// Line speeds: the words stty accepts as a speed and the CBAUD codes of c_cflag they stand for (Linux's
// B0 ... B38400 are 0 ... 15, B57600 ... B4000000 are 0o10001 ... 0o10017).
import { CBAUD } from '../../../kernel/abi.ts';

const CODES: readonly [string, number][] = [
  ['0', 0], ['50', 1], ['75', 2], ['110', 3], ['134', 4], ['134.5', 4], ['150', 5], ['200', 6], ['300', 7],
  ['600', 8], ['1200', 9], ['1800', 10], ['2400', 11], ['4800', 12], ['9600', 13], ['19200', 14], ['exta', 14],
  ['38400', 15], ['extb', 15], ['57600', 0o10001], ['115200', 0o10002], ['230400', 0o10003],
  ['460800', 0o10004], ['500000', 0o10005], ['576000', 0o10006], ['921600', 0o10007], ['1000000', 0o10010],
  ['1152000', 0o10011], ['1500000', 0o10012], ['2000000', 0o10013], ['2500000', 0o10014],
  ['3000000', 0o10015], ['3500000', 0o10016], ['4000000', 0o10017],
];

/** The CBAUD code a speed argument names, if it is one. */
export function speedCode(arg: string): number | undefined {
  return CODES.find(([word]) => word === arg)?.[1];
}

/** The speed in baud (as stty prints it) of a c_cflag value. */
export function speedOf(cflag: number): string {
  const code = cflag & CBAUD;
  return CODES.find(([word, c]) => c === code && /^[0-9]+$/.test(word))?.[0] ?? '0';
}

/** c_cflag with another speed. */
export function withSpeed(cflag: number, code: number): number {
  return ((cflag & ~CBAUD) | code) >>> 0;
}
