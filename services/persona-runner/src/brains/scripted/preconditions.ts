/** An item's last known fields, as an output returned them. */
type Item = Record<string, unknown>;

const statusIn =
  (...statuses: string[]) =>
  (item: Item) =>
    statuses.includes(String(item.status));

/**
 * What a sensible user knows about the reference app's item states: you complete an open
 * todo, send a draft invoice, mark a sent one paid, log progress on an active goal, rate a
 * book you started. A careful persona only picks targets that pass these; tools not
 * listed here accept any item. Keyed by tool name, checked against the target's state
 * (`table-keys.test.ts` checks every key names a tool the gateway lists).
 */
export const TARGET_RULES: Record<string, (item: Item) => boolean> = {
  'todo.complete': statusIn('open'),
  'todo.reopen': statusIn('done'),
  'articles.mark_read': statusIn('unread', 'reading'),
  'articles.archive': (item) => item.status !== 'archived',
  'calendar.cancel_event': statusIn('confirmed'),
  'goals.log_progress': statusIn('active'),
  'goals.complete': statusIn('active'),
  'goals.abandon': statusIn('active'),
  'goals.reopen': statusIn('achieved', 'abandoned'),
  'habits.log': (item) => item.archived === false,
  'habits.archive': (item) => item.archived === false,
  'habits.unarchive': (item) => item.archived === true,
  'invoices.update': statusIn('draft'),
  'invoices.send': statusIn('draft'),
  'invoices.mark_paid': statusIn('sent'),
  'invoices.void': statusIn('draft', 'sent'),
  'library.rate': (item) => Boolean(item.startedOn || item.finishedOn),
  'notes.pin': (item) => item.archived === false,
  'notes.archive': (item) => item.archived === false,
  'research.answer_question': statusIn('open', 'parked'),
};

/**
 * Whether a careful persona would use `toolName` on this item. An item known only by a
 * bare `<x>Id` reference has no state: it passes only for tools without a rule.
 */
export function targetAllowed(toolName: string, item: Item | undefined): boolean {
  const rule = TARGET_RULES[toolName];
  if (!rule) return true;
  return item !== undefined && rule(item);
}

/**
 * Enum values a careful persona leaves alone in a tool's field, because the app refuses
 * them in most states (`research.update_question` status `answered` needs an answer, which
 * `research.answer_question` gives). Keyed by `<tool>.<field>`, checked like
 * {@link TARGET_RULES}.
 */
export const AVOIDED_VALUES: Record<string, readonly unknown[]> = {
  'research.update_question.status': ['answered'],
};

/** The enum values of a field a careful persona would choose from. */
export function sensibleEnum(toolName: string, field: string, values: readonly unknown[]) {
  const avoided = AVOIDED_VALUES[`${toolName}.${field}`] ?? [];
  const kept = values.filter((v) => !avoided.includes(v));
  return kept.length > 0 ? kept : [...values];
}
