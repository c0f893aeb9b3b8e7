import type { Child } from 'hono/jsx';
import { Empty } from './components';
import { plural } from './format';

/** What an alert row's badge says and how it is coloured (`bad`, `warn`, `ok`). */
export interface AlertBadge {
  label: string;
  tone: string;
  testId?: string;
}

/** A badge, then the summary linking to the evidence: the one line every alert row opens with. */
export function AlertHeadline(props: {
  badge: AlertBadge;
  href: string;
  summary: string;
  linkTestId?: string;
  /** A headline inside a card is bold (`what`); a part of an incident is not. */
  strong?: boolean;
}) {
  return (
    <>
      <span class={`badge ${props.badge.tone}`} data-testid={props.badge.testId}>
        {props.badge.label}
      </span>{' '}
      <a class={props.strong ? 'what' : undefined} href={props.href} data-testid={props.linkTestId}>
        {props.summary}
      </a>
    </>
  );
}

/**
 * One alert or incident as a card of the alert lists: its headline, then the lines the
 * list adds (the test, the first evidence, the parts of an incident). `attributes` are
 * the row's `data-*` (and `id`) attributes the pages and tests address it by.
 */
export function AlertRow(props: {
  badge: AlertBadge;
  href: string;
  summary: string;
  testId: string;
  linkTestId: string;
  /** Extra classes of the card, e.g. `incident status-open`. */
  class?: string;
  attributes?: Record<string, string>;
  children?: Child;
}) {
  return (
    <li
      class={props.class ? `card alert ${props.class}` : 'card alert'}
      data-testid={props.testId}
      {...props.attributes}
    >
      <div>
        <AlertHeadline
          badge={props.badge}
          href={props.href}
          summary={props.summary}
          linkTestId={props.linkTestId}
          strong
        />
      </div>
      {props.children}
    </li>
  );
}

/** What an empty alert list says: what was tested, and that nothing got worse. */
export function NothingWorse(props: { what: string; tested: { modules: number; tools: number } }) {
  return (
    <Empty>
      No {props.what}: {plural(props.tested.modules, 'module')} and{' '}
      {plural(props.tested.tools, 'tool')} had enough data to test, and none is significantly worse
      than in the baseline.
    </Empty>
  );
}
