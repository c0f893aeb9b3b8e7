import { contactsCreate } from './create';
import { contactsDelete } from './delete';
import { contactsGet } from './get';
import { contactsLogInteraction } from './log-interaction';
import { contactsSearch } from './search';
import { contactsUpdate } from './update';

/** The contacts module: people, how to reach them, and when you last spoke. */
export const contactsTools = [
  contactsCreate,
  contactsSearch,
  contactsGet,
  contactsUpdate,
  contactsLogInteraction,
  contactsDelete,
];
export { contactInteractions, contacts } from './table';
