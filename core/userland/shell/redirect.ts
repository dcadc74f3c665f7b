// Redirections: opening files, duplicating and closing descriptors, here-documents and here-strings.
// Builtins and compound commands keep copies of the descriptors they replace (above 10, close-on-exec)
// so that restoreRedirects can put them back.

import {
  EBADF, F_DUPFD_CLOEXEC, F_GETFD, O_APPEND, O_CLOEXEC, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY,
  isReg, utf8Encode,
} from '../../kernel/abi.ts';
import type { Redirect } from './ast.ts';
import { expandFields, expandQuoted, expandString } from './expand.ts';
import type { Shell } from './shell.ts';
import { strerror } from '../lib/errno.ts';
import { netOpen } from './netopen.ts';

export interface SavedFd {
  fd: number;
  /** Where the original went (-1: it was closed). */
  copy: number;
}

const inputOps = new Set(['<', '<&', '<<', '<<-', '<<<', '<>']);

async function fail(sh: Shell, message: string): Promise<null> {
  await sh.write(2, `${sh.errorPrefix()}: ${message}\n`);
  return null;
}

/** Applies redirections in order; returns what to restore, or null after printing an error. */
export async function applyRedirects(sh: Shell, redirects: readonly Redirect[], save: boolean): Promise<SavedFd[] | null> {
  const saved: SavedFd[] = [];
  for (const r of redirects) {
    const result = await applyOne(sh, r, save ? saved : null);
    if (result === null) {
      restoreRedirects(sh, saved);
      return null;
    }
  }
  return saved;
}

/** Saves a copy of `fd` (or that it was closed) before its first change, when the caller restores them. */
function keep(sh: Shell, saved: SavedFd[] | null, fd: number): void {
  if (!saved || saved.some((s) => s.fd === fd)) return;
  const open = sh.sys.fcntl(fd, F_GETFD) >= 0;
  saved.push({ fd, copy: open ? sh.sys.fcntl(fd, F_DUPFD_CLOEXEC, 10) : -1 });
}

/** Moves the descriptor `opened` to `at` (or into the redirection's {var}). */
async function place(sh: Shell, r: Redirect, saved: SavedFd[] | null, opened: number, at: number): Promise<true> {
  const sys = sh.sys;
  if (r.fdVar) {
    const n = sys.fcntl(opened, 0, 10); // F_DUPFD: bash's {var} descriptors are not close-on-exec
    sys.close(opened);
    await sh.set(r.fdVar, String(n));
    return true;
  }
  if (opened === at) return true;
  keep(sh, saved, at);
  sys.dup2(opened, at);
  sys.close(opened);
  return true;
}

async function target(sh: Shell, r: Redirect): Promise<string | null> {
  const fields = await expandFields(sh, r.target);
  if (fields.length !== 1) return fail(sh, `${r.target.text}: ambiguous redirect`);
  return fields[0]!;
}

async function applyOne(sh: Shell, r: Redirect, saved: SavedFd[] | null): Promise<true | null> {
  const sys = sh.sys;
  let fd = r.fd ?? (inputOps.has(r.op) ? 0 : 1);
  switch (r.op) {
    case '<': case '>': case '>>': case '>|': case '<>': case '&>': case '&>>': {
      const name = await target(sh, r);
      if (name === null) return null;
      let flags: number;
      if (r.op === '<') flags = O_RDONLY;
      else if (r.op === '<>') flags = O_RDWR | O_CREAT;
      else if (r.op === '>>' || r.op === '&>>') flags = O_WRONLY | O_CREAT | O_APPEND;
      else flags = O_WRONLY | O_CREAT | O_TRUNC;
      if ((r.op === '>' || r.op === '&>') && sh.options.noclobber) {
        const st = sys.stat(name);
        if (typeof st !== 'number' && isReg(st.mode)) return fail(sh, `${name}: cannot overwrite existing file`);
        if (typeof st === 'number') flags |= O_EXCL;
      }
      const opened = (await netOpen(sh, name)) ?? sys.open(name, flags | O_CLOEXEC, 0o666);
      if (opened < 0) return fail(sh, `${name}: ${strerror(opened)}`);
      sys.fcntl(opened, 2, 0);
      if (r.op === '&>' || r.op === '&>>') {
        keep(sh, saved, 1);
        keep(sh, saved, 2);
        sys.dup2(opened, 1);
        sys.dup2(opened, 2);
        if (opened !== 1 && opened !== 2) sys.close(opened);
        return true;
      }
      return place(sh, r, saved, opened, fd);
    }
    case '<&': case '>&': {
      const text = await expandString(sh, r.target);
      if (r.fdVar) fd = Number(sh.get(r.fdVar) ?? -1);
      if (text === '-') {
        keep(sh, saved, fd);
        sys.close(fd);
        return true;
      }
      const m = /^(\d+)(-?)$/.exec(text);
      if (!m) {
        if (r.op === '>&' && r.fd === null) {
          // `>&file` means `&>file`.
          return applyOne(sh, { ...r, op: '&>' }, saved);
        }
        return fail(sh, `${text}: ambiguous redirect`);
      }
      const src = Number(m[1]);
      if (sys.fcntl(src, F_GETFD) < 0) return fail(sh, `${src}: ${strerror(EBADF)}`);
      if (src !== fd) {
        keep(sh, saved, fd);
        sys.dup2(src, fd);
      }
      if (m[2]) sys.close(src);
      return true;
    }
    case '<<': case '<<-': case '<<<': {
      let text: string;
      if (r.op === '<<<') text = (await expandString(sh, r.target)) + '\n';
      else if (!r.heredoc) text = '';
      else if (r.heredoc.quoted) text = r.heredoc.raw;
      else text = await expandQuoted(sh, r.heredoc.body);
      const opened = await heredocFd(sh, text);
      if (opened < 0) return fail(sh, `cannot create temp file for here-document: ${strerror(opened)}`);
      fd = r.fd ?? 0;
      return place(sh, r, saved, opened, fd);
    }
  }
  return true;
}

/** A descriptor reading `text`: a pipe when it fits, else a deleted temporary file (as bash does). */
async function heredocFd(sh: Shell, text: string): Promise<number> {
  const sys = sh.sys;
  const data = utf8Encode(text);
  if (data.length <= 65536) {
    const p = sys.pipe2(O_CLOEXEC);
    if (typeof p === 'number') return p;
    if (data.length) await sys.write(p[1], data);
    sys.close(p[1]);
    return p[0];
  }
  const name = `/tmp/sh-thd.${sys.getpid()}.${sh.nextRandom()}`;
  const w = sys.open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600);
  if (w < 0) return w;
  await sys.write(w, data);
  sys.close(w);
  const rd = sys.open(name, O_RDONLY | O_CLOEXEC);
  sys.unlink(name);
  return rd;
}

/** Puts saved descriptors back (only dup2 and close: nothing here waits). */
export function restoreRedirects(sh: Shell, saved: SavedFd[]): void {
  const sys = sh.sys;
  for (let i = saved.length - 1; i >= 0; i--) {
    const s = saved[i]!;
    if (s.copy >= 0) {
      sys.dup2(s.copy, s.fd);
      sys.close(s.copy);
    } else sys.close(s.fd);
  }
}

