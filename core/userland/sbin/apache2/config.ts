// apache2's configuration after reading (config-read.ts): the directives this emulation acts on turned
// into a ServerConfig (listeners, virtual hosts, <Directory> and <FilesMatch> sections, logs, MIME
// types, mod_autoindex's settings), the others of Debian's modules accepted and left alone. A
// directive no loaded module provides is httpd's "Invalid command" (AH00526 with its file and line).
import type { Sys } from '../../../kernel/abi.ts';
import { readFileText } from '../../lib/io.ts';
import { MimeTypes } from '../../lib/http/mime.ts';
import { newModules, readConfigFile, serverPath, type Directive, type ReadContext } from './config-read.ts';

/** A processing error, printed as `AH00526: Syntax error on line N of FILE:\nMESSAGE`. */
export class ConfigError extends Error {
  constructor(readonly file: string, readonly line: number, readonly text: string) {
    super(text);
  }
}

export interface Options {
  indexes: boolean;
  followSymLinks: boolean;
}

/** One `Require` line: all granted|denied, [not] ip NETS, local. */
export type RequireRule =
  | { kind: 'all'; granted: boolean }
  | { kind: 'ip'; nets: Array<[number, number]>; negate: boolean }
  | { kind: 'local' };

/** mod_access_compat's Order / Allow from / Deny from of a section. */
export interface AccessCompat {
  order: 'deny,allow' | 'allow,deny' | 'mutual-failure' | null;
  allow: Array<[number, number]> | null;
  deny: Array<[number, number]> | null;
}

export interface DirSection {
  /** A path (prefix match on whole components), or a regex for <DirectoryMatch> / <Directory ~>. */
  path: string;
  regex: RegExp | null;
  options: { set: Options | null; add: Partial<Options>; remove: Partial<Options> };
  directoryIndex: string[] | null;
  /** The section's Require lines (any of them grants), or null when it has none. */
  require: RequireRule[] | null;
  access: AccessCompat | null;
  files: FilesSection[];
}

export interface FilesSection {
  pattern: RegExp;
  require: RequireRule[] | null;
}

export interface LogSpec {
  path: string;
  format: string;
}

export interface VirtualHost {
  /** `*` or an address, and a port (`*` = any). */
  addrs: Array<{ host: string; port: string }>;
  serverName: string | null;
  serverAliases: string[];
  documentRoot: string | null;
  errorLog: string | null;
  customLogs: LogSpec[] | null;
  file: string;
  line: number;
}

export interface IconRule {
  kind: 'path' | 'type' | 'encoding';
  pattern: string;
  icon: string;
  alt: string | null;
}

export interface ServerConfig {
  serverRoot: string;
  listen: Array<{ addr: string | null; port: number }>;
  serverName: string | null;
  documentRoot: string;
  errorLog: string;
  customLogs: LogSpec[];
  logFormats: Map<string, string>;
  pidFile: string;
  user: string;
  group: string;
  timeout: number;
  keepAlive: boolean;
  keepAliveTimeout: number;
  maxKeepAliveRequests: number;
  serverTokens: string;
  serverSignature: 'on' | 'off' | 'email';
  traceEnable: boolean;
  limits: { line: number; fieldSize: number; fields: number };
  dirs: DirSection[];
  files: FilesSection[];
  aliases: Array<{ url: string; path: string }>;
  vhosts: VirtualHost[];
  mime: MimeTypes;
  directoryIndex: string[];
  icons: IconRule[];
  defaultIcon: string | null;
  indexIgnore: string[];
  modules: Set<string>;
  /** Shared modules in LoadModule order. */
  loadOrder: string[];
  defaultRuntimeDir: string;
  /** Warnings printed at start (AH00111 ...). */
  warnings: string[];
}

