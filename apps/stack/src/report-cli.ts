import { parseArgs } from 'node:util';
import {
  buildReport,
  compareSides,
  type OperatorReport,
  type PeriodComparison,
  parseCompareSpec,
  parseSpan,
} from '@mana/analytics';
import { HEADERS } from '@mana/contracts';
import { createDatabase, DatabaseError } from '@mana/db';
import { appTools } from '@mana/tool-registry';
import { parseStackEnv } from './env';
import { formatReport } from './report-format';

// `npm run report -- [--since 7d] [--json] [--fail-on-alert]`: overview, module trends,
// regression alerts, coverage and blind spots in the terminal, or as JSON for CI; with
// --fail-on-alert it exits 1 when any alert fires (blind spots never fail it).
// `--compare v1.3..v1.4` prints the two releases (or `<ISO>/<ISO>` spans) side by side as
// JSON; with --fail-on-regression it exits 1 when the comparison finds a regression.
// Reads the configured database; when `npm start` holds the embedded one, asks the
// running console.
const usage =
  'usage: npm run report -- [--since 7d] [--json] [--fail-on-alert] [--compare v1.3..v1.4 [--fail-on-regression]] [--console-url http://127.0.0.1:3000]';
let values: {
  since: string;
  json: boolean;
  'fail-on-alert': boolean;
  compare: string | undefined;
  'fail-on-regression': boolean;
  'console-url': string;
  help: boolean;
};
try {
  values = parseArgs({
    options: {
      since: { type: 'string', default: '7d' },
      json: { type: 'boolean', default: false },
      'fail-on-alert': { type: 'boolean', default: false },
      compare: { type: 'string' },
      'fail-on-regression': { type: 'boolean', default: false },
      'console-url': { type: 'string', default: 'http://127.0.0.1:3000' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }).values as typeof values;
} catch (error) {
  process.stderr.write(
    `report: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`,
  );
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
let sinceDays: number;
try {
  sinceDays = parseSpan(values.since);
} catch (error) {
  process.stderr.write(
    `report: --since ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(2);
}

const env = parseStackEnv();
if (values.compare !== undefined) {
  const sides = parseCompareSpec(values.compare);
  if (!sides) {
    process.stderr.write(`report: --compare "${values.compare}" is not <before>..<after>\n`);
    process.exit(2);
  }
  const comparison = await loadComparison(sides[0], sides[1]);
  process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
  process.exit(values['fail-on-regression'] && comparison.regressions.length > 0 ? 1 : 0);
}
const report = await load();
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else process.stdout.write(`${formatReport(report).join('\n')}\n`);
process.exit(values['fail-on-alert'] && report.alerts.length > 0 ? 1 : 0);

async function load(): Promise<OperatorReport> {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  try {
    database = await createDatabase(env.databaseUrl);
  } catch (error) {
    if (error instanceof DatabaseError && error.code === 'DATABASE_LOCKED') return fromConsole();
    throw error;
  }
  try {
    // The app's writes: only they can lose what they store, so only they are silent-write blind spots.
    const writeTools = new Set(appTools.filter((t) => t.policyHint !== 'read').map((t) => t.name));
    return await buildReport(database.db, { sinceDays, writeTools });
  } finally {
    await database.close();
  }
}

async function fromConsole(): Promise<OperatorReport> {
  const url = `${values['console-url'].replace(/\/+$/, '')}/api/report?since=${encodeURIComponent(values.since)}`;
  try {
    const response = await fetch(url, { headers: { [HEADERS.serviceKey]: env.serviceKey } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as OperatorReport;
  } catch (error) {
    process.stderr.write(
      `report: the embedded database is in use (npm start?) and the console at ${values['console-url']} did not answer: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}

async function loadComparison(before: string, after: string): Promise<PeriodComparison> {
  let result: Awaited<ReturnType<typeof compareSides>>;
  let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
  try {
    database = await createDatabase(env.databaseUrl);
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === 'DATABASE_LOCKED')) throw error;
  }
  if (database) {
    try {
      result = await compareSides(database.db, before, after);
    } finally {
      await database.close();
    }
  } else {
    const base = values['console-url'].replace(/\/+$/, '');
    const query = new URLSearchParams({ before, after });
    const response = await fetch(`${base}/api/compare?${query}`, {
      headers: { [HEADERS.serviceKey]: env.serviceKey },
    }).catch((error: unknown) => {
      process.stderr.write(`report: the console at ${base} did not answer: ${String(error)}\n`);
      process.exit(1);
    });
    const body = (await response.json()) as PeriodComparison | { error: { message: string } };
    if ('error' in body) {
      process.stderr.write(`report: --compare ${body.error.message}\n`);
      process.exit(2);
    }
    return body;
  }
  if ('error' in result) {
    process.stderr.write(`report: --compare ${result.field}: ${result.error}\n`);
    process.exit(2);
  }
  return result;
}
