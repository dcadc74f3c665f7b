// The only entry point that server/ and the CLI import.
export * from './cpu/index.ts';
export { Guest, exitCodeOf, DEFAULT_PATH, type GuestOptions, type ExecResult, type Console } from './lab/guest.ts';
export { buildBaseImage, ImageStore, type Image } from './images/base.ts';
export { Capture } from './kernel/index.ts';
export { MemFs } from './fs/index.ts';
export * from './lab/index.ts';
