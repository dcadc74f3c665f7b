// getopt_long(3) as iptables drives it: optstring "-:A:C:...", so operands come back in order as option
// 1, a missing argument as ':' and an unknown option as '?' (opterr is 0: glibc prints nothing). The
// long option table grows while parsing (a match or target loaded by -p, -m or -j adds its options), and
// the caller may take the next argv word itself (`-I chain 3`, `-c PKTS BYTES`), as iptables does with
// optind. Abbreviations follow glibc: a prefix of several options is ambiguous unless they all agree.

export interface IptLongOpt {
  name: string;
  /** 0 none, 1 required, 2 optional (only as --name=VALUE). */
  hasArg: 0 | 1 | 2;
  /** What the option reports: a short letter or an extension's key. */
  val: string;
}

export interface IptOpt {
  /** The option's val; '\u0001' for an operand, '?' unknown, ':' missing argument. */
  c: string;
  arg: string | null;
  /** argv[optind - 1] after the option, as iptables' messages quote it. */
  word: string;
}

export class IptGetopt {
  optind = 1;
  private cluster = '';
  private clusterWord = '';
  readonly longs: IptLongOpt[];

  constructor(readonly argv: string[], private readonly shorts: string, longs: IptLongOpt[]) {
    this.longs = [...longs];
  }

  /** The next option, or null at the end. */
  next(): IptOpt | null {
    if (this.cluster) return this.short();
    if (this.optind >= this.argv.length) return null;
    const w = this.argv[this.optind]!;
    if (w === '--') {
      this.optind++;
      if (this.optind >= this.argv.length) return null;
      const rest = this.argv[this.optind++]!;
      return { c: '\u0001', arg: rest, word: rest };
    }
    if (w.startsWith('--')) return this.long(w);
    if (w.startsWith('-') && w.length > 1) {
      this.cluster = w.slice(1);
      this.clusterWord = w;
      this.optind++;
      return this.short();
    }
    this.optind++;
    return { c: '\u0001', arg: w, word: w };
  }

  private short(): IptOpt {
    const ch = this.cluster[0]!;
    this.cluster = this.cluster.slice(1);
    const at = this.shorts.indexOf(ch);
    // glibc names the unknown character; iptables quotes argv[optind-1] instead.
    if (at < 0 || ch === ':' || ch === '-') {
      const word = this.cluster ? this.clusterWord : this.argv[this.optind - 1]!;
      this.cluster = '';
      return { c: '?', arg: null, word };
    }
    const colons = this.shorts.slice(at + 1).match(/^:*/)![0].length;
    if (colons === 0) return { c: ch, arg: null, word: this.argv[this.optind - 1]! };
    if (this.cluster) {
      const arg = this.cluster;
      this.cluster = '';
      return { c: ch, arg, word: this.argv[this.optind - 1]! };
    }
    if (colons === 2) return { c: ch, arg: null, word: this.argv[this.optind - 1]! };
    if (this.optind >= this.argv.length) return { c: ':', arg: null, word: this.argv[this.optind - 1]! };
    const arg = this.argv[this.optind++]!;
    return { c: ch, arg, word: arg };
  }

  private long(w: string): IptOpt {
    this.optind++;
    const eq = w.indexOf('=');
    const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
    const inline = eq < 0 ? null : w.slice(eq + 1);
    let found = this.longs.find((o) => o.name === name);
    if (!found) {
      const cands = this.longs.filter((o) => o.name.startsWith(name));
      if (cands.length === 0 || name === '') return { c: '?', arg: null, word: w };
      const first = cands[0]!;
      if (cands.some((o) => o.hasArg !== first.hasArg || o.val !== first.val)) return { c: '?', arg: null, word: w };
      found = first;
    }
    if (found.hasArg === 0) {
      if (inline !== null) return { c: '?', arg: null, word: w };
      return { c: found.val, arg: null, word: w };
    }
    if (inline !== null) return { c: found.val, arg: inline, word: w };
    if (found.hasArg === 2) return { c: found.val, arg: null, word: w };
    if (this.optind >= this.argv.length) return { c: ':', arg: null, word: w };
    const arg = this.argv[this.optind++]!;
    return { c: found.val, arg, word: arg };
  }

  /** argv[optind] when it can be an operand of the option just read (not "-..." nor "!"), consumed. */
  takeOperand(): string | null {
    const w = this.argv[this.optind];
    if (w === undefined || w.startsWith('-') || w.startsWith('!')) return null;
    this.optind++;
    return w;
  }
}
