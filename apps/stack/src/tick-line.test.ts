import type { TickResult } from '@mana/persona-runner';
import { describe, expect, it } from 'vitest';
import { tickLine } from './tick-line';

const at = new Date('2026-12-05T10:00:00Z');
const empty: TickResult = {
  tickId: 't',
  due: 0,
  ranSuccessfully: 0,
  failed: [],
  durationMs: 5,
  personas: [],
  costCapReached: false,
};

// Issue 12 item 5: with the cost cap reached, `npm start` said "nobody is due".
describe('tickLine', () => {
  it('says the daily cost cap stopped the days, not that nobody is due', () => {
    expect(tickLine(empty, at)).toBe('[10:00:00] tick: nobody is due');
    expect(tickLine({ ...empty, costCapReached: true }, at)).toBe(
      '[10:00:00] tick: no day started (daily cost cap reached: no more persona-days start until the next UTC day)',
    );
  });
});
