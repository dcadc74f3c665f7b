// Safety and capability checks on a lab folder before Netloom copies it into guests: path traversal
// (`..`, absolute names, symlinks leaving the lab), oversized files, and images Netloom cannot emulate.

import { type LabFiles, dirName, normalizeLabPath, walk } from './files.ts';
import type { Lab, LabDiagnostic } from './model.ts';

export interface ValidateOptions {
  /** Largest file accepted, in bytes (default 16 MiB). */
  maxFileSize?: number;
  /** Largest lab accepted, all files together, in bytes (default 256 MiB). */
  maxTotalSize?: number;
  /** Images (without tag) Netloom emulates; default EMULATED_IMAGES. */
  emulatedImages?: readonly string[];
}

export const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;
export const DEFAULT_MAX_TOTAL_SIZE = 256 * 1024 * 1024;

/** Images whose userland Netloom provides. */
export const EMULATED_IMAGES: readonly string[] = ['kathara/base', 'kathara/frr', 'kathara/quagga', 'kathara/bind'];

/** Images Kathará labs use that Netloom knowingly cannot run, with the reason shown to the user. */
export const UNSUPPORTED_IMAGES: Readonly<Record<string, string>> = {
  'kathara/p4': 'P4 programmable switches (bmv2 and the p4c compiler) cannot be emulated',
  'kathara/pox': 'the POX OpenFlow controller (Python) is not available',
  'kathara/ryu': 'the Ryu OpenFlow controller (Python) is not available',
  'kathara/sdn': 'Open vSwitch and OpenFlow tooling are not available',
};

export interface ValidationReport {
  errors: LabDiagnostic[];
  warnings: LabDiagnostic[];
}

/** `kathara/frr:8.4` -> `kathara/frr`; registry prefixes (`docker.io/`) kept as written. */
export function imageName(image: string): string {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(0, colon) : image;
}

/**
 * Checks every entry of the folder, and, when `lab` is given, the images its devices use. Errors mean the
 * lab must not be copied into guests; warnings mean some devices will lack programs.
 */
export function validateLab(files: LabFiles, lab?: Lab, options: ValidateOptions = {}): ValidationReport {
  const report: ValidationReport = { errors: [], warnings: [] };
  const maxFile = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const maxTotal = options.maxTotalSize ?? DEFAULT_MAX_TOTAL_SIZE;
  let total = 0;
  for (const { path, kind } of walk(files, '')) {
    const bad = badPathReason(path);
    if (bad) {
      report.errors.push({ file: path, message: `Unsafe path: ${bad}.` });
      continue;
    }
    if (kind === 'symlink') {
      const target = files.stat(path)?.target ?? '';
      if (target.startsWith('/') || normalizeLabPath(`${dirName(path)}/${target}`) === undefined) {
        report.errors.push({ file: path, message: `Symlink points outside the lab (\`${target}\`).` });
      }
      continue;
    }
    if (kind !== 'file') continue;
    const size = files.stat(path)?.size ?? 0;
    total += size;
    if (size > maxFile) {
      report.errors.push({ file: path, message: `File is ${size} bytes, above the limit of ${maxFile} bytes.` });
    }
  }
  if (total > maxTotal) {
    report.errors.push({ file: '.', message: `Lab is ${total} bytes, above the limit of ${maxTotal} bytes.` });
  }
  if (lab) report.warnings.push(...imageWarnings(lab, options.emulatedImages ?? EMULATED_IMAGES));
  return report;
}

/** Why a lab-relative path is unsafe, or undefined: absolute, `..` or `.` segments, backslashes, NUL. */
export function badPathReason(path: string): string | undefined {
  if (path.startsWith('/')) return `absolute path \`${path}\``;
  if (/^[A-Za-z]:/.test(path)) return `drive-letter path \`${path}\``;
  if (path.includes('\\')) return `backslash in \`${path}\``;
  if (path.includes('\0')) return 'NUL byte in a file name';
  if (path.split('/').some((p) => p === '..')) return `\`..\` in \`${path}\``;
  if (path.split('/').some((p) => p === '.' || p === '')) return `empty or \`.\` segment in \`${path}\``;
  return undefined;
}

function imageWarnings(lab: Lab, emulated: readonly string[]): LabDiagnostic[] {
  const out: LabDiagnostic[] = [];
  const byImage = new Map<string, string[]>();
  for (const d of lab.devices) {
    const list = byImage.get(d.image) ?? [];
    list.push(d.name);
    byImage.set(d.image, list);
  }
  for (const [image, devices] of byImage) {
    const name = imageName(image);
    if (emulated.includes(name)) continue;
    const why = UNSUPPORTED_IMAGES[name] ?? 'it is an unknown custom image';
    out.push({
      file: 'lab.conf',
      message: `Image \`${image}\` (${devices.join(', ')}) cannot be emulated by Netloom: ${why}. These devices boot a base system; missing programs fail with \`command not found\`.`,
    });
  }
  return out;
}
