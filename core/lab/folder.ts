// The lab folder around lab.conf: devices that exist only as folders or `<dev>.startup` files, their startup
// and shutdown files, `shared/`, `shared.startup`, `_test/`, lab.ext, and image inference from a device's
// `etc/frr`, `etc/quagga` or `etc/zebra` folder.

import type { LabFiles } from './files.ts';
import { joinPath } from './files.ts';
import { type LabConf, getDevice } from './labconf.ts';
import type { ExternalAttachment, Lab, LabDevice, LabMode } from './model.ts';
import { decodeLines, pyStrip } from './pytext.ts';

const KATHARA_NAME_RE = /^[a-z0-9_]{1,30}$/;
const NETKIT_NAME_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** Root entries that are never devices. */
const NOT_DEVICES = new Set(['shared', '_test']);

export interface FolderScan {
  shared: Lab['shared'];
  testFolder?: string;
  external: ExternalAttachment[];
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Adds to `conf` the devices the folder implies and records every device's folder and startup/shutdown files.
 * In Netkit mode with a `machines=` list, only listed devices are kept, as Netkit's lstart does.
 */
export function scanFolder(files: LabFiles, conf: LabConf, mode: LabMode): FolderScan {
  const scan: FolderScan = { shared: {}, external: [] };
  const warn = (file: string, message: string): void => void conf.warnings.push({ file, message });
  const validName = mode === 'kathara' ? KATHARA_NAME_RE : NETKIT_NAME_RE;
  const entries = [...(files.list('') ?? [])].sort(byName);
  const candidates: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.name === 'shared' && e.kind === 'symlink') {
      conf.errors.push({ file: 'shared', message: '`shared` folder is a symlink, delete it.' });
      continue;
    }
    if (e.kind === 'dir' && !NOT_DEVICES.has(e.name)) candidates.push(e.name);
    if (e.kind === 'file' && e.name.endsWith('.startup') && e.name !== 'shared.startup') {
      candidates.push(e.name.slice(0, -'.startup'.length));
    }
  }
  for (const name of candidates) {
    if (conf.devices.has(name)) continue;
    if (!validName.test(name)) {
      warn(name, `\`${name}\` is not a valid device name (${validName.source}); it is not a device.`);
      continue;
    }
    if (conf.machines && !conf.machines.includes(name)) {
      warn(name, `\`${name}\` is not in the \`machines=\` list of lab.conf; Netkit does not start it.`);
      continue;
    }
    getDevice(conf, name, 0);
  }
  for (const device of conf.devices.values()) attachFiles(files, device);
  if (files.stat('shared')?.kind === 'dir') scan.shared.folder = 'shared';
  if (files.stat('shared.startup')?.kind === 'file') scan.shared.startup = 'shared.startup';
  if (files.stat('shared.shutdown')?.kind === 'file') scan.shared.shutdown = 'shared.shutdown';
  if (files.stat('_test')?.kind === 'dir') scan.testFolder = '_test';
  const ext = files.read('lab.ext');
  if (ext) scan.external = parseLabExt(ext, conf);
  return scan;
}

function attachFiles(files: LabFiles, device: LabDevice): void {
  const name = device.name;
  if (files.stat(name)?.kind === 'dir') device.folder = name;
  if (files.stat(`${name}.startup`)?.kind === 'file') device.startup = `${name}.startup`;
  if (files.stat(`${name}.shutdown`)?.kind === 'file') device.shutdown = `${name}.shutdown`;
}

/**
 * lab.ext (`CD iface[.vlan]` per line, ExtParser.py): kept for the report with one warning each, because
 * Netloom has no host network to attach to.
 */
export function parseLabExt(bytes: Uint8Array, conf: LabConf, file = 'lab.ext'): ExternalAttachment[] {
  const out: ExternalAttachment[] = [];
  decodeLines(bytes).forEach((decoded, i) => {
    const n = i + 1;
    const line = decoded.ok ? pyStrip(decoded.text) : '';
    if (decoded.ok && (line === '' || line.startsWith('#'))) return;
    const m = /^(\w+)\s+(\w+)(?:\.(\d+))?$/.exec(line);
    if (!m) {
      conf.warnings.push({ file, line: n, message: 'Line not understood; ignored (host attachment not available in Netloom).' });
      return;
    }
    const attachment: ExternalAttachment = {
      collisionDomain: m[1] ?? '',
      hostInterface: m[2] ?? '',
      line: n,
      ...(m[3] !== undefined ? { vlan: Number(m[3]) } : {}),
    };
    out.push(attachment);
    conf.warnings.push({
      file,
      line: n,
      message: `Collision domain \`${attachment.collisionDomain}\` attached to host interface \`${line.split(/\s+/)[1]}\`: host attachment not available in Netloom.`,
    });
  });
  return out;
}

/** Sets the image of devices lab.conf gives none: kathara/frr, kathara/quagga, or the default kathara/base. */
export function inferImages(files: LabFiles, devices: Iterable<LabDevice>): void {
  for (const device of devices) {
    if (device.imageOrigin !== 'default' || !device.folder) continue;
    const isDir = (sub: string): boolean => files.stat(joinPath(device.folder ?? '', sub))?.kind === 'dir';
    if (isDir('etc/frr')) [device.image, device.imageOrigin] = ['kathara/frr', 'etc/frr'];
    else if (isDir('etc/quagga')) [device.image, device.imageOrigin] = ['kathara/quagga', 'etc/quagga'];
    else if (isDir('etc/zebra')) [device.image, device.imageOrigin] = ['kathara/quagga', 'etc/zebra'];
  }
}
