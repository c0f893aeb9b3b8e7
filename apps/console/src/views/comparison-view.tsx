import type { PeriodComparison } from '@mana/analytics';
import { Empty, Rating, Time } from './components';
import { fmtMs, fmtPct, plural } from './format';

/** Two periods side by side: totals, then per tool and per module, regressions marked. */
export function ComparisonView(props: { comparison: PeriodComparison }) {
  const c = props.comparison;
  return (
    <section data-testid="comparison">
      <div class="kpis">
        {[c.before, c.after].map((p, i) => (
          <div class="card kpi" data-testid={i === 0 ? 'compare-before' : 'compare-after'}>
            <div class="label">
              {i === 0 ? 'Before' : 'After'}: {p.label}
            </div>
            <div class="hint">
              <Time iso={p.start} /> – <Time iso={p.end} />
            </div>
            <div>
              {plural(p.calls, 'call')} · failure rate {fmtPct(p.failureRate)} · mean rating{' '}
              <Rating value={p.meanRating} />
            </div>
          </div>
        ))}
      </div>
      {c.regressions.length > 0 ? (
        <ul class="alerts" data-testid="compare-regressions">
          {c.regressions.map((r) => (
            <li class="card alert" data-testid="compare-regression">
              {r}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>
          No regression: none of {plural(c.tests, 'test')} is significant at α = {c.alpha} /{' '}
          {c.tests} (Bonferroni) with the alerts’ minimum effect.
        </Empty>
      )}
      <h2>Tools</h2>
      <div class="scroll-x">
        <table data-testid="compare-tools">
          <thead>
            <tr>
              <th>Tool</th>
              <th class="num">Calls</th>
              <th class="num">Failure rate</th>
              <th class="num">Failed checks</th>
              <th class="num">p50</th>
              <th class="num">p95</th>
            </tr>
          </thead>
          <tbody>
            {c.tools.map((t) => (
              <tr
                data-testid="compare-tool-row"
                data-tool={t.name}
                class={t.regressions.length ? 'regressed' : undefined}
              >
                <td>
                  <code>{t.name}</code>
                </td>
                <td class="num">
                  {t.before.calls} → {t.after.calls}
                </td>
                <td class="num">
                  {fmtPct(t.before.failureRate)} → {fmtPct(t.after.failureRate)}
                </td>
                <td class="num">
                  {fmtPct(t.before.checkFailureRate)} → {fmtPct(t.after.checkFailureRate)}
                </td>
                <td class="num">
                  {fmtMs(t.before.p50Ms)} → {fmtMs(t.after.p50Ms)}
                </td>
                <td class="num">
                  {fmtMs(t.before.p95Ms)} → {fmtMs(t.after.p95Ms)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Modules</h2>
      <div class="scroll-x">
        <table data-testid="compare-modules">
          <thead>
            <tr>
              <th>Module</th>
              <th class="num">Ratings</th>
              <th class="num">Mean rating</th>
            </tr>
          </thead>
          <tbody>
            {c.modules.map((m) => (
              <tr
                data-testid="compare-module-row"
                data-module={m.name}
                class={m.regressions.length ? 'regressed' : undefined}
              >
                <td>{m.name}</td>
                <td class="num">
                  {m.before.ratings} → {m.after.ratings}
                </td>
                <td class="num">
                  <Rating value={m.before.meanRating} /> → <Rating value={m.after.meanRating} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
