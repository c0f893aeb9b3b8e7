import { DEV_PERSONA_SEED_SECRET, DEV_SERVICE_KEY } from '@mana/contracts';
import { z } from 'zod';
import { describeSeed, seedPersonas } from '../seed';

// `npm run seed:personas`: registers the catalog against a running identity service.
const env = z
  .object({
    NODE_ENV: z.string().default('development'),
    MANA_AUTH_URL: z.url().default('http://localhost:3001'),
    MANA_SERVICE_KEY: z.string().optional(),
    PERSONA_SEED_SECRET: z.string().optional(),
  })
  .parse(process.env);

const production = env.NODE_ENV === 'production';
const serviceKey = env.MANA_SERVICE_KEY || (production ? '' : DEV_SERVICE_KEY);
const seedSecret = env.PERSONA_SEED_SECRET || (production ? '' : DEV_PERSONA_SEED_SECRET);
if (!serviceKey || !seedSecret) {
  process.stderr.write(
    'seed:personas needs MANA_SERVICE_KEY and PERSONA_SEED_SECRET in production\n',
  );
  process.exit(2);
}

try {
  const summary = await seedPersonas({
    authUrl: env.MANA_AUTH_URL,
    serviceKey,
    seedSecret,
    onProgress: (line) => process.stdout.write(`  ${line}\n`),
  });
  process.stdout.write(`${describeSeed(summary)}\n`);
} catch (error) {
  process.stderr.write(
    `seed:personas failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
