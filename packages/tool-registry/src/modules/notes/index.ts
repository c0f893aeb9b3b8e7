import { notesArchive } from './archive';
import { notesCreate } from './create';
import { notesDelete } from './delete';
import { notesGet } from './get';
import { notesList } from './list';
import { notesPin } from './pin';
import { notesSearch } from './search';
import { notesUpdate } from './update';

/** The notes module: titled, taggable notes that can be pinned and archived. */
export const notesTools = [
  notesCreate,
  notesList,
  notesSearch,
  notesGet,
  notesUpdate,
  notesPin,
  notesArchive,
  notesDelete,
];
export { notes } from './table';
