import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { calendarCancelEvent } from './cancel-event';
import { calendarCreateEvent } from './create-event';
import { calendarUpdateEvent } from './update-event';

/** An event to change, on a day with another event around it. */
async function anEvent(bed: ToolTestBed): Promise<string> {
  await bed.call(calendarCreateEvent, {
    title: 'Lerngruppe',
    startsAt: '2026-11-27T14:00:00+01:00',
  });
  const { event } = await bed.call(calendarCreateEvent, {
    title: 'Zahnarzt',
    startsAt: '2026-11-27T09:30:00+01:00',
    durationMinutes: 45,
    location: 'Praxis Dr. Weber',
  });
  return event.id;
}

describeToolChecks('calendar', [
  {
    tool: calendarCreateEvent,
    input: async () => ({
      title: 'Abgabe Hausarbeit',
      startsAt: '2026-12-01T10:00:00+01:00',
      endsAt: '2026-12-01T11:00:00+01:00',
      location: 'Institut, Raum 2.14',
      notes: 'Ausgedruckt mitbringen',
    }),
  },
  {
    tool: calendarUpdateEvent,
    input: async (bed) => ({
      id: await anEvent(bed),
      title: 'Zahnarzt (Kontrolle)',
      startsAt: '2026-11-28T08:00:00+01:00',
      location: null,
    }),
  },
  { tool: calendarCancelEvent, input: async (bed) => ({ id: await anEvent(bed) }) },
]);
