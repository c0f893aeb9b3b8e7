import { createHash } from 'node:crypto';
import type { PersonaSpace } from '../clients/identity';

/** Share of days a persona with shared spaces spends in one of them. */
export const SHARED_SPACE_SHARE = 0.3;

/**
 * The space a persona acts in today: its personal space most days, one of its shared
 * spaces (family, team, …) on about 30 % of days. Decided by the persona and the day, so
 * it is the same on a rerun and independent of database ids.
 */
export function chooseSpace(
  email: string,
  day: Date,
  spaces: readonly PersonaSpace[],
): PersonaSpace | undefined {
  const personal = spaces.find((s) => s.type === 'personal');
  const shared = [...spaces.filter((s) => s.type !== 'personal')].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  if (shared.length === 0) return personal;
  const digest = createHash('sha256')
    .update(`${email}|${day.toISOString().slice(0, 10)}`)
    .digest();
  const roll = digest.readUInt32BE(0) / 0x1_0000_0000;
  if (personal && roll >= SHARED_SPACE_SHARE) return personal;
  return shared[digest.readUInt32BE(4) % shared.length];
}