/** Which module provides the directives of Debian's default configuration that this emulation accepts. */
const KNOWN: Record<string, string> = {};
const provide = (mod: string, names: string): void => {
  for (const n of names.split(/\s+/).filter(Boolean)) KNOWN[n.toLowerCase()] = mod;
};
provide('core', `ServerRoot Mutex DefaultRuntimeDir PidFile Timeout KeepAlive MaxKeepAliveRequests KeepAliveTimeout
  HostnameLookups ErrorLog LogLevel Listen ServerName ServerAdmin ServerAlias DocumentRoot ServerTokens ServerSignature
  TraceEnable AccessFileName Options AllowOverride AllowOverrideList LimitRequestLine LimitRequestFieldSize LimitRequestFields
  LimitRequestBody ErrorDocument AddDefaultCharset DefaultType UseCanonicalName EnableSendfile EnableMMAP FileETag
  ServerLimit ListenBacklog ErrorLogFormat HttpProtocolOptions LogLevel MergeSlashes Protocols SetHandler SetOutputFilter
  SetInputFilter AcceptPathInfo ContentDigest RLimitCPU RLimitMEM RLimitNPROC TimeOut MaxRangeOverlaps MaxRangeReversals
  MaxRanges IncludeOptional Include VirtualHost Directory DirectoryMatch Files FilesMatch Location LocationMatch Limit LimitExcept
  If ElseIf Else`);
provide('unixd', 'User Group ChrootDir Suexec');
provide('log_config', 'LogFormat CustomLog TransferLog BufferedLogs');
provide('mpm_event', `StartServers MinSpareThreads MaxSpareThreads ThreadLimit ThreadsPerChild MaxRequestWorkers MaxClients
  MaxConnectionsPerChild MaxRequestsPerChild AsyncRequestWorkerFactor MaxMemFree ThreadStackSize`);
provide('mpm_prefork', 'MinSpareServers MaxSpareServers');
provide('mime', `TypesConfig AddType RemoveType AddLanguage AddCharset AddEncoding AddHandler RemoveHandler AddOutputFilter
  AddInputFilter RemoveOutputFilter RemoveInputFilter RemoveCharset RemoveEncoding RemoveLanguage DefaultLanguage ModMimeUsePathInfo
  MultiviewsMatch`);
provide('dir', 'DirectoryIndex DirectorySlash FallbackResource DirectoryCheckHandler DirectoryIndexRedirect');
provide('autoindex', `IndexOptions AddIcon AddIconByType AddIconByEncoding DefaultIcon ReadmeName HeaderName IndexIgnore
  AddDescription AddAlt AddAltByType AddAltByEncoding IndexOrderDefault IndexStyleSheet IndexHeadInsert IndexIgnoreReset`);
provide('alias', 'Alias ScriptAlias Redirect RedirectMatch RedirectTemp RedirectPermanent AliasMatch ScriptAliasMatch');
provide('authz_core', 'Require RequireAll RequireAny RequireNone AuthMerging AuthzSendForbiddenOnFailure');
provide('access_compat', 'Order Allow Deny Satisfy');
provide('negotiation', 'LanguagePriority ForceLanguagePriority CacheNegotiatedDocs');
provide('setenvif', 'BrowserMatch BrowserMatchNoCase SetEnvIf SetEnvIfNoCase SetEnvIfExpr');
provide('env', 'SetEnv UnsetEnv PassEnv');
provide('reqtimeout', 'RequestReadTimeout');
provide('filter', 'AddOutputFilterByType FilterChain FilterDeclare FilterProvider FilterProtocol FilterTrace');
provide('deflate', 'DeflateCompressionLevel DeflateBufferSize DeflateMemLevel DeflateWindowSize DeflateFilterNote DeflateAlterETag DeflateInflateLimitRequestBody');
provide('status', 'ExtendedStatus SeeRequestTail');
provide('auth_basic', 'AuthBasicProvider AuthBasicFake AuthBasicAuthoritative');
provide('authn_core', 'AuthType AuthName AuthnProviderAlias');
provide('authn_file', 'AuthUserFile');
provide('authz_user', '');
provide('headers', 'Header RequestHeader');
provide('rewrite', 'RewriteEngine RewriteRule RewriteCond RewriteBase RewriteOptions RewriteMap');
provide('userdir', 'UserDir');
provide('ssl', `SSLEngine SSLCertificateFile SSLCertificateKeyFile SSLCertificateChainFile SSLCACertificatePath SSLCACertificateFile
  SSLCARevocationPath SSLCARevocationFile SSLVerifyClient SSLVerifyDepth SSLOptions SSLRandomSeed SSLSessionCache SSLSessionCacheTimeout
  SSLPassPhraseDialog SSLCipherSuite SSLHonorCipherOrder SSLProtocol SSLUseStapling SSLStaplingCache SSLSessionTickets SSLCompression`);
