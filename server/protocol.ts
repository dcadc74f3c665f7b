// The typed protocol of the web server: the lab document the browser edits, the REST bodies and replies,
// the socket.io events (consoles and live lab events), and the messages between the server and its lab
// hosts (worker threads). Types only: web/ imports this file with `import type`, never core.

// ------------------------------------------------------------------------------------- lab documents

/** How a device is drawn and which image it gets by default; saved in lab.layout.json. */
export type DeviceKind = 'host' | 'router' | 'server';

export const DEVICE_KINDS: readonly DeviceKind[] = ['host', 'router', 'server'];

/** One device as the editor sees it. */
export interface DeviceDoc {
  /** Kathará device name: [a-z0-9_]{1,30}. */
  name: string;
  kind: DeviceKind;
  /** The lab.conf image; '' for Kathará's default (kathara/base). */
  image: string;
  /** interfaces[N] is the collision domain of ethN, as `dev[N]=CD` in lab.conf. */
  interfaces: string[];
  /** The text of `<name>.startup` ('' when there is none). */
  startup: string;
}

export interface LabMetadataDoc {
  name?: string;
  description?: string;
  version?: string;
  author?: string;
  email?: string;
  web?: string;
}

export interface Point {
  x: number;
  y: number;
}

/** lab.layout.json: what a Kathará folder cannot say (positions, kinds, empty collision domains). */
export interface LabLayout {
  version: 1;
  /** Device positions by name. */
  nodes: Record<string, Point>;
  /** Collision domain positions by name (a domain with no member yet exists only here). */
  domains: Record<string, Point>;
  kinds: Record<string, DeviceKind>;
  notes?: string;
}

/** What the editor saves (PUT /api/labs/:id). */
export interface LabContent {
  metadata: LabMetadataDoc;
  devices: DeviceDoc[];
  layout: LabLayout;
}

/** A lab as the server returns it (GET /api/labs/:id). */
export interface LabDoc extends LabContent {
  id: string;
  /** Kathará ('kathara') or Netkit ('netkit') grammar. */
  mode: 'kathara' | 'netkit';
  /** Whether some device has no saved position (the editor lays the lab out automatically). */
  needsLayout: boolean;
  /** Loader warnings, as `file:line: message`. */
  warnings: string[];
  /** Files of the folder besides lab.conf, the startup files and lab.layout.json (shown, not edited). */
  otherFiles: string[];
  modified: string;
}

/** One row of the lab list. */
export interface LabSummary {
  id: string;
  name: string;
  description: string;
  devices: number;
  /** ISO time of the last change. */
  modified: string;
  /** Whether the lab is running on a lab host now. */
  running: boolean;
}

/** A bundled example lab (labs/): read-only, opens as a copy. */
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  devices: number;
}

// ---------------------------------------------------------------------------------------- REST bodies

export interface LabListReply {
  labs: LabSummary[];
  templates: TemplateSummary[];
  /** The lab the server suggests opening first (the one given on the command line, or the latest). */
  defaultLab?: string;
}

export interface CreateLabBody {
  name: string;
  /** Copy this template (labs/NAME) or this lab instead of starting empty. */
  template?: string;
  copyOf?: string;
}

export interface RenameLabBody {
  name: string;
}

export interface ExecBody {
  device: string;
  command: string;
  /** Real seconds before the command is killed (default 30). */
  timeout?: number;
}

export interface ExecReply {
  exitCode: number;
  output: string;
  timedOut: boolean;
}

export interface DevicesBody {
  /** Devices to act on; all when absent. */
  devices?: string[];
}

export type DeviceState = 'stopped' | 'booting' | 'running' | 'halted' | 'crashed';

export interface DeviceStatus {
  name: string;
  state: DeviceState;
  message?: string;
  image: string;
  runs: string;
}

export interface LabStatus {
  id: string;
  /** Whether the lab is loaded on a lab host. */
  running: boolean;
  devices: DeviceStatus[];
  /** Why the lab stopped on its own (its lab host crashed), if it did. */
  failure?: string;
}

export interface StartReply {
  status: LabStatus;
  crashed: { device: string; message: string }[];
  slow: string[];
}

/** Every error reply: HTTP status >= 400 and this body. */
export interface ErrorReply {
  /** A stable code: bad-request, not-found, conflict, too-large, lab-invalid, lab-not-running, host-crashed, internal. */
  error: string;
  message: string;
  details?: string[];
}

// --------------------------------------------------------------------------------- socket.io (browser)

export interface ConsoleInfo {
  id: string;
  lab: string;
  device: string;
}

export interface ClientToServerEvents {
  /** Opens a console, or reattaches to `reattach` when it is still alive (after a page reload). */
  'console-open': (
    req: { lab: string; device: string; cols: number; rows: number; reattach?: string },
    reply: (res: { ok: true; console: ConsoleInfo } | { ok: false; message: string }) => void,
  ) => void;
  /** Keys typed. */
  input: (msg: { id: string; data: string }) => void;
  resize: (msg: { id: string; cols: number; rows: number }) => void;
  /** The browser has written `bytes` bytes of output to the terminal (flow control). */
  commit: (msg: { id: string; bytes: number }) => void;
  'console-close': (msg: { id: string }) => void;
  /** Receive live events of a lab (device states). */
  watch: (msg: { lab: string }) => void;
  unwatch: (msg: { lab: string }) => void;
}

export interface ServerToClientEvents {
  /** Console output, batched; `replay` marks the scrollback sent on (re)attach (not to be committed). */
  data: (msg: { id: string; data: Uint8Array; replay?: boolean }) => void;
  /** The console's shell ended (or its lab stopped). */
  'console-exit': (msg: { id: string; reason: string }) => void;
  'device-state': (msg: { lab: string; device: string; state: DeviceState; message?: string }) => void;
  /** The lab stopped on its own: its lab host crashed, or it was stopped elsewhere. */
  'lab-down': (msg: { lab: string; reason: string }) => void;
}

// --------------------------------------------------------------------------------- lab host messages

/** Requests from the server to a lab host; each gets one HostReply with the same `id`. */
export type HostRequest =
  | { id: number; op: 'open'; lab: string; dir: string }
  | { id: number; op: 'close'; lab: string }
  | { id: number; op: 'start'; lab: string; devices?: string[] }
  | { id: number; op: 'stop'; lab: string; devices?: string[] }
  | { id: number; op: 'restart'; lab: string; device: string }
  | { id: number; op: 'exec'; lab: string; device: string; command: string; timeoutMs: number }
  | { id: number; op: 'status'; lab: string }
  | { id: number; op: 'console-open'; lab: string; console: string; device: string; cols: number; rows: number }
  | { id: number; op: 'crash-for-test' };

/** Fire-and-forget console traffic from the server to a lab host. */
export type HostConsoleMessage =
  | { op: 'console-input'; console: string; data: Uint8Array }
  | { op: 'console-resize'; console: string; cols: number; rows: number }
  | { op: 'console-ack'; console: string; bytes: number }
  | { op: 'console-close'; console: string };

export type HostMessage = HostRequest | HostConsoleMessage;

export type HostReply =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string; message: string; details?: string[] };

/** Events a lab host sends on its own. */
export type HostEvent =
  | { kind: 'device-state'; lab: string; device: string; state: DeviceState; message?: string }
  | { kind: 'console-data'; console: string; data: Uint8Array }
  | { kind: 'console-exit'; console: string; reason: string };

export type HostOutput = HostReply | HostEvent;
