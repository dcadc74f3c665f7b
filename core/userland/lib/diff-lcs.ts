// Myers' O(ND) difference algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986) over
// arrays of lines, giving the edit script as runs of equal, deleted and inserted lines.

export interface Change {
  /** Start of the run in A and in B (0-based) and how many lines of each it covers. */
  a: number;
  delA: number;
  b: number;
  insB: number;
}

/** The changes (non-equal runs) that turn `a` into `b`, in order. */
export function diffLines(a: readonly string[], b: readonly string[]): Change[] {
  // Trim the common prefix and suffix: it keeps the search small for typical edits.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace backwards to recover the path as a list of (x, y) steps.
  const ops: Array<'=' | '-' | '+'> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1]! < vd[max + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[max + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--;
      y--;
    }
    if (x === prevX) {
      ops.push('+');
      y--;
    } else {
      ops.push('-');
      x--;
    }
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x--;
    y--;
  }
  ops.reverse();
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  let cur: Change | null = null;
  for (const op of ops) {
    if (op === '=') {
      if (cur) changes.push(cur);
      cur = null;
      i++;
      j++;
      continue;
    }
    cur ??= { a: pre + i, delA: 0, b: pre + j, insB: 0 };
    if (op === '-') {
      cur.delA++;
      i++;
    } else {
      cur.insB++;
      j++;
    }
  }
  if (cur) changes.push(cur);
  return changes;
}
