import type { Admin } from '../auth/admin-verifier';
import { Layout } from './layout';

/** Headlines of the error pages, by status. */
const HEADLINES: Record<number, string> = {
  400: 'That request is not valid',
  403: 'Not allowed',
  404: 'Not found',
  500: 'Something went wrong',
};

/** An error page: a headline for the status and a message (never a stack trace). */
export function ErrorPage(props: { status: number; message: string; admin?: Admin | undefined }) {
  return (
    <Layout title={HEADLINES[props.status] ?? 'Error'} nav="none" admin={props.admin}>
      <div class="card" data-testid="error-page" data-status={String(props.status)}>
        <h1>{HEADLINES[props.status] ?? `Error ${props.status}`}</h1>
        <p>{props.message}</p>
        <p>
          <a href="/">Back to the overview</a>
        </p>
      </div>
    </Layout>
  );
}
