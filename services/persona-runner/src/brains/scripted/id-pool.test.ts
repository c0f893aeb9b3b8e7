import { describe, expect, it } from 'vitest';
import { IdPool } from './id-pool';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

describe('IdPool', () => {
  it('files objects with an id under the key that held them, arrays singularized', () => {
    const pool = new IdPool();
    pool.remember('todo', { todos: [{ id: A, status: 'open' }], count: 1 });
    pool.remember('journal', { entries: [{ id: B, title: 'Regentag' }] });
    expect(pool.candidates('todo', 'todo').map((i) => i.id)).toEqual([A]);
    expect(pool.candidates('journal', 'entry').map((i) => i.id)).toEqual([B]);
    expect(pool.candidates('todo', 'todo')[0]?.item).toMatchObject({ status: 'open' });
  });

  it('keeps the latest state of an item and its first-sighting order', () => {
    const pool = new IdPool();
    pool.remember('todo', {
      todos: [
        { id: A, status: 'open' },
        { id: B, status: 'open' },
      ],
    });
    pool.remember('todo', { todo: { id: A, status: 'done' } });
    expect(pool.candidates('todo', 'todo').map((i) => [i.id, i.item?.status])).toEqual([
      [A, 'done'],
      [B, 'open'],
    ]);
  });

  it('files <x>Id references as kind x, reachable from other modules only when asked', () => {
    const pool = new IdPool();
    pool.remember('contacts', { interaction: { id: A, contactId: B } });
    expect(pool.candidates('contacts', 'contact').map((i) => i.id)).toEqual([B]);
    expect(pool.candidates('invoices', 'contact')).toEqual([]);
    expect(pool.candidates('invoices', 'contact', true).map((i) => i.id)).toEqual([B]);
    expect(pool.candidates('contacts', 'contact')[0]?.item).toBeUndefined();
  });

  it('keeps modules apart: a mood entry is no journal entry', () => {
    const pool = new IdPool();
    pool.remember('mood', { entry: { id: A, score: 3 } });
    expect(pool.candidates('journal', 'entry')).toEqual([]);
  });

  it('ignores ids that are not uuids and answers known ids, values and words', () => {
    const pool = new IdPool();
    pool.remember('habits', {
      habits: [
        { id: 'h1', name: 'x' },
        { id: C, name: 'Laufen am Morgen' },
      ],
    });
    expect(pool.has(C)).toBe(true);
    expect(pool.has('h1')).toBe(false);
    expect(pool.valuesOf('habits', 'name')).toEqual(new Set(['laufen am morgen']));
    expect(pool.words('habits')).toEqual(['laufen', 'morgen']);
  });
});
