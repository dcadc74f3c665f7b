// The functions of bc -l (s c a l e j), computed in fixed point with guard digits and truncated to the
// caller's scale, which is what GNU bc's library returns; l(x <= 0) gives 1-10^scale as GNU's does.
import { isqrt, pow10, rescale, type BcNum } from './number.ts';

/** Fixed-point helpers at P decimal digits: a bigint r stands for r / 10^P. */
class Fixed {
  readonly one: bigint;

  constructor(readonly p: number) {
    this.one = pow10(p);
  }

  from(a: BcNum): bigint {
    return rescale(a, this.p).v;
  }

  mul(a: bigint, b: bigint): bigint {
    return (a * b) / this.one;
  }

  div(a: bigint, b: bigint): bigint {
    return (a * this.one) / b;
  }

  sqrt(a: bigint): bigint {
    return isqrt(a * this.one);
  }

  /** atan(x) for |x| <= 1 by argument halving and the Taylor series. */
  atan(x: bigint): bigint {
    let halvings = 0;
    const limit = this.one / 10n;
    while ((x < 0n ? -x : x) > limit) {
      x = this.div(x, this.one + this.sqrt(this.one + this.mul(x, x)));
      halvings++;
    }
    const x2 = this.mul(x, x);
    let term = x;
    let sum = x;
    for (let k = 3n; term !== 0n; k += 2n) {
      term = -this.mul(term, x2);
      sum += term / k;
    }
    return sum << BigInt(halvings);
  }

  pi(): bigint {
    return 4n * (4n * this.atan(this.one / 5n) - this.atan(this.one / 239n));
  }

  /** exp(x) by halving until |x| < 1/2, the series, then squaring back. */
  exp(x: bigint): bigint {
    let m = 0;
    const half = this.one / 2n;
    while ((x < 0n ? -x : x) > half) {
      x /= 2n;
      m++;
    }
    let term = this.one;
    let sum = this.one;
    for (let k = 1n; term !== 0n; k++) {
      term = this.mul(term, x) / k;
      sum += term;
    }
    for (let i = 0; i < m; i++) sum = this.mul(sum, sum);
    return sum;
  }

  /** 2*atanh(y) = ln((1+y)/(1-y)) for small y. */
  atanh2(y: bigint): bigint {
    const y2 = this.mul(y, y);
    let term = y;
    let sum = y;
    for (let k = 3n; term !== 0n; k += 2n) {
      term = this.mul(term, y2);
      sum += term / k;
    }
    return 2n * sum;
  }

  ln(x: bigint): bigint {
    let k = 0n;
    while (x >= 2n * this.one) {
      x /= 2n;
      k++;
    }
    while (x < this.one) {
      x *= 2n;
      k--;
    }
    const ln2 = this.atanh2(this.div(this.one, 3n * this.one));
    return k * ln2 + this.atanh2(this.div(x - this.one, x + this.one));
  }

  /** sin or cos after reducing x modulo 2*pi. */
  sinCos(x: bigint, cos: boolean): bigint {
    const twoPi = 2n * this.pi();
    x %= twoPi;
    const x2 = this.mul(x, x);
    let term = cos ? this.one : x;
    let sum = term;
    for (let k = cos ? 1n : 2n; term !== 0n; k += 2n) {
      term = -this.mul(term, x2) / (k * (k + 1n));
      sum += term;
    }
    return sum;
  }
}

const intDigits = (a: BcNum): number => {
  const i = a.v / pow10(a.scale);
  return (i < 0n ? -i : i).toString().length;
};

/** Truncates a fixed-point result to `scale` digits. */
const result = (r: bigint, f: Fixed, scale: number): BcNum => ({ v: r / pow10(f.p - scale), scale });

export function mathSin(x: BcNum, scale: number): BcNum {
  const f = new Fixed(scale + 12 + intDigits(x));
  return result(f.sinCos(f.from(x), false), f, scale);
}

export function mathCos(x: BcNum, scale: number): BcNum {
  const f = new Fixed(scale + 12 + intDigits(x));
  return result(f.sinCos(f.from(x), true), f, scale);
}

export function mathAtan(x: BcNum, scale: number): BcNum {
  const f = new Fixed(scale + 12 + intDigits(x));
  const v = f.from(x);
  const abs = v < 0n ? -v : v;
  let r = abs <= f.one ? f.atan(abs) : f.pi() / 2n - f.atan(f.div(f.one, abs));
  if (v < 0n) r = -r;
  return result(r, f, scale);
}

export function mathExp(x: BcNum, scale: number): BcNum {
  const xi = Number(x.v / pow10(x.scale));
  const big = Math.ceil(Math.abs(xi) * 0.4343) + 1;
  const f = new Fixed(scale + 14 + big + Math.ceil(Math.log2(Math.abs(xi) + 1)));
  return result(f.exp(f.from(x)), f, scale);
}

export function mathLn(x: BcNum, scale: number): BcNum {
  if (x.v <= 0n) return { v: (1n - pow10(scale)) * pow10(scale), scale };
  const f = new Fixed(scale + 14 + intDigits(x) + (x.scale > scale ? x.scale - scale : 0));
  return result(f.ln(f.from(x)), f, scale);
}

/** Bessel function of the first kind of integer order n. */
export function mathBessel(n: BcNum, x: BcNum, scale: number): BcNum {
  let order = n.v / pow10(n.scale);
  const negOrder = order < 0n;
  if (negOrder) order = -order;
  const f = new Fixed(scale + 14 + intDigits(x) * 2);
  const half = f.from(x) / 2n;
  const h2 = f.mul(half, half);
  // (x/2)^n / n!
  let term = f.one;
  for (let i = 1n; i <= order; i++) term = f.mul(term, half) / i;
  let sum = term;
  for (let k = 1n; term !== 0n; k++) {
    term = -f.mul(term, h2) / (k * (k + order));
    sum += term;
  }
  if (negOrder && order % 2n === 1n) sum = -sum;
  return result(sum, f, scale);
}
