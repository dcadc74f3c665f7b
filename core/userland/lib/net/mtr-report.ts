// What mtr 0.95 prints when a non-interactive run ends (ui/report.c): the report (-r, -w) with its
// fixed-offset columns (a value wider than its column is cut by the next one, as mtr's snprintf at
// buf+len does), JSON (jansson, indent 4), CSV and XML. Times are integer microseconds shown in ms.
import type { HopStats, MtrNet } from './mtr-net.ts';

interface Field {
  title: string;
  /** printf-style: ' ' + width + 'f' (one decimal) or 'd'. */
  kind: 'f' | 'd' | 'blank';
  width: number;
  /** The value as net.c returns it (thousandths of a percent, microseconds or a count). */
  value: (h: HopStats) => number;
  /** The printf format of report and XML cells. */
  fmt: string;
}

const FIELDS: Record<string, Field> = {
  ' ': { title: ' ', kind: 'blank', width: 1, value: (h) => h.drop(), fmt: ' ' },
  L: { title: 'Loss%', kind: 'f', width: 6, value: (h) => h.loss(), fmt: ' %4.1f%%' },
  D: { title: 'Drop', kind: 'd', width: 5, value: (h) => h.drop(), fmt: ' %4d' },
  R: { title: 'Rcv', kind: 'd', width: 6, value: (h) => h.returned, fmt: ' %5d' },
  S: { title: 'Snt', kind: 'd', width: 6, value: (h) => h.xmit, fmt: ' %5d' },
  N: { title: 'Last', kind: 'f', width: 6, value: (h) => h.last, fmt: ' %5.1f' },
  B: { title: 'Best', kind: 'f', width: 6, value: (h) => h.best, fmt: ' %5.1f' },
  A: { title: 'Avg', kind: 'f', width: 6, value: (h) => h.avg, fmt: ' %5.1f' },
  W: { title: 'Wrst', kind: 'f', width: 6, value: (h) => h.worst, fmt: ' %5.1f' },
  V: { title: 'StDev', kind: 'f', width: 6, value: (h) => h.stdev(), fmt: ' %5.1f' },
  G: { title: 'Gmean', kind: 'f', width: 6, value: (h) => h.gmean, fmt: ' %5.1f' },
  J: { title: 'Jttr', kind: 'f', width: 5, value: (h) => h.jitter, fmt: ' %4.1f' },
  M: { title: 'Javg', kind: 'f', width: 5, value: (h) => h.javg, fmt: ' %4.1f' },
  X: { title: 'Jmax', kind: 'f', width: 5, value: (h) => h.jworst, fmt: ' %4.1f' },
  I: { title: 'Jint', kind: 'f', width: 5, value: (h) => h.jinta, fmt: ' %4.1f' },
};

/** printf %.Nf with glibc's rounding of exact ties (to even), which toFixed rounds up. */
export function cFixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  const scaled = x * 10 ** digits;
  const frac = Math.abs(scaled - Math.trunc(scaled));
  if (frac === 0.5 && Math.abs(scaled) < 2 ** 52) {
    const down = Math.trunc(scaled);
    if (down % 2 === 0) return (down / 10 ** digits).toFixed(digits);
  }
  return s;
}

/** One printf conversion of the field formats above. */
function cell(fmt: string, v: number): string {
  const m = /^ %(\d+)(?:\.(\d+))?([df])(%%)?$/.exec(fmt);
  if (!m) return fmt;
  const text = m[3] === 'f' ? cFixed(v, Number(m[2] ?? 6)) : String(Math.trunc(v));
  return ` ${text.padStart(Number(m[1]))}${m[4] ? '%' : ''}`;
}

function fieldValue(f: Field, h: HopStats): string {
  return f.kind === 'f' ? cell(f.fmt, f.value(h) / 1000) : cell(f.fmt, f.value(h));
}

