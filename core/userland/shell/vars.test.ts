import { describe, expect, test } from 'vitest';
import { EXPORTED, newVar, READONLY, sharedVar, VarStore } from './vars.ts';

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

describe('shared defaults', () => {
  function defaults(): Map<string, ReturnType<typeof newVar>> {
    const d = new Map([['PS4', newVar('+ ')], ['OPTIND', newVar('1')]]);
    for (const v of d.values()) Object.freeze(v);
    return d;
  }

  test('a default is read until it is changed; a change is this store\'s own copy', () => {
    const d = defaults();
    const a = new VarStore();
    const b = new VarStore();
    a.useDefaults(d);
    b.useDefaults(d);
    expect(a.peek('PS4')?.value).toBe('+ ');
    expect(a.readScopes()[0]!.has('PS4')).toBe(false);
    a.get('PS4')!.value = '>> ';
    expect(a.peek('PS4')?.value).toBe('>> ');
    expect(b.peek('PS4')?.value).toBe('+ ');
    expect(d.get('PS4')!.value).toBe('+ ');
  });

  test('unset hides a default, in the scope or not; names() lists the ones still there', () => {
    const s = new VarStore();
    s.useDefaults(defaults());
    s.put('x', newVar('1'));
    expect(s.names()).toEqual(['OPTIND', 'PS4', 'x']);
    expect(s.unset('PS4')).toBe(true);
    expect(s.peek('PS4')).toBeUndefined();
    s.get('OPTIND')!.value = '3';
    expect(s.unset('OPTIND')).toBe(true);
    expect(s.peek('OPTIND')).toBeUndefined();
    expect(s.unset('OPTIND')).toBe(false);
    expect(s.names()).toEqual(['x']);
    s.put('PS4', newVar('again'));
    expect(s.peek('PS4')?.value).toBe('again');
  });

  test('a forked copy and a borrower see the defaults and the hidden names of their parent, and change only their own', () => {
    const parent = new VarStore();
    parent.useDefaults(defaults());
    parent.unset('OPTIND');
    const child = parent.clone();
    const borrower = parent.borrow();
    expect(child.peek('PS4')?.value).toBe('+ ');
    expect(child.peek('OPTIND')).toBeUndefined();
    expect(borrower.peek('OPTIND')).toBeUndefined();
    child.put('OPTIND', newVar('9'));
    borrower.unset('PS4');
    expect(parent.peek('OPTIND')).toBeUndefined();
    expect(parent.peek('PS4')?.value).toBe('+ ');
  });

  test('the shared variables cannot be changed through a read', () => {
    const s = new VarStore();
    s.useDefaults(defaults());
    expect(() => {
      s.peek('PS4')!.exported = true;
    }).toThrow(TypeError);
  });
});

describe('variables shared by the global scopes of many shells', () => {
  test('a value met a second time is shared, frozen; the first time and other attributes make a Var of its own', () => {
    const first = sharedVar('/shared-test-a', EXPORTED);
    const second = sharedVar('/shared-test-a', EXPORTED);
    const third = sharedVar('/shared-test-a', EXPORTED);
    expect(first.shared).toBe(false);
    expect(second.shared).toBe(true);
    expect(third).toBe(second);
    expect(Object.isFrozen(second)).toBe(true);
    expect(() => { second.value = 'changed'; }).toThrow(TypeError);
    expect(sharedVar('/shared-test-a', EXPORTED | READONLY)).not.toBe(second);
    sharedVar(undefined, EXPORTED);
    expect(sharedVar(undefined, EXPORTED).value).toBeUndefined();
  });

  test('values used once per guest do not fill the table for good: the value used longest ago goes', () => {
    sharedVar('/shared-test-common', EXPORTED);
    const common = sharedVar('/shared-test-common', EXPORTED);
    // A thousand guests' own host names, each met twice, with the common value met by each guest too.
    for (let i = 0; i < 1000; i++) {
      sharedVar(`shared-test-host${i}`, EXPORTED);
      sharedVar(`shared-test-host${i}`, EXPORTED);
      expect(sharedVar('/shared-test-common', EXPORTED)).toBe(common);
    }
    sharedVar('24', 0);
    const late = sharedVar('24', 0);
    expect(late.shared).toBe(true);
    expect(sharedVar('24', 0)).toBe(late);
  });

  test('a store changes a shared variable through its own copy; other stores and forks keep the shared one', () => {
    sharedVar('1', READONLY);
    const v = sharedVar('1', READONLY);
    const a = new VarStore();
    const b = new VarStore();
    a.scopes[0]!.set('N', v);
    b.scopes[0]!.set('N', v);
    const fork = a.clone();
    expect(fork.peek('N')).toBe(v);
    const own = a.get('N')!;
    expect(own).not.toBe(v);
    expect(own.shared).toBe(false);
    expect(own.readonly).toBe(true);
    own.readonly = false;
    own.value = '2';
    expect(a.peek('N')?.value).toBe('2');
    expect(b.peek('N')).toBe(v);
    expect(fork.peek('N')?.value).toBe('1');
    expect(b.lookup('N')).not.toBe(v);
    expect(b.peek('N')?.value).toBe('1');
  });
});
