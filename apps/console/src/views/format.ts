/** `3.4` → `3.40`; nothing → `—`. */
export function fmtRating(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(2);
}

/** A change with its sign: `+0.25`, `−0.80`, `±0.00`; nothing → `—`. */
export function fmtChange(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value).toFixed(digits);
  if (Number(abs) === 0) return `±${abs}`;
  return value > 0 ? `+${abs}` : `−${abs}`;
}

/** A rate 0..1 as a percentage: `0.125` → `12.5 %`; nothing → `—`. */
export function fmtPct(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate)
    ? '—'
    : `${(rate * 100).toFixed(1)} %`;
}

/** Milliseconds for people: `840 ms`, `2.4 s`, `3 min 5 s`; nothing → `—`. */
export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A token count, compact: `840`, `12.4k`, `1.25M`. */
export function fmtTokens(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${Number((n / 1000).toFixed(n < 10_000 ? 2 : 1))}k`;
  return `${Number((n / 1_000_000).toFixed(2))}M`;
}

/** An ISO time as `2026-03-20 14:05 UTC` (operators compare across time zones). */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A p-value: `p < 0.001` or `p = 0.012`. */
export function fmtP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A count with a noun: `1 rating`, `3 ratings`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A span in days as the `?since=` parameter writes it: `7` → `7d`, `1.5` → `36h`. */
export function fmtSpan(days: number): string {
  if (Number.isInteger(days)) return `${days}d`;
  return `${Math.round(days * 24)}h`;
}

/** A link to an alert's evidence page; alert ids hold `:` and `.` and are encoded. */
export function alertHref(id: string, since?: string): string {
  return `/alerts/${encodeURIComponent(id)}${since && since !== '7d' ? `?since=${encodeURIComponent(since)}` : ''}`;
}

/** A link to a persona page. */
export function personaHref(id: string): string {
  return `/personas/${encodeURIComponent(id)}`;
}

/** A link to a module page. */
export function moduleHref(module: string, since?: string): string {
  return `/modules/${encodeURIComponent(module)}${since && since !== '7d' ? `?since=${encodeURIComponent(since)}` : ''}`;
}

/** A link to a tick page. */
export function tickHref(id: string): string {
  return `/ticks/${encodeURIComponent(id)}`;
}
