// Between a lab folder and the document the editor edits: reading (lab.conf through core's loader, the
// startup files, lab.layout.json) and writing back (lab.conf through serializeLabConf, keeping every
// option the editor does not show, plus the startup files and the layout). Writes are atomic.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatDiagnostic, loadLab, newDevice, serializeLabConf, walk, type LabDevice, type LabModel,
} from '../core/index.ts';
import { ApiError } from './api-error.ts';
import { nodeLabFiles } from './lab-folder.ts';
import type { DeviceDoc, DeviceKind, LabContent, LabDoc, LabLayout, LabMetadataDoc } from './protocol.ts';

export const LAYOUT_FILE = 'lab.layout.json';
const METADATA_KEYS = ['name', 'description', 'version', 'author', 'email', 'web'] as const;

/** Writes a file by writing a temporary file beside it and renaming it over the old one. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export function emptyLayout(): LabLayout {
  return { version: 1, nodes: {}, domains: {}, kinds: {} };
}

export function readLayout(dir: string): LabLayout | undefined {
  const path = join(dir, LAYOUT_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<LabLayout>;
    const obj = (v: unknown): Record<string, never> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, never>) : {});
    return { version: 1, nodes: obj(raw.nodes), domains: obj(raw.domains), kinds: obj(raw.kinds), ...(typeof raw.notes === 'string' ? { notes: raw.notes } : {}) };
  } catch {
    return undefined;
  }
}

/** A device's kind when the layout does not say: routing images are routers. */
function guessKind(d: LabDevice): DeviceKind {
  if (/frr|quagga|zebra/.test(d.image)) return 'router';
  if (/bind|dns|server|web|apache|nginx/.test(`${d.image} ${d.name}`)) return 'server';
  return /^r\d*$|router/.test(d.name) ? 'router' : 'host';
}

export function loadModel(dir: string): LabModel {
  const loaded = loadLab(nodeLabFiles(dir), { mode: 'auto' });
  if (loaded.ok) return loaded.lab;
  // Kathará refuses a lab without devices; the editor opens it (a lab being drawn starts empty).
  if (loaded.errors.every((e) => /No devices/i.test(e.message))) return emptyModel(dir);
  throw new ApiError(422, 'lab-invalid', 'The lab cannot be loaded.', loaded.errors.map(formatDiagnostic));
}

/** A lab with no devices: only the LAB_* metadata lines of its lab.conf. */
function emptyModel(dir: string): LabModel {
  const metadata: LabMetadataDoc = {};
  const path = join(dir, 'lab.conf');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const line of text.split('\n')) {
    const m = /^\s*LAB_([A-Z]+)\s*=\s*"?([^"]*)"?\s*$/.exec(line);
    const key = m?.[1]?.toLowerCase() as (typeof METADATA_KEYS)[number] | undefined;
    if (m && key && (METADATA_KEYS as readonly string[]).includes(key)) metadata[key] = m[2]!;
  }
  return { mode: 'kathara', metadata, devices: [], collisionDomains: [], dependencies: {}, shared: {}, external: [], warnings: [] };
}

export function readLabDoc(dir: string, id: string): LabDoc {
  const files = nodeLabFiles(dir);
  const model = loadModel(dir);
  const layout = readLayout(dir);
  const text = (path: string | undefined): string => {
    const bytes = path ? files.read(path) : undefined;
    return bytes ? new TextDecoder().decode(bytes) : '';
  };
  const devices: DeviceDoc[] = model.devices.map((d) => ({
    name: d.name,
    kind: layout?.kinds[d.name] ?? guessKind(d),
    image: d.imageOrigin === 'lab.conf' ? d.image : '',
    interfaces: interfaceList(d),
    startup: text(d.startup ?? `${d.name}.startup`),
  }));
  const known = new Set(['lab.conf', LAYOUT_FILE, ...model.devices.map((d) => `${d.name}.startup`)]);
  const otherFiles = walk(files, '').filter((e) => e.kind !== 'dir' && !known.has(e.path)).map((e) => e.path).slice(0, 500);
  const metadata: LabMetadataDoc = {};
  for (const k of METADATA_KEYS) if (model.metadata[k] !== undefined) metadata[k] = model.metadata[k];
  return {
    id,
    metadata,
    devices,
    layout: layout ?? emptyLayout(),
    mode: model.mode,
    needsLayout: !layout || model.devices.some((d) => !layout.nodes[d.name]),
    warnings: model.warnings.map(formatDiagnostic),
    otherFiles,
    modified: statSync(join(dir, existsSync(join(dir, 'lab.conf')) ? 'lab.conf' : '')).mtime.toISOString(),
  };
}

