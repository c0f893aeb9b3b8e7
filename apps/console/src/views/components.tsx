import type { Child } from 'hono/jsx';
import { ratingColor } from '../charts/palette';
import { fmtRating, fmtSpan, fmtTime } from './format';

/** A tick status (`ok`, `failed`, `timeout`, `running`, `abandoned`) or call result (`ok`, `error`). */
export function StatusBadge(props: { status: string }) {
  return <span class={`badge ${props.status.replace(/[^a-z_]/gi, '')}`}>{props.status}</span>;
}

/**
 * A mean rating (two decimals) or, with `single`, one persona's 1–5 rating (`2/5`),
 * coloured from red to green.
 */
export function Rating(props: { value: number | null | undefined; single?: boolean }) {
  const value = props.value ?? null;
  return (
    <span class="rating" style={`color:${ratingColor(value)}`}>
      {props.single && value !== null ? `${value}/5` : fmtRating(value)}
    </span>
  );
}

/** A moment as `<time>` with the exact ISO value as its machine-readable form. */
export function Time(props: { iso: string | null | undefined }) {
  return props.iso ? <time datetime={props.iso}>{fmtTime(props.iso)}</time> : <span>—</span>;
}

/** One key figure on a card. */
export function Kpi(props: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div class="card kpi" data-testid={props.testId}>
      <div class="label">{props.label}</div>
      <div class="value">{props.value}</div>
      {props.hint ? <div class="hint">{props.hint}</div> : null}
    </div>
  );
}

/** What an empty list says instead of an empty table. */
export function Empty(props: { children: Child }) {
  return <div class="empty-state">{props.children}</div>;
}

/** The spans a page can be looked at over, as `?since=` links. */
export const WINDOW_CHOICES = [1, 7, 14, 30] as const;

/** Links that switch the page's window (`?since=1d|7d|14d|30d`), the current one marked. */
export function WindowPicker(props: { path: string; days: number }) {
  return (
    <span class="picker" data-testid="window-picker">
      {WINDOW_CHOICES.map((d) => (
        <a
          href={`${props.path}?since=${d}d`}
          class={d === props.days ? 'active' : undefined}
          data-testid={`window-${d}d`}
        >
          {fmtSpan(d)}
        </a>
      ))}
    </span>
  );
}

/** A page heading with an optional line under it. */
export function PageHeading(props: { title: string; children?: Child }) {
  return (
    <>
      <h1>{props.title}</h1>
      {props.children ? <p class="sub">{props.children}</p> : null}
    </>
  );
}

/** A filter's `<select>`: one choice or the empty "any" value, the current one selected. */
export function ChoiceField(props: {
  label: string;
  name: string;
  any: string;
  choices: readonly (string | { value: string; label: string })[];
  selected: string | undefined;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name} data-testid={`filter-${props.name}`}>
        <option value="">{props.any}</option>
        {props.choices.map((c) => {
          const { value, label } = typeof c === 'string' ? { value: c, label: c } : c;
          return (
            <option value={value} selected={props.selected === value}>
              {label}
            </option>
          );
        })}
      </select>
    </label>
  );
}

/** A filter's time range (UTC, `datetime-local`) and its submit button. */
export function TimeRangeFields(props: { from: string | undefined; to: string | undefined }) {
  return (
    <>
      <label>
        From (UTC)
        <input
          type="datetime-local"
          name="from"
          value={props.from ?? ''}
          data-testid="filter-from"
        />
      </label>
      <label>
        To (UTC)
        <input type="datetime-local" name="to" value={props.to ?? ''} data-testid="filter-to" />
      </label>
      <button type="submit" data-testid="filter-submit">
        Filter
      </button>
    </>
  );
}
