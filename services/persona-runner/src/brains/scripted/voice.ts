import type { PhraseBank } from './phrase-list';
import { phrasesDe } from './phrases-de';
import { phrasesEn } from './phrases-en';
import { phrasesEnWork } from './phrases-en-work';
import type { Rng } from './prng';

/** Who is writing: language and archetype decide the words and the style. */
export interface Speaker {
  locale: string;
  archetype: string;
}

/** Free-text fields that get the archetype's style (names, URLs, tags stay as they are). */
const STYLED = new Set([
  'title',
  'body',
  'notes',
  'note',
  'summary',
  'description',
  'appendText',
  'context',
  'answer',
]);

const EN: PhraseBank = { ...phrasesEnWork, ...phrasesEn };

/**
 * The persona's voice: picks a phrase for a module's field from its language's bank
 * (archetype-specific first), falls back to the other language for specialist fields
 * (a contact's name reads fine in either), then to phrases for the bare field name and
 * at last to the generic `*` phrases, and styles
 * free text the way the archetype writes.
 */
export function createVoice(speaker: Speaker) {
  const own = speaker.locale === 'de' ? phrasesDe : EN;
  const other = speaker.locale === 'de' ? EN : phrasesDe;

  const list = (module: string, field: string): readonly string[] =>
    own[`${speaker.archetype}:${module}.${field}`] ??
    own[`${module}.${field}`] ??
    other[`${module}.${field}`] ??
    own[field] ??
    other[field] ??
    own['*'] ?? ['…'];

  return {
    /** Every phrase the persona might use for this field (tags, emotions…). */
    list,
    /** One phrase for the field, styled when it is free text. */
    text(module: string, field: string, rng: Rng): string {
      const phrase = rng.pick(list(module, field));
      return STYLED.has(field) && rng.chance(0.6) ? style(phrase, speaker, field, rng) : phrase;
    },
    /** A web address: the module's own links, else any article link, else a made-up one. */
    url(module: string, rng: Rng): string {
      const candidate = rng.pick(list(module, 'url'));
      if (/^https?:\/\/\S+$/.test(candidate)) return candidate;
      const article = rng.pick(list('articles', 'url'));
      return /^https?:\/\/\S+$/.test(article)
        ? article
        : `https://example.com/${slug(candidate, '-') || 'page'}`;
    },
    /** A plausible address for a person or company name (reserved `.example` domain). */
    email(name: string | undefined, rng: Rng): string {
      const person = slug(name ?? rng.pick(list('contacts', 'name')), '.') || 'hello';
      const domain = slug(rng.pick(list('contacts', 'company')), '-') || 'mail';
      return `${person}@${domain}.example`;
    },
  };
}

/** The voice {@link createVoice} returns. */
export type Voice = ReturnType<typeof createVoice>;

function slug(text: string, joiner: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, joiner)
    .replace(new RegExp(`^\\${joiner}+|\\${joiner}+$`, 'g'), '');
}

const EMOJI = ['😅', '🙈', '✨', '💪', '🤯', '☕', '😴'];

/** Restyles a phrase the way the archetype writes, e.g. lowercase and emoji for Anna. */
function style(phrase: string, speaker: Speaker, field: string, rng: Rng): string {
  const de = speaker.locale === 'de';
  const long = field !== 'title';
  switch (speaker.archetype) {
    case 'adhd-student': {
      let s = rng.chance(0.5) ? phrase.charAt(0).toLowerCase() + phrase.slice(1) : phrase;
      if (rng.chance(0.5)) s = `${s} ${rng.pick(EMOJI)}`;
      if (long && rng.chance(0.2)) s = `${s} ${de ? 'oder so' : 'or whatever'}`;
      return s;
    }
    case 'creative-parent':
      return long && rng.chance(0.4)
        ? `${phrase} ${de ? '– wie Aquarell im Regen.' : '- like watercolour in the rain.'}`
        : phrase;
    case 'ceo-busy':
      return !long && rng.chance(0.2) ? `ASAP: ${phrase}` : phrase.replace(/\.$/, '');
    case 'solo-dev':
      return `${phrase.toLowerCase()}${long && rng.chance(0.3) ? ' // wip' : ''}`;
    case 'researcher':
      return long && rng.chance(0.3) ? `${phrase} (cf. reading notes)` : phrase;
    case 'freelancer':
      return /[!?]$/.test(phrase) ? phrase : `${phrase.replace(/\.$/, '')}!`;
    case 'overwhelmed-newbie': {
      let s = rng.chance(0.5) ? phrase.toLowerCase() : phrase;
      if (rng.chance(0.4)) s = typo(s, rng);
      return long && rng.chance(0.3) ? `${s} ??` : s;
    }
    default:
      return phrase;
  }
}

/** Swaps two neighbouring letters of one word: "shift" → "shfit". */
function typo(text: string, rng: Rng): string {
  const spots: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (/[a-z]/i.test(text.charAt(i)) && /[a-z]/i.test(text.charAt(i + 1))) spots.push(i);
  }
  if (spots.length === 0) return text;
  const i = rng.pick(spots);
  return text.slice(0, i) + text.charAt(i + 1) + text.charAt(i) + text.slice(i + 2);
}
