import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { invoicesCreate } from './create';
import { invoicesMarkPaid } from './mark-paid';
import { invoicesSend } from './send';
import { invoicesUpdate } from './update';
import { invoicesVoid } from './void';

const consulting = { description: 'Beratung, November', quantity: 6, unitPriceCents: 9500 };

/** A draft to act on (sent first when `sent`), next to another invoice. */
async function aDraft(bed: ToolTestBed, sent = false): Promise<string> {
  await bed.call(invoicesCreate, { clientName: 'Schulz KG', lines: [consulting] });
  const { invoice } = await bed.call(invoicesCreate, {
    clientName: 'Weber GmbH',
    clientEmail: 'buchhaltung@weber.example',
    lines: [consulting],
  });
  if (sent) await bed.call(invoicesSend, { id: invoice.id });
  return invoice.id;
}

describeToolChecks('invoices', [
  {
    tool: invoicesCreate,
    input: async () => ({
      clientName: ' Richter & Söhne ',
      clientEmail: 'rechnung@richter.example',
      lines: [
        { description: 'Website-Relaunch', quantity: 1, unitPriceCents: 250000 },
        { description: 'Hosting, 12 Monate', quantity: 12, unitPriceCents: 1500 },
      ],
      dueInDays: 30,
      notes: 'Zahlbar ohne Abzug',
    }),
  },
  {
    tool: invoicesUpdate,
    input: async (bed) => ({
      id: await aDraft(bed),
      lines: [{ ...consulting, quantity: 7.5 }],
      dueOn: '2026-12-20',
      notes: 'Bitte Rechnungsnummer angeben',
    }),
  },
  { tool: invoicesSend, input: async (bed) => ({ id: await aDraft(bed) }) },
  { tool: invoicesMarkPaid, input: async (bed) => ({ id: await aDraft(bed, true) }) },
  { tool: invoicesVoid, input: async (bed) => ({ id: await aDraft(bed, true) }) },
]);
