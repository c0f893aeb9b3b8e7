import type { TickTranscript } from '@mana/analytics';
import type { TranscriptEntry } from '@mana/contracts';
import { raw } from 'hono/html';

/** Longer texts (or ones with more lines) are collapsed behind their first words. */
const COLLAPSE_CHARS = 280;
const COLLAPSE_LINES = 6;
const PREVIEW_CHARS = 140;

/** The transcript's own styles, next to the component that uses them. */
const TRANSCRIPT_CSS = `
.tick-page { display:grid; grid-template-columns:minmax(0,1fr) minmax(0,1.3fr); gap:16px; align-items:start; }
@media (max-width: 900px) { .tick-page { grid-template-columns:1fr; } }
.transcript ol { list-style:none; padding:0; margin:10px 0 0; display:grid; gap:8px; }
.transcript .turn { border-left:3px solid var(--line); padding:4px 10px; }
.transcript .turn.assistant { border-color:var(--accent); }
.transcript .turn.user, .transcript .turn.system { border-color:#9aa5b1; }
.transcript .turn.tool_call { border-color:#7aa6d6; }
.transcript .turn.tool_result { border-color:var(--ok); }
.transcript .turn.error { border-color:var(--bad); }
.transcript .who { font-size:12px; color:var(--muted); font-weight:600; }
.transcript .phase { margin:14px 0 0; font-size:12px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
.transcript pre { margin:2px 0 0; white-space:pre-wrap; word-break:break-word; font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
.transcript .say { white-space:pre-wrap; word-break:break-word; margin:2px 0 0; }
.transcript summary { cursor:pointer; color:var(--muted); font-size:12px; }
`;

/** Who speaks in an entry, in the console's words (the persona, its calls, the answers). */
export const WHO: Record<TranscriptEntry['role'], string> = {
  system: 'Setup',
  user: 'Prompt',
  assistant: 'Persona',
  tool_call: 'Calls',
  tool_result: 'Answer',
};

/**
 * A persona-day's transcript as a readable conversation: the setup and prompts, what the
 * persona said, each tool call with its input and the tool's answer (an error marked),
 * then the rating turn. Every text is escaped by JSX; long ones are collapsed behind a
 * `<details>`. Tool entries carry the call's index (`data-call`), matching the action
 * rows beside them. Without a transcript it says why there may be none.
 */
export function TranscriptView(props: { transcript: TickTranscript | null }) {
  const t = props.transcript;
  return (
    <section class="card transcript" id="transcript" data-testid="transcript">
      <style>{raw(TRANSCRIPT_CSS)}</style>
      <h2 style="margin-top:0">Transcript</h2>
      {!t || t.entries.length === 0 ? (
        <p class="muted" data-testid="no-transcript">
          No transcript stored for this tick: it said nothing, predates transcripts, or is older
          than the retention (<code>TRANSCRIPT_RETENTION_DAYS</code>).
        </p>
      ) : (
        <>
          {t.dropped > 0 ? (
            <p class="muted" data-testid="transcript-dropped">
              {t.dropped === 1 ? '1 entry' : `${t.dropped} entries`} did not fit the day's size cap
              and are not shown.
            </p>
          ) : null}
          {phases(t.entries).map(([phase, entries]) => (
            <>
              <p class="phase">{phase === 'rating' ? 'Rating turn' : 'The day'}</p>
              <ol>
                {entries.map((e) => (
                  <Turn entry={e} />
                ))}
              </ol>
            </>
          ))}
        </>
      )}
    </section>
  );
}

function Turn(props: { entry: TranscriptEntry }) {
  const e = props.entry;
  const tool = e.role === 'tool_call' || e.role === 'tool_result';
  return (
    <li
      class={`turn ${e.role}${e.isError ? ' error' : ''}`}
      data-testid="transcript-entry"
      data-role={e.role}
      data-phase={e.phase}
      {...(e.call !== undefined ? { 'data-call': String(e.call) } : {})}
    >
      <div class="who">
        {WHO[e.role]}
        {e.toolName ? (
          <>
            {' '}
            <code>{e.toolName}</code>
          </>
        ) : null}
        {e.call !== undefined ? ` · call #${e.call + 1}` : ''}
        {e.isError ? ' · error' : ''}
        {e.truncated ? ' · cut to the size cap' : ''}
      </div>
      <Text text={e.text} mono={tool} />
    </li>
  );
}

/** A text, collapsed behind its first words when it is long. */
function Text(props: { text: string; mono: boolean }) {
  const body = props.mono ? <pre>{props.text}</pre> : <p class="say">{props.text}</p>;
  const long = props.text.length > COLLAPSE_CHARS || props.text.split('\n').length > COLLAPSE_LINES;
  if (!long) return body;
  return (
    <details data-testid="collapsed">
      <summary>
        {props.text.slice(0, PREVIEW_CHARS).replace(/\s+/g, ' ')}… ({props.text.length} characters)
      </summary>
      {body}
    </details>
  );
}

/** The entries split into runs of the same phase, in order. */
function phases(entries: readonly TranscriptEntry[]): [string, TranscriptEntry[]][] {
  const runs: [string, TranscriptEntry[]][] = [];
  for (const e of entries) {
    const last = runs[runs.length - 1];
    if (last && last[0] === e.phase) last[1].push(e);
    else runs.push([e.phase, [e]]);
  }
  return runs;
}
