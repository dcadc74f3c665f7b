// Netkit compatibility: the lenient lab.conf grammar of Netkit's lstart (unknown lines are comments,
// `machines="a b"`, upper-case device names, `M` for memory) and the rules that tell a Netkit lab from a
// Kathará one. Device folders and `shared/` are handled by folder.ts for both modes.

import { type LabConf, addInterface, checkInterfaceNumbers, emptyLabConf, getDevice, MAC_RE, setMetadata } from './labconf.ts';
import { LAB_METADATA_KEYS, RESERVED_DEVICE_NAMES } from './model.ts';
import { applyOption } from './options.ts';
import { decodeLines, pyStrip } from './pytext.ts';

/** Netkit device names: what a folder name may be (letters of either case, digits, `_ . -`). */
const NETKIT_NAME = '[A-Za-z0-9_][A-Za-z0-9_.-]*';
const NETKIT_LINE_RE = new RegExp(`^(${NETKIT_NAME})\\[([A-Za-z0-9_]+)\\]=(.*)$`);
const MACHINES_RE = /^machines\s*=(.*)$/;
const KATHARA_NAME_RE = /^[a-z0-9_]{1,30}$/;

function unquote(value: string): string {
  const v = pyStrip(value);
  const q = v[0];
  if ((q === '"' || q === "'") && v.length >= 2 && v.endsWith(q)) return v.slice(1, -1);
  return v;
}

/**
 * Why a lab.conf looks like Netkit's rather than Kathará's, or undefined when it does not: a `machines=` line,
 * a device name Kathará refuses (upper case, dots, dashes, too long), or Netkit's `M` memory option.
 */
export function netkitReason(bytes: Uint8Array): string | undefined {
  let reason: string | undefined;
  decodeLines(bytes).forEach((decoded, i) => {
    if (reason !== undefined || !decoded.ok) return;
    const line = pyStrip(decoded.text);
    if (line.startsWith('#')) return;
    if (MACHINES_RE.test(line)) reason = `line ${i + 1} is a Netkit \`machines=\` line`;
    const m = NETKIT_LINE_RE.exec(line);
    if (!m) return;
    const [, name = '', arg = ''] = m;
    if (!KATHARA_NAME_RE.test(name)) reason = `line ${i + 1} names device \`${name}\`, which Kathará refuses`;
    else if (arg === 'M') reason = `line ${i + 1} uses Netkit's \`M\` memory option`;
  });
  return reason;
}

/**
 * Parses lab.conf the Netkit way. Nothing here is fatal: lines Netkit would not understand are comments
 * (listed in one warning), bad option values and interface conflicts are warnings.
 */
export function parseNetkitLabConf(bytes: Uint8Array, file = 'lab.conf'): LabConf {
  const conf = emptyLabConf();
  const warn = (line: number, message: string): void => void conf.warnings.push({ file, line, message });
  const ignored: number[] = [];
  decodeLines(bytes).forEach((decoded, i) => {
    const n = i + 1;
    if (!decoded.ok) return warn(n, `${decoded.reason}; line ignored.`);
    const line = pyStrip(decoded.text);
    if (line === '' || line.startsWith('#')) return;
    const machines = MACHINES_RE.exec(line);
    if (machines) {
      conf.machines = unquote(machines[1] ?? '').split(/\s+/).filter((s) => s !== '');
      for (const name of conf.machines) getDevice(conf, name, n);
      return;
    }
    const meta = LAB_METADATA_KEYS.find((k) => line.startsWith(`${k}=`));
    if (meta !== undefined) return setMetadata(conf.metadata, meta, line.slice(meta.length + 1));
    const m = NETKIT_LINE_RE.exec(line);
    if (!m) return void ignored.push(n);
    const [, name = '', arg = '', rawValue = ''] = m;
    const value = unquote(rawValue);
    if (RESERVED_DEVICE_NAMES.includes(name)) return warn(n, `\`${name}\` is a reserved name, you can not use it for a device; line ignored.`);
    const device = getDevice(conf, name, n);
    if (/^\d+$/.test(arg)) return netkitInterface(conf, device.name, Number(arg), value, n, warn);
    applyOption(device, arg, value, { error: (msg) => warn(n, `${msg} Ignored (Netkit mode).`), warn: (msg) => warn(n, msg) });
  });
  if (ignored.length > 0) {
    conf.warnings.push({ file, message: `Netkit mode: line${ignored.length > 1 ? 's' : ''} ${ignored.join(', ')} not understood, treated as comments.` });
  }
  checkInterfaceNumbers(conf, file, false);
  return conf;
}

function netkitInterface(
  conf: LabConf,
  name: string,
  index: number,
  value: string,
  line: number,
  warn: (line: number, message: string) => void,
): void {
  const device = getDevice(conf, name, line);
  const [cd = '', mac, ...rest] = value.split('/').filter((p) => p !== '');
  if (!/^[\w.-]+$/.test(cd) || rest.length > 0 || (mac !== undefined && !MAC_RE.test(mac))) {
    return warn(line, `Invalid interface definition: \`${value}\`; line ignored.`);
  }
  const existing = device.interfaces.findIndex((i) => i.index === index);
  if (existing >= 0) {
    const old = device.interfaces[existing];
    device.interfaces.splice(existing, 1);
    const domain = conf.domains.get(old?.collisionDomain ?? '');
    if (domain) domain.members = domain.members.filter((m) => !(m.device === name && m.index === index));
    warn(line, `Interface ${index} already set on device \`${name}\`; the later line wins (Netkit mode).`);
  }
  if (conf.domains.get(cd)?.members.some((m) => m.device === name)) {
    warn(line, `Device \`${name}\` is connected twice to collision domain \`${cd}\` (Netkit allows it).`);
  }
  addInterface(conf, device, index, cd, mac, line);
}