provide('cgid', 'ScriptSock CGIDScriptTimeout');
provide('cgi', 'ScriptLog ScriptLogLength ScriptLogBuffer');
provide('proxy', 'ProxyPass ProxyPassReverse ProxyRequests ProxyPreserveHost ProxyVia ProxyTimeout Proxy ProxyMatch');
provide('expires', 'ExpiresActive ExpiresByType ExpiresDefault');
provide('info', '');

const OPTION_NAMES: Record<string, keyof Options | null> = {
  indexes: 'indexes', followsymlinks: 'followSymLinks', symlinksifownermatch: null, execcgi: null, includes: null,
  includesnoexec: null, multiviews: null, all: null, none: null,
};

const err = (d: Directive, text: string): ConfigError => new ConfigError(d.file, d.line, text);

function parseOptions(d: Directive): DirSection['options'] {
  const o: DirSection['options'] = { set: null, add: {}, remove: {} };
  for (const a of d.args) {
    const sign = a[0] === '+' || a[0] === '-' ? a[0] : '';
    const name = (sign ? a.slice(1) : a).toLowerCase();
    if (!(name in OPTION_NAMES)) throw err(d, `Illegal option ${sign ? a.slice(1) : a}`);
    const key = OPTION_NAMES[name];
    if (!sign) {
      o.set ??= { indexes: false, followSymLinks: false };
      if (name === 'all') o.set = { indexes: true, followSymLinks: true };
      else if (name === 'none') o.set = { indexes: false, followSymLinks: false };
      else if (key) o.set[key] = true;
    } else if (key) {
      (sign === '+' ? o.add : o.remove)[key] = true;
    }
  }
  return o;
}

/** An address of `Require ip` / `Allow from`: a whole or partial dotted quad, /bits or /netmask; `all` is 0/0. */
export function parseNet(text: string): [number, number] | null {
  if (text.toLowerCase() === 'all') return [0, 0];
  const [a, m] = text.split('/');
  const parts = a!.replace(/\.$/, '').split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((x) => !/^\d{1,3}$/.test(x) || Number(x) > 255)) return null;
  let addr = 0;
  for (let i = 0; i < 4; i++) addr = addr * 256 + Number(parts[i] ?? 0);
  let mask = parts.length === 4 ? 0xffffffff : (0xffffffff << (32 - 8 * parts.length)) >>> 0;
  if (m !== undefined) {
    if (/^\d{1,2}$/.test(m) && Number(m) <= 32) mask = Number(m) === 0 ? 0 : (0xffffffff << (32 - Number(m))) >>> 0;
    else {
      const n = parseNet(m);
      if (!n || m.split('.').length !== 4) return null;
      mask = n[0];
    }
  }
  return [(addr & mask) >>> 0, mask >>> 0];
}

