import type { TimelineTick } from '@mana/analytics';
import { Rating, StatusBadge, Time } from './components';
import { fmtMs, fmtTokens, moduleHref, personaHref, plural, tickHref } from './format';

/**
 * One tick as a card: when, how it ended, brain and model, duration, the error of a
 * failed tick, then its tool calls in order (result, latency, error message) and the
 * ratings the persona gave with their notes.
 */
export function TickCard(props: { tick: TimelineTick; showPersona?: boolean }) {
  const t = props.tick;
  const failed = t.status === 'failed' || t.status === 'timeout' || t.status === 'abandoned';
  return (
    <li
      class="card tick"
      id={`tick-${t.id}`}
      data-testid="tick-item"
      data-tick-id={t.id}
      data-status={t.status}
    >
      <header>
        <StatusBadge status={t.status} />
        <a href={tickHref(t.id)}>
          <Time iso={t.startedAt} />
        </a>
        {props.showPersona ? <a href={personaHref(t.personaId)}>{t.persona}</a> : null}
        <span class="muted">
          {[t.brain ?? 'unknown brain', t.model].filter(Boolean).join(' · ')} · took{' '}
          {fmtMs(t.durationMs)} · {plural(t.actions.length, 'call')}
          {t.errors > 0 ? `, ${plural(t.errors, 'error')}` : ''}
          {t.costUsd !== null ? ` · $${t.costUsd.toFixed(4)}` : ''}
          <TickTokens tick={t} />
        </span>
      </header>
      {failed && t.error ? (
        <p class="errtext" data-testid="tick-error">
          {t.error}
        </p>
      ) : null}
      {t.actions.length > 0 ? (
        <ol>
          {t.actions.map((a) => (
            <li data-testid="action-item" data-result={a.result}>
              <code>{a.tool}</code> <StatusBadge status={a.result} />{' '}
              <span class="muted">{fmtMs(a.latencyMs)}</span>
              {a.result === 'error' ? (
                <div class="errtext">{a.errorMessage ?? '(no error message recorded)'}</div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">No tool calls recorded.</p>
      )}
      {t.ratings.length > 0 ? (
        <ul class="ratings">
          {t.ratings.map((r) => (
            <li data-testid="rating-item" data-module={r.module}>
              <Rating value={r.rating} single /> <a href={moduleHref(r.module)}>{r.module}</a>
              {r.notes ? <span class="notes"> — {r.notes}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * A tick's tokens, compact: `· 12.4k in / 310 out (cache 8.2k read, 1.1k written)`, the
 * exact counts in the tooltip. Each count is left out when the tick has none recorded
 * (the scripted brain has no model; older ticks have no cache counts).
 */
function TickTokens(props: { tick: TimelineTick }) {
  const t = props.tick;
  const flow = [
    t.inputTokens !== null ? `${fmtTokens(t.inputTokens)} in` : null,
    t.outputTokens !== null ? `${fmtTokens(t.outputTokens)} out` : null,
  ].filter(Boolean);
  const cache = [
    t.cacheReadTokens !== null ? `${fmtTokens(t.cacheReadTokens)} read` : null,
    t.cacheWriteTokens !== null ? `${fmtTokens(t.cacheWriteTokens)} written` : null,
  ].filter(Boolean);
  if (flow.length === 0 && cache.length === 0) return null;
  const exact = [
    ['input', t.inputTokens],
    ['output', t.outputTokens],
    ['cache read', t.cacheReadTokens],
    ['cache write', t.cacheWriteTokens],
  ]
    .filter(([, n]) => n !== null)
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
  return (
    <span data-testid="tick-tokens" title={`tokens: ${exact}`}>
      {` · ${flow.join(' / ')}${flow.length > 0 ? ' tokens' : 'tokens'}${cache.length > 0 ? ` (cache ${cache.join(', ')})` : ''}`}
    </span>
  );
}
