// The in-memory VFS: MemFs (tmpfs), read-only image layers, the per-guest OverlayFs, generated file
// systems for /proc and /sys, and the Vfs that mounts them and resolves paths.
export * from './types.ts';
export type { Attr, Filesystem, Node } from './node.ts';
export { MemFs, MemInode, MAX_FILE_SIZE, type MemFsOptions } from './memfs.ts';
export { LayerBuilder, ImageLayer, LayerError, layerStat, type LayerNode, type LayerOptions, type NodeOptions } from './layer.ts';
export { OverlayFs, OvNode, type OverlayOptions } from './overlay.ts';
export { GenFs, GenFsNode, type GenFsOptions } from './genfs.ts';
export { Vfs, ROOT, type VfsOptions } from './vfs.ts';
export type { Mount, Step } from './mounts.ts';
export { PATH_MAX, NAME_MAX, MAX_SYMLINKS } from './path.ts';
export { mkdirp, writeFile, readFile, readFileBytes } from './util.ts';
export { utf8Encode, utf8Decode, utf8Length } from './utf8.ts';
