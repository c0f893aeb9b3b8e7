import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { notesArchive } from './archive';
import { notesCreate } from './create';
import { notesPin } from './pin';
import { notesUpdate } from './update';

/** A note to change, next to another one the search must not confuse it with. */
async function aNote(bed: ToolTestBed): Promise<string> {
  await bed.call(notesCreate, { title: 'Einkaufsliste', body: 'Milch, Brot' });
  const { note } = await bed.call(notesCreate, {
    title: 'Rezept Linsensuppe',
    body: 'Linsen, Möhren, Kreuzkümmel',
    tags: ['kochen'],
  });
  return note.id;
}

describeToolChecks('notes', [
  {
    tool: notesCreate,
    input: async () => ({
      title: 'Ideen für die Hausarbeit',
      body: 'Kapitel 2: Methoden vergleichen',
      tags: ['uni'],
      pinned: true,
    }),
  },
  {
    tool: notesUpdate,
    input: async (bed) => ({ id: await aNote(bed), appendText: 'Mit Zitrone abschmecken.' }),
  },
  { tool: notesPin, input: async (bed) => ({ id: await aNote(bed) }) },
  { tool: notesArchive, input: async (bed) => ({ id: await aNote(bed) }) },
]);
