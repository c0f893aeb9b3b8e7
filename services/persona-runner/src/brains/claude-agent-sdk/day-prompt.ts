import type { DayContext } from '../types';
import { REPORT_CHECK_TOOL } from './report-check';

const SPACE_TYPES: Record<'de' | 'en', Record<string, string>> = {
  de: {
    personal: 'persönlicher Bereich',
    family: 'Familienbereich',
    team: 'Team-Bereich',
    practice: 'Praxis-Bereich',
    brand: 'Marken-Bereich',
  },
  en: {
    personal: 'personal space',
    family: 'family space',
    team: 'team space',
    practice: 'practice space',
    brand: 'brand space',
  },
};

/** A locale's date and time formats at a time zone, made once each. */
const FORMATS = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/**
 * Building an `Intl.DateTimeFormat` costs about 0.5 ms of CPU (ICU loads the locale's
 * patterns); using one costs microseconds. The catalog has a handful of time zones.
 */
function formatsFor(locale: 'de' | 'en', timeZone: string) {
  const key = `${locale} ${timeZone}`;
  let formats = FORMATS.get(key);
  if (!formats) {
    const tag = locale === 'de' ? 'de-DE' : 'en-GB';
    formats = {
      date: new Intl.DateTimeFormat(tag, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone,
      }),
      time: new Intl.DateTimeFormat(tag, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
    };
    FORMATS.set(key, formats);
  }
  return formats;
}

/**
 * The main turn's user prompt, in the persona's language: the day and time at the
 * persona (its time zone), the request to live its day in the app, the modules it uses
 * and the space it is in, and to check its work as a careful user does, reporting each
 * check through `report_check` by the checked call's tool_use id. Short on purpose: the
 * persona's system prompt carries who it is.
 *
 * @example
 * dayPrompt(day) // "Heute ist Mittwoch, 25. November 2026, 10:00 Uhr. Simuliere …"
 */
export function dayPrompt(day: Pick<DayContext, 'persona' | 'now' | 'modules' | 'space'>): string {
  const locale = day.persona.locale === 'de' ? 'de' : 'en';
  const timeZone = day.persona.timezone;
  const { date, time } = formatsFor(locale, timeZone);
  const modules = day.modules.join(', ');
  const [dateText, timeText] = [date.format(day.now), time.format(day.now)];
  const spaceType = SPACE_TYPES[locale][day.space.type] ?? day.space.type;
  if (locale === 'de') {
    return [
      `Heute ist ${dateText}, ${timeText} Uhr.`,
      'Simuliere deinen Tag in der App: Nutze sie über ihre Werkzeuge so, wie du es heute wirklich tun würdest.',
      `Deine Module: ${modules}.`,
      `Du bist im Bereich „${day.space.name}“ (${spaceType}).`,
      'Prüfe deine Arbeit, wie es ein sorgfältiger Mensch tut: Wenn du etwas angelegt oder geändert hast, schau nochmal nach – suche oder liste, was du gerade eingetragen hast; nach dem Erledigen oder Archivieren sieh dir den neuen Stand an.',
      `Melde jede Prüfung mit ${REPORT_CHECK_TOOL}: call = die tool_use-ID des Aufrufs, den du geprüft hast, verdict = passed oder failed, und wenn es nicht stimmte, expected (was du erwartet hast) und seen (was du gesehen hast).`,
      'Wenn du fertig bist, sag in ein, zwei Sätzen, was du gemacht hast.',
    ].join('\n');
  }
  return [
    `Today is ${dateText}, ${timeText}.`,
    'Simulate your day in the app: use it through its tools the way you really would today.',
    `Your modules: ${modules}.`,
    `You are in the space "${day.space.name}" (${spaceType}).`,
    'Check your work as a careful person does: after you create or change something, look again — search or list for what you just wrote; after completing or archiving something, look at its new state.',
    `Report each check with ${REPORT_CHECK_TOOL}: call = the tool_use id of the call you checked, verdict = passed or failed, and when it did not hold up, expected (what you expected) and seen (what you saw).`,
    'When you are done, say in a sentence or two what you did.',
  ].join('\n');
}
