import catalogFile from './catalog.json' with { type: 'json' };
import { type Catalog, catalogSchema } from './schema';

/**
 * The persona catalog, validated. Parsing throws naming the offending entry, so a bad
 * edit of `catalog.json` fails the first test or start-up that loads it.
 */
export function loadCatalog(source: unknown = catalogFile): Catalog {
  const parsed = catalogSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid persona catalog:\n  ${fields.join('\n  ')}`);
  }
  return parsed.data;
}
