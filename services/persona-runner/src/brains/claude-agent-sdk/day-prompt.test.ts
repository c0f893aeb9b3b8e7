import type { DuePersona } from '@mana/contracts';
import { describe, expect, it } from 'vitest';
import { dayPrompt } from './day-prompt';

const persona = (locale: 'de' | 'en', timezone: string) =>
  ({ locale, timezone, systemPrompt: 'You are someone.' }) as DuePersona;

describe('dayPrompt', () => {
  const now = new Date('2026-11-27T23:30:00Z');

  it("writes the date out in English at the persona's time zone", () => {
    const text = dayPrompt({
      persona: persona('en', 'UTC'),
      now,
      modules: ['contacts', 'calendar'],
      space: { id: 's', name: 'Northwind', type: 'team' },
    });
    // ICU versions differ on the comma after the weekday.
    expect(text).toMatch(/Today is Friday,? 27 November 2026, 23:30\./);
    expect(text).toContain('Simulate your day in the app');
    expect(text).toContain('Your modules: contacts, calendar.');
    expect(text).toContain('You are in the space "Northwind" (team space).');
    expect(text).toContain('Check your work as a careful person does');
    expect(text).toContain('search or list for what you just wrote');
    expect(text).toContain('Report each check with report_check: call = the tool_use id');
  });

  it('writes it in German, already the next day in Berlin', () => {
    const text = dayPrompt({
      persona: persona('de', 'Europe/Berlin'),
      now,
      modules: ['journal', 'dreams'],
      space: { id: 's', name: 'Sofia & Tom', type: 'family' },
    });
    expect(text).toContain('Heute ist Samstag, 28. November 2026, 00:30 Uhr.');
    expect(text).toContain('Deine Module: journal, dreams.');
    expect(text).toContain('Du bist im Bereich „Sofia & Tom“ (Familienbereich).');
    expect(text).toContain('Prüfe deine Arbeit, wie es ein sorgfältiger Mensch tut');
    expect(text).toContain('Melde jede Prüfung mit report_check: call = die tool_use-ID');
  });
});

describe('dayPrompt across personas', () => {
  // Issue 12 item 2: the formats are made once per locale and time zone, not per day.
  it('keeps each time zone its own when personas of several zones take turns', () => {
    const now = new Date('2026-11-27T23:30:00Z');
    const at = (timezone: string) =>
      dayPrompt({
        persona: { locale: 'en', timezone, systemPrompt: '' } as DuePersona,
        now,
        modules: ['todo'],
        space: { id: 's', name: 'Home', type: 'personal' },
      }).split('\n')[0];
    const utc = at('UTC');
    const tokyo = at('Asia/Tokyo');
    expect(utc).toMatch(/Friday,? 27 November 2026, 23:30\.$/);
    expect(tokyo).toMatch(/Saturday,? 28 November 2026, 08:30\.$/);
    expect(at('UTC')).toBe(utc);
    expect(at('Asia/Tokyo')).toBe(tokyo);
  });
});
