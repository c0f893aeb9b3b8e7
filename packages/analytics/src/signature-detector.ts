import { createHash } from 'node:crypto';
import { plural } from './alert-text';
import type { Hypothesis } from './alerts';
import { newSignatureTest } from './conditional-binomial';
import { NO_CALLS, type SeriesCounts, type SignatureCounts } from './series-data';
import type { RegressionThresholds } from './thresholds';

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
 * New (or far more frequent) error signatures per tool: every (tool, signature) seen in
 * either window is a hypothesis, tested with the exact conditional test (of its k
 * occurrences, at least k_r in the recent window: a binomial tail with
 * q = n_r / (n_r + n_b), n = the tool's calls; all of them: q^k). Every outcome kind
 * counts, `invalid_input` included: a tightened validation shows as new refusal
 * messages — or, when the old limit refused with the same message class ("must be at
 * most <n> characters"), as that refusal growing from a persona's rare mistake to most
 * calls. The effect: absent from the baseline, or its share of the tool's calls up by at
 * least `minFailureRateRise` and at least doubled.
 */
export function newSignatureHypotheses(
  signatures: readonly SignatureCounts[],
  series: readonly SeriesCounts[],
  thresholds: Pick<RegressionThresholds, 'minFailureRateRise'>,
): Hypothesis[] {
  const calls = new Map(series.filter((s) => s.tool !== null).map((s) => [s.tool, s]));
  return signatures.map((g) => {
    const tool = calls.get(g.tool);
    const b = (tool?.baseline ?? NO_CALLS).calls;
    const r = (tool?.recent ?? NO_CALLS).calls;
    const test = newSignatureTest(g.recent, g.baseline, r, b);
    const kinds = g.outcomes.map((o) => OUTCOME_WORDS[o] ?? o).join(', ');
    const before = b > 0 ? g.baseline / b : 0;
    const after = r > 0 ? g.recent / r : 0;
    const rose =
      g.baseline > 0 &&
      after - before >= thresholds.minFailureRateRise - 1e-12 &&
      after >= 2 * before;
    const since =
      g.baseline === 0
        ? `never in ${plural(b, 'call')} before`
        : `up from ${g.baseline} of ${plural(b, 'call')} before`;
    return {
      p: test.p,
      pMin: test.pMin,
      effectOk: g.recent > 0 && (g.baseline === 0 || rose),
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
        summary: `${g.tool}: ${g.baseline === 0 ? 'new' : 'more'} ${kinds} "${g.signature}" in ${g.recent} of ${plural(r, 'recent call')}, ${since}`,
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
