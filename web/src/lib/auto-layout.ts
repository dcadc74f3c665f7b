// A layout for labs saved without positions: devices in layers by distance from the most linked device
// (routers first), each collision domain at the middle of its members. Pure and deterministic.
import type { LabContent, Point } from '../../../server/protocol.ts';
import { domainsOf } from './topology.ts';

const STEP_X = 240;
const STEP_Y = 180;

/** Positions for every device and domain that has none (existing positions are kept). */
export function autoLayout(lab: LabContent): { nodes: Record<string, Point>; domains: Record<string, Point> } {
  const nodes: Record<string, Point> = { ...lab.layout.nodes };
  const domains: Record<string, Point> = { ...lab.layout.domains };
  const missing = lab.devices.filter((d) => !nodes[d.name]);
  if (missing.length > 0) {
    // Breadth-first layers over the device graph (two devices are neighbours when they share a domain).
    const byDomain = new Map<string, string[]>();
    for (const d of lab.devices) for (const cd of d.interfaces) if (cd) byDomain.set(cd, [...(byDomain.get(cd) ?? []), d.name]);
    const neighbours = (name: string): string[] => {
      const d = lab.devices.find((x) => x.name === name)!;
      return [...new Set(d.interfaces.flatMap((cd) => byDomain.get(cd) ?? []))].filter((n) => n !== name).sort();
    };
    const order = [...missing].sort((a, b) => (b.kind === 'router' ? 1 : 0) - (a.kind === 'router' ? 1 : 0) || b.interfaces.length - a.interfaces.length || a.name.localeCompare(b.name));
    const layerOf = new Map<string, number>();
    const layers: string[][] = [];
    let base = 0;
    for (const start of order) {
      if (layerOf.has(start.name)) continue;
      const queue = [start.name];
      layerOf.set(start.name, base);
      let deepest = base;
      while (queue.length > 0) {
        const n = queue.shift()!;
        const l = layerOf.get(n)!;
        deepest = Math.max(deepest, l);
        (layers[l] ??= []).push(n);
        for (const m of neighbours(n)) {
          if (!layerOf.has(m) && !nodes[m]) {
            layerOf.set(m, l + 1);
            queue.push(m);
          }
        }
      }
      base = deepest + 1;
    }
    const widest = Math.max(1, ...layers.map((l) => l?.length ?? 0));
    layers.forEach((layer, y) => {
      layer.forEach((name, i) => {
        const offset = ((widest - layer.length) * STEP_X) / 2;
        nodes[name] = { x: 120 + offset + i * STEP_X, y: 100 + y * STEP_Y * 1.4 };
      });
    });
  }
  for (const cd of domainsOf(lab)) {
    if (domains[cd]) continue;
    const members = lab.devices.filter((d) => d.interfaces.includes(cd)).map((d) => nodes[d.name]!).filter(Boolean);
    if (members.length === 0) continue;
    const x = members.reduce((s, p) => s + p.x, 0) / members.length;
    const y = members.reduce((s, p) => s + p.y, 0) / members.length;
    // A domain with one member hangs below it; otherwise it sits at the middle of its members.
    domains[cd] = { x: Math.round(x), y: Math.round(members.length === 1 ? y + STEP_Y * 0.6 : y) };
  }
  return { nodes, domains };
}
