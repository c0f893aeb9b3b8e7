import { libraryAdd } from './add';
import { libraryDelete } from './delete';
import { libraryList } from './list';
import { libraryRate } from './rate';
import { libraryUpdate } from './update';
import { libraryUpdateStatus } from './update-status';

/** The library module: books, papers and courses to read, being read, or finished. */
export const libraryTools = [
  libraryAdd,
  libraryList,
  libraryUpdateStatus,
  libraryRate,
  libraryUpdate,
  libraryDelete,
];
export { libraryItems } from './table';
