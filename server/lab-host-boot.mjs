// Starts a lab host worker thread: the bundle dist/lab-host-worker.js when it is fresh, else the
// TypeScript sources through tsx (registered in this thread).
import { freshBundle } from '../bin/bundles.mjs';

const bundle = freshBundle('lab-host-worker.js');
if (bundle) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./lab-host-worker.ts', import.meta.url).href);
}
