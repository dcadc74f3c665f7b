// Pure edits of a lab document (LabContent): add, rename and delete devices and collision domains, link
// two nodes (a new interface, numbered eth0, eth1, ... as Kathará numbers them from lab.conf), unlink.
// Each function returns a new document; the editor store keeps the old one for undo.
import type { DeviceDoc, DeviceKind, LabContent, Point } from '../../../server/protocol.ts';

/** A node of the canvas: a device or a collision domain. */
export type NodeRef = { type: 'device'; name: string } | { type: 'domain'; name: string };

export const DEFAULT_IMAGES: Record<DeviceKind, string> = { host: '', router: 'kathara/frr', server: '' };
const PREFIX: Record<DeviceKind, string> = { host: 'pc', router: 'r', server: 'srv' };

export const DEVICE_NAME_RE = /^[a-z0-9_]{1,30}$/;
export const DOMAIN_NAME_RE = /^[A-Za-z0-9_]{1,64}$/;

export function clone(lab: LabContent): LabContent {
  return structuredClone($plain(lab));
}

/** Svelte state proxies cannot be structured-cloned: go through JSON (the document is plain JSON). */
function $plain(lab: LabContent): LabContent {
  return JSON.parse(JSON.stringify(lab)) as LabContent;
}

/** Every collision domain: those devices use (lab.conf order) and those only placed on the canvas. */
export function domainsOf(lab: LabContent): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const d of lab.devices) {
    for (const cd of d.interfaces) {
      if (cd !== '' && !seen.has(cd)) {
        seen.add(cd);
        out.push(cd);
      }
    }
  }
  for (const cd of Object.keys(lab.layout.domains)) {
    if (!seen.has(cd)) {
      seen.add(cd);
      out.push(cd);
    }
  }
  return out;
}

/** `device:ethN` endpoints attached to a domain. */
export function membersOf(lab: LabContent, domain: string): string[] {
  return lab.devices.flatMap((d) => d.interfaces.flatMap((cd, i) => (cd === domain ? [`${d.name}:eth${i}`] : [])));
}

export function nextDeviceName(lab: LabContent, kind: DeviceKind): string {
  const used = new Set(lab.devices.map((d) => d.name));
  for (let n = 1; ; n++) if (!used.has(`${PREFIX[kind]}${n}`)) return `${PREFIX[kind]}${n}`;
}

/** A, B, ... Z, AA, AB, ...: the names Kathará labs usually give collision domains. */
export function nextDomainName(lab: LabContent): string {
  const used = new Set(domainsOf(lab));
  for (let n = 0; ; n++) {
    let name = '';
    let k = n;
    do {
      name = String.fromCharCode(65 + (k % 26)) + name;
      k = Math.floor(k / 26) - 1;
    } while (k >= 0);
    if (!used.has(name)) return name;
  }
}

export function addDevice(lab: LabContent, kind: DeviceKind, at: Point, name = nextDeviceName(lab, kind)): LabContent {
  const out = clone(lab);
  const device: DeviceDoc = { name, kind, image: DEFAULT_IMAGES[kind], interfaces: [], startup: '' };
  out.devices.push(device);
  out.layout.nodes[name] = { x: Math.round(at.x), y: Math.round(at.y) };
  out.layout.kinds[name] = kind;
  return out;
}

export function addDomain(lab: LabContent, at: Point, name = nextDomainName(lab)): LabContent {
  const out = clone(lab);
  out.layout.domains[name] = { x: Math.round(at.x), y: Math.round(at.y) };
  return out;
}

export function positionOf(lab: LabContent, node: NodeRef): Point | undefined {
  return node.type === 'device' ? lab.layout.nodes[node.name] : lab.layout.domains[node.name];
}

export type LinkResult = { ok: true; lab: LabContent; domain: string; created: string[] } | { ok: false; message: string };

/**
 * Links two nodes. Device–device: a new collision domain between them, a new interface on each.
 * Device–domain: a new interface on the device. Domain–domain is refused (Kathará has no such link).
 */
