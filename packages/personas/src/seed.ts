import { HEADERS, upsertAnswerSchema } from '@mana/contracts';
import pLimit from 'p-limit';
import type { z } from 'zod';
import { loadCatalog } from './catalog';
import { derivePersonaPassword } from './password';
import type { Catalog } from './schema';

/** What {@link seedPersonas} needs to register the catalog. */
export interface SeedOptions {
  /** Base URL of the identity service, e.g. `http://localhost:3001`. */
  authUrl: string;
  serviceKey: string;
  /** The secret persona passwords are derived from (the runner must use the same). */
  seedSecret: string;
  catalog?: Catalog;
  fetch?: typeof fetch;
  /** Called with one line per persona and space, as they are done. */
  onProgress?: (line: string) => void;
  /**
   * Personas upserted at once (default {@link SEED_CONCURRENCY}). Each is a request and a
   * transaction; the identity service still hashes passwords one at a time by its own limit.
   */
  concurrency?: number;
}

/** Persona upserts in flight at once by default. */
export const SEED_CONCURRENCY = 8;

/** What happened to each persona or space, by email or slug. */
export interface SeedOutcome {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface SeedSummary {
  personas: SeedOutcome;
  spaces: SeedOutcome;
}

/** Raised when the identity service refuses a seed request. */
export class SeedError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SeedError';
  }
}

type UpsertAnswer = z.output<typeof upsertAnswerSchema>;

/**
 * Registers the catalog through the identity service's admin API, the same path any
 * account takes: each persona is signed up (or found) by email with its derived
 * password (none for a persona marked `password: false`), marked `kind = persona` and
 * given its profile, `concurrency` at a time; then each shared space is put with exactly
 * its members. Idempotent: a second run reports everything unchanged. The summary lists
 * personas in catalog order; progress lines come as each is done.
 */
export async function seedPersonas(options: SeedOptions): Promise<SeedSummary> {
  const catalog = options.catalog ?? loadCatalog();
  const doFetch = options.fetch ?? fetch;
  const base = options.authUrl.replace(/\/+$/, '');
  const progress = options.onProgress ?? (() => {});
  const summary: SeedSummary = {
    personas: { created: [], updated: [], unchanged: [] },
    spaces: { created: [], updated: [], unchanged: [] },
  };

  const call = async (method: string, path: string, body: unknown): Promise<UpsertAnswer> => {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', [HEADERS.serviceKey]: options.serviceKey },
        body: JSON.stringify(body),
      });
    } catch (cause) {
      throw new SeedError(`cannot reach the identity service at ${base}: ${String(cause)}`);
    }
    const text = await response.text();
    if (!response.ok) {
      throw new SeedError(
        `${method} ${path} answered ${response.status}: ${text}`,
        response.status,
      );
    }
    const parsed = upsertAnswerSchema.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new SeedError(`${method} ${path} answered an unexpected body: ${text.slice(0, 200)}`);
    }
    return parsed.data;
  };

  const limit = pLimit(Math.max(1, options.concurrency ?? SEED_CONCURRENCY));
  const answers = await Promise.all(
    catalog.personas.map(({ password, ...persona }) =>
      limit(async () => {
        const answer = await call('POST', '/api/v1/admin/personas', {
          ...persona,
          ...(password === false
            ? {}
            : { password: derivePersonaPassword(options.seedSecret, persona.email) }),
        });
        progress(`persona ${persona.email}: ${outcomeOf(answer)}`);
        return answer;
      }),
    ),
  ).catch((error: unknown) => {
    // The first refusal stops the rest: nothing more is sent once one failed.
    limit.clearQueue();
    throw error;
  });
  catalog.personas.forEach((persona, i) => {
    const answer = answers[i];
    if (answer) record(summary.personas, persona.email, answer);
  });
  for (const space of catalog.spaces) {
    const answer = await call('PUT', '/api/v1/admin/spaces', space);
    progress(`space ${space.slug}: ${record(summary.spaces, space.slug, answer)}`);
  }
  return summary;
}

function outcomeOf(answer: UpsertAnswer): 'created' | 'updated' | 'unchanged' {
  return answer.created ? 'created' : answer.changed ? 'updated' : 'unchanged';
}

function record(outcome: SeedOutcome, key: string, answer: UpsertAnswer): string {
  const kind = outcomeOf(answer);
  outcome[kind].push(key);
  return kind;
}

/** One line for people: what the seed did, or that there was nothing to do. */
export function describeSeed(summary: SeedSummary): string {
  const { personas, spaces } = summary;
  const changed =
    personas.created.length +
    personas.updated.length +
    spaces.created.length +
    spaces.updated.length;
  if (changed === 0) {
    return `nothing to do: all ${personas.unchanged.length} personas and ${spaces.unchanged.length} shared spaces are already seeded`;
  }
  const part = (o: SeedOutcome) =>
    `${o.created.length} created, ${o.updated.length} updated, ${o.unchanged.length} unchanged`;
  return `personas: ${part(personas)}; shared spaces: ${part(spaces)}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
