// Test support shared by the lab tests (round-tripping through serializeLabConf); pure, like the rest of core.

import { MemoryLabFiles } from './files.ts';
import { loadLab } from './load.ts';
import type { Lab } from './model.ts';
import { serializeLabConf } from './serialize.ts';

/** Serialises `lab` and loads the text again in Kathará mode; throws with the messages on failure. */
export function roundTrip(lab: Lab): Lab {
  const out = serializeLabConf(lab);
  if (!out.ok) throw new Error(out.errors.join('\n'));
  const again = loadLab(new MemoryLabFiles({ 'lab.conf': out.text }), { mode: 'kathara' });
  if (!again.ok) throw new Error(again.errors.map((e) => `${e.line}: ${e.message}`).join('\n') + '\n' + out.text);
  return again.lab;
}

/** What lab.conf carries: folder-derived facts (paths, inferred images, generated MACs) left out. */
export function confView(lab: Lab): unknown {
  return {
    metadata: lab.metadata,
    devices: lab.devices.map(({ folder: _f, startup: _s, shutdown: _h, line: _l, interfaces, image, imageOrigin, ...rest }) => ({
      ...rest,
      image: imageOrigin === 'lab.conf' ? image : undefined,
      interfaces: interfaces.map((i) => ({ index: i.index, cd: i.collisionDomain, mac: i.macGiven ? i.mac : undefined })),
    })),
  };
}

