import { describeToolChecks } from '../../testing/check-acceptance';
import { dreamsRecord } from './record';
import { dreamsUpdate } from './update';

describeToolChecks('dreams', [
  {
    tool: dreamsRecord,
    input: async () => ({
      title: 'Flug über Hamburg',
      description: ' Ich flog über den Hafen, die Kräne waren aus Papier. ',
      dreamtOn: '2026-11-24',
      lucid: true,
      vividness: 4,
      emotions: ['Frei', 'staunend'],
      tags: ['fliegen'],
    }),
  },
  {
    tool: dreamsUpdate,
    input: async (bed) => {
      await bed.call(dreamsRecord, { title: 'Prüfung verpasst', description: 'Wieder zu spät.' });
      const { dream } = await bed.call(dreamsRecord, {
        title: 'Im Zug',
        description: 'Ein Zug ohne Halt.',
      });
      return { id: dream.id, title: 'Im Nachtzug', vividness: 2, emotions: ['unruhig'] };
    },
  },
]);
