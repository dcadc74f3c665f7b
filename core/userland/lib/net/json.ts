// JSON as iproute2's json_writer prints it: compact (`-j`) or pretty (`-j -p`: four-space indents,
// `[ "a","b" ]` arrays, `},{` between objects). Values keep insertion order; `null` prints as null.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const str = (s: string): string => JSON.stringify(s);

/** Compact or pretty text of a JSON value, without a trailing newline. */
export function formatJson(v: Json, pretty: boolean): string {
  return pretty ? prettyJson(v, 0) : JSON.stringify(v);
}

function prettyJson(v: Json, depth: number): string {
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? str(v) : String(v);
  const d = depth + 1;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[ ]';
    return `[ ${v.map((x) => prettyJson(x, d)).join(',')} ]`;
  }
  const pad = '    '.repeat(d);
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${pad}${str(k)}: ${prettyJson(v[k]!, d)}`).join(',\n')}\n${'    '.repeat(depth)}}`;
}
