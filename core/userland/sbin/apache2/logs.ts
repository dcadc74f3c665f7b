// mod_log_config's formats: the % directives of LogFormat (%h %l %u %t %r %>s %O %b %{Header}i %v %p
// %U %q %H %m %a %A %B %T %D %%), applied to what a request left (LogRecord). Strings from the client
// are escaped as ap_escape_logitem does (", \ and control bytes).
import { clfDate } from '../../lib/http/date.ts';

export interface LogRecord {
  peerAddr: string;
  localAddr: string;
  localPort: number;
  /** %r: the request line, or '' when none was read. */
  line: string;
  status: number;
  /** Body bytes (%B / %b). */
  bodyBytes: number;
  method: string;
  uri: string;
  query: string;
  protocol: string;
  headers: Array<[string, string]>;
  vhostName: string;
  /** Filled in when the reply is written: time (ns) and all bytes sent (%O). */
  time?: number;
  bytesOut?: number;
}

export function escapeLogItem(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

export function formatLogLine(format: string, r: LogRecord): string {
  return format.replace(/%([<>]?)(?:\{([^}]*)\})?([a-zA-Z%])/g, (_all, _mod: string, arg: string | undefined, d: string) => {
    switch (d) {
      case '%': return '%';
      case 'h': case 'a': return r.peerAddr;
      case 'A': return r.localAddr;
      case 'l': case 'u': return '-';
      case 't': return clfDate(r.time ?? 0);
      case 'r': return escapeLogItem(r.line);
      case 's': return String(r.status);
      case 'O': case 'I': case 'S': return String(r.bytesOut ?? 0);
      case 'b': return r.bodyBytes ? String(r.bodyBytes) : '-';
      case 'B': return String(r.bodyBytes);
      case 'i': {
        const n = (arg ?? '').toLowerCase();
        const v = r.headers.find(([k]) => k.toLowerCase() === n)?.[1];
        return v === undefined ? '-' : escapeLogItem(v);
      }
      case 'v': case 'V': return r.vhostName;
      case 'p': return String(r.localPort);
      case 'U': return escapeLogItem(r.uri);
      case 'q': return r.query ? `?${r.query}` : '';
      case 'H': return r.protocol || 'HTTP/0.9';
      case 'm': return r.method;
      case 'T': return '0';
      case 'D': return '0';
      default: return '-';
    }
  });
}
