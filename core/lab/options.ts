// Device options (`dev[option]=value`) applied to a LabDevice the way Kathará's Machine.add_meta stores them
// and its get_mem/get_cpu/get_num_terms/get_ipv6 accessors later check them; messages are Kathará's own.
// Options Netloom cannot honour (bridged, port, volume) are kept and reported, never silently dropped.

import type { LabDevice } from './model.ts';
import { PY_WORD_CLASS, pyInt, pyStrip, strtobool } from './pytext.ts';

/** Where option problems go; `error` stops the lab from loading, `warn` does not. */
export interface OptionSink {
  error(message: string): void;
  warn(message: string): void;
}

/** Option names Netloom knows. `M` is Netkit's name for `mem`. Anything else is stored in `extra`. */
export const KNOWN_OPTIONS: readonly string[] = [
  'image', 'mem', 'cpus', 'sysctl', 'ipv6', 'bridged', 'port', 'num_terms', 'env', 'shell', 'exec',
  'ulimit', 'privileged', 'entrypoint', 'args', 'volume', 'M',
];

const SYSCTL_RE = new RegExp(`^(net\\.(?:[${PY_WORD_CLASS}-]+\\.)+[${PY_WORD_CLASS}-]+)=(-?[${PY_WORD_CLASS}]+)$`, 'u');
const ENV_RE = new RegExp(`^([${PY_WORD_CLASS}]+)=(\\S+)$`, 'u');
const ULIMIT_RE = /^(\w+)=(-?\d+)(?::(-?\d+))?$/;
const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|inf|infinity|nan)$/i;

/** Python int(text) for option values: surrounding spaces and one sign allowed. */
function pyIntValue(text: string): number | undefined {
  const t = pyStrip(text);
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.startsWith('-') || t.startsWith('+') ? t.slice(1) : t;
  const v = pyInt(body);
  return v === undefined ? undefined : sign * v;
}

/**
 * Applies one option line. Returns the previous value when the option (or the sysctl/env/port key) was
 * already set, which the caller reports as Kathará's "already has a value assigned" warning.
 */
export function applyOption(device: LabDevice, name: string, value: string, sink: OptionSink): string | undefined {
  const dev = device.name;
  switch (name) {
    case 'exec':
      device.exec.push(value);
      return undefined;
    case 'image': {
      const old = device.imageOrigin === 'lab.conf' ? device.image : undefined;
      device.image = value;
      device.imageOrigin = 'lab.conf';
      return old;
    }
    case 'M':
    case 'mem': {
      const old = device.mem;
      const mem = normalizeMem(value);
      if (mem === undefined) sink.error(`Memory value not valid on \`${dev}\`.`);
      else device.mem = mem;
      return old;
    }
    case 'cpus': {
      const old = device.cpus === undefined ? undefined : String(device.cpus);
      const t = pyStrip(value);
      if (!FLOAT_RE.test(t) || !Number.isFinite(Number(t.replace(/_/g, '')))) {
        sink.error(`CPU value not valid on \`${dev}\`.`);
      } else device.cpus = Number(t.replace(/_/g, ''));
      return old;
    }
    case 'num_terms': {
      const old = device.numTerms === undefined ? undefined : String(device.numTerms);
      const n = pyIntValue(value);
      if (n === undefined) sink.error(`Terminals Number value not valid on \`${dev}\`.`);
      else if (n < 0) sink.error(`Terminals Number value on \`${dev}\` must be a positive value or zero.`);
      else device.numTerms = n;
      return old;
    }
    case 'ipv6': {
      const old = device.ipv6 === undefined ? undefined : String(device.ipv6);
      const b = strtobool(value);
      if (b === undefined) sink.error(`IPv6 value not valid on \`${dev}\`.`);
      else device.ipv6 = b;
      return old;
    }
    case 'privileged': {
      const old = device.privileged === undefined ? undefined : String(device.privileged);
      const b = strtobool(value);
      if (b === undefined) sink.error(`invalid truth value '${value}'`);
      else device.privileged = b;
      return old;
    }
    case 'bridged': {
      const old = String(device.bridged);
      const b = strtobool(value);
      // Kathará: strtobool(str(value)) raises ValueError("invalid truth value %r").
      if (b === undefined) sink.error(`invalid truth value '${value}'`);
      else {
        device.bridged = b;
        if (b) sink.warn(`\`${dev}[bridged]\`: host attachment not available in Netloom; the option is ignored.`);
      }
      return old;
    }
    case 'sysctl': {
      const m = SYSCTL_RE.exec(value);
      if (!m) {
        sink.error(`Invalid sysctl value (\`${value}\`) on \`${dev}\`, missing \`=\` or value not in \`net.\` namespace.`);
        return undefined;
      }
      const key = m[1] ?? '';
      const raw = m[2] ?? '';
      const old = key in device.sysctls ? String(device.sysctls[key]) : undefined;
      const n = /^\p{N}+$/u.test(raw.replace(/^-+|-+$/g, '')) ? pyIntValue(raw) : undefined;
      device.sysctls[key] = n ?? raw;
      return old;
    }
    case 'env': {
      const m = ENV_RE.exec(value);
      if (!m) {
        sink.error(`Invalid env value (\`${value}\`) on \`${dev}\`.`);
        return undefined;
      }
      const key = m[1] ?? '';
      const old = device.env[key];
      device.env[key] = m[2] ?? '';
      return old;
    }
    case 'port':
      return applyPort(device, value, sink);
    case 'ulimit':
      applyUlimit(device, value, sink);
      return undefined;
    case 'volume':
      applyVolume(device, value, sink);
      return undefined;
    case 'shell':
    case 'entrypoint':
    case 'args': {
      const old = device[name];
      device[name] = value;
      return old;
    }
    default: {
      const old = device.extra[name];
      device.extra[name] = value;
      sink.warn(`Unknown option \`${name}\` on \`${dev}\`: Kathará stores it without effect; Netloom ignores it.`);
      return old;
    }
  }
}