/** ethN's collision domain at index N; a Netkit lab may skip numbers ('' there). */
function interfaceList(d: LabDevice): string[] {
  const out: string[] = [];
  for (const i of d.interfaces) {
    while (out.length < i.index) out.push('');
    out[i.index] = i.collisionDomain;
  }
  return out;
}

/** Writes the editor's document into the lab folder, keeping lab.conf options it does not show. */
export function writeLabDoc(dir: string, content: LabContent): void {
  const old = existsSync(join(dir, 'lab.conf')) || existsSync(join(dir, LAYOUT_FILE)) ? tryModel(dir) : undefined;
  const byName = new Map((old?.devices ?? []).map((d) => [d.name, d]));
  const devices: LabDevice[] = content.devices.map((doc) => {
    const before = byName.get(doc.name);
    const d: LabDevice = before ? { ...before } : newDevice(doc.name, 0);
    d.interfaces = doc.interfaces.map((cd, index) => {
      const prev = before?.interfaces.find((i) => i.index === index);
      const keepMac = prev && prev.collisionDomain === cd && prev.macGiven;
      return { index, collisionDomain: cd, mac: keepMac ? prev.mac : '', macGiven: keepMac === true, line: 0 };
    });
    if (doc.image.trim() !== '') {
      d.image = doc.image.trim();
      d.imageOrigin = 'lab.conf';
    } else if (d.imageOrigin === 'lab.conf') {
      d.image = 'kathara/base';
      d.imageOrigin = 'default';
    }
    return d;
  });
  const metadata: LabMetadataDoc = {};
  for (const k of METADATA_KEYS) {
    const v = content.metadata[k]?.trim();
    if (v) metadata[k] = v;
  }
  const model: LabModel = {
    mode: 'kathara', metadata, devices, collisionDomains: [], dependencies: old?.dependencies ?? {},
    shared: old?.shared ?? {}, external: [], warnings: [],
  };
  const conf = serializeLabConf(model);
  if (!conf.ok) throw new ApiError(400, 'bad-request', 'The lab cannot be written as a Kathará lab.conf.', conf.errors);
  writeAtomic(join(dir, 'lab.conf'), conf.text);
  for (const doc of content.devices) {
    const path = join(dir, `${doc.name}.startup`);
    if (doc.startup !== '') writeAtomic(path, doc.startup.endsWith('\n') ? doc.startup : `${doc.startup}\n`);
    else if (existsSync(path)) rmSync(path);
  }
  const kept = new Set(content.devices.map((d) => d.name));
  for (const d of old?.devices ?? []) {
    if (kept.has(d.name)) continue;
    for (const f of [`${d.name}.startup`, `${d.name}.shutdown`, d.name]) rmSync(join(dir, f), { recursive: true, force: true });
  }
  const layout: LabLayout = {
    version: 1,
    nodes: pick(content.layout.nodes, kept),
    domains: content.layout.domains,
    kinds: Object.fromEntries(content.devices.map((d) => [d.name, d.kind])),
    ...(content.layout.notes ? { notes: content.layout.notes } : {}),
  };
  writeAtomic(join(dir, LAYOUT_FILE), `${JSON.stringify(layout, null, 2)}\n`);
}

function tryModel(dir: string): LabModel | undefined {
  try {
    return loadModel(dir);
  } catch {
    return undefined;
  }
}

function pick<T>(record: Record<string, T>, keys: Set<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => keys.has(k)));
}
