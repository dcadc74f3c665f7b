// HTTP status codes: the reason phrases Apache httpd 2.4 sends (its status_lines table), and the text of
// the error documents it builds when no ErrorDocument is set (http_protocol.c's get_canned_error_string):
// title, heading, message, then the server signature.

export const REASONS: Readonly<Record<number, string>> = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted',
  203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required',
  412: 'Precondition Failed', 413: 'Request Entity Too Large', 414: 'Request-URI Too Long',
  415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable', 417: 'Expectation Failed',
  421: 'Misdirected Request', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error',
  501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
};

/** `404 Not Found` (Apache's status line text); an unknown code gets its class's x00 phrase. */
export function statusLine(code: number): string {
  return `${code} ${REASONS[code] ?? REASONS[Math.floor(code / 100) * 100] ?? 'Unknown'}`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the error document says for `code`, as Apache's canned messages word it. */
export interface ErrorContext {
  method: string;
  /** Location of a redirect. */
  location?: string;
  /** The request's error notes (appended to a 400's text), already HTML. */
  notes?: string;
}

function message(code: number, c: ErrorContext): string {
  switch (code) {
    case 301: case 302: case 307: case 308:
      return `<p>The document has moved <a href="${esc(c.location ?? '')}">here</a>.</p>\n`;
    case 400:
      return `<p>Your browser sent a request that this server could not understand.<br />\n${c.notes ?? ''}</p>\n`;
    case 403:
      return "<p>You don't have permission to access this resource.</p>\n";
    case 404:
      return '<p>The requested URL was not found on this server.</p>\n';
    case 405:
      return `<p>The requested method ${esc(c.method)} is not allowed for this URL.</p>\n`;
    case 408:
      return '<p>Server timeout waiting for the HTTP request from the client.</p>\n';
    case 413:
      return `The requested resource does not allow request data with ${esc(c.method)} requests, or the amount of data provided in\nthe request exceeds the capacity limit.\n`;
    case 414:
      return `<p>The requested URL's length exceeds the capacity\nlimit for this server.<br />\n${c.notes ?? ''}</p>\n`;
    case 416:
      return '<p>None of the range-specifier values in the Range\nrequest-header field overlap the current extent\nof the selected resource.</p>\n';
    case 501:
      return `<p>${esc(c.method)} not supported for current URL.<br />\n</p>\n`;
    case 505:
      return '<p>The server encountered an internal error or\nmisconfiguration and was unable to complete\nyour request.</p>\n';
    default:
      return '<p>The server encountered an internal error or\nmisconfiguration and was unable to complete\nyour request.</p>\n';
  }
}

/** The whole error document; `signature` is the `<address>...</address>\n` line (or ''). */
export function errorDocument(code: number, c: ErrorContext, signature: string): string {
  const line = statusLine(code);
  return '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n' +
    `<html><head>\n<title>${line}</title>\n</head><body>\n<h1>${line.slice(4)}</h1>\n${message(code, c)}<hr>\n${signature}</body></html>\n`;
}
