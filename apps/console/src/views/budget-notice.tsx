import type { SpendToday } from '@mana/analytics';

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * Today's spend (UTC day, every runner) against the daily budgets: one quiet line, or a
 * visible notice when a budget holds persona-days back (the cost cap: none start until
 * the next UTC day; the token budget: those personas wait for it).
 */
export function BudgetNotice(props: { spend: SpendToday }) {
  const s = props.spend;
  const cap = s.budget.dailyCostUsd;
  const tokens = s.budget.personaDailyTokens;
  const reached = s.costCapReached || s.personasAtTokenBudget > 0;
  return (
    <section
      class={reached ? 'budget reached' : 'budget muted'}
      data-testid="budget-notice"
      role={reached ? 'status' : undefined}
    >
      {s.costCapReached ? (
        <strong>
          Daily cost cap reached: {usd(s.costUsd)} of {usd(cap ?? 0)} today; the runners start no
          more persona-days until the next UTC day.{' '}
        </strong>
      ) : null}
      {s.personasAtTokenBudget > 0 ? (
        <strong>
          {s.personasAtTokenBudget === 1 ? '1 persona' : `${s.personasAtTokenBudget} personas`}{' '}
          reached the daily token budget ({count(tokens ?? 0)}) and wait for the next UTC day.{' '}
        </strong>
      ) : null}
      <span>
        Spent today ({s.day} UTC): {usd(s.costUsd)}
        {cap !== undefined && !s.costCapReached ? ` of ${usd(cap)}` : ''} · {count(s.tokens)} tokens
        in {count(s.ticks)} {s.ticks === 1 ? 'tick' : 'ticks'} (cache read{' '}
        {count(s.cacheReadTokens)}, written {count(s.cacheWriteTokens)})
        {tokens !== undefined ? ` · token budget ${count(tokens)} per persona` : ''}
      </span>
    </section>
  );
}
