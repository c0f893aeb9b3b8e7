import { describeToolChecks } from '../../testing/check-acceptance';
import { journalCreateEntry } from './create-entry';
import { journalUpdateEntry } from './update-entry';

describeToolChecks('journal', [
  {
    tool: journalCreateEntry,
    input: async () => ({
      body: ' Lange Wanderung am Elbufer, danach müde und zufrieden. ',
      title: 'Elbe',
      entryDate: '2026-11-23',
      tags: ['draußen'],
    }),
  },
  {
    tool: journalUpdateEntry,
    input: async (bed) => {
      await bed.call(journalCreateEntry, { body: 'Ein ruhiger Tag.' });
      const { entry } = await bed.call(journalCreateEntry, {
        body: 'Vorlesung ausgefallen, Bibliothek statt Hörsaal.',
        title: 'Uni',
      });
      return { id: entry.id, body: 'Vorlesung ausgefallen; den Nachmittag gelesen.', title: null };
    },
  },
]);
