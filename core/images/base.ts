// The kathara/base image: a Debian 12 file tree (merged /usr, /etc files, root's home) with the
// programs of BASE_PROGRAMS. Built once per ImageStore and shared read-only by every guest.

import { LayerBuilder, type ImageLayer } from '../fs/index.ts';
import { programFile } from '../kernel/exec.ts';
import { SharedCaches } from '../kernel/shared-cache.ts';
import type { Program } from '../kernel/abi.ts';
import { BASE_LINKS, BASE_PROGRAMS } from './programs.ts';
import { ETC_FILES } from './etc-files.ts';
import { NETBASE_FILES } from './etc-netbase.ts';
import { buildFrrImage } from './frr.ts';
import { buildQuaggaImage } from './quagga.ts';
import { addBindFiles, buildBindImage } from './bind.ts';
import { addApache2Files } from './apache2-files.ts';

export interface Image {
  name: string;
  layers: ImageLayer[];
  /** The device nodes of /dev, shared by every guest under its own copy-on-write layer. */
  devLayer: ImageLayer;
  programs: ReadonlyMap<string, Program>;
  /** Values derived from immutable input that the guests of this image share (parsed scripts). */
  caches?: SharedCaches;
}

/** 2025-01-01T00:00:00Z: when the image's files were "installed". */
export const IMAGE_MTIME = 1_735_689_600 * 1e9;

export function buildBaseImage(extra: Record<string, { path: string; program: Program }> = {}): Image {
  const b = new LayerBuilder({ mtime: IMAGE_MTIME, name: 'kathara/base' });
  for (const d of ['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local/bin', '/usr/share', '/etc', '/var/log',
    '/var/tmp', '/var/lib', '/var/run', '/home', '/root', '/proc', '/sys', '/dev', '/mnt', '/opt', '/srv',
    '/run', '/media', '/boot', '/shared', '/hostlab']) {
    b.dir(d, { mode: 0o755 });
  }
  b.dir('/root', { mode: 0o700 });
  b.dir('/tmp', { mode: 0o1777 });
  b.dir('/var/tmp', { mode: 0o1777 });
  b.symlink('/bin', 'usr/bin');
  b.symlink('/sbin', 'usr/sbin');
  b.symlink('/lib', 'usr/lib');
  b.symlink('/usr/bin/sh', 'bash');
  for (const [path, spec] of Object.entries(ETC_FILES)) b.file(path, spec.content, { mode: spec.mode ?? 0o644 });
  // netbase's files, -rw-r--r-- root root as dpkg installs them.
  for (const [path, content] of Object.entries(NETBASE_FILES)) b.file(path, content, { mode: 0o644, uid: 0, gid: 0 });
  addApache2Files(b);
  addBindFiles(b);
  const all = { ...BASE_PROGRAMS, ...extra };
  const programs = new Map<string, Program>();
  for (const [name, spec] of Object.entries(all)) {
    b.file(spec.path, programFile(name), { mode: 0o755 });
    programs.set(name, spec.program);
  }
  b.dir('/etc/alternatives', { mode: 0o755 });
  for (const [path, target] of Object.entries(BASE_LINKS)) b.symlink(path, target);
  return { name: 'kathara/base', layers: [b.freeze()], devLayer: buildDevLayer(), programs, caches: new SharedCaches() };
}

/** /dev as a container has it: the memory and random devices, terminals, pts/, shm/ and the fd links. */
export function buildDevLayer(): ImageLayer {
  const d = new LayerBuilder({ mtime: IMAGE_MTIME, name: 'dev' });
  const nodes: Array<[string, number, number, number]> = [
    ['null', 1, 3, 0o666], ['zero', 1, 5, 0o666], ['full', 1, 7, 0o666], ['random', 1, 8, 0o666],
    ['urandom', 1, 9, 0o666], ['tty', 5, 0, 0o666], ['console', 5, 1, 0o600], ['ptmx', 5, 2, 0o666],
  ];
  for (const [name, major, minor, mode] of nodes) d.chardev(`/${name}`, major, minor, { mode });
  d.dir('/pts', { mode: 0o755 });
  d.dir('/shm', { mode: 0o1777 });
  d.symlink('/fd', '/proc/self/fd');
  d.symlink('/stdin', '/proc/self/fd/0');
  d.symlink('/stdout', '/proc/self/fd/1');
  d.symlink('/stderr', '/proc/self/fd/2');
  return d.freeze();
}

/** The images Netloom has, each built on first use. */
const DEFAULT_BUILDERS: Record<string, (store: ImageStore) => Image> = {
  'kathara/base': () => buildBaseImage(),
  'kathara/frr': (store) => buildFrrImage(store.get('kathara/base')!),
  'kathara/quagga': (store) => buildQuaggaImage(store.get('kathara/frr')!),
  'kathara/bind': (store) => buildBindImage(store.get('kathara/base')!),
};

/** Builds each image once and hands the same instance to every guest. */
export class ImageStore {
  private readonly images = new Map<string, Image>();

  constructor(private readonly builders: Record<string, (store: ImageStore) => Image> = DEFAULT_BUILDERS) {}

  get(name: string): Image | undefined {
    let image = this.images.get(name);
    if (!image) {
      const build = this.builders[name];
      if (!build) return undefined;
      image = build(this);
      this.images.set(name, image);
    }
    return image;
  }
}