export interface ReportContext {
  net: MtrNet;
  /** gethostname(). */
  localHost: string;
  /** The host as given on the command line. */
  target: string;
  fields: string;
  /** The name shown for an address (already "name (ip)" with -b, or the dotted quad). */
  name: (addr: number | null) => string;
  /** The dotted quad (strlongip), for the extra addresses of a hop. */
  ip: (addr: number) => string;
  wide: boolean;
  tos: number;
  psize: number;
  bitpattern: number;
  maxPing: number;
}

function activeFields(ctx: ReportContext): Field[] {
  return [...ctx.fields].map((k) => FIELDS[k]).filter((f): f is Field => f !== undefined);
}

function hopRange(ctx: ReportContext): number[] {
  const out: number[] = [];
  for (let at = ctx.net.minShown(); at < ctx.net.maxShown(); at++) out.push(at);
  return out;
}

/** report_close: the HOST header line and one line per hop (plus "`|--" lines for other addresses). */
export function formatReport(ctx: ReportContext): string {
  const fields = activeFields(ctx);
  let hostsLen = 33;
  if (ctx.wide) {
    hostsLen = ctx.localHost.length;
    for (const at of hopRange(ctx)) hostsLen = Math.max(hostsLen, ctx.name(ctx.net.hops[at]!.addr).length);
  }
  const put = (buf: string, at: number, text: string): string => buf.slice(0, at) + text;
  let buf = `HOST: ${ctx.localHost.padEnd(hostsLen)}`;
  let len = ctx.wide ? buf.length : hostsLen;
  for (const f of fields) {
    buf = put(buf, len, f.title.padStart(f.width));
    len += f.width;
  }
  const lines = [buf];
  for (const at of hopRange(ctx)) {
    const h = ctx.net.hops[at]!;
    buf = ` ${String(at + 1).padStart(2)}.|-- ${ctx.name(h.addr).padEnd(hostsLen)}`;
    len = ctx.wide ? buf.length : hostsLen;
    for (const f of fields) {
      buf = put(buf, len, fieldValue(f, h));
      len += f.width;
    }
    lines.push(buf);
    h.addrs.forEach((a, z) => {
      if (z === 0 || h.addrs.indexOf(a) < z) return;
      lines.push(z === 1 ? `    |  \`|-- ${ctx.ip(a)}` : `    |   |-- ${ctx.ip(a)}`);
    });
  }
  return lines.join('\n') + '\n';
}

/** jansson's real: %.5g, exponent without '+' or leading zeros, ".0" when it would read as an integer. */
export function jsonReal(x: number): string {
  let s: string;
  if (x === 0) s = '0';
  else {
    const exp = Math.floor(Math.log10(Math.abs(x)));
    if (exp < -4 || exp >= 5) {
      const [mant, e] = x.toExponential(4).split('e') as [string, string];
      s = `${mant.replace(/\.?0+$/, '')}e${e.replace('+', '')}`;
    } else s = x.toPrecision(5).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  }
  if (!/[.e]/.test(s)) s += '.0';
  return s;
}

function jsonString(s: string): string {
  return JSON.stringify(s);
}

/** json_close: {"report": {"mtr": {...}, "hubs": [...]}} dumped by jansson with JSON_INDENT(4). */
export function formatJson(ctx: ReportContext): string {
  const fields = [...ctx.fields].filter((k) => k !== ' ').map((k) => FIELDS[k]!).filter(Boolean);
  const psize = ctx.psize >= 0 ? String(ctx.psize) : `rand(28-${-ctx.psize})`;
  const pattern = ctx.bitpattern >= 0 ? `0x${(ctx.bitpattern & 0xff).toString(16).toUpperCase().padStart(2, '0')}` : 'rand(0x00-FF)';
  const out: string[] = [
    '{', '    "report": {', '        "mtr": {',
    `            "src": ${jsonString(ctx.localHost)},`,
    `            "dst": ${jsonString(ctx.target)},`,
    `            "tos": ${ctx.tos},`,
    `            "tests": ${ctx.maxPing},`,
    `            "psize": ${jsonString(psize)},`,
    `            "bitpattern": ${jsonString(pattern)}`,
    '        },',
  ];
  const hubs = hopRange(ctx);
  if (hubs.length === 0) out.push('        "hubs": []');
  else {
    out.push('        "hubs": [');
    hubs.forEach((at, i) => {
      const h = ctx.net.hops[at]!;
      const members = [`"count": ${at + 1}`, `"host": ${jsonString(ctx.name(h.addr))}`];
      for (const f of fields) {
        const v = f.value(h);
        members.push(`${jsonString(f.title)}: ${f.kind === 'f' ? jsonReal(v / 1000) : String(v)}`);
      }
      out.push('            {', members.map((m) => `                ${m}`).join(',\n'), `            }${i + 1 < hubs.length ? ',' : ''}`);
    });
    out.push('        ]');
  }
  out.push('    }', '}');
  return out.join('\n') + '\n';
}

