import { describeToolChecks } from '../../testing/check-acceptance';
import { moodLog } from './log';
import { moodUpdate } from './update';

describeToolChecks('mood', [
  {
    tool: moodLog,
    input: async () => ({
      score: 4,
      emotions: ['Ruhig', 'dankbar', 'ruhig'],
      note: 'Guter Schlaf',
      recordedAt: '2026-11-25T07:30:00+01:00',
    }),
  },
  {
    tool: moodUpdate,
    input: async (bed) => {
      const { entry } = await bed.call(moodLog, { score: 2, emotions: ['müde'] });
      return { id: entry.id, score: 3, emotions: ['erschöpft', 'gelassen'], note: null };
    },
  },
]);
