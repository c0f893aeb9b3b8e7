import { describe, expect, it } from 'vitest';
import type { GatewayTool } from '../../clients/gateway';
import { profileTool, singular, verbWeight } from './tool-profile';

const uuid = { type: 'string', format: 'uuid' };
const tool = (
  name: string,
  readOnly: boolean,
  input: object,
  output: object = {},
): GatewayTool => ({
  name,
  module: name.slice(0, name.indexOf('.')),
  description: '',
  readOnly,
  inputSchema: { type: 'object', ...input },
  outputSchema: { type: 'object', ...output },
});

describe('profileTool', () => {
  it('classifies reads, creates and acts by readOnly and a required id', () => {
    const list = profileTool(
      tool('todo.list', true, { properties: { limit: { type: 'integer' } } }),
    );
    expect(list).toMatchObject({ role: 'read', survey: true, verb: 'list' });
    const get = profileTool(tool('todo.get', true, { properties: { id: uuid }, required: ['id'] }));
    expect(get).toMatchObject({ role: 'read', survey: false });
    const create = profileTool(
      tool('invoices.create', false, {
        properties: { contactId: uuid, clientName: { type: 'string' } },
      }),
    );
    expect(create.role).toBe('create');
    expect(create.idFields).toEqual([{ field: 'contactId', kind: 'contact', required: false }]);
    const markPaid = profileTool(
      tool(
        'invoices.mark_paid',
        false,
        { properties: { id: uuid }, required: ['id'] },
        { properties: { invoice: { type: 'object', properties: { id: { type: 'string' } } } } },
      ),
    );
    expect(markPaid).toMatchObject({ role: 'act', verb: 'mark_paid' });
    expect(markPaid.idFields).toEqual([{ field: 'id', kind: 'invoice', required: true }]);
  });

  it('takes the id kind of an `id` field from the output object, else the module', () => {
    const update = profileTool(
      tool(
        'journal.update_entry',
        false,
        { properties: { id: uuid }, required: ['id'] },
        { properties: { entry: { type: 'object', properties: { id: { type: 'string' } } } } },
      ),
    );
    expect(update.idFields[0]?.kind).toBe('entry');
    const bare = profileTool(
      tool('todo.complete', false, { properties: { id: uuid }, required: ['id'] }),
    );
    expect(bare.idFields[0]?.kind).toBe('todo');
  });
});

describe('singular and verbWeight', () => {
  it('singularizes output keys and weighs everyday verbs above rare ones', () => {
    expect(['todos', 'entries', 'sources', 'items', 'address'].map(singular)).toEqual([
      'todo',
      'entry',
      'source',
      'item',
      'address',
    ]);
    expect(verbWeight('complete')).toBeGreaterThan(verbWeight('update'));
    expect(verbWeight('update')).toBeGreaterThan(verbWeight('void'));
  });
});
