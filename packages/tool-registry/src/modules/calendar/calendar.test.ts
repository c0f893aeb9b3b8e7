import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { calendarCancelEvent } from './cancel-event';
import { calendarCreateEvent } from './create-event';
import { calendarDeleteEvent } from './delete-event';
import { calendarGetEvent } from './get-event';
import { calendarListEvents } from './list-events';
import { calendarEvents } from './table';
import { calendarUpdateEvent } from './update-event';

const titles = (out: { events: { title: string }[] }) => out.events.map((e) => e.title);

describe('calendar module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  it('creates an event with a default hour and stores it in the caller’s space', async () => {
    const { event } = await bed.call(calendarCreateEvent, {
      title: 'Zahnarzt',
      startsAt: '2026-11-26T10:00:00+01:00',
      location: 'Praxis Dr. Weber',
    });
    expect(event).toMatchObject({
      title: 'Zahnarzt',
      startsAt: '2026-11-26T09:00:00.000Z',
      endsAt: '2026-11-26T10:00:00.000Z',
      allDay: false,
      location: 'Praxis Dr. Weber',
      notes: null,
      status: 'confirmed',
      createdAt: '2026-11-25T09:00:00.000Z',
    });
    const [row] = await bed.db.select().from(calendarEvents).where(eq(calendarEvents.id, event.id));
    expect(row).toMatchObject({ spaceId: bed.spaceA, createdBy: bed.userId, title: 'Zahnarzt' });
    expect(row?.endsAt.toISOString()).toBe('2026-11-26T10:00:00.000Z');

    const timed = await bed.call(calendarCreateEvent, {
      title: 'Standup',
      startsAt: '2026-11-27T08:00:00Z',
      durationMinutes: 15,
    });
    expect(timed.event.endsAt).toBe('2026-11-27T08:15:00.000Z');
    const explicit = await bed.call(calendarCreateEvent, {
      title: 'Workshop',
      startsAt: '2026-11-28T08:00:00Z',
      endsAt: '2026-11-28T16:30:00Z',
      notes: 'Laptop mitnehmen',
    });
    expect(explicit.event).toMatchObject({
      endsAt: '2026-11-28T16:30:00.000Z',
      notes: 'Laptop mitnehmen',
    });
  });

  it('refuses an end before the start, and both an end and a duration', async () => {
    expect(
      await bed.fail(calendarCreateEvent, {
        title: 'Backwards',
        startsAt: '2026-11-26T10:00:00Z',
        endsAt: '2026-11-26T09:00:00Z',
      }),
    ).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/before it starts/),
    });
    expect(
      await bed.fail(calendarCreateEvent, {
        title: 'Both',
        startsAt: '2026-11-26T10:00:00Z',
        endsAt: '2026-11-26T11:00:00Z',
        durationMinutes: 30,
      }),
    ).toMatchObject({ kind: 'tool_error', code: 'INVALID_INPUT' });
    const bad = await bed.fail(calendarCreateEvent, {
      title: '',
      startsAt: 'tomorrow at ten',
      durationMinutes: -5,
    });
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'durationMinutes',
      'startsAt',
      'title',
    ]);
  });

  it('lists events overlapping the window in start order, by default today + 7 days', async () => {
    bed.setNow('2026-12-01T15:00:00Z');
    const mk = (title: string, startsAt: string, endsAt: string) =>
      bed.call(calendarCreateEvent, { title, startsAt, endsAt });
    await mk('Overnight shift', '2026-11-30T22:00:00Z', '2026-12-01T06:00:00Z');
    await mk('Ended yesterday', '2026-11-30T08:00:00Z', '2026-11-30T09:00:00Z');
    await mk('Late meeting', '2026-12-07T23:00:00Z', '2026-12-08T01:00:00Z');
    await mk('Next week', '2026-12-08T00:00:00Z', '2026-12-08T01:00:00Z');
    await mk('Morning run', '2026-12-01T06:00:00Z', '2026-12-01T07:00:00Z');
    const { event: cancelled } = await mk(
      'Cancelled lunch',
      '2026-12-02T12:00:00Z',
      '2026-12-02T13:00:00Z',
    );
    await bed.call(calendarCancelEvent, { id: cancelled.id });
    await bed.call(
      calendarCreateEvent,
      { title: 'Family dinner', startsAt: '2026-12-02T18:00:00Z' },
      bed.b,
    );

    const week = await bed.call(calendarListEvents, {});
    expect(week).toMatchObject({
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-08T00:00:00.000Z',
    });
    expect(titles(week)).toEqual(['Overnight shift', 'Morning run', 'Late meeting']);
    expect(titles(await bed.call(calendarListEvents, { includeCancelled: true }))).toEqual([
      'Overnight shift',
      'Morning run',
      'Cancelled lunch',
      'Late meeting',
    ]);
    expect(
      titles(
        await bed.call(calendarListEvents, {
          from: '2026-11-25T00:00:00Z',
          to: '2026-11-29T00:00:00Z',
        }),
      ),
    ).toEqual(['Zahnarzt', 'Standup', 'Workshop']);
    expect(
      titles(
        await bed.call(calendarListEvents, {
          from: '2026-11-20T00:00:00Z',
          to: '2026-12-31T00:00:00Z',
          query: 'RUN',
        }),
      ),
    ).toEqual(['Morning run']);
    expect(titles(await bed.call(calendarListEvents, {}, bed.b))).toEqual(['Family dinner']);
    expect(
      await bed.fail(calendarListEvents, {
        from: '2026-12-02T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
      }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('updates fields and keeps the length when only the start moves', async () => {
    bed.setNow('2026-11-25T09:00:00Z');
    const { event } = await bed.call(calendarCreateEvent, {
      title: 'Call with Anna',
      startsAt: '2026-11-26T14:00:00Z',
      durationMinutes: 30,
      location: 'Zoom',
    });
    bed.setNow('2026-11-25T11:00:00Z');
    const moved = await bed.call(calendarUpdateEvent, {
      id: event.id,
      startsAt: '2026-11-26T16:00:00Z',
      location: null,
      title: 'Call with Anna (moved)',
    });
    expect(moved.event).toMatchObject({
      title: 'Call with Anna (moved)',
      startsAt: '2026-11-26T16:00:00.000Z',
      endsAt: '2026-11-26T16:30:00.000Z',
      location: null,
      updatedAt: '2026-11-25T11:00:00.000Z',
    });
    const longer = await bed.call(calendarUpdateEvent, { id: event.id, durationMinutes: 90 });
    expect(longer.event.endsAt).toBe('2026-11-26T17:30:00.000Z');
    const [row] = await bed.db.select().from(calendarEvents).where(eq(calendarEvents.id, event.id));
    expect(row?.endsAt.toISOString()).toBe('2026-11-26T17:30:00.000Z');
    expect(row?.location).toBeNull();
    expect(
      await bed.fail(calendarUpdateEvent, { id: event.id, endsAt: '2026-11-26T15:00:00Z' }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await bed.call(calendarGetEvent, { id: event.id })).event.title).toBe(
      'Call with Anna (moved)',
    );
  });

  it('cancels once and says so the second time', async () => {
    const { event } = await bed.call(calendarCreateEvent, {
      title: 'Yoga',
      startsAt: '2026-11-27T18:00:00Z',
    });
    const first = await bed.call(calendarCancelEvent, { id: event.id });
    expect(first).toMatchObject({ alreadyCancelled: false, event: { status: 'cancelled' } });
    const second = await bed.call(calendarCancelEvent, { id: event.id });
    expect(second).toMatchObject({ alreadyCancelled: true, event: { status: 'cancelled' } });
    const [row] = await bed.db.select().from(calendarEvents).where(eq(calendarEvents.id, event.id));
    expect(row?.status).toBe('cancelled');
  });

  it('cannot read or change an event of another space', async () => {
    const { event } = await bed.call(calendarCreateEvent, {
      title: 'Private',
      startsAt: '2026-11-27T18:00:00Z',
    });
    for (const tool of [calendarGetEvent, calendarCancelEvent, calendarDeleteEvent]) {
      expect(await bed.fail(tool, { id: event.id }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No event with id ${event.id} in this space`,
      });
    }
    expect(
      await bed.fail(calendarUpdateEvent, { id: event.id, title: 'Hijacked' }, bed.b),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await bed.db.select().from(calendarEvents).where(eq(calendarEvents.id, event.id));
    expect(row).toMatchObject({ title: 'Private', status: 'confirmed' });
  });

  it('deletes (a destructive tool)', async () => {
    const { event } = await bed.call(calendarCreateEvent, {
      title: 'Temp',
      startsAt: '2026-11-27T18:00:00Z',
    });
    expect(await bed.call(calendarDeleteEvent, { id: event.id })).toEqual({
      deleted: true,
      id: event.id,
    });
    expect(
      await bed.db.select().from(calendarEvents).where(eq(calendarEvents.id, event.id)),
    ).toEqual([]);
    expect(await bed.fail(calendarDeleteEvent, { id: event.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(calendarDeleteEvent.policyHint).toBe('destructive');
    expect(await bed.fail(calendarGetEvent, { id: 'nope' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'id' }],
    });
  });
});
