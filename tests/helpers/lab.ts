// Labs in tests: boot one from files in memory (fast mode, the default images) and run commands in it.
import { ImageStore, Lab, MemoryLabFiles, formatDiagnostic, type LabOptions } from '../../core/index.ts';
import { nodeHost } from '../../server/host.ts';

/** Creates and starts a lab of `files` (lab.conf, startups, device folders) in fast mode. */
export async function bootLab(files: Record<string, string>, options: Partial<LabOptions> = {}): Promise<Lab> {
  const made = Lab.create(new MemoryLabFiles(files), { host: nodeHost, images: new ImageStore(), ...options });
  if (!made.ok) throw new Error(made.errors.map(formatDiagnostic).join('\n'));
  made.lab.setMode('fast');
  await made.lab.start();
  return made.lab;
}

/** What `command` printed on `device` (as `bash -c`); throws when it could not run. */
export async function sh(lab: Lab, device: string, command: string): Promise<string> {
  const r = await lab.exec(device, command);
  if (!r.ok) throw new Error(r.error);
  return r.output;
}
