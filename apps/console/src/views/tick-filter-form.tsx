import { TICK_STATUSES } from '@mana/contracts';
import { ChoiceField, TimeRangeFields } from './components';

/** The ticks list's filter as its query gives it (strings as typed, for the form and links). */
export interface TickQuery {
  failed?: string | undefined;
  persona?: string | undefined;
  brain?: string | undefined;
  model?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
}

/** `?persona=…&…` of the filter fields that are set ('' when none). */
export function tickSearch(q: TickQuery): string {
  const params = new URLSearchParams();
  for (const key of ['failed', 'persona', 'brain', 'model', 'status', 'from', 'to'] as const) {
    const value = q[key];
    if (value) params.set(key, value);
  }
  if (q.limit !== undefined && q.limit !== 100) params.set('limit', String(q.limit));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A GET form narrowing the ticks: persona (id or email), brain, model, status, start time (UTC). */
export function TickFilterForm(props: { query: TickQuery }) {
  const q = props.query;
  const field = (name: 'persona' | 'brain' | 'model', label: string) => (
    <label>
      {label}
      <input type="text" name={name} value={q[name] ?? ''} data-testid={`filter-${name}`} />
    </label>
  );
  return (
    <form method="get" action="/ticks" class="filters" data-testid="tick-filter">
      {field('persona', 'Persona (email or id)')}
      {field('brain', 'Brain')}
      {field('model', 'Model')}
      <ChoiceField
        label="Status"
        name="status"
        any="any"
        choices={TICK_STATUSES}
        selected={q.status}
      />
      <TimeRangeFields from={q.from} to={q.to} />
      <a href="/ticks">clear</a>
    </form>
  );
}
