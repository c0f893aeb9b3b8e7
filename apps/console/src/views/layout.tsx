import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { fmtTime } from './format';
import { CONSOLE_CSS } from './styles';

/** The top navigation's entries. */
export type NavKey =
  | 'overview'
  | 'alerts'
  | 'releases'
  | 'personas'
  | 'modules'
  | 'ticks'
  | 'consistency'
  | 'none';

const NAV: { key: Exclude<NavKey, 'none'>; href: string; label: string }[] = [
  { key: 'overview', href: '/', label: 'Overview' },
  { key: 'alerts', href: '/alerts', label: 'Alerts' },
  { key: 'personas', href: '/personas', label: 'Personas' },
  { key: 'modules', href: '/modules', label: 'Modules' },
  { key: 'ticks', href: '/ticks', label: 'Ticks' },
  { key: 'releases', href: '/releases', label: 'Releases' },
  { key: 'consistency', href: '/consistency', label: 'Consistency' },
];

/** What every page's frame shows. */
export interface LayoutProps {
  title: string;
  nav: NavKey;
  /** The signed-in admin; absent on the sign-in page. */
  admin?: { email: string } | undefined;
  /** The moment the data is read as of, and the wall clock, to flag data ahead of it. */
  asOf?: Date | undefined;
  now?: Date | undefined;
  children?: Child;
}

/**
 * The page frame: doctype, inline stylesheet, the top navigation with sign-out, and an
 * "as of" badge that says when the data runs ahead of the wall clock (after a simulation).
 */
export function Layout(props: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="referrer" content="same-origin" />
          <title>{`${props.title} · Mana console`}</title>
          <style>{raw(CONSOLE_CSS)}</style>
        </head>
        <body>
          {props.admin ? (
            <header class="top">
              <a class="brand" href="/">
                Mana console
              </a>
              <nav>
                {NAV.map((n) => (
                  <a
                    href={n.href}
                    class={n.key === props.nav ? 'active' : undefined}
                    data-testid={`nav-${n.key}`}
                  >
                    {n.label}
                  </a>
                ))}
              </nav>
              <form method="post" action="/logout">
                <span data-testid="signed-in-as">{props.admin.email}</span>
                <button type="submit" data-testid="nav-logout">
                  Sign out
                </button>
              </form>
            </header>
          ) : null}
          <main>{props.children}</main>
        </body>
      </html>
    </>
  );
}

/** "Data as of …", flagged when the data is ahead of the wall clock. */
export function AsOf(props: { asOf: Date; now: Date }) {
  const aheadMs = props.asOf.getTime() - props.now.getTime();
  const ahead = aheadMs > 60_000;
  const days = aheadMs / (24 * 3600 * 1000);
  return (
    <span class={ahead ? 'asof ahead' : 'asof'} data-testid="as-of">
      {`Data as of ${fmtTime(props.asOf.toISOString())}`}
      {ahead
        ? ` · ahead of the clock by ${days >= 1 ? `${days.toFixed(1)} days` : `${Math.round(aheadMs / 3_600_000)} h`} (simulated time)`
        : ''}
    </span>
  );
}
