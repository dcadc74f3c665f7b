// Becoming another user for su and sudo: the passwd entry, the login environment, and the
// setgid/setuid order (group first, while still privileged). The kernel has no setgroups call, so
// supplementary groups stay those of the caller.
import type { Sys } from '../../kernel/abi.ts';
import { passwdEntry } from './users.ts';

export type Account = NonNullable<ReturnType<typeof passwdEntry>>;

/** Drops to the account's gid and uid; returns 0 or -errno. */
export function becomeUser(sys: Sys, a: Account, gid = a.gid): number {
  const g = sys.setgid(gid);
  if (g < 0) return g;
  return sys.setuid(a.uid);
}

/** The value of NAME in an envp list. */
export function getEnv(envp: readonly string[], name: string): string | undefined {
  const e = envp.find((x) => x.startsWith(name + '='));
  return e === undefined ? undefined : e.slice(name.length + 1);
}

/** envp with NAME set (replacing any earlier value). */
export function setEnv(envp: string[], name: string, value: string): string[] {
  const out = envp.filter((x) => !x.startsWith(name + '='));
  out.push(`${name}=${value}`);
  return out;
}

export const SUPATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const USERPATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games';
