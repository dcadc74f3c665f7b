import { describe, expect, test } from 'vitest';
import { newVar, VarStore } from './vars.ts';

function store(values: Record<string, string>): VarStore {
  const s = new VarStore();
  for (const [k, v] of Object.entries(values)) s.put(k, newVar(v));
  return s;
}

describe('variables a forked child borrows', () => {
  test('a borrower reads the tables of its parent without copying them', () => {
    const parent = store({ PATH: '/bin', HOME: '/root' });
    const child = parent.borrow();
    expect(child.peek('PATH')?.value).toBe('/bin');
    expect(child.readScopes()).toBe(parent.readScopes());
  });

  test('the first change in a borrower copies the tables: the parent never sees it', () => {
    const parent = store({ x: 'parent' });
    const child = parent.borrow();
    child.get('x')!.value = 'child';
    child.put('y', newVar('new'));
    expect(child.readScopes()).not.toBe(parent.readScopes());
    expect(parent.peek('x')?.value).toBe('parent');
    expect(parent.peek('y')).toBeUndefined();
    expect(child.peek('x')?.value).toBe('child');
  });

  test('every way to a variable object or a scope copies first', () => {
    const ways: Array<(s: VarStore) => unknown> = [
      (s) => s.get('x'), (s) => s.lookup('x'), (s) => s.scopeOf('x'), (s) => s.scopes, (s) => s.declareLocal('z'),
      (s) => s.unset('x'), (s) => s.pushScope(), (s) => s.popScope(), (s) => s.put('x', newVar('v')),
    ];
    for (const way of ways) {
      const parent = store({ x: '1' });
      const child = parent.borrow();
      way(child);
      expect(child.readScopes()).not.toBe(parent.readScopes());
      expect(parent.peek('x')?.value).toBe('1');
    }
  });

  test('a parent that unshares keeps its later changes from a borrower still reading', () => {
    const parent = store({ x: 'before' });
    const child = parent.borrow();
    parent.unshare();
    parent.get('x')!.value = 'after';
    parent.put('w', newVar('added'));
    expect(child.peek('x')?.value).toBe('before');
    expect(child.peek('w')).toBeUndefined();
  });

  test('a clone copies at once, namerefs are followed on reads', () => {
    const parent = store({ target: 'value' });
    const ref = newVar('target');
    ref.nameref = true;
    parent.put('ref', ref);
    const copy = parent.clone();
    expect(copy.readScopes()).not.toBe(parent.readScopes());
    expect(copy.peek('ref')?.value).toBe('value');
    copy.get('target')!.value = 'changed';
    expect(parent.peek('ref')?.value).toBe('value');
  });
});
