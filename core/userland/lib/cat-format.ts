// The transformations of GNU cat (-b -n -s -E -T -v and the combinations -A -e -t) as a filter over
// the byte stream of all its files: numbering, blank-line squeezing and a pending CR carry from one
// file to the next, as coreutils' cat.c keeps them in statics.

export interface CatOptions {
  number: boolean;
  /** -b: number only non-empty lines (wins over -n). */
  nonblank: boolean;
  squeeze: boolean;
  ends: boolean;
  tabs: boolean;
  nonprinting: boolean;
}

export interface CatState {
  /** As cat.c's `newlines`: -1 inside a line, else how many empty lines (at most 2) precede this point. */
  newlines: number;
  /** The last line number printed. */
  line: number;
  /** -E without -v: a CR was seen last; it shows as ^M if a newline follows, else as itself. */
  pendingCr: boolean;
}

export const newCatState = (): CatState => ({ newlines: 0, line: 0, pendingCr: false });

/** Whether cat must look at the bytes at all (else it copies them). */
export const catTransforms = (o: CatOptions): boolean => o.number || o.squeeze || o.ends || o.tabs || o.nonprinting;

/** The visible form of a byte under -v (^X, M-X, M-^X). */
function nonprinting(b: number, tabs: boolean): string {
  if (b >= 128) return 'M-' + nonprinting(b - 128, true);
  if (b === 127) return '^?';
  if (b >= 32) return String.fromCharCode(b);
  if (b === 9 && !tabs) return '\t';
  return '^' + String.fromCharCode(b + 64);
}

/** Transforms one chunk of input into latin1 output text, updating `st`. */
export function catChunk(bytes: Uint8Array, o: CatOptions, st: CatState): string {
  let out = '';
  const num = (): string => `${String(++st.line).padStart(6)}\t`;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (st.pendingCr) {
      st.pendingCr = false;
      out += b === 10 ? '^M' : '\r';
    }
    if (b === 10) {
      if (++st.newlines > 0) {
        if (st.newlines >= 2) {
          st.newlines = 2;
          if (o.squeeze) continue;
        }
        if (o.number && !o.nonblank) out += num();
      }
      out += o.ends ? '$\n' : '\n';
      continue;
    }
    if (st.newlines >= 0 && o.number) out += num();
    st.newlines = -1;
    if (o.nonprinting) out += nonprinting(b, o.tabs);
    else if (b === 9 && o.tabs) out += '^I';
    else if (b === 13 && o.ends) st.pendingCr = true;
    else out += String.fromCharCode(b);
  }
  return out;
}

/** What is left to print after the last file: a CR still waiting for its newline. */
export const catEnd = (st: CatState): string => (st.pendingCr ? '\r' : '');
