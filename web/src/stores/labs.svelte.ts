// The lab list: labs of the data folder and the bundled examples, and the actions of the list page.
import type { LabDoc, LabSummary, TemplateSummary } from '../../../server/protocol.ts';
import { api, describe } from '../lib/api.ts';
import { zipFiles } from '../lib/zip-folder.ts';
import { toast } from './toasts.svelte.ts';

export const labs = $state({
  loaded: false,
  labs: [] as LabSummary[],
  templates: [] as TemplateSummary[],
  defaultLab: undefined as string | undefined,
  error: '',
});

export async function refreshLabs(): Promise<void> {
  try {
    const r = await api.labs();
    labs.labs = r.labs;
    labs.templates = r.templates;
    labs.defaultLab = r.defaultLab;
    labs.error = '';
  } catch (err) {
    labs.error = describe(err);
  } finally {
    labs.loaded = true;
  }
}

async function attempt<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    const r = await fn();
    await refreshLabs();
    return r;
  } catch (err) {
    toast(`${what}: ${describe(err)}`, 'error');
    return undefined;
  }
}

export const createLab = (name: string): Promise<LabDoc | undefined> => attempt('Cannot create the lab', () => api.create({ name }));
export const copyTemplate = (t: TemplateSummary): Promise<LabDoc | undefined> => attempt('Cannot open the example', () => api.create({ name: t.name, template: t.id }));
export const duplicateLab = (l: LabSummary): Promise<LabDoc | undefined> => attempt('Cannot duplicate the lab', () => api.create({ name: `${l.name} copy`, copyOf: l.id }));
export const renameLab = (id: string, name: string): Promise<LabDoc | undefined> => attempt('Cannot rename the lab', () => api.rename(id, name));

export async function deleteLab(id: string): Promise<void> {
  await attempt('Cannot delete the lab', () => api.remove(id));
}

export function importZip(file: File): Promise<LabDoc | undefined> {
  return attempt(`Cannot import ${file.name}`, () => api.importZip(file, file.name.replace(/\.zip$/i, '')));
}

export async function importFolder(files: File[]): Promise<LabDoc | undefined> {
  if (files.length === 0) return undefined;
  return attempt('Cannot import the folder', async () => {
    const { zip, name } = await zipFiles(files);
    return api.importZip(zip, name);
  });
}
