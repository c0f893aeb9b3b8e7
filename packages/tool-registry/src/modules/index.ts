import type { AnyToolSpec } from '../tool-spec';
import { articlesTools } from './articles';
import { calendarTools } from './calendar';
import { contactsTools } from './contacts';
import { dreamsTools } from './dreams';
import { goalsTools } from './goals';
import { habitsTools } from './habits';
import { invoicesTools } from './invoices';
import { journalTools } from './journal';
import { libraryTools } from './library';
import { moodTools } from './mood';
import { notesTools } from './notes';
import { researchTools } from './research';
import { spacesTools } from './spaces';
import { todoTools } from './todo';

/** Every tool of the reference app, module by module. */
export const appTools: AnyToolSpec[] = [
  ...todoTools,
  ...habitsTools,
  ...journalTools,
  ...notesTools,
  ...moodTools,
  ...calendarTools,
  ...contactsTools,
  ...articlesTools,
  ...goalsTools,
  ...dreamsTools,
  ...libraryTools,
  ...researchTools,
  ...invoicesTools,
  ...spacesTools,
];
