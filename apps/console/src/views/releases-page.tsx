import type { PeriodComparison } from '@mana/analytics';
import type { ReleaseMarker } from '@mana/contracts';
import type { Admin } from '../auth/admin-verifier';
import { ComparisonView } from './comparison-view';
import { Empty, PageHeading, Time } from './components';
import { Layout } from './layout';

/** `/releases`: the markers, a form to record one, and two periods compared. */
export function ReleasesPage(props: {
  admin: Admin | undefined;
  releases: readonly ReleaseMarker[];
  before: string;
  after: string;
  comparison: PeriodComparison | null;
  error: string | null;
}) {
  return (
    <Layout title="Releases" nav="releases" admin={props.admin}>
      <PageHeading title="Releases">
        Record when a release shipped, then compare it with the one before (or any two spans,
        written <code>2026-03-01T00:00Z/2026-03-08T00:00Z</code>).
      </PageHeading>
      <form method="get" action="/releases" class="filters" data-testid="compare-form">
        <label>
          Before
          <input name="before" value={props.before} list="release-names" data-testid="compare-a" />
        </label>
        <label>
          After
          <input name="after" value={props.after} list="release-names" data-testid="compare-b" />
        </label>
        <datalist id="release-names">
          {props.releases.map((r) => (
            <option value={r.name} />
          ))}
        </datalist>
        <button type="submit" data-testid="compare-submit">
          Compare
        </button>
      </form>
      {props.error ? (
        <p class="message" data-testid="compare-error">
          {props.error}
        </p>
      ) : null}
      {props.comparison ? <ComparisonView comparison={props.comparison} /> : null}
      <h2>Release markers</h2>
      {props.releases.length === 0 ? (
        <Empty>No release recorded yet.</Empty>
      ) : (
        <table data-testid="release-table">
          <thead>
            <tr>
              <th>Release</th>
              <th>At</th>
              <th>By</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {[...props.releases].reverse().map((r) => (
              <tr data-testid="release-row" data-release={r.name}>
                <td>
                  <strong>{r.name}</strong>
                </td>
                <td>
                  <Time iso={r.at} />
                </td>
                <td>{r.createdBy}</td>
                <td class="notes">{r.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Record a release</h2>
      <form method="post" action="/releases" class="filters" data-testid="release-form">
        <label>
          Name
          <input
            name="name"
            required
            maxlength={80}
            placeholder="v1.4"
            data-testid="release-name"
          />
        </label>
        <label>
          At (UTC, empty = now)
          <input type="datetime-local" name="at" data-testid="release-at" />
        </label>
        <label>
          Note
          <input name="note" maxlength={500} />
        </label>
        <button type="submit" data-testid="release-submit">
          Record
        </button>
      </form>
    </Layout>
  );
}
