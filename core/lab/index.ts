// Labs: the Kathará/Netkit lab model, its parsers (lab.conf, lab.dep, lab.ext, the folder), validation and
// lab.conf writing. Environment-free: a lab is read through the LabFiles interface.
export * from './model.ts';
export { type LabFiles, type LabEntry, type LabStat, type LabEntryKind, MemoryLabFiles, encodeUtf8, normalizeLabPath, walk } from './files.ts';
export { loadLab, formatDiagnostic, type LoadOptions } from './load.ts';
export { parseKatharaLabConf, type LabConf, KATHARA_LINE_RE, MAC_RE } from './labconf.ts';
export { parseNetkitLabConf, netkitReason } from './netkit.ts';
export { parseLabDep, findCycle, bootWaves, type LabDep } from './labdep.ts';
export { parseLabExt, inferImages } from './folder.ts';
export { applyOption, normalizeMem, KNOWN_OPTIONS } from './options.ts';
export { assignMacs, generatedMac } from './macs.ts';
export {
  validateLab,
  badPathReason,
  imageName,
  EMULATED_IMAGES,
  UNSUPPORTED_IMAGES,
  DEFAULT_MAX_FILE_SIZE,
  DEFAULT_MAX_TOTAL_SIZE,
  type ValidateOptions,
  type ValidationReport,
} from './validate.ts';
export { serializeLabConf, type SerializeResult } from './serialize.ts';
export { decodeUtf8, pyStrip, pyInt, isPyWord } from './pytext.ts';
export { Lab, type LabConsole } from './runtime.ts';
export * from './runtime-types.ts';
export { type LabFilesWithModes, normalizeScript, buildHostlabLayer, copyFolderOnto } from './device-files.ts';
export { type NetworkAttacher, KATHARA_DEFAULT_SYSCTLS, deviceSysctls } from './network-attach.ts';
export { snapshotMemFs, restoreMemFs, type FsSnapshot, type FsSnapshotEntry } from './fs-snapshot.ts';
export { bootCommand, shutdownCommand } from './boot-script.ts';
export type { Lab as LabModel } from './model.ts';
export { runNetkitTests, runLabCheckerSpec, lineDiff, type CheckResult } from './lab-check.ts';
