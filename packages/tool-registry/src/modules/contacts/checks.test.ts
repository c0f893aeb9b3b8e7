import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { contactsCreate } from './create';
import { contactsLogInteraction } from './log-interaction';
import { contactsUpdate } from './update';

/** A contact to change or be in touch with, next to another of a similar name. */
async function aContact(bed: ToolTestBed): Promise<string> {
  await bed.call(contactsCreate, { name: 'Anna Weberling' });
  const { contact } = await bed.call(contactsCreate, {
    name: 'Anna Weber',
    email: 'anna@weber.example',
    company: 'Weber GmbH',
  });
  return contact.id;
}

describeToolChecks('contacts', [
  {
    tool: contactsCreate,
    input: async () => ({
      name: ' Jonas Richter ',
      email: 'jonas.richter@example.org',
      phone: '+49 30 1234567',
      company: 'Richter & Söhne',
      role: 'Steuerberater',
      tags: ['steuer'],
    }),
  },
  {
    tool: contactsUpdate,
    input: async (bed) => ({
      id: await aContact(bed),
      name: 'Anna Weber-Schulz',
      role: 'CFO',
      email: null,
    }),
  },
  {
    tool: contactsLogInteraction,
    input: async (bed) => ({
      contactId: await aContact(bed),
      channel: 'call',
      summary: 'Angebot für Q1 besprochen',
      happenedAt: '2026-11-24T16:00:00+01:00',
    }),
  },
]);