export function link(lab: LabContent, a: NodeRef, b: NodeRef): LinkResult {
  if (a.type === 'domain' && b.type === 'domain') return { ok: false, message: 'Two collision domains cannot be linked: link a device to each instead.' };
  if (a.type === b.type && a.name === b.name) return { ok: false, message: 'A node cannot be linked to itself.' };
  let out = clone(lab);
  let domain: string;
  const devices = [a, b].filter((n) => n.type === 'device').map((n) => n.name);
  if (a.type === 'domain' || b.type === 'domain') domain = a.type === 'domain' ? a.name : b.name;
  else {
    domain = nextDomainName(out);
    const pa = positionOf(out, a) ?? { x: 0, y: 0 };
    const pb = positionOf(out, b) ?? { x: 0, y: 0 };
    out = addDomain(out, { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 }, domain);
  }
  const created: string[] = [];
  for (const name of devices) {
    const d = out.devices.find((x) => x.name === name);
    if (!d) return { ok: false, message: `No device ${name}.` };
    d.interfaces.push(domain);
    created.push(`${name}:eth${d.interfaces.length - 1}`);
  }
  return { ok: true, lab: out, domain, created };
}

/**
 * Removes ethN of a device. Kathará numbers interfaces without gaps, so the later ones move down by one
 * (eth2 becomes eth1); the returned note says so when it happens.
 */
export function unlink(lab: LabContent, device: string, index: number): { lab: LabContent; renumbered: boolean } {
  const out = clone(lab);
  const d = out.devices.find((x) => x.name === device);
  if (!d || index >= d.interfaces.length) return { lab: out, renumbered: false };
  d.interfaces.splice(index, 1);
  return { lab: out, renumbered: index < d.interfaces.length };
}

export function deleteDevice(lab: LabContent, name: string): LabContent {
  const out = clone(lab);
  out.devices = out.devices.filter((d) => d.name !== name);
  delete out.layout.nodes[name];
  delete out.layout.kinds[name];
  return out;
}

/** Removes a collision domain and every interface attached to it. */
export function deleteDomain(lab: LabContent, name: string): LabContent {
  const out = clone(lab);
  for (const d of out.devices) d.interfaces = d.interfaces.filter((cd) => cd !== name);
  delete out.layout.domains[name];
  return out;
}

export function renameDevice(lab: LabContent, from: string, to: string): { ok: true; lab: LabContent } | { ok: false; message: string } {
  if (from === to) return { ok: true, lab };
  if (!DEVICE_NAME_RE.test(to) || to === 'shared' || to === '_test') return { ok: false, message: 'A device name is 1 to 30 of a-z, 0-9 and _ (not shared or _test).' };
  if (lab.devices.some((d) => d.name === to)) return { ok: false, message: `There is already a device named ${to}.` };
  const out = clone(lab);
  const d = out.devices.find((x) => x.name === from);
  if (!d) return { ok: false, message: `No device ${from}.` };
  d.name = to;
  const pos = out.layout.nodes[from];
  if (pos) out.layout.nodes[to] = pos;
  out.layout.kinds[to] = d.kind;
  delete out.layout.nodes[from];
  delete out.layout.kinds[from];
  return { ok: true, lab: out };
}

export function renameDomain(lab: LabContent, from: string, to: string): { ok: true; lab: LabContent } | { ok: false; message: string } {
  if (from === to) return { ok: true, lab };
  if (!DOMAIN_NAME_RE.test(to)) return { ok: false, message: 'A collision domain name is letters, digits and _.' };
  if (domainsOf(lab).includes(to)) return { ok: false, message: `There is already a collision domain named ${to}.` };
  const out = clone(lab);
  for (const d of out.devices) d.interfaces = d.interfaces.map((cd) => (cd === from ? to : cd));
  const pos = out.layout.domains[from];
  delete out.layout.domains[from];
  out.layout.domains[to] = pos ?? { x: 0, y: 0 };
  return { ok: true, lab: out };
}

export function updateDevice(lab: LabContent, name: string, change: Partial<Omit<DeviceDoc, 'name'>>): LabContent {
  const out = clone(lab);
  const d = out.devices.find((x) => x.name === name);
  if (d) Object.assign(d, change);
  if (d && change.kind) out.layout.kinds[name] = change.kind;
  return out;
}

export function moveNodes(lab: LabContent, moves: { node: NodeRef; at: Point }[]): LabContent {
  const out = clone(lab);
  for (const { node, at } of moves) {
    const p = { x: Math.round(at.x), y: Math.round(at.y) };
    if (node.type === 'device') out.layout.nodes[node.name] = p;
    else out.layout.domains[node.name] = p;
  }
  return out;
}
