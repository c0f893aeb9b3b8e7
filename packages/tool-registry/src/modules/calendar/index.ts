import { calendarCancelEvent } from './cancel-event';
import { calendarCreateEvent } from './create-event';
import { calendarDeleteEvent } from './delete-event';
import { calendarGetEvent } from './get-event';
import { calendarListEvents } from './list-events';
import { calendarUpdateEvent } from './update-event';

/** The calendar module: events with a start and an end in a space. */
export const calendarTools = [
  calendarCreateEvent,
  calendarListEvents,
  calendarGetEvent,
  calendarUpdateEvent,
  calendarCancelEvent,
  calendarDeleteEvent,
];
export { calendarEvents } from './table';
