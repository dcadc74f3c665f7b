// A lab's own checks, run on a booted Lab: Netkit's `_test` signatures (`_test/DEV.test` run on DEV, its
// output compared with `_test/signature/DEV.user`) and kathara-lab-checker JSON specs (the `test` object:
// requiring_startup, ip_mapping, kernel_routes, reachability, daemons). Each check passes or fails with a
// diff or a reason; what is not implemented is reported as such, never silently skipped.

import { utf8Decode } from '../fs/index.ts';
import type { LabFiles } from './files.ts';
import type { Lab } from './runtime.ts';

export interface CheckResult {
  /** `netkit:pc1.user`, `ip_mapping:r1:eth0` ... */
  readonly name: string;
  readonly status: 'pass' | 'fail' | 'missing';
  /** Why it failed or is missing; a diff (`-expected` / `+actual` lines) for output comparisons. */
  readonly detail?: string;
}

/** Line diff: `-` lines only expected, `+` lines only actual, `  ` common (longest common subsequence). */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.replace(/\n$/, '').split('\n');
  const b = actual.replace(/\n$/, '').split('\n');
  const n = a.length, m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: string[] = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push(`  ${a[i++]}`), j++;
    else if (j < m && (i === n || lcs[i]![j + 1]! > lcs[i + 1]![j]!)) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out.join('\n');
}

/** Netkit-style tests: every `_test/DEV.test` of a lab whose device exists. */
export async function runNetkitTests(lab: Lab, files: LabFiles): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  const folder = lab.model.testFolder;
  if (!folder) return out;
  for (const d of lab.model.devices) {
    const script = `${folder}/${d.name}.test`;
    const userSig = files.read(`${folder}/signature/${d.name}.user`);
    const defaultSig = files.read(`${folder}/signature/${d.name}.default`);
    if (defaultSig) {
      out.push({ name: `netkit:${d.name}.default`, status: 'missing', detail: "Netkit's built-in default test (interfaces, routes, sockets dump) is not reproduced by Netloom." });
    }
    if (files.stat(script)?.kind !== 'file') {
      if (userSig) out.push({ name: `netkit:${d.name}.user`, status: 'fail', detail: `${script} is missing.` });
      continue;
    }
    const r = await lab.exec(d.name, `/bin/bash /hostlab/${script}`);
    if (!r.ok) {
      out.push({ name: `netkit:${d.name}.user`, status: 'fail', detail: r.error });
      continue;
    }
    if (!userSig) {
      out.push({ name: `netkit:${d.name}.user`, status: 'missing', detail: `No signature ${folder}/signature/${d.name}.user to compare with; output was:\n${r.output}` });
      continue;
    }
    const expected = utf8Decode(userSig);
    out.push(expected === r.output
      ? { name: `netkit:${d.name}.user`, status: 'pass' }
      : { name: `netkit:${d.name}.user`, status: 'fail', detail: lineDiff(expected, r.output) });
  }
  return out;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys of the lab-checker `test` object this file checks. */
const IMPLEMENTED = new Set(['requiring_startup', 'ip_mapping', 'kernel_routes', 'reachability', 'daemons']);

