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

/**
 * Runs a kathara-lab-checker configuration: the `structure` template (a lab.conf naming devices and the
 * collision domain of each interface; `readStructure` reads it relative to the configuration) checked as
 * DeviceExistenceCheck and CollisionDomainCheck do, then the `test` object.
 */
export async function runLabCheckerSpec(lab: Lab, spec: Json, readStructure?: (path: string) => string | null): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  const test = isObject(spec) ? spec['test'] : undefined;
  if (!isObject(test)) return [{ name: 'spec', status: 'fail', detail: 'No `test` object in the lab-checker configuration.' }];
  const has = (d: string): boolean => lab.model.devices.some((x) => x.name === d);
  const structure = isObject(spec) && typeof spec['structure'] === 'string' ? spec['structure'] : undefined;
  if (structure !== undefined) {
    const text = readStructure?.(structure) ?? null;
    if (text === null) out.push({ name: 'structure', status: 'fail', detail: `Cannot read the structure file ${structure}.` });
    else out.push(...checkStructure(lab, text));
  }
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
      // KernelRouteCheck: every expected prefix present; listed next hops (gateway IPs or device names)
      // all among the route's, in the same number; one failure per problem, one pass when none.
      const have = routesIn(r.output);
      const problems: string[] = [];
      for (const x of list) {
        const dst = Array.isArray(x) ? String(x[0]) : String(x);
        const hops = Array.isArray(x) && Array.isArray(x[1]) ? x[1].map(String) : [];
        const actual = have.get(dst);
        if (!actual) { problems.push(`The routing table of ${dev} is missing route ${dst}`); continue; }
        if (!hops.length) continue;
        if (hops.length !== actual.length) { problems.push(`The routing table of ${dev} about route ${dst} have the wrong number of next-hops: ${actual.length}, expected: ${hops.length}`); continue; }
        for (const nh of hops) {
          const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(nh);
          if (!actual.some(([gw, d]) => (isIp ? gw === nh : d === nh))) problems.push(`The routing table of ${dev} about route ${dst} does not contain next-hop: ${nh}`);
        }
      }
      if (problems.length === 0) out.push({ name, status: 'pass' });
      else for (const p of problems) out.push({ name, status: 'fail', detail: p });
    }
  }
  const reach = test['reachability'];
  if (isObject(reach)) {
    for (const [dev, list] of Object.entries(reach)) {
      if (!Array.isArray(list)) continue;
      for (const ip of list) {
        const name = `reachability:${dev}->${String(ip)}`;
        if (!has(dev)) { out.push({ name, status: 'fail', detail: `Device ${dev} is not in the lab.` }); continue; }
        // ReachabilityCheck: `ping -q -n -c 1 DST`, reachable when a reply came; "!DST" inverts it.
        const invert = String(ip).startsWith('!');
        const dst = String(ip).replace(/^!/, '');
        const r = await lab.exec(dev, `ping -q -n -c 1 ${dst}`);
        const received = r.ok ? Number(/(\d+) (packets )?received/.exec(r.output)?.[1] ?? 0) > 0 : false;
        out.push(received !== invert ? { name, status: 'pass' }
          : { name, status: 'fail', detail: invert ? `\`${dev}\` can reach \`${dst}\`.` : r.ok ? `\`${dev}\` does not receive any answer from \`${dst}\`. ${r.output.trim()}` : r.error });
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

/** `ip -j route` as lab-checker loads it: destination ("default" as 0.0.0.0/0) -> [gateway or "d.c.", dev]. */
function routesIn(text: string): Map<string, Array<[string, string]>> {
  const out = new Map<string, Array<[string, string]>>();
  const j = parseJson(text);
  if (!Array.isArray(j)) return out;
  for (const r of j) {
    if (!isObject(r) || typeof r['dst'] !== 'string') continue;
    const dst = r['dst'] === 'default' ? '0.0.0.0/0' : r['dst'];
    const dev = String(r['dev'] ?? '');
    const hops: Array<[string, string]> = [];
    if (r['scope'] === 'link') hops.push(['d.c.', dev]);
    else if (Array.isArray(r['nexthops'])) {
      for (const n of r['nexthops']) if (isObject(n)) hops.push([String(n['gateway'] ?? ''), String(n['dev'] ?? '')]);
    } else if (typeof r['gateway'] === 'string') hops.push([r['gateway'], dev]);
    out.set(dst, hops);
  }
  return out;
}

/** DeviceExistenceCheck and CollisionDomainCheck against a structure template (lab.conf syntax). */
function checkStructure(lab: Lab, text: string): CheckResult[] {
  const template = new Map<string, Map<number, string>>();
  for (const line of text.split('\n')) {
    const m = /^\s*([\w.-]+)\[(\d+)\]\s*=\s*"?([^"/\s]+)/.exec(line);
    if (!m) continue;
    if (!template.has(m[1]!)) template.set(m[1]!, new Map());
    template.get(m[1]!)!.set(Number(m[2]), m[3]!);
  }
  const out: CheckResult[] = [];
  for (const [dev, ifaces] of template) {
    const d = lab.model.devices.find((x) => x.name === dev);
    out.push(d ? { name: `device_existence:${dev}`, status: 'pass' } : { name: `device_existence:${dev}`, status: 'fail', detail: `Device \`${dev}\` not found.` });
    if (!d) {
      out.push({ name: `collision_domain:${dev}`, status: 'fail', detail: `Device \`${dev}\` not found.` });
      continue;
    }
    for (const [idx, cd] of ifaces) {
      const name = `collision_domain:${dev}:eth${idx}`;
      const itf = d.interfaces.find((i) => i.index === idx);
      if (!itf) out.push({ name, status: 'fail', detail: `No interfaces found with name \`eth${idx}\`` });
      else out.push(itf.collisionDomain === cd ? { name, status: 'pass' }
        : { name, status: 'fail', detail: `Interface \`${idx}\` of device ${dev} is connected to collision domain \`${itf.collisionDomain}\` instead of \`${cd}\`` });
    }
  }
  return out;
}
