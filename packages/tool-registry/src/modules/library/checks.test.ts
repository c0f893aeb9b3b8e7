import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { libraryAdd } from './add';
import { libraryRate } from './rate';
import { libraryUpdate } from './update';
import { libraryUpdateStatus } from './update-status';

/** A book to act on (being read unless said otherwise), next to another one. */
async function aBook(bed: ToolTestBed, status: 'want' | 'reading' = 'reading'): Promise<string> {
  await bed.call(libraryAdd, { title: 'Der Zauberberg', author: 'Thomas Mann' });
  const { item } = await bed.call(libraryAdd, {
    title: 'Sapiens',
    author: 'Yuval Noah Harari',
    status,
  });
  return item.id;
}

describeToolChecks('library', [
  {
    tool: libraryAdd,
    input: async () => ({
      title: 'Deep Learning',
      author: 'Goodfellow, Bengio, Courville',
      kind: 'book',
      status: 'reading',
      tags: ['ml'],
      notes: 'Kapitel 6 zuerst',
    }),
  },
  {
    tool: libraryUpdateStatus,
    input: async (bed) => ({ id: await aBook(bed), status: 'finished' }),
  },
  {
    tool: libraryRate,
    input: async (bed) => ({ id: await aBook(bed), rating: 4, notes: 'Anregend, etwas lang' }),
  },
  {
    tool: libraryUpdate,
    input: async (bed) => ({
      id: await aBook(bed, 'want'),
      title: 'Sapiens: A Brief History of Humankind',
      kind: 'audiobook',
      tags: ['geschichte'],
    }),
  },
]);
