import { DEV_PERSONA_SEED_SECRET } from '@mana/contracts';
import { z } from 'zod';
import { derivePersonaPassword } from '../password';

// `npm run persona:password -- <email>`: prints a persona's derived password, so a person
// can log in as it (e.g. to connect an MCP client the way the runner does).
const env = z
  .object({
    NODE_ENV: z.string().default('development'),
    PERSONA_SEED_SECRET: z.string().optional(),
  })
  .parse(process.env);
const email = process.argv[2];
if (!email || !z.email().safeParse(email).success) {
  process.stderr.write('usage: npm run persona:password -- persona.anna@mana.test\n');
  process.exit(2);
}
const secret =
  env.PERSONA_SEED_SECRET || (env.NODE_ENV === 'production' ? '' : DEV_PERSONA_SEED_SECRET);
if (!secret) {
  process.stderr.write('PERSONA_SEED_SECRET is required in production\n');
  process.exit(2);
}
process.stdout.write(`${derivePersonaPassword(secret, email)}\n`);
