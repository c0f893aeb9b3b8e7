import type { FailedCheckSample, ModuleExperience } from '../types';
import type { Rng } from './prng';
import { SLOW_MAX_MS, SLOW_MEDIAN_MS } from './rate-module';

/** Who writes the note: its language and archetype. */
export interface NoteAuthor {
  locale: string;
  archetype: string;
}

type Band = 'good' | 'mixed' | 'bad';

const REMARKS: Record<'de' | 'en', Record<Band, readonly string[]>> = {
  de: {
    good: [
      'Hat einfach funktioniert, genau so will ich das.',
      'Lief rund, nichts zu meckern.',
      'Schnell und unkompliziert, danke!',
    ],
    mixed: [
      'Geht so – ich musste nochmal ran, das nervt.',
      'Meistens okay, aber nicht zuverlässig genug.',
      'Hat mich kurz rausgebracht, dann ging es doch.',
    ],
    bad: [
      'So kann ich das nicht benutzen, echt frustrierend.',
      'Hat heute praktisch gar nicht funktioniert.',
      'Ich hab aufgegeben und es auf einen Zettel geschrieben.',
    ],
  },
  en: {
    good: ['Just worked, which is all I want.', 'Smooth, no complaints.', 'Quick and painless.'],
    mixed: [
      'Mostly fine, but I had to redo things.',
      'Works, but not reliably enough to trust.',
      'Tripped me up once, then it was okay.',
    ],
    bad: [
      'Could not get this to work today, really frustrating.',
      'Basically broken for me today.',
      'Gave up and wrote it on paper instead.',
    ],
  },
};

/** How an archetype signs off, by `locale:archetype` and band (when it has something to add). */
const SIGN_OFF: Record<string, Partial<Record<Band, string>>> = {
  'de:adhd-student': { good: '✨', bad: '😤' },
  'de:creative-parent': { bad: 'Dafür fehlt mir mit Kind echt die Geduld.' },
  'en:adhd-student': { good: '✨', bad: '😤' },
  'en:solo-dev': { good: 'ship it.', bad: 'filed a mental bug report.' },
  'en:ceo-busy': { bad: 'No time for this.' },
  'en:freelancer': { good: 'Love it!', bad: 'I do not have time to chase this too!' },
  'en:overwhelmed-newbie': { bad: 'am i doing something wrong??' },
  'en:researcher': { mixed: 'Reproducible, at least.' },
};

/** Shortens an error message for a note: one line, at most `max` characters. */
export function shorten(message: string, max = 90): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * The note for a module's rating, in the persona's language: the evidence (calls, tools,
 * errors with the failing tool and its shortened message and how many were its own
 * refused input, a check that did not hold up with what it expected and saw, the slowest
 * call with its latency when it was slow) and a short in-character remark matching the
 * rating.
 */
export function ratingNote(
  experience: ModuleExperience,
  rating: number,
  author: NoteAuthor,
  rng: Rng,
): string {
  const de = author.locale === 'de';
  const band: Band = rating >= 4 ? 'good' : rating >= 3 ? 'mixed' : 'bad';
  const parts: string[] = [];
  const { calls, errors, tools } = experience;
  parts.push(
    de
      ? `${calls} ${calls === 1 ? 'Aufruf' : 'Aufrufe'} (${tools.join(', ')}), ${errors} Fehler.`
      : `${calls} ${calls === 1 ? 'call' : 'calls'} (${tools.join(', ')}), ${errors} ${errors === 1 ? 'error' : 'errors'}.`,
  );
  const { invalidInputs } = experience;
  if (invalidInputs > 0) parts.push(ownInputNote(invalidInputs, errors, de));
  const sample = experience.errorSamples[0];
  if (sample) {
    const message = shorten(sample.message);
    parts.push(
      de ? `${sample.toolName} meldete „${message}“.` : `${sample.toolName} said "${message}".`,
    );
  }
  const failed = experience.failedCheckSamples[0];
  if (failed) parts.push(failedCheckNote(failed, experience.failedChecks, de));
  const slowest = experience.slowest;
  if (slowest) {
    const slow = experience.latencyMaxMs > SLOW_MAX_MS || experience.latencyP50Ms > SLOW_MEDIAN_MS;
    const ms = Math.round(slowest.latencyMs);
    if (slow) {
      parts.push(
        de
          ? `Zu langsam: ${slowest.toolName} brauchte ${ms} ms (Median ${experience.latencyP50Ms} ms).`
          : `Too slow: ${slowest.toolName} took ${ms} ms (median ${experience.latencyP50Ms} ms).`,
      );
    } else {
      parts.push(
        de
          ? `Langsamster Aufruf: ${slowest.toolName} mit ${ms} ms.`
          : `Slowest call: ${slowest.toolName} at ${ms} ms.`,
      );
    }
  }
  parts.push(rng.pick(REMARKS[de ? 'de' : 'en'][band]));
  const signOff = SIGN_OFF[`${de ? 'de' : 'en'}:${author.archetype}`]?.[band];
  if (signOff) parts.push(signOff);
  return parts.join(' ');
}

/**
 * A check that did not hold up, as the persona tells it: it looked again after the call,
 * what it expected and what it saw (the texts the check recorded, shortened).
 */
function failedCheckNote(failed: FailedCheckSample, count: number, de: boolean): string {
  const expected = failed.expected ? shorten(failed.expected, 110) : undefined;
  const seen = failed.seen ? shorten(failed.seen, 90) : undefined;
  const more = count > 1 ? (de ? ` (${count}× heute)` : ` (${count} times today)`) : '';
  if (de) {
    const what = expected ? `erwartet war ${expected}` : 'etwas fehlte';
    return `Ich hab nach ${failed.toolName} nochmal nachgesehen und es stimmte nicht${more}: ${what}${seen ? `, gesehen habe ich ${seen}` : ''}.`;
  }
  const what = expected ? `expected ${expected}` : 'something was missing';
  return `I double-checked ${failed.toolName} and it did not hold up${more}: ${what}${seen ? `, but saw ${seen}` : ''}.`;
}

/** How many of the errors were the persona's own input being refused, as it says it. */
function ownInputNote(refused: number, errors: number, de: boolean): string {
  if (de) {
    if (refused === errors)
      return errors === 1 ? 'Der lag an meiner Eingabe.' : 'Alle lagen an meiner Eingabe.';
    return `${refused} davon ${refused === 1 ? 'lag' : 'lagen'} an meiner Eingabe.`;
  }
  if (refused === errors) {
    return errors === 1
      ? 'That one was my input being refused.'
      : 'All of them were my input being refused.';
  }
  return `${refused} of them ${refused === 1 ? 'was' : 'were'} my input being refused.`;
}
