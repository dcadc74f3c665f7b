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
