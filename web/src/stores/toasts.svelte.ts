// Toasts: short messages at the corner of the page (errors stay until dismissed).
export type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

export const toasts = $state<Toast[]>([]);
let serial = 0;

export function toast(text: string, kind: ToastKind = 'info', ms = kind === 'error' ? 9000 : 3500): void {
  const id = ++serial;
  toasts.push({ id, kind, text });
  if (toasts.length > 5) toasts.shift();
  setTimeout(() => dismiss(id), ms);
}

export function dismiss(id: number): void {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}