function parseRequire(d: Directive): RequireRule | null {
  const args = d.args.map((a) => a.toLowerCase());
  const negate = args[0] === 'not';
  const [what, ...rest] = negate ? args.slice(1) : args;
  if (what === 'all' && (rest[0] === 'granted' || rest[0] === 'denied')) return { kind: 'all', granted: rest[0] === 'granted' };
  if (what === 'local') return { kind: 'local' };
  if (what === 'ip') {
    const nets: Array<[number, number]> = [];
    for (const r of rest) {
      const n = parseNet(r);
      if (!n) throw err(d, `ip address '${r}' appears to be invalid`);
      nets.push(n);
    }
    return { kind: 'ip', nets, negate };
  }
  return null;
}

function accessLine(d: Directive, s: { access: AccessCompat | null }): void {
  s.access ??= { order: null, allow: null, deny: null };
  if (d.key === 'order') {
    const o = (d.args.join('') ?? '').toLowerCase();
    if (o !== 'deny,allow' && o !== 'allow,deny' && o !== 'mutual-failure') throw err(d, "unknown order");
    s.access.order = o;
    return;
  }
  if ((d.args[0] ?? '').toLowerCase() !== 'from') throw err(d, "allow and deny must be followed by 'from'");
  const list = d.key === 'allow' ? (s.access.allow ??= []) : (s.access.deny ??= []);
  for (const a of d.args.slice(1)) {
    const n = parseNet(a);
    if (n) list.push(n);
  }
}

function checkKnown(c: ServerConfig, d: Directive): void {
  const mod = KNOWN[d.key];
  if (mod === undefined || !c.modules.has(`${mod}_module`)) {
    throw err(d, `Invalid command '${d.children ? `<${d.name}` : d.name}', perhaps misspelled or defined by a module not included in the server configuration`);
  }
}

/** Processes the directives of a <Directory> (or .. Match) section. */
function dirSection(c: ServerConfig, d: Directive, regex: boolean): DirSection {
  const arg = d.args[0] ?? '';
  const isRegex = regex || arg === '~';
  const path = isRegex && arg === '~' ? d.args[1] ?? '' : arg;
  const s: DirSection = {
    path: isRegex ? path : path.replace(/\/+$/, '') || '/', regex: isRegex ? safeRegex(d, path) : null,
    options: { set: null, add: {}, remove: {} }, directoryIndex: null, require: null, access: null, files: [],
  };
  for (const x of d.children ?? []) {
    checkKnown(c, x);
    if (x.key === 'options') s.options = parseOptions(x);
    else if (x.key === 'directoryindex') s.directoryIndex = x.args;
    else if (x.key === 'require') {
      const r = parseRequire(x);
      if (r) (s.require ??= []).push(r);
    } else if (x.key === 'order' || x.key === 'allow' || x.key === 'deny') accessLine(x, s);
    else if (x.key === 'files' || x.key === 'filesmatch') s.files.push(filesSection(c, x, x.key === 'filesmatch'));
  }
  return s;
}

function safeRegex(d: Directive, text: string): RegExp {
  try {
    return new RegExp(text);
  } catch {
    throw err(d, `Regex could not be compiled`);
  }
}

