import type { CallCheck } from '@mana/contracts';
import type { ProbeVerdict } from './probe-verdict';

/** One read made to check a write: its index in the day, and what it showed. */
export interface ProbeOutcome {
  index: number;
  /** Absent when the probe failed (an error): it says nothing about the write. */
  verdict?: ProbeVerdict;
}

/** A verdict to pass to `DayContext.judge`. */
export interface Judgement {
  index: number;
  check: CallCheck;
}

/**
 * Who is to blame, from the probes of one write (in the order they were made):
 * - every probe that answered showed the effect → the write `passed`, `by` the first;
 *   each probe that showed it `passed` too, `by` the write it agreed with — a read's
 *   checked answers are what its own failed-check rate is measured against (without
 *   them a read that starts leaving rows out has no baseline, and only the module, or
 *   the write, would be blamed);
 * - every probe that answered failed to show it → the write `failed`, `by` the first,
 *   with that probe's `expected`/`seen`; the probes get no verdict (they told the truth);
 * - some showed it and some did not → the write `passed` (`by` the first that showed
 *   it), and each probe that did not gets its own `failed` verdict, `by` the probe that
 *   showed it: that read left out what another read had;
 * - a probe that errored is inconclusive and ignored; with no probe answering, there is
 *   no verdict at all.
 */
export function blame(writeIndex: number, probes: readonly ProbeOutcome[]): Judgement[] {
  const answered = probes.filter(
    (p): p is ProbeOutcome & { verdict: ProbeVerdict } => p.verdict !== undefined,
  );
  const showing = answered.filter((p) => p.verdict.shows);
  const missing = answered.filter(
    (p): p is ProbeOutcome & { verdict: Extract<ProbeVerdict, { shows: false }> } =>
      !p.verdict.shows,
  );
  const [firstShowing] = showing;
  const [firstMissing] = missing;
  if (!firstShowing) {
    if (!firstMissing) return [];
    const { expected, seen } = firstMissing.verdict;
    return [
      { index: writeIndex, check: { status: 'failed', by: firstMissing.index, expected, seen } },
    ];
  }
  return [
    { index: writeIndex, check: { status: 'passed', by: firstShowing.index } },
    ...showing.map((probe) => ({
      index: probe.index,
      check: { status: 'passed' as const, by: writeIndex },
    })),
    ...missing.map((probe) => ({
      index: probe.index,
      check: {
        status: 'failed' as const,
        by: firstShowing.index,
        expected: probe.verdict.expected,
        seen: probe.verdict.seen,
      },
    })),
  ];
}
