// Whole inputs as bytes for the dump tools (od, hexdump, xxd): named files ('-' = stdin) read in
// order and joined, with the names that could not be opened or read kept for the caller's messages.
import { EISDIR, isDir, type Sys } from '../../kernel/abi.ts';
import { concat, readAll } from './io.ts';

export interface ByteInputs {
  data: Uint8Array;
  errors: Array<{ name: string; errno: number }>;
}

/** Reads one input ('-' = stdin); returns its bytes or -errno. */
export async function readBytes(sys: Sys, name: string): Promise<Uint8Array | number> {
  const fd = name === '-' ? 0 : sys.open(name, 0);
  if (fd < 0) return fd;
  const st = sys.fstat(fd);
  if (typeof st !== 'number' && isDir(st.mode)) {
    if (fd !== 0) sys.close(fd);
    return -EISDIR;
  }
  const r = await readAll(sys, fd);
  if (fd !== 0) sys.close(fd);
  return r;
}

export async function readByteInputs(sys: Sys, names: readonly string[]): Promise<ByteInputs> {
  const parts: Uint8Array[] = [];
  const errors: ByteInputs['errors'] = [];
  for (const name of names) {
    const r = await readBytes(sys, name);
    if (typeof r === 'number') errors.push({ name, errno: r });
    else parts.push(r);
  }
  return { data: concat(parts), errors };
}