/** csv_close: a header before the first hop, then one line per hop; `now` is time(NULL) at the end. */
export function formatCsv(ctx: ReportContext, now: number): string {
  const fields = activeFields(ctx);
  let out = '';
  for (const at of hopRange(ctx)) {
    const h = ctx.net.hops[at]!;
    if (at === ctx.net.minShown()) out += `Mtr_Version,Start_Time,Status,Host,Hop,Ip,${fields.map((f) => `${f.title},`).join('')}\n`;
    out += `MTR.0.95,${now},OK,${ctx.target},${at + 1},${ctx.name(h.addr)}`;
    for (const f of fields) out += f.kind === 'f' ? `,${cFixed(f.value(h) / 1000, 2)}` : `,${Math.trunc(f.value(h))}`;
    out += '\n';
  }
  return out;
}

/** xml_close. */
export function formatXml(ctx: ReportContext): string {
  const fields = [...ctx.fields].filter((k) => k !== ' ').map((k) => FIELDS[k]!).filter(Boolean);
  const psize = ctx.psize >= 0 ? ` PSIZE="${ctx.psize}"` : ` PSIZE="rand(28-${-ctx.psize})"`;
  const pattern = ctx.bitpattern >= 0 ? ` BITPATTERN="0x${(ctx.bitpattern & 0xff).toString(16).toUpperCase().padStart(2, '0')}"` : ' BITPATTERN="rand(0x00-FF)"';
  let out = '<?xml version="1.0"?>\n';
  out += `<MTR SRC="${ctx.localHost}" DST="${ctx.target}" TOS="0x${ctx.tos.toString(16).toUpperCase()}"${psize}${pattern} TESTS="${ctx.maxPing}">\n`;
  for (const at of hopRange(ctx)) {
    const h = ctx.net.hops[at]!;
    out += `    <HUB COUNT="${at + 1}" HOST="${ctx.name(h.addr)}">\n`;
    for (const f of fields) {
      const title = f.title === 'Loss%' ? 'Loss' : f.title;
      const text = fieldValue(f, h);
      out += `        <${title}>${text}</${title}>\n`;
    }
    out += '    </HUB>\n';
  }
  return out + '</MTR>\n';
}

/** The columns alone, for the curses display: the header titles and each shown hop's cells. */
export function reportCells(ctx: ReportContext): {
  header: string;
  hops: Array<{ at: number; addr: number | null; name: string; cells: string; others: string[] }>;
} {
  const fields = activeFields(ctx);
  const row = (text: (f: Field) => string): string => {
    let buf = '';
    let len = 0;
    for (const f of fields) {
      buf = buf.slice(0, len) + text(f);
      len += f.width;
    }
    return buf;
  };
  const header = row((f) => f.title.padStart(f.width));
  const hops = hopRange(ctx).map((at) => {
    const h = ctx.net.hops[at]!;
    const others = h.addrs.filter((a, z) => z > 0 && a !== h.addr).map((a) => ctx.name(a));
    return { at, addr: h.addr, name: ctx.name(h.addr), cells: row((f) => fieldValue(f, h)), others };
  });
  return { header, hops };
}
