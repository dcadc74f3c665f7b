// The job table: background and stopped pipelines, their process groups and states, and the texts
// bash prints for them ("[1] 1234", "[1]+  Done                    sleep 1").

export interface Job {
  id: number;
  pgid: number;
  pids: number[];
  /** Wait status per pid once known. */
  statuses: Map<number, number>;
  command: string;
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
  const pid = withPid ? `${job.pgid} ` : '';
  return `[${job.id}]${mark}  ${pid}${stateText.padEnd(24)}${job.command}`;
}
