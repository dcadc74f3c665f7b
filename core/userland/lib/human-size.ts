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
