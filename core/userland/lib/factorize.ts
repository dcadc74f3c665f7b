// Prime factors of any non-negative integer (BigInt): trial division by small primes, then
// Miller-Rabin and Brent's variant of Pollard's rho for what remains. `pause` is awaited now and then
// so that a long factorization lets the other guests run.

const SMALL_LIMIT = 1000n;
const BASES = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n, 53n];

function powMod(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Miller-Rabin with the first 16 primes as bases: exact below 3.3e24 (Sorenson and Webster), and a
 * false positive beyond that has probability under 4^-16.
 */
export function isPrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (const p of BASES) if (n % p === 0n) return n === p;
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  for (const a of BASES) {
    let x = powMod(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let composite = true;
    for (let r = 1; r < s && composite; r++) {
      x = (x * x) % n;
      if (x === n - 1n) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

/** A non-trivial factor of the odd composite n (Brent's cycle finding, products of 128 differences). */
async function rho(n: bigint, pause: () => Promise<void>): Promise<bigint> {
  for (let c = 1n; ; c++) {
    const f = (x: bigint): bigint => (x * x + c) % n;
    let y = 2n, x = 2n, ys = 2n, g = 1n, q = 1n;
    for (let r = 1; g === 1n; r *= 2) {
      x = y;
      for (let i = 0; i < r; i++) {
        y = f(y);
        // r doubles each round: a long run hands the processor back now and then too.
        if ((i & 127) === 127) await pause();
      }
      for (let k = 0; k < r && g === 1n; k += 128) {
        ys = y;
        for (let i = 0; i < Math.min(128, r - k); i++) {
          y = f(y);
          q = (q * (x > y ? x - y : y - x)) % n;
        }
        g = gcd(q, n);
        await pause();
      }
    }
    if (g === n) {
      // The batch overshot: step one at a time from its start.
      do {
        ys = f(ys);
        g = gcd(x > ys ? x - ys : ys - x, n);
      } while (g === 1n);
    }
    if (g !== n) return g;
  }
}

/** The prime factors of n in ascending order (none for 0 and 1). */
export async function factorize(n: bigint, pause: () => Promise<void>): Promise<bigint[]> {
  const out: bigint[] = [];
  if (n < 2n) return out;
  for (let p = 2n; p < SMALL_LIMIT && p * p <= n; p += p === 2n ? 1n : 2n) {
    while (n % p === 0n) {
      out.push(p);
      n /= p;
    }
  }
  const pending = n > 1n ? [n] : [];
  while (pending.length) {
    const m = pending.pop()!;
    if (m < SMALL_LIMIT * SMALL_LIMIT || isPrime(m)) out.push(m);
    else {
      const d = await rho(m, pause);
      pending.push(d, m / d);
    }
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
