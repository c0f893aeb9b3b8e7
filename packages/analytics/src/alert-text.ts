/** A share as a percentage with one decimal: `17.6 %`. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

/** `1 call`, `3 calls`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Rounds to 3 decimals for JSON (p-values are kept as they are). */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