/** Runs the `test` object of a kathara-lab-checker configuration. */
export async function runLabCheckerSpec(lab: Lab, spec: Json): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  const test = isObject(spec) ? spec['test'] : undefined;
  if (!isObject(test)) return [{ name: 'spec', status: 'fail', detail: 'No `test` object in the lab-checker configuration.' }];
  const has = (d: string): boolean => lab.model.devices.some((x) => x.name === d);
  for (const key of Object.keys(test)) {
    if (!IMPLEMENTED.has(key)) out.push({ name: key, status: 'missing', detail: `lab-checker check \`${key}\` is not implemented by netloom check.` });
  }
  const startup = test['requiring_startup'];
  if (Array.isArray(startup)) {
    for (const d of startup) {
      const name = String(d);
      const dev = lab.model.devices.find((x) => x.name === name);
      out.push(dev?.startup ? { name: `requiring_startup:${name}`, status: 'pass' }
        : { name: `requiring_startup:${name}`, status: 'fail', detail: dev ? `${name}.startup does not exist.` : `Device ${name} is not in the lab.` });
    }
  }
  const ips = test['ip_mapping'];
  if (isObject(ips)) {
    for (const [dev, ifaces] of Object.entries(ips)) {
      if (!isObject(ifaces)) continue;
      for (const [idx, want] of Object.entries(ifaces)) {
        const name = `ip_mapping:${dev}:eth${idx}`;
        if (!has(dev)) { out.push({ name, status: 'fail', detail: `Device ${dev} is not in the lab.` }); continue; }
        const r = await lab.exec(dev, `ip -j address show dev eth${idx}`);
        if (!r.ok || r.exitCode !== 0) { out.push({ name, status: 'fail', detail: r.ok ? r.output.trim() : r.error }); continue; }
        const found = addressesIn(r.output);
        out.push(found.includes(String(want)) ? { name, status: 'pass' } : { name, status: 'fail', detail: `expected ${String(want)}, found ${found.join(', ') || 'no address'}` });
      }
    }
  }
  const routes = test['kernel_routes'];
  if (isObject(routes)) {
    for (const [dev, list] of Object.entries(routes)) {
      if (!Array.isArray(list)) continue;
      const name = `kernel_routes:${dev}`;
      if (!has(dev)) { out.push({ name, status: 'fail', detail: `Device ${dev} is not in the lab.` }); continue; }
      const r = await lab.exec(dev, 'ip -j route');
      if (!r.ok || r.exitCode !== 0) { out.push({ name, status: 'fail', detail: r.ok ? r.output.trim() : r.error }); continue; }
      const have = routesIn(r.output);
      const want = list.map((x) => (Array.isArray(x) ? String(x[0]) : String(x)));
      const lacking = want.filter((w) => !have.includes(w) && !(w === '0.0.0.0/0' && have.includes('default')));
      out.push(lacking.length === 0 ? { name, status: 'pass' } : { name, status: 'fail', detail: `missing routes: ${lacking.join(', ')}` });
    }
  }
  const reach = test['reachability'];
  if (isObject(reach)) {
    for (const [dev, list] of Object.entries(reach)) {
      if (!Array.isArray(list)) continue;
      for (const ip of list) {
        const name = `reachability:${dev}->${String(ip)}`;
        if (!has(dev)) { out.push({ name, status: 'fail', detail: `Device ${dev} is not in the lab.` }); continue; }
        const r = await lab.exec(dev, `ping -q -n -c 1 -W 1 ${String(ip)}`);
        out.push(r.ok && r.exitCode === 0 ? { name, status: 'pass' } : { name, status: 'fail', detail: r.ok ? r.output.trim() : r.error });
      }
    }
  }
  const daemons = test['daemons'];
  if (isObject(daemons)) {
    for (const [dev, list] of Object.entries(daemons)) {
      if (!Array.isArray(list)) continue;
      const guest = lab.guest(dev);
      for (const daemon of list) {
        const want = String(daemon).replace(/^!/, '');
        const name = `daemons:${dev}:${String(daemon)}`;
        if (!guest) { out.push({ name, status: 'fail', detail: `Device ${dev} is not running.` }); continue; }
        const running = [...guest.kernel.processes.values()].some((p) => p.alive && p.comm === want);
        const ok = String(daemon).startsWith('!') ? !running : running;
        out.push(ok ? { name, status: 'pass' } : { name, status: 'fail', detail: `${want} is ${running ? '' : 'not '}running` });
      }
    }
  }
  return out;
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** `addr/prefix` of every address in `ip -j address` output. */
function addressesIn(text: string): string[] {
  const j = parseJson(text);
  if (!Array.isArray(j)) return [];
  return j.flatMap((link) => {
    const infos = isObject(link) ? link['addr_info'] : undefined;
    return Array.isArray(infos) ? infos.flatMap((a) => (isObject(a) ? [`${String(a['local'])}/${String(a['prefixlen'])}`] : [])) : [];
  });
}

/** Destinations of `ip -j route` output. */
function routesIn(text: string): string[] {
  const j = parseJson(text);
  if (!Array.isArray(j)) return [];
  return j.flatMap((r) => (isObject(r) && typeof r['dst'] === 'string' ? [r['dst']] : []));
}
