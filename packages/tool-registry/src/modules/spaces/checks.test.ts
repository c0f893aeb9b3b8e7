import { randomUUID } from 'node:crypto';
import { members } from '@mana/db';
import { describeToolChecks } from '../../testing/check-acceptance';
import { spacesRename } from './rename';

let renames = 0;

describeToolChecks(
  'spaces',
  [
    {
      tool: spacesRename,
      input: async () => {
        renames += 1;
        return { name: `Familie Weber ${renames}` };
      },
    },
  ],
  {
    // Renaming needs an owner; the test bed's user owns space A.
    setup: async (bed) => {
      await bed.db.insert(members).values({
        id: randomUUID(),
        organizationId: bed.spaceA,
        userId: bed.userId,
        role: 'owner',
      });
    },
  },
);
