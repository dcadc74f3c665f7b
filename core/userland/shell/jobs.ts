// The job table: background and stopped pipelines, their process groups and states, and the texts
// bash prints for them ("[1] 1234", "[1]+  Done                    sleep 1").

export interface Job {
  id: number;
  pgid: number;
  pids: number[];
  /** Wait status per pid once known. */
  statuses: Map<number, number>;
  command: string;
  /** The command of each process when there are several (a pipeline's elements), for `jobs -l`. */
  parts?: readonly string[];
  state: 'running' | 'stopped' | 'done';
  /** The user has been told of its last stop (a job is dropped once told that it finished). */
  notified: boolean;
}

export function currentJob(jobs: readonly Job[]): Job | undefined {
  const stopped = jobs.filter((j) => j.state === 'stopped');
  if (stopped.length) return stopped[stopped.length - 1];
  return jobs[jobs.length - 1];
}

export function previousJob(jobs: readonly Job[]): Job | undefined {
  const cur = currentJob(jobs);
  const rest = jobs.filter((j) => j !== cur);
  const stopped = rest.filter((j) => j.state === 'stopped');
  if (stopped.length) return stopped[stopped.length - 1];
  return rest[rest.length - 1];
}

/** Resolves %N, %%, %+, %-, %string, %?string, or a pid. */
export function findJob(jobs: readonly Job[], spec: string): Job | undefined {
  if (!spec.startsWith('%')) {
    const pid = Number(spec);
    return jobs.find((j) => j.pids.includes(pid));
  }
  const s = spec.slice(1);
  if (s === '' || s === '%' || s === '+') return currentJob(jobs);
  if (s === '-') return previousJob(jobs);
  if (/^\d+$/.test(s)) return jobs.find((j) => j.id === Number(s));
  if (s.startsWith('?')) return jobs.find((j) => j.command.includes(s.slice(1)));
  return jobs.find((j) => j.command.startsWith(s));
}

export function nextJobId(jobs: readonly Job[]): number {
  return jobs.reduce((m, j) => Math.max(m, j.id), 0) + 1;
}

/** "[1]+  Done                    sleep 1" */
export function jobLine(jobs: readonly Job[], job: Job, stateText: string, withPid = false): string {
  const mark = job === currentJob(jobs) ? '+' : job === previousJob(jobs) ? '-' : ' ';
  if (!withPid) return `[${job.id}]${mark}  ${stateText.padEnd(24)}${job.command}`;
  // `jobs -l`: a line per process, its pid in five columns; the others' lines show `| command`.
  const parts = job.parts ?? [job.command];
  let out = `[${job.id}]${mark} ${String(job.pids[0] ?? job.pgid).padStart(5)} ${stateText.padEnd(24)}${parts[0]}`;
  for (let i = 1; i < job.pids.length; i++) out += `\n     ${String(job.pids[i]).padStart(5)} ${''.padEnd(22)}| ${parts[i] ?? ''}`;
  return out;
}
