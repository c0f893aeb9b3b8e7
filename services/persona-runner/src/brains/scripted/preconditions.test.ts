import { describe, expect, it } from 'vitest';
import { sensibleEnum, targetAllowed } from './preconditions';

describe('targetAllowed', () => {
  it('follows the invoice lifecycle: send drafts, mark sent ones paid, never void paid ones', () => {
    expect(targetAllowed('invoices.send', { status: 'draft' })).toBe(true);
    expect(targetAllowed('invoices.mark_paid', { status: 'draft' })).toBe(false);
    expect(targetAllowed('invoices.mark_paid', { status: 'sent' })).toBe(true);
    expect(targetAllowed('invoices.void', { status: 'paid' })).toBe(false);
    expect(targetAllowed('invoices.update', { status: 'sent' })).toBe(false);
  });

  it('logs only on active goals and live habits, rates only started books', () => {
    expect(targetAllowed('goals.log_progress', { status: 'achieved' })).toBe(false);
    expect(targetAllowed('habits.log', { archived: true })).toBe(false);
    expect(targetAllowed('library.rate', { startedOn: null, finishedOn: null })).toBe(false);
    expect(targetAllowed('library.rate', { startedOn: '2026-11-01', finishedOn: null })).toBe(true);
  });

  it('refuses a ruled tool on an item of unknown state, allows unruled tools on anything', () => {
    expect(targetAllowed('todo.complete', undefined)).toBe(false);
    expect(targetAllowed('todo.update', undefined)).toBe(true);
  });
});

describe('sensibleEnum', () => {
  it('drops values the app refuses in most states, keeping the rest', () => {
    expect(
      sensibleEnum('research.update_question', 'status', ['open', 'answered', 'parked']),
    ).toEqual(['open', 'parked']);
    expect(sensibleEnum('todo.update', 'priority', ['low', 'high'])).toEqual(['low', 'high']);
  });
});
