/**
 * Phrases keyed by `module.field`, `archetype:module.field`, a bare `field`, or `*` (the
 * last resort). Each value is a list of phrases written in one persona language.
 */
export type PhraseBank = Readonly<Record<string, readonly string[]>>;

/**
 * Splits a template literal into phrases: one per non-empty line, or per `|` when the text
 * is a single line. Keeps the banks readable (one phrase a line) and compact.
 *
 * @example phrases('uni|privat|dringend') // ['uni', 'privat', 'dringend']
 */
export function phrases(text: string): string[] {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 1) return (lines[0] ?? '').split('|').map((p) => p.trim());
  return lines;
}
