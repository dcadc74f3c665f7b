// tc's units (tc(8) "PARAMETERS"): times (s, ms, us; bare = us), sizes (b, k/kb, m/mb, kbit, mbit; bare =
// bytes), rates (bit, kbit, mbit, gbit; bps, kbps, mbps = bytes per second; bare = bits per second),
// percentages; and the way tc prints them back.

export function parseTime(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(s|sec|secs|ms|msec|msecs|us|usec|usecs)?$/.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? 'us';
  if (unit.startsWith('ms')) return Math.round(n * 1e6);
  if (unit.startsWith('u')) return Math.round(n * 1e3);
  return Math.round(n * 1e9);
}

export function parseSize(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(b|k|kb|m|mb|g|gb|kbit|mbit|gbit)?$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  const u = (m[2] ?? 'b').toLowerCase();
  const mult: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1048576, mb: 1048576, g: 1073741824, gb: 1073741824, kbit: 128, mbit: 131072, gbit: 134217728 };
  return Math.round(n * mult[u]!);
}

export function parseRate(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(bit|kbit|mbit|gbit|tbit|bps|kbps|mbps|gbps|tbps)?$/i.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  const u = (m[2] ?? 'bit').toLowerCase();
  const mult: Record<string, number> = { bit: 1, kbit: 1e3, mbit: 1e6, gbit: 1e9, tbit: 1e12, bps: 8, kbps: 8e3, mbps: 8e6, gbps: 8e9, tbps: 8e12 };
  return Math.round(n * mult[u]!);
}

export function parsePercent(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(v);
  return m ? Number(m[1]) / 100 : null;
}

const g = (n: number): string => String(Number(n.toPrecision(6)));

export function formatTime(ns: number): string {
  if (ns >= 1e9) return `${g(ns / 1e9)}s`;
  if (ns >= 1e6) return `${g(ns / 1e6)}ms`;
  return `${g(ns / 1e3)}us`;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1048576 && bytes % 1048576 === 0) return `${bytes / 1048576}Mb`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024}Kb`;
  return `${bytes}b`;
}

export function formatRate(bits: number): string {
  for (const [unit, div] of [['Gbit', 1e9], ['Mbit', 1e6], ['Kbit', 1e3]] as const) {
    if (bits >= div && bits % div === 0) return `${bits / div}${unit}`;
  }
  if (bits >= 1e6) return `${g(bits / 1e6)}Mbit`;
  if (bits >= 1e3) return `${g(bits / 1e3)}Kbit`;
  return `${bits}bit`;
}

export function formatPercent(p: number): string {
  return `${g(p * 100)}%`;
}
