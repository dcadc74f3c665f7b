// lab.conf read exactly as Kathará's LabParser reads it (Kathará 3.x, src/Kathara/parser/netkit/LabParser.py,
// model/Lab.py, model/Machine.py, model/Interface.py): one regex per stripped line, interfaces, options,
// LAB_* metadata, then the interface-numbering check. Messages are Kathará's; every problem is collected
// (Kathará stops at the first), each with its line.

import {
  type CollisionDomain,
  type LabDevice,
  type LabDiagnostic,
  type LabMetadata,
  LAB_METADATA_KEYS,
  RESERVED_DEVICE_NAMES,
  newDevice,
} from './model.ts';
import { applyOption } from './options.ts';
import { PY_SPACE_CLASS, PY_WORD_CLASS, decodeLines, isPyWord, pyInt, pyStrip } from './pytext.ts';

/**
 * `^(?P<key>[a-z0-9_]{1,30})\[(?P<arg>\w+)\]=(["']?)(?P<value>[^"']+)\3(\s+#.*)?$` from LabParser.py, with
 * Python's Unicode \w and \s spelled out. JS backtracking matches Python's here: an unquoted value is greedy,
 * so `pc1[image]=x # note` yields the value `x # note`, as in Kathará.
 */
export const KATHARA_LINE_RE = new RegExp(
  `^([a-z0-9_]{1,30})\\[([${PY_WORD_CLASS}]+)\\]=(["']?)([^"']+)\\3(?:[${PY_SPACE_CLASS}]+#[^\\n]*)?$`,
  'u',
);

/** Interface.MAC_ADDRESS_REGEX. */
export const MAC_RE = /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/;

/** What lab.conf says, before the rest of the folder (devices found as folders, images, MACs) is added. */
export interface LabConf {
  metadata: LabMetadata;
  /** In order of first mention. */
  devices: Map<string, LabDevice>;
  domains: Map<string, CollisionDomain>;
  /** Netkit's `machines="a b"` list, when present. */
  machines?: string[];
  errors: LabDiagnostic[];
  warnings: LabDiagnostic[];
}

export function emptyLabConf(): LabConf {
  return { metadata: {}, devices: new Map(), domains: new Map(), errors: [], warnings: [] };
}

/** Options whose repetition Kathará reports as an overwrite (keyed options report per key instead). */
const REPEATABLE = new Set(['exec', 'sysctl', 'env', 'port', 'ulimit', 'volume']);

/** Parses lab.conf in Kathará's strict grammar. `file` names the file in messages. */
export function parseKatharaLabConf(bytes: Uint8Array, file = 'lab.conf'): LabConf {
  const conf = emptyLabConf();
  const error = (line: number, message: string): void => void conf.errors.push({ file, line, message });
  const warn = (line: number, message: string): void => void conf.warnings.push({ file, line, message });
  if (bytes.length === 0) {
    conf.errors.push({ file, message: `${file} file is empty.` });
    return conf;
  }
  const seen = new Set<string>();
  decodeLines(bytes).forEach((decoded, i) => {
    const n = i + 1;
    if (!decoded.ok) return error(n, decoded.reason);
    const raw = decoded.text;
    const m = KATHARA_LINE_RE.exec(pyStrip(raw));
    if (m) {
      const [, key = '', arg = '', , value = ''] = m;
      if (RESERVED_DEVICE_NAMES.includes(key)) {
        return error(n, `\`${key}\` is a reserved name, you can not use it for a device.`);
      }
      const index = pyInt(arg);
      if (index !== undefined) return connectLine(conf, key, index, value, n, error);
      const device = getDevice(conf, key, n);
      const errorsBefore = conf.errors.length;
      const old = applyOption(device, arg, value, { error: (msg) => error(n, msg), warn: (msg) => warn(n, msg) });
      const id = `${key}\0${arg === 'M' ? 'mem' : arg}`;
      const overwritten = REPEATABLE.has(arg) ? old !== undefined : seen.has(id);
      seen.add(id);
      if (overwritten && conf.errors.length === errorsBefore) {
        warn(n, `Device \`${key}\` already has a value assigned to meta \`${arg}\`. Previous value has been overwritten with \`${value}\`.`);
      }
      return;
    }
    if (raw.startsWith('#') || pyStrip(raw) === '') return;
    const meta = LAB_METADATA_KEYS.find((k) => raw.startsWith(`${k}=`));
    if (meta === undefined) return error(n, `\`${raw.replace(/\r?\n$/, '')}\`.`);
    const parts = raw.split('=');
    if (parts.length !== 2) {
      // Kathará does `(key, value) = line.split("=")`, which raises for a second `=`.
      return error(n, `\`${meta}\` line has more than one \`=\` (Kathará fails: too many values to unpack (expected 2)).`);
    }
    setMetadata(conf.metadata, meta, parts[1] ?? '');
  });
  checkInterfaceNumbers(conf, file, true);
  return conf;
}

