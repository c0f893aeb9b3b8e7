import { articlesArchive } from './archive';
import { articlesDelete } from './delete';
import { articlesList } from './list';
import { articlesMarkRead } from './mark-read';
import { articlesSave } from './save';
import { articlesUpdate } from './update';

/** The articles module: a read-later list of web articles with a reading status. */
export const articlesTools = [
  articlesSave,
  articlesList,
  articlesMarkRead,
  articlesUpdate,
  articlesArchive,
  articlesDelete,
];
export { articles } from './table';
