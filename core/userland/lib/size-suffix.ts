// Sizes with the suffixes of gnulib's xstrtoimax as coreutils' truncate accepts them: an integer
// with an optional unit K M G T P E Z Y (k m g t too), each a power of 1024, or of 1000 when followed
// by B or D (KiB is 1024 again). Results must fit in a signed 64-bit off_t.

const POWERS: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, g: 3, G: 3, t: 4, T: 4, P: 5, E: 6, Z: 7, Y: 8 };
const MAX = (1n << 63n) - 1n, MIN = -(1n << 63n);

/** The size, or 'invalid' (not a number or a bad unit) or 'overflow' (outside the range of off_t). */
export function parseSize(text: string): bigint | 'invalid' | 'overflow' {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)(?:([kKmMgGtTPEZY])(iB|B|D)?)?$/.exec(text);
  if (!m) return 'invalid';
  let v = BigInt(m[1]!);
  if (m[2] !== undefined) v *= (m[3] === 'B' || m[3] === 'D' ? 1000n : 1024n) ** BigInt(POWERS[m[2]]!);
  return v > MAX || v < MIN ? 'overflow' : v;
}

export const OFF_MAX = MAX;