export function setMetadata(metadata: LabMetadata, key: string, raw: string): void {
  const value = pyStrip(raw.replace(/["']/g, ''));
  const field = key.replace('LAB_', '').toLowerCase() as keyof LabMetadata;
  metadata[field] = value;
}

export function getDevice(conf: LabConf, name: string, line: number): LabDevice {
  let device = conf.devices.get(name);
  if (!device) {
    device = newDevice(name, line);
    conf.devices.set(name, device);
  }
  return device;
}

/** `dev[N]=CD` or `dev[N]=CD/MAC`: utils.parse_cd_mac_address, then Lab.connect_machine_to_link. */
function connectLine(
  conf: LabConf,
  key: string,
  index: number,
  value: string,
  line: number,
  error: (line: number, message: string) => void,
): void {
  let cd = value;
  let mac: string | undefined;
  if (value.includes('/')) {
    const parts = value.split('/').filter((p) => p !== '');
    if (parts.length !== 2) return error(line, `Invalid interface definition: \`${value}\`.`);
    [cd = '', mac] = parts;
  }
  if (!isPyWord(cd)) return error(line, `Collision domain \`${value}\` contains non-alphanumeric characters.`);
  const device = getDevice(conf, key, line);
  if (device.interfaces.some((i) => i.index === index)) {
    return error(line, `Interface ${index} already set on device \`${key}\`.`);
  }
  const domain = conf.domains.get(cd) ?? { name: cd, members: [] };
  conf.domains.set(cd, domain);
  if (domain.members.some((m) => m.device === key)) {
    return error(line, `Device \`${key}\` is already connected to collision domain \`${cd}\`.`);
  }
  if (mac !== undefined && !MAC_RE.test(mac)) {
    return error(line, `MAC address ${mac} on interface \`${index}\` of device \`${key}\` is invalid.`);
  }
  addInterface(conf, device, index, cd, mac, line);
}

export function addInterface(conf: LabConf, device: LabDevice, index: number, cd: string, mac: string | undefined, line: number): void {
  const domain = conf.domains.get(cd) ?? { name: cd, members: [] };
  conf.domains.set(cd, domain);
  domain.members.push({ device: device.name, index });
  device.interfaces.push({ index, collisionDomain: cd, mac: mac ?? '', macGiven: mac !== undefined, line });
}

/**
 * Machine.check(): interfaces sorted, numbered 0..n-1 without holes. Kathará raises
 * NonSequentialMachineInterfaceError; in Netkit mode (`strict` false) a hole is only a warning.
 */
export function checkInterfaceNumbers(conf: LabConf, file: string, strict: boolean): void {
  for (const device of conf.devices.values()) {
    device.interfaces.sort((a, b) => a.index - b.index);
    const gap = device.interfaces.findIndex((iface, i) => iface.index !== i);
    if (gap < 0) continue;
    const message = `Interface \`${gap}\` missing on device \`${device.name}\`.`;
    const diag = { file, line: device.interfaces[gap]?.line ?? device.line, message };
    (strict ? conf.errors : conf.warnings).push(diag);
  }
}
