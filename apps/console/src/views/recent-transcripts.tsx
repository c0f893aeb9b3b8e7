import type { ExcerptLine, RecentTranscript } from '@mana/analytics';
import { raw } from 'hono/html';
import { Empty, StatusBadge, Time } from './components';
import { plural, tickHref } from './format';
import { WHO } from './transcript-view';

/** The excerpts' own styles, next to the component that uses them. */
const EXCERPT_CSS = `
.excerpts { list-style:none; padding:0; margin:0; display:grid; gap:10px; }
.excerpts header { display:flex; flex-wrap:wrap; gap:4px 10px; align-items:center; }
.excerpts .lines { list-style:none; padding:0; margin:6px 0 0; display:grid; gap:3px; font-size:13px; }
.excerpts .lines li { border-left:3px solid var(--line); padding:0 8px; min-width:0; }
.excerpts .lines li.error { border-color:var(--bad); }
.excerpts .who { color:var(--muted); font-size:12px; font-weight:600; margin-right:6px; }
.excerpts .said { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px;
  overflow-wrap:anywhere; word-break:break-word; }
`;

function Line(props: { line: ExcerptLine; first?: boolean }) {
  const l = props.line;
  return (
    <li class={l.isError ? 'error' : undefined} data-testid="excerpt-line" data-role={l.role}>
      <span class="who">
        {props.first ? 'First error · ' : ''}
        {WHO[l.role]}
        {l.toolName ? ` ${l.toolName}` : ''}
      </span>
      <span class={`said${l.isError ? ' errtext' : ''}`}>
        {l.text}
        {l.cut ? '…' : ''}
      </span>
    </li>
  );
}

/**
 * A persona's latest ticks, each with the opening of its conversation (and its first
 * failed tool answer) and a link to the tick's page with the whole transcript.
 */
export function RecentTranscripts(props: { ticks: readonly RecentTranscript[] }) {
  if (props.ticks.length === 0) return <Empty>This persona has not run a tick yet.</Empty>;
  return (
    <>
      <style>{raw(EXCERPT_CSS)}</style>
      <ol class="excerpts" data-testid="recent-transcripts">
        {props.ticks.map((t) => (
          <li class="card" data-testid="recent-transcript" data-tick-id={t.tickId}>
            <header>
              <StatusBadge status={t.status} />
              <a href={tickHref(t.tickId)}>
                <Time iso={t.startedAt} />
              </a>
              <span class="muted">
                {[t.brain ?? 'unknown brain', t.model].filter(Boolean).join(' · ')} ·{' '}
                {plural(t.actionsCount, 'call')}
              </span>
              {t.stored ? (
                <a href={`${tickHref(t.tickId)}#transcript`} data-testid="transcript-link">
                  transcript ({t.entries === 1 ? '1 entry' : `${t.entries} entries`})
                </a>
              ) : (
                <span class="muted">no transcript stored</span>
              )}
            </header>
            {t.excerpt.length > 0 || t.firstError ? (
              <ol class="lines">
                {t.excerpt.map((l) => (
                  <Line line={l} />
                ))}
                {t.firstError ? <Line line={t.firstError} first /> : null}
              </ol>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
