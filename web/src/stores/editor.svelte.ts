// The lab being edited: its document, the selection, the link tool, undo/redo and saving. Every change
// of the topology goes through apply(), which keeps the previous document for undo.
import type { LabContent, LabDoc } from '../../../server/protocol.ts';
import { api, describe } from '../lib/api.ts';
import { autoLayout } from '../lib/auto-layout.ts';
import { clone, type NodeRef } from '../lib/topology.ts';
import { toast } from './toasts.svelte.ts';

/** What is selected on the canvas: nothing (the lab), a device, a domain or an interface. */
export type Selection =
  | { type: 'lab' }
  | NodeRef
  | { type: 'link'; device: string; index: number };

const UNDO_LIMIT = 200;
let undoStack: LabContent[] = [];
let redoStack: LabContent[] = [];

export const editor = $state({
  id: null as string | null,
  doc: null as LabDoc | null,
  lab: null as LabContent | null,
  loading: false,
  loadError: '',
  dirty: false,
  saving: false,
  selection: { type: 'lab' } as Selection,
  /** The link tool: the first node clicked, once there is one. */
  linkMode: false,
  linkFrom: null as NodeRef | null,
  canUndo: false,
  canRedo: false,
  /** Bumped to ask the canvas to fit the view. */
  fitRequest: 0,
});

function syncHistory(): void {
  editor.canUndo = undoStack.length > 0;
  editor.canRedo = redoStack.length > 0;
}

export async function openLab(id: string): Promise<void> {
  editor.id = id;
  editor.loading = true;
  editor.loadError = '';
  editor.lab = null;
  editor.doc = null;
  undoStack = [];
  redoStack = [];
  syncHistory();
  try {
    const doc = await api.get(id);
    if (editor.id !== id) return;
    editor.doc = doc;
    const lab: LabContent = { metadata: doc.metadata, devices: doc.devices, layout: doc.layout };
    if (doc.needsLayout) {
      const placed = autoLayout(lab);
      lab.layout = { ...lab.layout, nodes: placed.nodes, domains: placed.domains };
    }
    editor.lab = lab;
    editor.dirty = false;
    editor.selection = { type: 'lab' };
    editor.fitRequest++;
  } catch (err) {
    editor.loadError = describe(err);
  } finally {
    editor.loading = false;
  }
}

export function closeLab(): void {
  editor.id = null;
  editor.lab = null;
  editor.doc = null;
  editor.linkMode = false;
  editor.linkFrom = null;
}

/** Replaces the document with an edited one; `coalesce` merges with the previous step (typing). */
export function apply(next: LabContent, coalesce = false): void {
  if (!editor.lab) return;
  if (!coalesce || undoStack.length === 0) {
    undoStack.push(clone(editor.lab));
    if (undoStack.length > UNDO_LIMIT) undoStack.shift();
  }
  redoStack = [];
  editor.lab = next;
  editor.dirty = true;
  syncHistory();
}

export function undo(): void {
  const prev = undoStack.pop();
  if (!prev || !editor.lab) return;
  redoStack.push(clone(editor.lab));
  editor.lab = prev;
  editor.dirty = true;
  fixSelection();
  syncHistory();
}

export function redo(): void {
  const next = redoStack.pop();
  if (!next || !editor.lab) return;
  undoStack.push(clone(editor.lab));
  editor.lab = next;
  editor.dirty = true;
  fixSelection();
  syncHistory();
}

/** Drops a selection whose element no longer exists. */
export function fixSelection(): void {
  const s = editor.selection;
  const lab = editor.lab;
  if (!lab) return;
  const exists = s.type === 'lab' ||
    (s.type === 'device' && lab.devices.some((d) => d.name === s.name)) ||
    (s.type === 'domain' && (lab.devices.some((d) => d.interfaces.includes(s.name)) || s.name in lab.layout.domains)) ||
    (s.type === 'link' && (lab.devices.find((d) => d.name === s.device)?.interfaces.length ?? 0) > s.index);
  if (!exists) editor.selection = { type: 'lab' };
}

export function select(selection: Selection): void {
  editor.selection = selection;
}

export function setLinkMode(on: boolean): void {
  editor.linkMode = on;
  editor.linkFrom = null;
}

export function requestFit(): void {
  editor.fitRequest++;
}

/** Saves the document; returns false (and says why) when the server refuses it. */
export async function save(): Promise<boolean> {
  if (!editor.id || !editor.lab) return false;
  editor.saving = true;
  try {
    const doc = await api.save(editor.id, clone(editor.lab));
    editor.doc = doc;
    editor.dirty = false;
    return true;
  } catch (err) {
    toast(`Not saved: ${describe(err)}`, 'error');
    return false;
  } finally {
    editor.saving = false;
  }
}

// The canvas registers where new nodes go (the middle of the view) and how it adds them.
let viewCenter: (() => { x: number; y: number }) | undefined;
let addAtPoint: ((kind: string, at: { x: number; y: number }) => void) | undefined;

export function setViewCenter(center: typeof viewCenter, add: typeof addAtPoint): void {
  viewCenter = center;
  addAtPoint = add;
}

/** Adds a device of `kind` (or a collision domain for 'domain') in the middle of the view. */
export function addNode(kind: string): void {
  if (!viewCenter || !addAtPoint) return;
  addAtPoint(kind, viewCenter());
}
