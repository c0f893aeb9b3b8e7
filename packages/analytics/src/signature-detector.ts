import { createHash } from 'node:crypto';
import { plural } from './alert-text';
import type { Hypothesis } from './alerts';
import { newSignatureTest } from './conditional-binomial';
import { NO_CALLS, type SeriesCounts, type SignatureCounts } from './series-data';

/** A short stable id for a signature (alert ids end up in URLs). */
export function signatureHash(signature: string): string {
  return createHash('sha256').update(signature).digest('hex').slice(0, 10);
}

const OUTCOME_WORDS: Record<string, string> = {
  invalid_input: 'invalid input',
  app_error: 'app error',
  timeout: 'timeout',
  transport: 'transport',
  check_failed: 'failed check',
  ok: 'ok',
};

/**
 * New error signatures per tool: every (tool, signature) seen in either window is a
 * hypothesis; one absent from the baseline is tested with the exact conditional test
 * (all k occurrences in the recent window: p = (n_r / (n_r + n_b))^k, n = the tool's
 * calls). Every outcome kind counts, `invalid_input` included: a tightened validation
 * shows as new refusal messages. Signatures the baseline had keep p = 1 but stay in the
 * family (Tarone counts them only when their k could make them significant).
 */
export function newSignatureHypotheses(
  signatures: readonly SignatureCounts[],
  series: readonly SeriesCounts[],
): Hypothesis[] {
  const calls = new Map(series.filter((s) => s.tool !== null).map((s) => [s.tool, s]));
  return signatures.map((g) => {
    const tool = calls.get(g.tool);
    const b = (tool?.baseline ?? NO_CALLS).calls;
    const r = (tool?.recent ?? NO_CALLS).calls;
    const test = newSignatureTest(g.recent, g.baseline, r, b);
    const kinds = g.outcomes.map((o) => OUTCOME_WORDS[o] ?? o).join(', ');
    return {
      p: test.p,
      pMin: test.pMin,
      effectOk: g.baseline === 0 && g.recent > 0,
      draft: {
        id: `new_signature:${g.tool}:${signatureHash(g.signature)}`,
        kind: 'new_signature',
        scope: 'tool',
        module: g.module,
        tool: g.tool,
        test: 'conditional-binomial',
        statistic: { name: 'occurrences', value: g.recent + g.baseline },
        z: null,
        p: test.p,
        pMin: test.pMin,
        summary: `${g.tool}: new ${kinds} "${g.signature}" in ${g.recent} of ${plural(r, 'recent call')}, never in ${plural(b, 'call')} before`,
        numbers: {
          baseline: `${g.baseline} of ${plural(b, 'call')}`,
          recent: `${g.recent} of ${plural(r, 'call')}`,
        },
        signature: g.signature,
        example: g.example,
        outcomes: g.outcomes,
        baseline: { calls: b, occurrences: g.baseline },
        recent: { calls: r, occurrences: g.recent },
      },
    };
  });
}
