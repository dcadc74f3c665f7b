// Writes a Lab back as a lab.conf that Kathará's LabParser accepts (for labs drawn in the browser):
// metadata, then per device its interfaces in order and its options, every value double-quoted.
// Generated MACs and inferred images are not written: Kathará would not know them; Netloom re-derives them.

import { KATHARA_LINE_RE } from './labconf.ts';
import type { Lab, LabDevice } from './model.ts';
import { isPyWord, pyStrip } from './pytext.ts';

export type SerializeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly errors: string[] };

const METADATA_ORDER = ['description', 'version', 'author', 'email', 'web', 'name'] as const;

export function serializeLabConf(lab: Lab): SerializeResult {
  const errors: string[] = [];
  const lines: string[] = [];
  for (const field of METADATA_ORDER) {
    const value = lab.metadata[field];
    if (value === undefined) continue;
    const key = `LAB_${field.toUpperCase()}`;
    if (/["'=\n]/.test(value) || value !== pyStrip(value)) {
      errors.push(`${key}: Kathará cannot read a value with quotes, \`=\`, newlines or surrounding spaces.`);
    } else lines.push(`${key}="${value}"`);
  }
  for (const device of lab.devices) {
    if (lines.length > 0) lines.push('');
    const before = lines.length;
    writeDevice(device, lines, errors);
    if (lines.length === before) lines.pop();
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, text: `${lines.join('\n')}\n` };
}

function writeDevice(device: LabDevice, lines: string[], errors: string[]): void {
  const dev = device.name;
  const put = (arg: string, value: string): void => {
    const line = `${dev}[${arg}]="${value}"`;
    const m = KATHARA_LINE_RE.exec(line);
    if (!m || m[4] !== value) errors.push(`\`${dev}[${arg}]\`: Kathará cannot read the value \`${value}\` (quotes, newlines or empty).`);
    else lines.push(line);
  };
  if (!/^[a-z0-9_]{1,30}$/.test(dev) || dev === 'shared' || dev === '_test') {
    errors.push(`\`${dev}\` is not a device name Kathará accepts ([a-z0-9_]{1,30}, not shared or _test).`);
    return;
  }
  device.interfaces.forEach((iface, i) => {
    if (iface.index !== i) errors.push(`Interface \`${i}\` missing on device \`${dev}\`.`);
    if (!isPyWord(iface.collisionDomain)) {
      errors.push(`Collision domain \`${iface.collisionDomain}\` contains non-alphanumeric characters.`);
    }
    put(String(iface.index), iface.macGiven ? `${iface.collisionDomain}/${iface.mac}` : iface.collisionDomain);
  });
  if (device.imageOrigin === 'lab.conf') put('image', device.image);
  if (device.mem !== undefined) put('mem', device.mem);
  if (device.cpus !== undefined) put('cpus', String(device.cpus));
  if (device.numTerms !== undefined) put('num_terms', String(device.numTerms));
  if (device.ipv6 !== undefined) put('ipv6', String(device.ipv6));
  if (device.bridged) put('bridged', 'true');
  if (device.privileged !== undefined) put('privileged', String(device.privileged));
  if (device.shell !== undefined) put('shell', device.shell);
  if (device.entrypoint !== undefined) put('entrypoint', device.entrypoint);
  if (device.args !== undefined) put('args', device.args);
  for (const [key, value] of Object.entries(device.sysctls)) put('sysctl', `${key}=${value}`);
  for (const [key, value] of Object.entries(device.env)) put('env', `${key}=${value}`);
  for (const p of device.ports) put('port', `${p.host}:${p.guest}/${p.protocol}`);
  for (const [name, u] of Object.entries(device.ulimits)) put('ulimit', u.soft === u.hard ? `${name}=${u.soft}` : `${name}=${u.soft}:${u.hard}`);
  for (const v of device.volumes) put('volume', `${v.host}|${v.guest}|${v.mode}`);
  for (const [name, value] of Object.entries(device.extra)) put(name, value);
  for (const command of device.exec) put('exec', command);
}
