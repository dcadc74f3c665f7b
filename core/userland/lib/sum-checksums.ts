// The 16-bit checksums of sum(1) (and of cksum -a bsd / -a sysv) with their output lines: BSD's
// rotating sum over 1 KiB blocks ("%05d %5d"), System V's folded byte sum over 512-byte blocks ("%d %d").

/** BSD sum: rotate the 16-bit checksum right by one, then add the byte. */
export function bsdSum(data: string): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum = (((sum >> 1) | ((sum & 1) << 15)) + data.charCodeAt(i)) & 0xffff;
  return sum;
}

/** System V sum: the byte total (modulo 2**32) folded twice into 16 bits. */
export function sysvSum(data: string): number {
  let total = 0;
  for (let i = 0; i < data.length; i++) total = (total + data.charCodeAt(i)) >>> 0;
  const r = (total & 0xffff) + (total >>> 16);
  return (r & 0xffff) + (r >>> 16);
}

/** The line for `data` (latin1), naming `name` when given, without its end of line. */
export function sumLine(kind: 'bsd' | 'sysv', data: string, name: string | null): string {
  const tail = name === null ? '' : ` ${name}`;
  if (kind === 'bsd') return `${String(bsdSum(data)).padStart(5, '0')} ${String(Math.ceil(data.length / 1024)).padStart(5)}${tail}`;
  return `${sysvSum(data)} ${Math.ceil(data.length / 512)}${tail}`;
}
