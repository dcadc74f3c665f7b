// The REST client: one function per route of the server's API, typed by server/protocol.ts. Errors
// come back as ApiFailure with the server's message (and details, when it lists them).
import type {
  CreateLabBody, DevicesBody, ErrorReply, ExecBody, ExecReply, LabContent, LabDoc, LabListReply, LabStatus, StartReply,
} from '../../../server/protocol.ts';

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: string[] = []) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, raw?: Blob): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers: raw ? { 'Content-Type': 'application/zip' } : body !== undefined ? { 'Content-Type': 'application/json' } : {},
      body: raw ?? (body !== undefined ? JSON.stringify(body) : undefined),
    });
  } catch {
    throw new ApiFailure(0, 'offline', 'The Netloom server cannot be reached. Is `npm start` still running?');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiFailure(res.status, 'bad-reply', `The server answered ${res.status} without JSON.`);
  }
  if (!res.ok) {
    const e = (json ?? {}) as Partial<ErrorReply>;
    throw new ApiFailure(res.status, e.error ?? 'error', e.message ?? `Request failed (${res.status}).`, e.details ?? []);
  }
  return json as T;
}

const lab = (id: string): string => `/labs/${encodeURIComponent(id)}`;

export const api = {
  labs: () => call<LabListReply>('GET', '/labs'),
  create: (body: CreateLabBody) => call<LabDoc>('POST', '/labs', body),
  get: (id: string) => call<LabDoc>('GET', lab(id)),
  save: (id: string, content: LabContent) => call<LabDoc>('PUT', lab(id), content),
  rename: (id: string, name: string) => call<LabDoc>('PATCH', lab(id), { name }),
  remove: (id: string) => call<void>('DELETE', lab(id)),
  importZip: (zip: Blob, name: string) => call<LabDoc>('POST', `/labs/import?name=${encodeURIComponent(name)}`, undefined, zip),
  exportUrl: (id: string) => `/api${lab(id)}/export`,
  status: (id: string) => call<LabStatus>('GET', `${lab(id)}/status`),
  start: (id: string, body: DevicesBody = {}) => call<StartReply>('POST', `${lab(id)}/start`, body),
  stop: (id: string, body: DevicesBody = {}) => call<LabStatus>('POST', `${lab(id)}/stop`, body),
  restart: (id: string, device?: string) => call<StartReply>('POST', `${lab(id)}/restart`, device ? { device } : {}),
  exec: (id: string, body: ExecBody) => call<ExecReply>('POST', `${lab(id)}/exec`, body),
};

/** A message for the user, with the details the server gave. */
export function describe(err: unknown): string {
  if (err instanceof ApiFailure) return err.details.length > 0 ? `${err.message}\n${err.details.slice(0, 6).join('\n')}` : err.message;
  return err instanceof Error ? err.message : String(err);
}
