// What the FRR golden tests share: a folder with lab/ (a Kathará lab of kathara/frr routers), cases.txt
// (NAME|DEVICE|COMMAND lines) and expected/NAME.txt recorded from FRR 8.4.4 by the folder's record.sh.
// The lab boots in fast mode, `/etc/init.d/frr start` runs on each device (its output is compared with
// expected/start-DEVICE.txt), 12 s pass as in the recorder, and the cases run one after another.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ImageStore, Lab, formatDiagnostic } from '../../core/index.ts';
import { nodeHost } from '../../server/host.ts';
import { nodeLabFiles } from '../../server/lab-folder.ts';
import { sh } from '../helpers/lab.ts';

export interface FrrCase {
  name: string;
  device: string;
  command: string;
}

export interface FrrGolden {
  cases: FrrCase[];
  expected(name: string): string;
  /** What `/etc/init.d/frr start` printed on each device. */
  started: Record<string, string>;
  /** Each case's output, the cases run in file order (later ones see what earlier ones changed). */
  outputs: Map<string, Promise<string>>;
}


export async function runFrrGolden(dir: string, devices: readonly string[]): Promise<FrrGolden> {
  const cases = readFileSync(resolve(dir, 'cases.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => {
    const [name, device, ...cmd] = l.split('|');
    return { name: name!, device: device!, command: cmd.join('|') };
  });
  const made = Lab.create(nodeLabFiles(resolve(dir, 'lab')), { host: nodeHost, images: new ImageStore() });
  if (!made.ok) throw new Error(made.errors.map(formatDiagnostic).join('\n'));
  const lab = made.lab;
  lab.setMode('fast');
  await lab.start();
  const started: Record<string, string> = {};
  for (const d of devices) started[d] = await sh(lab, d, '/etc/init.d/frr start');
  await sh(lab, devices[0]!, 'sleep 12');
  const outputs = new Map<string, Promise<string>>();
  let chain: Promise<unknown> = Promise.resolve();
  for (const c of cases) {
    const p = chain.then(() => sh(lab, c.device, c.command));
    outputs.set(c.name, p);
    chain = p.catch(() => undefined);
  }
  return { cases, expected: (name) => readFileSync(resolve(dir, 'expected', `${name}.txt`), 'utf8'), started, outputs };
}
