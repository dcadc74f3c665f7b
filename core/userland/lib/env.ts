// The environment as programs see it: "NAME=value" strings in order.

export function getenv(envp: readonly string[], name: string): string | undefined {
  const prefix = name + '=';
  for (let i = envp.length - 1; i >= 0; i--) if (envp[i]!.startsWith(prefix)) return envp[i]!.slice(prefix.length);
  return undefined;
}

export function setenv(envp: readonly string[], name: string, value: string): string[] {
  const prefix = name + '=';
  const out = envp.filter((e) => !e.startsWith(prefix));
  out.push(prefix + value);
  return out;
}

/** The environment as a map of names to values (a later entry for a name wins, as getenv reads it). */
export function envMap(envp: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of envp) {
    const i = e.indexOf('=');
    if (i > 0) m.set(e.slice(0, i), e.slice(i + 1));
  }
  return m;
}
