import type { PersonaSummary } from '@mana/analytics';
import { Empty, Rating, StatusBadge, Time } from './components';
import { personaHref, tickHref } from './format';

/**
 * One row per persona: who it is, its latest tick and how it ended, its actions and
 * errors in the 7 days before the data's as-of time, and its mean rating.
 */
export function PersonaTable(props: { personas: readonly PersonaSummary[] }) {
  if (props.personas.length === 0) {
    return <Empty>No personas yet. Run the seed (npm run seed:personas) or npm start.</Empty>;
  }
  return (
    <table data-testid="persona-table">
      <thead>
        <tr>
          <th>Persona</th>
          <th>Archetype</th>
          <th>Cadence</th>
          <th>Last tick</th>
          <th class="num">Actions 7d</th>
          <th class="num">Errors 7d</th>
          <th class="num">Mean rating</th>
        </tr>
      </thead>
      <tbody>
        {props.personas.map((p) => (
          <tr data-testid="persona-row" data-persona-id={p.userId}>
            <td>
              <a href={personaHref(p.userId)}>{p.name}</a>
              <div class="muted">{p.email}</div>
            </td>
            <td>{p.archetype}</td>
            <td>{p.tickCadence}</td>
            <td>
              {p.lastTick ? (
                <>
                  <StatusBadge status={p.lastTick.status} />{' '}
                  <a href={tickHref(p.lastTick.id)}>
                    <Time iso={p.lastTick.startedAt} />
                  </a>
                </>
              ) : (
                <span class="muted">never ran</span>
              )}
            </td>
            <td class="num">{String(p.actions7d)}</td>
            <td class={`num ${p.errors7d > 0 ? 'down' : ''}`}>{String(p.errors7d)}</td>
            <td class="num">
              <Rating value={p.avgRating} /> <span class="muted">({p.ratingsCount})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
