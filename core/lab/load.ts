// The lab loader: chooses Kathará or Netkit mode, reads lab.conf, the folder and lab.dep, infers images,
// assigns MACs, and returns a typed Lab or the list of errors. Pure: it sees the lab only through LabFiles.

import type { LabFiles } from './files.ts';
import { type LabConf, emptyLabConf, parseKatharaLabConf } from './labconf.ts';
import { parseLabDep } from './labdep.ts';
import { assignMacs } from './macs.ts';
import type { Lab, LabDiagnostic, LabMode, LoadResult } from './model.ts';
import { netkitReason, parseNetkitLabConf } from './netkit.ts';
import { inferImages, scanFolder } from './folder.ts';

export interface LoadOptions {
  /** 'auto' (default) picks Netkit mode when the lab looks like a Netkit lab (see netkitReason). */
  mode?: 'auto' | LabMode;
}

/** `In lab.conf - Line 3: message`, Kathará's way of locating a problem. */
export function formatDiagnostic(d: LabDiagnostic): string {
  return d.line === undefined ? `In ${d.file}: ${d.message}` : `In ${d.file} - Line ${d.line}: ${d.message}`;
}

function hasDeviceFolders(files: LabFiles): boolean {
  return (files.list('') ?? []).some(
    (e) =>
      (e.kind === 'dir' && !['shared', '_test'].includes(e.name) && !e.name.startsWith('.')) ||
      (e.kind === 'file' && e.name.endsWith('.startup') && e.name !== 'shared.startup'),
  );
}

export function loadLab(files: LabFiles, options: LoadOptions = {}): LoadResult {
  const requested = options.mode ?? 'auto';
  const notes: LabDiagnostic[] = [];
  const confStat = files.stat('lab.conf');
  const bytes = confStat?.kind === 'file' ? files.read('lab.conf') : undefined;
  let mode: LabMode = requested === 'auto' ? 'kathara' : requested;
  if (confStat?.kind === 'symlink') {
    return { ok: false, errors: [{ file: 'lab.conf', message: 'lab.conf is a symlink; Netloom reads only regular files in a lab.' }], warnings: [] };
  }
  if (bytes === undefined) {
    if (mode === 'kathara' && !(requested === 'auto' && hasDeviceFolders(files))) {
      return { ok: false, errors: [{ file: 'lab.conf', message: 'No lab.conf in given directory.' }], warnings: [] };
    }
    if (mode === 'kathara') notes.push({ file: 'lab.conf', message: 'No lab.conf: Netkit mode, every subfolder is a device.' });
    mode = 'netkit';
  } else if (requested === 'auto') {
    const reason = netkitReason(bytes);
    if (reason !== undefined) {
      mode = 'netkit';
      notes.push({ file: 'lab.conf', message: `Netkit lab detected (${reason}); read with Netkit's lenient rules.` });
    }
  }
  const conf: LabConf =
    bytes === undefined ? emptyLabConf() : mode === 'kathara' ? parseKatharaLabConf(bytes) : parseNetkitLabConf(bytes);
  conf.warnings.unshift(...notes);
  const scan = scanFolder(files, conf, mode);
  const devices = [...conf.devices.values()];
  const deps = depsOf(files, devices.map((d) => d.name));
  const errors = [...conf.errors, ...deps.errors];
  const warnings = [...conf.warnings, ...deps.warnings];
  if (devices.length === 0 && errors.length === 0) {
    errors.push({ file: 'lab.conf', message: 'No devices in the current network scenario.' });
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  inferImages(files, devices);
  assignMacs(devices);
  // lab.conf order first, then devices found only in the folder, by name (scanFolder adds them sorted).
  const lab: Lab = {
    mode,
    metadata: conf.metadata,
    devices,
    collisionDomains: [...conf.domains.values()],
    dependencies: deps.dependencies,
    shared: scan.shared,
    external: scan.external,
    warnings,
    ...(scan.testFolder !== undefined ? { testFolder: scan.testFolder } : {}),
  };
  return { ok: true, lab, warnings };
}

function depsOf(files: LabFiles, devices: string[]): { dependencies: Record<string, string[]>; errors: LabDiagnostic[]; warnings: LabDiagnostic[] } {
  const bytes = files.read('lab.dep');
  if (bytes === undefined) return { dependencies: {}, errors: [], warnings: [] };
  return parseLabDep(bytes, devices);
}
