import { SPACE_TYPES, type SpaceType } from '@mana/contracts';
import { members, organizations } from '@mana/db';
import { z } from 'zod';
import { iso, isoOut } from '../../fields';
import type { ToolContext } from '../../tool-spec';

/** A space as the caller sees it, with the caller's role in it. */
export const spaceOut = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(SPACE_TYPES),
  role: z.string().describe('Your role in the space: owner, admin or member'),
  current: z.boolean().describe('Whether tools act in this space right now'),
  createdAt: isoOut,
});

/** The columns {@link toSpace} reads, selected with the caller's membership. */
export const spaceColumns = {
  id: organizations.id,
  name: organizations.name,
  type: organizations.type,
  createdAt: organizations.createdAt,
  role: members.role,
};

/** A space joined with the caller's membership row. */
export interface SpaceRow {
  id: string;
  name: string;
  type: SpaceType;
  createdAt: Date;
  role: string;
}

/** Maps a space joined with the caller's membership to {@link spaceOut}. */
export function toSpace(row: SpaceRow, ctx: ToolContext): z.input<typeof spaceOut> {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    role: row.role,
    current: row.id === ctx.spaceId,
    createdAt: iso(row.createdAt),
  };
}
