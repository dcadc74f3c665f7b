// The encodings of base64, base32 and basenc (coreutils 9.1): RFC 4648's base64, base64url, base32
// and base32hex with '=' padding, base16 (upper case only), base2 with either bit order, and ZeroMQ's
// Z85. Strings are latin1 (one char per byte). Decoders see text without newlines and stop at the
// first bad group, keeping the bytes gnulib's decoders would have written before it.

export interface Codec {
  /** The encoded text, or null when the input cannot be encoded (Z85 wants a multiple of 4 bytes). */
  encode(data: string): string | null;
  /** Whether `c` belongs to the alphabet (-i keeps these characters and '='). */
  isChar(c: string): boolean;
  /** The bytes decoded and whether all the text was valid. */
  decode(text: string): { data: string; ok: boolean };
}

/**
 * An RFC 4648 alphabet of 2^bits characters, grouped as gnulib's base64 and base32 decoders group it.
 * `padAt` lists where padding may start in a group; base32 rejects a short final group outright, while
 * base64 first decodes what the short group holds.
 */
function rfc4648(alphabet: string, bits: number, padAt: readonly number[], shortGroupDecodes: boolean): Codec {
  const group = bits === 6 ? 4 : 8;
  const value = (c: string): number => alphabet.indexOf(c);
  const encode = (data: string): string => {
    let out = '';
    const bytesPerGroup = (group * bits) / 8;
    for (let i = 0; i < data.length; i += bytesPerGroup) {
      const chunk = data.slice(i, i + bytesPerGroup);
      let acc = 0n;
      for (let j = 0; j < bytesPerGroup; j++) acc = (acc << 8n) | BigInt(j < chunk.length ? chunk.charCodeAt(j) : 0);
      const used = Math.ceil((chunk.length * 8) / bits);
      for (let j = 0; j < group; j++) {
        out += j < used ? alphabet[Number((acc >> BigInt((group - 1 - j) * bits)) & BigInt((1 << bits) - 1))]! : '=';
      }
    }
    return out;
  };
  /** One group (short at the end of the text): appends its bytes to `out`; false when invalid. */
  const decodeGroup = (g: string, out: string[]): boolean => {
    if (g.length < group && !shortGroupDecodes) return false;
    let acc = 0;
    let valid = 0;
    let emitted = 0;
    for (let i = 0; i < g.length; i++) {
      if (g[i] === '=') return padAt.includes(i) && g.length === group && /^=*$/.test(g.slice(i));
      const v = value(g[i]!);
      if (v < 0) return false;
      acc = ((acc << bits) | v) & 0xffff;
      valid++;
      // A byte is written as soon as the characters holding all its bits are valid.
      if (Math.floor((valid * bits) / 8) > emitted) {
        const spare = valid * bits - (emitted + 1) * 8;
        out.push(String.fromCharCode((acc >> spare) & 0xff));
        emitted++;
      }
    }
    return g.length === group;
  };
  return {
    encode,
    isChar: (c) => c !== '=' && value(c) >= 0,
    decode: (text) => {
      const out: string[] = [];
      let ok = true;
      for (let i = 0; i < text.length && ok; i += group) ok = decodeGroup(text.slice(i, i + group), out);
      return { data: out.join(''), ok };
    },
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const HEX = DIGITS + 'ABCDEF';

/** Characters of `size` bits each for every byte (base16 and base2): `symbols` maps a byte to them. */
function perByte(alphabet: string, size: number, symbols: (byte: number) => string, byteOf: (text: string) => number): Codec {
  return {
    encode: (data) => Array.from(data, (c) => symbols(c.charCodeAt(0))).join(''),
    isChar: (c) => alphabet.includes(c),
    decode: (text) => {
      let data = '';
      for (let i = 0; i < text.length; i += size) {
        const chunk = text.slice(i, i + size);
        if ([...chunk].some((c) => !alphabet.includes(c)) || chunk.length < size) return { data, ok: false };
        data += String.fromCharCode(byteOf(chunk));
      }
      return { data, ok: true };
    },
  };
}

const Z85 = DIGITS + 'abcdefghijklmnopqrstuvwxyz' + UPPER + '.-:+=^!/*?&<>()[]{}@%$#';

/** Z85 (ZeroMQ RFC 32): each 4 bytes, big-endian, as 5 base-85 digits. */
const z85: Codec = {
  encode: (data) => {
    if (data.length % 4 !== 0) return null;
    let out = '';
    for (let i = 0; i < data.length; i += 4) {
      let v = 0;
      for (let j = 0; j < 4; j++) v = v * 256 + data.charCodeAt(i + j);
      let digits = '';
      for (let j = 0; j < 5; j++, v = Math.floor(v / 85)) digits = Z85[v % 85]! + digits;
      out += digits;
    }
    return out;
  },
  isChar: (c) => Z85.includes(c),
  decode: (text) => {
    let data = '';
    for (let i = 0; i < text.length; i += 5) {
      const chunk = text.slice(i, i + 5);
      let v = 0;
      for (const c of chunk) {
        const d = Z85.indexOf(c);
        if (d < 0) return { data, ok: false };
        v = v * 85 + d;
      }
      if (chunk.length < 5 || v > 0xffffffff) return { data, ok: false };
      for (let j = 3; j >= 0; j--) data += String.fromCharCode(Math.floor(v / 256 ** j) % 256);
    }
    return { data, ok: true };
  },
};

const bin8 = (b: number): string => b.toString(2).padStart(8, '0');
const reversed = (s: string): string => [...s].reverse().join('');

/** basenc's encodings by option name; base64 and base32 use 'base64' and 'base32'. */
export const CODECS: Record<string, Codec> = {
  base64: rfc4648(UPPER + UPPER.toLowerCase() + DIGITS + '+/', 6, [2, 3], true),
  base64url: rfc4648(UPPER + UPPER.toLowerCase() + DIGITS + '-_', 6, [2, 3], true),
  base32: rfc4648(UPPER + '234567', 5, [2, 4, 5, 7], false),
  base32hex: rfc4648(DIGITS + 'ABCDEFGHIJKLMNOPQRSTUV', 5, [2, 4, 5, 7], false),
  base16: perByte(HEX, 2, (b) => HEX[b >> 4]! + HEX[b & 15]!, (t) => parseInt(t, 16)),
  base2msbf: perByte('01', 8, bin8, (t) => parseInt(t, 2)),
  base2lsbf: perByte('01', 8, (b) => reversed(bin8(b)), (t) => parseInt(reversed(t), 2)),
  z85,
};
