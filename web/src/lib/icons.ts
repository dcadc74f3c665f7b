// Device icons as SVG data URIs (for Cytoscape node backgrounds) and as markup (palette, panels).
import type { DeviceKind } from '../../../server/protocol.ts';

const STROKE = '#334155';

const BODIES: Record<DeviceKind, string> = {
  host: `<rect x="5" y="7" width="30" height="20" rx="2.5"/><path d="M15 33h10M20 27v6"/>`,
  router: `<circle cx="20" cy="20" r="14"/><path d="M12 16h13l-3-3M28 24H15l3 3"/>`,
  server: `<rect x="8" y="5" width="24" height="9" rx="2"/><rect x="8" y="16" width="24" height="9" rx="2"/><rect x="8" y="27" width="24" height="9" rx="2"/><path d="M13 9.5h.01M13 20.5h.01M13 31.5h.01"/>`,
};

export function iconSvg(kind: DeviceKind, stroke = STROKE): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="40" height="40" fill="none" stroke="${stroke}" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">${BODIES[kind]}</svg>`;
}

export function iconUri(kind: DeviceKind): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(kind))}`;
}

export const KIND_LABELS: Record<DeviceKind, string> = { host: 'Host', router: 'Router', server: 'Server' };
