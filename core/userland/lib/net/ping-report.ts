// ping's numbers: the round-trip statistics (min/avg/max/mdev in microseconds, as iputils keeps them),
// the reply time format, and the closing summary block.

export class PingStats {
  transmitted = 0;
  received = 0;
  repeats = 0;
  errors = 0;
  pipesize = 0;
  tmin = Infinity;
  tmax = 0;
  tsum = 0;
  tsum2 = 0;
  /** Flood/adaptive: the inter-packet gap and the moving average of rtt (ipg/ewma). */
  rttEwma = 0;

  addRtt(us: number): void {
    this.tmin = Math.min(this.tmin, us);
    this.tmax = Math.max(this.tmax, us);
    this.tsum += us;
    this.tsum2 += us * us;
    this.rttEwma = this.rttEwma === 0 ? us * 8 : this.rttEwma + us - this.rttEwma / 8;
  }

  /** iputils' acknowledge(): the largest number of probes in flight when one was answered. */
  acknowledge(seq: number): void {
    const diff = (this.transmitted - seq) & 0xffff;
    if (diff <= 0x7fff && diff + 1 > this.pipesize) this.pipesize = diff + 1;
  }
}

const ms3 = (us: number): string => `${Math.floor(us / 1000)}.${String(Math.floor(us % 1000)).padStart(3, '0')}`;

/** "time=0.123 ms" style: 3, 2, 1 or 0 decimals as the value grows. */
export function formatRtt(us: number): string {
  const t = Math.round(us);
  if (t >= 100000 - 50) return `${Math.floor((t + 500) / 1000)} ms`;
  if (t >= 10000 - 5) return `${Math.floor((t + 50) / 1000)}.${Math.floor(((t + 50) % 1000) / 100)} ms`;
  if (t >= 1000) return `${Math.floor((t + 5) / 1000)}.${String(Math.floor(((t + 5) % 1000) / 10)).padStart(2, '0')} ms`;
  return `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')} ms`;
}

/** C's %g for the loss percentage. */
function g(v: number): string {
  if (v === 0) return '0';
  const s = v.toPrecision(6);
  return s.includes('e') ? s : s.replace(/\.?0+$/, '');
}

/** The block printed at the end (and on SIGINT). */
export function summary(host: string, s: PingStats, elapsedMs: number, timing: boolean, flood: boolean, intervalMs: number): string {
  let out = `\n--- ${host} ping statistics ---\n`;
  out += `${s.transmitted} packets transmitted, ${s.received} received`;
  if (s.repeats) out += `, +${s.repeats} duplicates`;
  if (s.errors) out += `, +${s.errors} errors`;
  if (s.transmitted) out += `, ${g(((s.transmitted - s.received) * 100) / s.transmitted)}% packet loss`;
  out += `, time ${Math.floor(elapsedMs)}ms\n`;
  let comma = '';
  if (s.received && timing) {
    const n = s.received + s.repeats;
    const avg = s.tsum / n;
    const mdev = Math.sqrt(Math.max(0, s.tsum2 / n - avg * avg));
    out += `rtt min/avg/max/mdev = ${ms3(s.tmin)}/${ms3(avg)}/${ms3(s.tmax)}/${ms3(mdev)} ms`;
    comma = ', ';
  }
  if (s.pipesize > 1) {
    out += `${comma}pipe ${s.pipesize}`;
    comma = ', ';
  }
  if (s.received && flood && s.transmitted > 1) {
    const ipg = (elapsedMs * 1000) / (s.transmitted - 1);
    out += `${comma}ipg/ewma ${ms3(ipg)}/${ms3(s.rttEwma / 8)} ms`;
  }
  void intervalMs;
  return out + '\n';
}
