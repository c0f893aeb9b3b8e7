import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { todoComplete } from './complete';
import { todoCreate } from './create';
import { todoReopen } from './reopen';
import { todoUpdate } from './update';

/** A todo to change, with other todos around it that the checks' filters must skip. */
async function aTodo(bed: ToolTestBed, status: 'open' | 'done' = 'open'): Promise<string> {
  await bed.call(todoCreate, { title: 'Milch kaufen', tags: ['home'] });
  const { todo } = await bed.call(todoCreate, {
    title: 'Hausarbeit abgeben',
    notes: 'Kapitel 3 fehlt noch',
    dueOn: '2026-11-28',
    tags: ['uni'],
  });
  if (status === 'done') await bed.call(todoComplete, { id: todo.id });
  return todo.id;
}

describeToolChecks('todo', [
  {
    tool: todoCreate,
    input: async () => ({
      title: '  Steuererklärung einreichen ',
      notes: 'Belege im Ordner',
      dueOn: '2026-12-01',
      priority: 'high',
      tags: ['admin', 'money'],
    }),
  },
  {
    tool: todoUpdate,
    input: async (bed) => ({
      id: await aTodo(bed),
      title: 'Hausarbeit final abgeben',
      dueOn: null,
      priority: 'high',
    }),
  },
  { tool: todoComplete, input: async (bed) => ({ id: await aTodo(bed) }) },
  { tool: todoReopen, input: async (bed) => ({ id: await aTodo(bed, 'done') }) },
]);
