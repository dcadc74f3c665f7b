// Errors the REST API returns: an HTTP status plus the `{error, message, details?}` body of protocol.ts.
import type { ErrorReply } from './protocol.ts';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: string[]) {
    super(message);
  }

  body(): ErrorReply {
    return { error: this.code, message: this.message, ...(this.details && this.details.length > 0 ? { details: this.details } : {}) };
  }
}

/** The HTTP status of a lab host failure code. */
export function statusOfHostCode(code: string): number {
  switch (code) {
    case 'bad-request': return 400;
    case 'lab-invalid': return 422;
    case 'lab-not-running': return 409;
    case 'host-crashed': return 503;
    default: return 500;
  }
}
