import { ToolError } from '../../errors';
import type { InvoiceLine } from './table';

/** The largest total the `total_cents` integer column holds. */
const MAX_TOTAL_CENTS = 2_147_483_647;

/** Sum of the lines in cents, each line rounded to a whole cent; refuses a total too large. */
export function totalOf(lines: InvoiceLine[]): number {
  const total = lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPriceCents), 0);
  if (total > MAX_TOTAL_CENTS) {
    throw new ToolError(
      'INVALID_INPUT',
      'The invoice total is too large; split it into several invoices',
    );
  }
  return total;
}

/** Refuses a due day before the invoice date. */
export function checkDueOn(issuedOn: string, dueOn: string): void {
  if (dueOn < issuedOn) {
    throw new ToolError(
      'INVALID_INPUT',
      `The due day ${dueOn} is before the invoice date ${issuedOn}`,
    );
  }
}
