import { describe, expect, test } from 'vitest';
import type { Sys } from '../../../kernel/abi.ts';
import { BarProgress, DotProgress, humanSize, rate } from './wget-dots.ts';

/** A Sys with only a clock, moved by hand. */
function clock() {
  const c = { t: 0 };
  const sys = { clockGettime: () => c.t } as unknown as Sys;
  return { c, sys };
}

async function collect(run: (write: (t: string) => Promise<void>) => Promise<void>): Promise<string> {
  let out = '';
  await run(async (t) => void (out += t));
  return out;
}

describe('wget progress', () => {
  // Lines recorded from wget 1.21.3 on a terminal of 80 and 120 columns (speed and time masked by nature).
  test('the bar at 80 and 120 columns', async () => {
    const { sys } = clock();
    const out = await collect(async (w) => {
      const b = new BarProgress(sys, w, 6, 'a.txt', 80);
      await b.begin();
      await b.add(6);
      await b.finish();
    });
    expect(out).toBe('\ra.txt                 0%[                    ]       0  --.-KB/s               ' +
      '\ra.txt               100%[===================>]       6  --.-KB/s    in 0s      \n');
    const wide = await collect(async (w) => new BarProgress(sys, w, 6, 'a.txt.1', 120).begin());
    expect(wide).toBe('\ra.txt.1                         0%[                                                  ]       0  --.-KB/s               ');
  });
  test('dots: rows of 50K with the percentage, the last row padded', async () => {
    const { c, sys } = clock();
    const out = await collect(async (w) => {
      const d = new DotProgress(sys, w, 120000);
      for (let i = 0; i < 120000; i += 16384) {
        c.t += 1_000_000;
        await d.add(Math.min(16384, 120000 - i));
      }
      await d.finish();
    });
    const lines = out.split('\n');
    expect(lines[0]).toBe('');
    expect(lines[1]).toMatch(/^     0K \.{10} \.{10} \.{10} \.{10} \.{10} 42% +[\d.]+[KMG] 0s$/);
    expect(lines[2]).toMatch(/^    50K( \.{10}){5} 85% /);
    expect(lines[3]).toMatch(/^   100K \.{10} \.{7} {36}100% +[\d.]+[KMG]=[\d.]+s$/);
  });
  test('no data: an empty row', async () => {
    const { sys } = clock();
    const out = await collect(async (w) => new DotProgress(sys, w, null).finish());
    expect(out).toMatch(/^\n {5}0K {55} +0\.00 =0s\n$/);
  });
  test('sizes and rates', () => {
    expect([humanSize(1000), humanSize(120000), humanSize(1536), humanSize(5 * 1024 * 1024)]).toEqual(['1000', '117K', '1.5K', '5.0M']);
    expect(rate(6, 2_631_578)).toBe('2.23 KB/s');
    expect(rate(0, 0)).toBe('0.00 B/s');
  });
});
