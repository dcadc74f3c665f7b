// The guest kernel: what core/lab needs to build and drive guests.
export { Kernel, type KernelOptions, type ProgramLookup } from './kernel.ts';
export { attachSys } from './sys.ts';
export { spawnProcess, spawnProgram, Capture, captureFile, feedFile, type SpawnOptions } from './spawn.ts';
export { procRoot, staticDir, lazyDir } from './procfs.ts';
export { programFile } from './exec.ts';
export { Tty } from './tty.ts';
export { DevPtsFs, DEVPTS_MOUNT } from './devpts.ts';
export { SharedCaches } from './shared-cache.ts';
export { OpenFile } from './file.ts';
export { procNetUnix } from './unix-file.ts';
export type { Process } from './process.ts';
export * as abi from './abi.ts';
