import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids, instant } from './flow-context';

/**
 * The calendar module through the gateway:
 * create_event → list_events → get_event → update_event → cancel_event.
 */
export function calendarFlow(ctx: FlowContext): void {
  const { call, stored, mine, day } = ctx;

  it('create_event → list_events → get_event → update_event → cancel_event', async () => {
    const tomorrow = day(1);
    const { event: dentist } = await call<{ event: Item }>('calendar.create_event', {
      title: 'Zahnarzt',
      startsAt: `${tomorrow}T09:30:00+01:00`,
      durationMinutes: 45,
      location: 'Praxis Dr. Weiß',
    });
    expect(dentist).toMatchObject({
      startsAt: `${tomorrow}T08:30:00.000Z`,
      endsAt: `${tomorrow}T09:15:00.000Z`,
      allDay: false,
      status: 'confirmed',
    });
    const row = await stored('calendar_events', dentist.id);
    expect(row).toMatchObject({ ...mine(), title: 'Zahnarzt', location: 'Praxis Dr. Weiß' });
    expect([instant(row.starts_at), instant(row.ends_at)]).toEqual([
      dentist.startsAt,
      dentist.endsAt,
    ]);
    const { event: meeting } = await call<{ event: Item }>('calendar.create_event', {
      title: 'Lerngruppe',
      startsAt: `${tomorrow}T14:00:00Z`,
      endsAt: `${tomorrow}T16:00:00Z`,
      notes: 'Skript mitbringen',
    });

    const week = await call<{ events: Item[]; count: number }>('calendar.list_events', {});
    expect(ids(week.events)).toEqual([dentist.id, meeting.id]);
    const afternoon = await call<{ events: Item[] }>('calendar.list_events', {
      from: `${tomorrow}T12:00:00Z`,
      to: `${tomorrow}T18:00:00Z`,
    });
    expect(ids(afternoon.events)).toEqual([meeting.id]);
    const searched = await call<{ events: Item[] }>('calendar.list_events', {
      query: 'skript',
    });
    expect(ids(searched.events)).toEqual([meeting.id]);
    expect((await call<{ event: Item }>('calendar.get_event', { id: dentist.id })).event).toEqual(
      dentist,
    );

    // Moving the start keeps the 45 minutes.
    const moved = await call<{ event: Item }>('calendar.update_event', {
      id: dentist.id,
      startsAt: `${tomorrow}T10:00:00Z`,
      location: null,
    });
    expect(moved.event).toMatchObject({
      startsAt: `${tomorrow}T10:00:00.000Z`,
      endsAt: `${tomorrow}T10:45:00.000Z`,
      location: null,
    });
    const movedRow = await stored('calendar_events', dentist.id);
    expect(instant(movedRow.ends_at)).toBe(`${tomorrow}T10:45:00.000Z`);
    expect(movedRow.location).toBeNull();

    const cancelled = await call<{ event: Item; alreadyCancelled: boolean }>(
      'calendar.cancel_event',
      { id: meeting.id },
    );
    expect(cancelled).toMatchObject({ alreadyCancelled: false, event: { status: 'cancelled' } });
    expect((await stored('calendar_events', meeting.id)).status).toBe('cancelled');
    expect(ids((await call<{ events: Item[] }>('calendar.list_events', {})).events)).toEqual([
      dentist.id,
    ]);
    const everything = await call<{ events: Item[] }>('calendar.list_events', {
      includeCancelled: true,
    });
    expect(ids(everything.events)).toEqual([dentist.id, meeting.id]);
  });
}
