import { HEADERS, upsertAnswerSchema } from '@mana/contracts';
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
}

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
 * password, marked `kind = persona` and given its profile; then each shared space is
 * put with exactly its members. Idempotent: a second run reports everything unchanged.
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

  for (const persona of catalog.personas) {
    const answer = await call('POST', '/api/v1/admin/personas', {
      ...persona,
      password: derivePersonaPassword(options.seedSecret, persona.email),
    });
    const outcome = record(summary.personas, persona.email, answer);
    progress(`persona ${persona.email}: ${outcome}`);
  }
  for (const space of catalog.spaces) {
    const answer = await call('PUT', '/api/v1/admin/spaces', space);
    const outcome = record(summary.spaces, space.slug, answer);
    progress(`space ${space.slug}: ${outcome}`);
  }
  return summary;
}

function record(outcome: SeedOutcome, key: string, answer: UpsertAnswer): string {
  if (answer.created) {
    outcome.created.push(key);
    return 'created';
  }
  if (answer.changed) {
    outcome.updated.push(key);
    return 'updated';
  }
  outcome.unchanged.push(key);
  return 'unchanged';
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
