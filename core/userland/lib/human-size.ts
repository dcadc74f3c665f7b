// Sizes as GNU's human_readable() prints them for -h (du, df, free): powers of 1024, one decimal
// below 10 rounded up, whole numbers rounded up above, suffixes K M G T P E.

const SUFFIXES = ['K', 'M', 'G', 'T', 'P', 'E'];

/** `bytes` for du/df -h: "0", "512", "4.0K", "12K", "1.5M". */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < SUFFIXES.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10 - 1e-9) / 10;
    if (r >= 10) return `10${SUFFIXES[u]}`;
    return r.toFixed(1) + SUFFIXES[u];
  }
  const r = Math.ceil(v - 1e-9);
  if (r >= 1024 && u < SUFFIXES.length - 1) return `1.0${SUFFIXES[u + 1]}`;
  return String(r) + SUFFIXES[u];
}

const POWER_LETTERS = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];

/**
 * gnulib's human_readable() with the options dd prints its sizes and rates with (autoscale, round to
 * nearest, a space before the unit, SI letters, a trailing "B"): "512 B", "1.0 kB", "1.0 KiB" (base 1024),
 * "24.8 MB". The amount is `n` units of `from` bytes given per `to` (a rate: bytes per second is
 * n * 1e9 / elapsed ns). Exact in integers when one block size divides the other, as gnulib is; else in
 * floating point, where gnulib always scales by at least one power ("0.0 kB").
 */
export function humanReadable(n: number, from: number, to: number, base1024 = false): string {
  const base = base1024 ? 1024n : 1000n;
  const unit = (exponent: number): string =>
    ` ${exponent === 0 ? '' : base1024 ? POWER_LETTERS[exponent]!.toUpperCase() + 'i' : POWER_LETTERS[exponent]}B`;
  const exponentMax = POWER_LETTERS.length - 1;
  let amt: bigint;
  let tenths: bigint;
  let rounding: bigint;
  const N = BigInt(Math.floor(n));
  const F = BigInt(Math.floor(from));
  const T = BigInt(Math.floor(to));
  if (T <= F && F % T === 0n) {
    amt = N * (F / T);
    tenths = 0n;
    rounding = 0n;
  } else if (F !== 0n && T > F && T % F === 0n) {
    const divisor = T / F;
    const r10 = (N % divisor) * 10n;
    const r2 = (r10 % divisor) * 2n;
    amt = N / divisor;
    tenths = r10 / divisor;
    rounding = r2 < divisor ? (r2 > 0n ? 1n : 0n) : 2n + (divisor < r2 ? 1n : 0n);
  } else {
    // Floating point: scale by powers of the base while the next one still fits.
    let damt = n * (from / to);
    const b = Number(base);
    let e = 1;
    let exponent = 0;
    do {
      e *= b;
      exponent++;
    } while (e * b <= damt && exponent < exponentMax);
    damt /= e;
    let text = roundHalfEven(damt, 1);
    if (text.length > 3 + (base1024 ? 0 : 1)) text = roundHalfEven(damt, 0);
    return text + unit(exponent);
  }
  let exponent = 0;
  let point = '';
  if (base <= amt) {
    do {
      const r10 = (amt % base) * 10n + tenths;
      const r2 = (r10 % base) * 2n + (rounding >> 1n);
      amt /= base;
      tenths = r10 / base;
      rounding = r2 < base ? (r2 + rounding !== 0n ? 1n : 0n) : 2n + (base < r2 + rounding ? 1n : 0n);
      exponent++;
    } while (base <= amt && exponent < exponentMax);
    if (amt < 10n) {
      if (2n < rounding + (tenths & 1n)) {
        tenths++;
        rounding = 0n;
        if (tenths === 10n) {
          amt++;
          tenths = 0n;
        }
      }
      if (amt < 10n) {
        point = `.${tenths}`;
        tenths = rounding = 0n;
      }
    }
  }
  if (5n < tenths + (0n < rounding + (amt & 1n) ? 1n : 0n)) {
    amt++;
    if (amt === base && exponent < exponentMax) {
      exponent++;
      point = '.0';
      amt = 1n;
    }
  }
  return `${amt}${point}${unit(exponent)}`;
}

/** printf's %.Nf of a non-negative number: an exact tie goes to the even digit, as glibc rounds. */
function roundHalfEven(v: number, digits: number): string {
  const scaled = v * 10 ** digits;
  if (scaled - Math.floor(scaled) === 0.5 && Math.floor(scaled) % 2 === 0) return (Math.floor(scaled) / 10 ** digits).toFixed(digits);
  return v.toFixed(digits);
}
