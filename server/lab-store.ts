// The data folder: each lab is a Kathará folder (DATA/labs/ID) plus lab.layout.json. Lists, creates,
// copies, renames, deletes, imports and exports labs; the bundled labs/ are read-only templates that open
// as copies. A new lab is built in a temporary folder and renamed into place, so it appears whole or not.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { walk } from '../core/index.ts';
import { ApiError } from './api-error.ts';
import { emptyLayout, loadModel, readLabDoc, writeAtomic, writeLabDoc, LAYOUT_FILE } from './lab-doc.ts';
import { nodeLabFiles } from './lab-folder.ts';
import { readLabZip, writeLabZip } from './lab-zip.ts';
import type { LabContent, LabDoc, LabSummary, TemplateSummary } from './protocol.ts';

const ID_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function slug(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '').slice(0, 48);
  return s === '' ? 'lab' : s;
}

export class LabStore {
  readonly labsDir: string;

  constructor(readonly dataDir: string, readonly templatesDir: string) {
    this.labsDir = join(dataDir, 'labs');
    mkdirSync(this.labsDir, { recursive: true });
    // Temporary folders of a build that was interrupted.
    for (const name of readdirSync(this.labsDir)) if (name.startsWith('.new-')) rmSync(join(this.labsDir, name), { recursive: true, force: true });
  }

  dirOf(id: string): string {
    if (!ID_RE.test(id)) throw new ApiError(400, 'bad-request', `\`${id}\` is not a lab id.`);
    const dir = join(this.labsDir, id);
    if (!existsSync(join(dir))) throw new ApiError(404, 'not-found', `No lab named ${id}.`);
    return dir;
  }

  private summary(dir: string, id: string): { name: string; description: string; devices: number } {
    try {
      const m = loadModel(dir);
      return { name: m.metadata.name ?? id, description: m.metadata.description ?? '', devices: m.devices.length };
    } catch {
      return { name: id, description: 'This lab cannot be loaded.', devices: 0 };
    }
  }

  list(running: (id: string) => boolean): LabSummary[] {
    return readdirSync(this.labsDir)
      .filter((id) => ID_RE.test(id) && statSync(join(this.labsDir, id)).isDirectory())
      .map((id) => {
        const dir = join(this.labsDir, id);
        const conf = join(dir, 'lab.conf');
        const modified = statSync(existsSync(conf) ? conf : dir).mtime;
        const layout = join(dir, LAYOUT_FILE);
        const latest = existsSync(layout) && statSync(layout).mtime > modified ? statSync(layout).mtime : modified;
        return { id, ...this.summary(dir, id), modified: latest.toISOString(), running: running(id) };
      })
      .sort((a, b) => (a.modified < b.modified ? 1 : -1));
  }

  templates(): TemplateSummary[] {
    if (!existsSync(this.templatesDir)) return [];
    return readdirSync(this.templatesDir)
      .filter((id) => ID_RE.test(id) && statSync(join(this.templatesDir, id)).isDirectory())
      .map((id) => ({ id, ...this.summary(join(this.templatesDir, id), id) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  read(id: string): LabDoc {
    return readLabDoc(this.dirOf(id), id);
  }

  private freshId(name: string): string {
    const base = slug(name);
    let id = base;
    for (let n = 2; existsSync(join(this.labsDir, id)); n++) id = `${base}-${n}`;
    return id;
  }

  /** Builds a lab in a temporary folder with `fill`, then renames it into place. */
  private build(name: string, fill: (tmp: string) => void): string {
    const tmp = join(this.labsDir, `.new-${process.pid}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(tmp);
    try {
      fill(tmp);
      const id = this.freshId(name);
      renameSync(tmp, join(this.labsDir, id));
      return id;
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
  }

  create(name: string): string {
    return this.build(name, (tmp) => writeLabDoc(tmp, { metadata: { name }, devices: [], layout: emptyLayout() }));
  }

  /** A copy of a template (labs/ID) or of a lab, named `name`. */
  copy(source: { template: string } | { lab: string }, name: string): string {
    const from = 'template' in source ? this.templateDir(source.template) : this.dirOf(source.lab);
    return this.build(name, (tmp) => {
      cpSync(from, tmp, { recursive: true, verbatimSymlinks: true });
      this.setName(tmp, name);
    });
  }

  private templateDir(id: string): string {
    const dir = join(this.templatesDir, id);
    if (!ID_RE.test(id) || !existsSync(dir)) throw new ApiError(404, 'not-found', `No example lab named ${id}.`);
    return dir;
  }

  save(id: string, content: LabContent): LabDoc {
    const dir = this.dirOf(id);
    writeLabDoc(dir, content);
    return readLabDoc(dir, id);
  }

  /** Sets LAB_NAME by editing that one line, so the rest of lab.conf (either grammar) stays as it was. */
  private setName(dir: string, name: string): void {
    const path = join(dir, 'lab.conf');
    if (!existsSync(path)) return;
    const old = readFileSync(path, 'utf8');
    const rest = old.split('\n').filter((l) => !/^\s*LAB_NAME\s*=/.test(l)).join('\n');
    writeAtomic(path, `LAB_NAME="${name}"\n${rest.replace(/^\n+/, '')}`);
  }

  rename(id: string, name: string): LabDoc {
    const dir = this.dirOf(id);
    this.setName(dir, name);
    return readLabDoc(dir, id);
  }

  delete(id: string): void {
    const dir = this.dirOf(id);
    // Rename first so a half-deleted folder never shows in the list.
    const trash = join(this.labsDir, `.new-del-${Math.random().toString(36).slice(2)}`);
    renameSync(dir, trash);
    rmSync(trash, { recursive: true, force: true });
  }

  /** Imports a zip (checked entirely before anything is written); returns the new lab's id. */
  importZip(zip: Uint8Array, name: string): string {
    const files = readLabZip(zip);
    return this.build(name, (tmp) => {
      for (const [path, data] of files) {
        const target = join(tmp, path);
        mkdirSync(dirname(target), { recursive: true });
        writeAtomic(target, data);
      }
      loadModel(tmp);
    });
  }

  exportZip(id: string): Uint8Array {
    const dir = this.dirOf(id);
    const files = nodeLabFiles(dir);
    const entries = walk(files, '')
      .filter((e) => e.kind === 'file')
      .map((e): [string, Uint8Array] => [e.path, files.read(e.path)!]);
    return writeLabZip(id, entries);
  }
}
