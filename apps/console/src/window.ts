import { parseSpan } from '@mana/analytics';
import { HTTPException } from 'hono/http-exception';

/** The longest window a page or the API looks at. */
export const MAX_SINCE_DAYS = 90;

/** A page's window: the `?since=` text as given and its length in days. */
export interface SinceWindow {
  since: string;
  days: number;
}

/**
 * Reads `?since=` (`7d`, `36h`, `2w`; default `7d`): the recent window's length, the
 * baseline being as long again before it. Anything else is a 400 naming the parameter.
 */
export function parseSince(raw: string | undefined): SinceWindow {
  const since = raw?.trim() || '7d';
  let days: number;
  try {
    days = parseSpan(since);
  } catch {
    throw new HTTPException(400, {
      message: `since: "${since}" is not a span like 7d, 36h or 2w`,
    });
  }
  if (!(days > 0) || days > MAX_SINCE_DAYS) {
    throw new HTTPException(400, {
      message: `since: the window must be longer than 0 and at most ${MAX_SINCE_DAYS} days`,
    });
  }
  return { since, days };
}