function filesSection(c: ServerConfig, d: Directive, regex: boolean): FilesSection {
  const arg = d.args[0] ?? '';
  const pattern = regex || arg === '~' ? safeRegex(d, regex ? arg : d.args[1] ?? '')
    : new RegExp(`^${arg.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  let require: FilesSection['require'] = null;
  for (const x of d.children ?? []) {
    checkKnown(c, x);
    const r = x.key === 'require' ? parseRequire(x) : null;
    if (r) (require ??= []).push(r);
  }
  return { pattern, require };
}

function iconRule(kind: IconRule['kind'], d: Directive): IconRule[] {
  const [spec = '', ...targets] = d.args;
  const m = /^\(([^,]*),(.*)\)$/.exec(spec);
  const icon = m ? m[2]! : spec;
  const alt = m ? m[1]! : null;
  return targets.map((t) => ({
    kind, icon, alt,
    // A path that is no pattern matches as a suffix (mod_autoindex prefixes `*`).
    pattern: kind === 'path' && !/[*?[]/.test(t) && !t.startsWith('^^') ? `*${t}` : t,
  }));
}

/** Processes the directives of the server (or, with `vh`, of a <VirtualHost>). */
async function processList(sys: Sys, c: ServerConfig, list: Directive[], vh: VirtualHost | null): Promise<void> {
  for (const d of list) {
    checkKnown(c, d);
    const a = d.args;
    switch (d.key) {
      case 'serverroot':
        c.serverRoot = a[0] ?? c.serverRoot;
        break;
      case 'defaultruntimedir':
        c.defaultRuntimeDir = serverPath(c.serverRoot, a[0] ?? '');
        break;
      case 'pidfile':
        c.pidFile = serverPath(c.serverRoot, a[0] ?? '');
        break;
      case 'timeout':
        c.timeout = Number(a[0]) || c.timeout;
        break;
      case 'keepalive':
        c.keepAlive = (a[0] ?? '').toLowerCase() === 'on';
        break;
      case 'keepalivetimeout':
        c.keepAliveTimeout = Number(a[0]) || 0;
        break;
      case 'maxkeepaliverequests':
        c.maxKeepAliveRequests = Number(a[0]) || 0;
        break;
      case 'user':
        c.user = a[0] ?? c.user;
        break;
      case 'group':
        c.group = a[0] ?? c.group;
        break;
      case 'listen': {
        const spec = a[0] ?? '';
        const m = /^(?:(\[[^\]]*\]|[^:]+):)?(\d+)$/.exec(spec);
        if (!m) throw err(d, `Invalid address or port`);
        const port = Number(m[2]);
        const addr = m[1] ?? null;
        if (c.listen.some((l) => l.port === port && l.addr === addr)) throw err(d, 'Cannot define multiple Listeners on the same IP:port');
        c.listen.push({ addr, port });
        break;
      }
      case 'servername':
        if (vh) vh.serverName = a[0] ?? null;
        else c.serverName = a[0] ?? null;
        break;
      case 'serveralias':
        if (!vh) throw err(d, 'ServerAlias only used in <VirtualHost>');
        vh.serverAliases.push(...a);
        break;
      case 'documentroot': {
        const p = serverPath(c.serverRoot, a[0] ?? '').replace(/(.)\/+$/, '$1');
        if (vh) vh.documentRoot = p;
        else c.documentRoot = p;
        break;
      }
      case 'errorlog': {
        const p = serverPath(c.serverRoot, a[0] ?? '');
        if (vh) vh.errorLog = p;
        else c.errorLog = p;
        break;
      }
      case 'logformat':
        if (a.length >= 2) c.logFormats.set(a[1]!, a[0]!);
        else if (a.length === 1) c.logFormats.set('\0default', a[0]!);
        break;
      case 'customlog':
      case 'transferlog': {
        const spec: LogSpec = { path: serverPath(c.serverRoot, a[0] ?? ''), format: a[1] ?? 'common' };
        if (vh) (vh.customLogs ??= []).push(spec);
        else c.customLogs.push(spec);
        break;
      }
      case 'servertokens':
        c.serverTokens = (a[0] ?? 'Full').toLowerCase();
        break;
      case 'serversignature':
        c.serverSignature = ((a[0] ?? 'on').toLowerCase() as ServerConfig['serverSignature']);
        break;
      case 'traceenable':
        c.traceEnable = (a[0] ?? '').toLowerCase() !== 'off';
        break;
      case 'limitrequestline':
        c.limits.line = Number(a[0]) || c.limits.line;
        break;
      case 'limitrequestfieldsize':
        c.limits.fieldSize = Number(a[0]) || c.limits.fieldSize;
        break;
      case 'limitrequestfields':
        c.limits.fields = Number(a[0]) || c.limits.fields;
        break;
      case 'typesconfig': {
        const text = await readFileText(sys, serverPath(c.serverRoot, a[0] ?? ''));
        if (typeof text === 'string') {
          const added = c.mime;
          c.mime = MimeTypes.parse(text);
          void added;
        }
        break;
      }
      case 'addtype':
        c.mime.add(a[0] ?? '', a.slice(1));
        break;
      case 'removetype':
        c.mime.remove(a);
        break;
      case 'directoryindex':
        c.directoryIndex = a;
        break;
      case 'alias':
        if (a.length === 2) c.aliases.push({ url: a[0]!, path: a[1]! });
        break;
      case 'addicon':
        c.icons.push(...iconRule('path', d));
        break;
      case 'addiconbytype':
        c.icons.push(...iconRule('type', d));
        break;
      case 'addiconbyencoding':
        c.icons.push(...iconRule('encoding', d));
        break;
      case 'defaulticon':
        c.defaultIcon = a[0] ?? null;
        break;
      case 'indexignore':
        c.indexIgnore.push(...a);
        break;
      case 'options':
        c.dirs.unshift({ ...dirSection(c, { ...d, args: ['/'], children: [d] }, false) });
        break;
      case 'directory':
      case 'directorymatch':
        c.dirs.push(dirSection(c, d, d.key === 'directorymatch'));
        break;
      case 'files':
      case 'filesmatch':
        c.files.push(filesSection(c, d, d.key === 'filesmatch'));
        break;
      case 'virtualhost': {
        if (vh) throw err(d, '<VirtualHost> cannot occur within <VirtualHost> section');
        const v: VirtualHost = {
          addrs: d.args.map((s) => {
            const m = /^(.*?)(?::(\d+|\*))?$/.exec(s)!;
            return { host: m[1]!, port: m[2] ?? '*' };
          }),
          serverName: null, serverAliases: [], documentRoot: null, errorLog: null, customLogs: null, file: d.file, line: d.line,
        };
        await processList(sys, c, d.children ?? [], v);
        c.vhosts.push(v);
        break;
      }
      default:
        // Accepted, not acted on (the sections' contents are checked all the same).
        for (const x of d.children ?? []) checkKnown(c, x);
    }
  }
}

export interface LoadOptions {
  serverRoot: string;
  configFile: string;
  env: ReadonlyMap<string, string>;
  defines: readonly string[];
  /** Filled with the AH00111 warnings as reading goes (kept when reading fails). */
  warnings?: string[];
}

/** Reads and processes the configuration; throws ReadError or ConfigError. */
export async function loadConfig(sys: Sys, o: LoadOptions): Promise<ServerConfig> {
  const ctx: ReadContext = {
    sys, serverRoot: o.serverRoot, env: o.env, defines: new Map(o.defines.map((d) => [d, ''])), modules: newModules(), loadOrder: [], warnings: o.warnings ?? [],
  };
  const tree = await readConfigFile(ctx, serverPath(o.serverRoot, o.configFile));
  const c: ServerConfig = {
    serverRoot: o.serverRoot, listen: [], serverName: null, documentRoot: '/var/www/html', errorLog: serverPath(o.serverRoot, 'logs/error_log'),
    customLogs: [], logFormats: new Map(), pidFile: serverPath(o.serverRoot, 'logs/httpd.pid'), user: '#-1', group: '#-1',
    timeout: 60, keepAlive: true, keepAliveTimeout: 5, maxKeepAliveRequests: 100, serverTokens: 'full', serverSignature: 'off',
    traceEnable: true, limits: { line: 8190, fieldSize: 8190, fields: 100 }, dirs: [], files: [], aliases: [], vhosts: [],
    mime: new MimeTypes(), directoryIndex: ['index.html'], icons: [], defaultIcon: null, indexIgnore: [], modules: ctx.modules,
    loadOrder: ctx.loadOrder, defaultRuntimeDir: serverPath(o.serverRoot, 'logs'),
    warnings: ctx.warnings,
  };
  await processList(sys, c, tree, null);
  return c;
}
