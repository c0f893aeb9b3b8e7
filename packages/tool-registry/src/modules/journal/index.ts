import { journalCreateEntry } from './create-entry';
import { journalDeleteEntry } from './delete-entry';
import { journalGetEntry } from './get-entry';
import { journalListEntries } from './list-entries';
import { journalUpdateEntry } from './update-entry';

/** The journal module: dated entries about what happened and how it felt. */
export const journalTools = [
  journalCreateEntry,
  journalListEntries,
  journalGetEntry,
  journalUpdateEntry,
  journalDeleteEntry,
];
export { journalEntries } from './table';
