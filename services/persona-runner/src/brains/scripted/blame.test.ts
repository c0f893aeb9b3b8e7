import { describe, expect, it } from 'vitest';
import { blame } from './blame';

const shows = { shows: true } as const;
const missing = (seen: string) => ({ shows: false, expected: 'a todo "Milk"', seen }) as const;

describe('blame', () => {
  it('passes the write when every probe that answered shows it, by the first, and each probe by the write', () => {
    expect(
      blame(3, [
        { index: 4, verdict: shows },
        { index: 5, verdict: shows },
      ]),
    ).toEqual([
      { index: 3, check: { status: 'passed', by: 4 } },
      { index: 4, check: { status: 'passed', by: 3 } },
      { index: 5, check: { status: 'passed', by: 3 } },
    ]);
  });

  it('fails the write when no probe shows it, by the first, and leaves the probes alone', () => {
    expect(
      blame(3, [
        { index: 4, verdict: missing('not in the 12 todos listed') },
        { index: 5, verdict: missing('title "Mil"') },
      ]),
    ).toEqual([
      {
        index: 3,
        check: {
          status: 'failed',
          by: 4,
          expected: 'a todo "Milk"',
          seen: 'not in the 12 todos listed',
        },
      },
    ]);
  });

  it('passes the write and blames each read that left it out when another read shows it', () => {
    expect(
      blame(0, [
        { index: 1, verdict: missing('not in the 3 todos listed') },
        { index: 2, verdict: shows },
        { index: 3, verdict: missing('not the one todo listed') },
      ]),
    ).toEqual([
      { index: 0, check: { status: 'passed', by: 2 } },
      // The read that showed it is a checked answer too: the base of its own rate.
      { index: 2, check: { status: 'passed', by: 0 } },
      {
        index: 1,
        check: {
          status: 'failed',
          by: 2,
          expected: 'a todo "Milk"',
          seen: 'not in the 3 todos listed',
        },
      },
      {
        index: 3,
        check: {
          status: 'failed',
          by: 2,
          expected: 'a todo "Milk"',
          seen: 'not the one todo listed',
        },
      },
    ]);
  });

  it('ignores probes that errored; with none answering there is no verdict', () => {
    expect(blame(0, [{ index: 1 }, { index: 2, verdict: shows }])).toEqual([
      { index: 0, check: { status: 'passed', by: 2 } },
      { index: 2, check: { status: 'passed', by: 0 } },
    ]);
    expect(blame(0, [{ index: 1 }, { index: 2, verdict: missing('x') }])).toEqual([
      { index: 0, check: { status: 'failed', by: 2, expected: 'a todo "Milk"', seen: 'x' } },
    ]);
    expect(blame(0, [{ index: 1 }, { index: 2 }])).toEqual([]);
    expect(blame(0, [])).toEqual([]);
  });
});
