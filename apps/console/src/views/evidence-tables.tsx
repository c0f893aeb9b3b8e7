import type { FailedCall, ModuleNote } from '@mana/analytics';
import { Empty, Rating, Time } from './components';
import { fmtMs, personaHref, tickHref } from './format';

/** A rating row of an evidence or notes table. */
export type NoteRow = ModuleNote;

/** A failed call row of an evidence or failures table. */
export type FailureRow = FailedCall;

/** Ratings with their notes, each linking to the persona and the tick. */
export function NotesTable(props: { rows: readonly NoteRow[]; testId: string; empty: string }) {
  if (props.rows.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <table>
      <thead>
        <tr>
          <th class="num">Rating</th>
          <th>Notes</th>
          <th>Persona</th>
          <th>When</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr data-testid={props.testId}>
            <td class="num">
              <Rating value={r.rating} single />
            </td>
            <td class="notes">{r.notes ?? <span class="muted">(no note)</span>}</td>
            <td>
              <a href={personaHref(r.personaId)}>{r.persona}</a>
            </td>
            <td>
              <a href={tickHref(r.tickId)}>
                <Time iso={r.at} />
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Failed calls with their error messages, each linking to the persona and the tick. */
export function FailuresTable(props: {
  rows: readonly FailureRow[];
  testId: string;
  empty: string;
}) {
  if (props.rows.length === 0) return <Empty>{props.empty}</Empty>;
  return (
    <table>
      <thead>
        <tr>
          <th>Tool</th>
          <th>Error</th>
          <th class="num">Latency</th>
          <th>Persona</th>
          <th>When</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((a) => (
          <tr data-testid={props.testId}>
            <td>
              <code>{a.tool}</code>
            </td>
            <td class="errtext">{a.errorMessage ?? '(no error message recorded)'}</td>
            <td class="num">{fmtMs(a.latencyMs)}</td>
            <td>
              <a href={personaHref(a.personaId)}>{a.persona}</a>
            </td>
            <td>
              <a href={tickHref(a.tickId)}>
                <Time iso={a.at} />
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
