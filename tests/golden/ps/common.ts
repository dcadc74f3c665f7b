// What the ps recorder and the guest runner share: the environment and the masks.

export const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', LC_ALL: 'C', TZ: 'UTC' };

/** Applies a case's masks to an output. */
export function applyMask(output: string, mask: readonly string[] | undefined): string {
  let out = output;
  for (const m of mask ?? []) out = out.replace(new RegExp(m, 'g'), 'X');
  return out;
}
