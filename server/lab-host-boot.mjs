// Starts a lab host worker thread: registers tsx (TypeScript) in this thread, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./lab-host-worker.ts', import.meta.url).href);
