import type { EvidenceGroups } from '@mana/analytics';
import { ACTION_OUTCOMES } from '@mana/contracts';
import { ChoiceField, Empty, Rating, Time, TimeRangeFields } from './components';
import { personaHref, plural } from './format';

/** The filter as the page's query gives it (strings as typed, for the form and links). */
export interface EvidenceQuery {
  persona?: string | undefined;
  tool?: string | undefined;
  outcome?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
  /** Rows per page, when not the default. */
  size?: number | undefined;
}

/** The query string of `q` with `page` replaced (empty values left out). */
export function evidenceSearch(q: EvidenceQuery, since: string, page?: number): string {
  const params = new URLSearchParams();
  if (since !== '7d') params.set('since', since);
  for (const key of ['persona', 'tool', 'outcome', 'from', 'to'] as const) {
    const value = q[key];
    if (value) params.set(key, value);
  }
  if (q.size) params.set('size', String(q.size));
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** "Rows 51–100 of 148", with links to the pages before and after. */
export function Pager(props: {
  base: string;
  query: EvidenceQuery;
  since: string;
  page: number;
  size: number;
  total: number;
  shown: number;
  noun: string;
}) {
  const first = props.total === 0 ? 0 : (props.page - 1) * props.size + 1;
  const last = (props.page - 1) * props.size + props.shown;
  const pages = Math.max(1, Math.ceil(props.total / props.size));
  return (
    <p class="pager" data-testid="pager">
      <span data-testid="pager-range">
        {props.noun} {first}–{last} of {props.total}
      </span>
      {props.page > 1 ? (
        <a
          href={`${props.base}${evidenceSearch(props.query, props.since, props.page - 1)}`}
          data-testid="pager-prev"
        >
          ← previous
        </a>
      ) : null}
      {props.page < pages ? (
        <a
          href={`${props.base}${evidenceSearch(props.query, props.since, props.page + 1)}`}
          data-testid="pager-next"
        >
          next →
        </a>
      ) : null}
      <span class="muted">
        page {props.page} of {pages}
      </span>
    </p>
  );
}

/** A GET form narrowing the evidence: persona, tool, outcome kind, time range (UTC). */
export function EvidenceFilterForm(props: {
  action: string;
  since: string;
  query: EvidenceQuery;
  groups: EvidenceGroups;
}) {
  const q = props.query;
  return (
    <form method="get" action={props.action} class="filters" data-testid="evidence-filter">
      {props.since !== '7d' ? <input type="hidden" name="since" value={props.since} /> : null}
      {q.size ? <input type="hidden" name="size" value={String(q.size)} /> : null}
      <ChoiceField
        label="Persona"
        name="persona"
        any="all"
        choices={props.groups.choices.personas.map((p) => ({ value: p.id, label: p.email }))}
        selected={q.persona}
      />
      <ChoiceField
        label="Tool"
        name="tool"
        any="all"
        choices={props.groups.choices.tools}
        selected={q.tool}
      />
      <ChoiceField
        label="Outcome"
        name="outcome"
        any="the alert’s"
        choices={ACTION_OUTCOMES}
        selected={q.outcome}
      />
      <TimeRangeFields from={q.from} to={q.to} />
      <a href={`${props.action}${evidenceSearch({}, props.since)}`}>clear</a>
    </form>
  );
}

/** The calls by error class, largest first: how many, how, from whom, since when. */
export function SignatureTable(props: { groups: EvidenceGroups }) {
  const rows = props.groups.bySignature;
  if (rows.length === 0) return <Empty>No calls match.</Empty>;
  return (
    <table data-testid="signature-table">
      <thead>
        <tr>
          <th class="num">Calls</th>
          <th class="num">Personas</th>
          <th>Error class · one message</th>
          <th>Tools · outcomes</th>
          <th>First – last</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((g) => (
          <tr data-testid="signature-row">
            <td class="num">{g.calls}</td>
            <td class="num">{g.personas}</td>
            <td class="errtext">{g.example ?? '(no error message: a slow or wrong answer)'}</td>
            <td>
              <code>{g.tools.join(', ')}</code> · {g.outcomes.join(', ')}
            </td>
            <td>
              <Time iso={g.first} /> – <Time iso={g.last} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Each persona's share of the evidence, largest first. */
export function PersonaShareTable(props: { groups: EvidenceGroups; ratings: boolean }) {
  const rows = props.groups.byPersona;
  if (rows.length === 0) return <Empty>No persona matches.</Empty>;
  return (
    <table data-testid="persona-share-table">
      <thead>
        <tr>
          <th>Persona</th>
          <th class="num">Calls</th>
          {props.ratings ? <th class="num">Ratings (mean)</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr data-testid="persona-share-row">
            <td>
              <a href={personaHref(p.personaId)}>{p.persona}</a>
            </td>
            <td class="num">{p.calls}</td>
            {props.ratings ? (
              <td class="num">
                {plural(p.ratings, 'rating')} (<Rating value={p.meanRating} />)
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