/** Kathará's get_mem: a bare number means megabytes; b/k/m/g suffixes kept (lower-case). */
export function normalizeMem(value: string): string | undefined {
  if (value === '') return undefined;
  const unit = value.slice(-1).toLowerCase();
  if (!['b', 'k', 'm', 'g'].includes(unit)) {
    const n = pyIntValue(value);
    return n === undefined ? undefined : `${n}m`;
  }
  const n = pyIntValue(value.slice(0, -1));
  return n === undefined ? undefined : `${n}${unit}`;
}

function applyPort(device: LabDevice, value: string, sink: OptionSink): string | undefined {
  const dev = device.name;
  const slash = value.split('/');
  const colon = (slash[0] ?? '').split(':');
  if (slash.length > 2 || colon.length > 2) {
    sink.error(`Port value not valid on \`${dev}\`.`);
    return undefined;
  }
  const protocol = (slash[1] ?? 'tcp').toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') {
    sink.error(`Port protocol value not valid on \`${dev}\`.`);
    return undefined;
  }
  const host = colon.length === 2 ? pyIntValue(colon[0] ?? '') : 3000;
  const guest = pyIntValue(colon[colon.length - 1] ?? '');
  if (host === undefined || guest === undefined) {
    sink.error(`Port value not valid on \`${dev}\`.`);
    return undefined;
  }
  const i = device.ports.findIndex((p) => p.host === host && p.protocol === protocol);
  const old = i >= 0 ? String(device.ports[i]?.guest) : undefined;
  if (i >= 0) device.ports.splice(i, 1);
  device.ports.push({ host, guest, protocol });
  sink.warn(`\`${dev}[port]=${value}\`: port forwarding to the host not available in Netloom; the option is ignored.`);
  return old;
}

function applyUlimit(device: LabDevice, value: string, sink: OptionSink): void {
  // Kathará interpolates the literal option name `ulimit` here, not the device name.
  const m = ULIMIT_RE.exec(value);
  if (!m) {
    sink.error(`Invalid ulimit value (\`${value}\`) on \`ulimit\`.`);
    return;
  }
  const soft = Number(m[2]);
  const hard = m[3] === undefined ? soft : Number(m[3]);
  if (soft < -1 || hard < -1) {
    sink.error(`Invalid ulimit value (\`${value}\`) on \`ulimit\`. Values must be >= -1.`);
    return;
  }
  if (soft === -1 && hard !== -1) {
    sink.error(`Invalid ulimit value (\`${value}\`) on \`ulimit\`. Soft limit (-1) cannot be greater than hard limit (${hard}).`);
    return;
  }
  device.ulimits[m[1] ?? ''] = { soft, hard };
}

function applyVolume(device: LabDevice, value: string, sink: OptionSink): void {
  const parts = value.split('|');
  if (parts.length < 2 || parts.length > 3 || parts[0] === '' || parts[1] === '') {
    sink.error(`The volume specified \`${value}\` is not in a valid format: <host_path>|<guest_path>|[<mode>]`);
    return;
  }
  const host = parts[0] ?? '';
  const mode = parts[2] ?? 'rw';
  if (mode !== 'ro' && mode !== 'rw' && mode !== 'rx') {
    sink.error(`Invalid volume mode \`${mode}\` on \`${host}\` mount. Allowed values are ro, rw, rx. `);
    return;
  }
  device.volumes.push({ host, guest: parts[1] ?? '', mode });
  sink.warn(`\`${device.name}[volume]\`: host folders cannot be mounted in Netloom; \`${host}\` is ignored.`);
}
