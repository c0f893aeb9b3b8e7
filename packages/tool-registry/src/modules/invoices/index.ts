import { invoicesCreate } from './create';
import { invoicesDelete } from './delete';
import { invoicesGet } from './get';
import { invoicesList } from './list';
import { invoicesMarkPaid } from './mark-paid';
import { invoicesSend } from './send';
import { invoicesUpdate } from './update';
import { invoicesVoid } from './void';

/** The invoices module: numbered bills that go draft → sent → paid (or void). */
export const invoicesTools = [
  invoicesCreate,
  invoicesList,
  invoicesGet,
  invoicesUpdate,
  invoicesSend,
  invoicesMarkPaid,
  invoicesVoid,
  invoicesDelete,
];
export { type InvoiceLine, invoices } from './table';
