// Schemas of the REST bodies (zod): every request body is parsed here before a route touches it.
import { z } from 'zod';
import { ApiError } from './api-error.ts';

/** Kathará device names (utils.py: [a-z0-9_]{1,30}, not shared or _test). */
const deviceName = z.string().regex(/^[a-z0-9_]{1,30}$/, 'a device name is 1 to 30 of a-z, 0-9 and _').refine((n) => n !== 'shared' && n !== '_test', 'shared and _test are reserved');
const domainName = z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'a collision domain name is letters, digits and _');
/** Values that fit in a lab.conf `KEY="value"` line. */
const confValue = z.string().max(200).refine((v) => !/["'\n=]/.test(v), 'quotes, = and newlines cannot be written to lab.conf');
const labName = z.string().trim().min(1, 'give the lab a name').max(80).refine((v) => !/["'\n=]/.test(v), 'quotes, = and newlines are not allowed in a lab name');
const point = z.object({ x: z.number().finite(), y: z.number().finite() });

export const deviceDocSchema = z.object({
  name: deviceName,
  kind: z.enum(['host', 'router', 'server']),
  image: z.string().max(100).regex(/^[A-Za-z0-9_./:@-]*$/, 'an image name is letters, digits and ._/:@-'),
  interfaces: z.array(domainName).max(64),
  startup: z.string().max(1024 * 1024),
});

export const labContentSchema = z.object({
  metadata: z.object({
    name: confValue.optional(), description: confValue.optional(), version: confValue.optional(),
    author: confValue.optional(), email: confValue.optional(), web: confValue.optional(),
  }),
  devices: z.array(deviceDocSchema).max(500).refine((ds) => new Set(ds.map((d) => d.name)).size === ds.length, 'two devices have the same name'),
  layout: z.object({
    version: z.literal(1),
    nodes: z.record(z.string(), point),
    domains: z.record(z.string(), point),
    kinds: z.record(z.string(), z.enum(['host', 'router', 'server'])),
    notes: z.string().max(100_000).optional(),
  }),
});

export const createLabSchema = z.object({ name: labName, template: z.string().optional(), copyOf: z.string().optional() });
export const renameLabSchema = z.object({ name: labName });
export const devicesSchema = z.object({ devices: z.array(deviceName).optional() }).default({});
export const restartSchema = z.object({ device: deviceName.optional() }).default({});
export const execSchema = z.object({ device: deviceName, command: z.string().min(1).max(100_000), timeout: z.number().positive().max(3600).optional() });
export const importQuerySchema = z.object({ name: labName.optional() });

/** Parses `value` or throws a 400 ApiError listing what is wrong, field by field. */
export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`);
  throw new ApiError(400, 'bad-request', `Invalid request: ${details[0]}`, details);
}
