import { describe, expect, it } from 'vitest';
import { PARSE_FAILURE_MODULE, parseRatings } from './parse-ratings';

const used = ['todo', 'journal'];

describe('parseRatings', () => {
  it('reads plain strict JSON', () => {
    expect(
      parseRatings(
        '{"ratings":[{"module":"todo","rating":4,"notes":"fast"},{"module":"journal","rating":2,"notes":"lost my entry"}]}',
        used,
      ),
    ).toEqual([
      { module: 'todo', rating: 4, notes: 'fast' },
      { module: 'journal', rating: 2, notes: 'lost my entry' },
    ]);
  });

  it('tolerates code fences, prose and whitespace', () => {
    const text =
      'Sure! Here is my rating:\n\n```json\n{ "ratings": [ { "module": "todo", "rating": 5, "notes": "lief" } ] }\n```\nHope that helps.';
    expect(parseRatings(text, used)).toEqual([{ module: 'todo', rating: 5, notes: 'lief' }]);
    const bare =
      'My verdict {"ratings":[{"module":"journal","rating":3,"notes":"ok {fine}"}]} — done';
    expect(parseRatings(bare, used)).toEqual([
      { module: 'journal', rating: 3, notes: 'ok {fine}' },
    ]);
    expect(parseRatings('  [ {"module":"todo","rating":"4"} ]  ', used)).toEqual([
      { module: 'todo', rating: 4, notes: '' },
    ]);
  });

  it('clamps to 1..5, rounds, drops unused and repeated modules', () => {
    const text = JSON.stringify({
      ratings: [
        { module: 'todo', rating: 9, notes: 'a' },
        { module: 'TODO', rating: 1, notes: 'again' },
        { module: 'journal', rating: -3, notes: 'b' },
        { module: 'calendar', rating: 5, notes: 'never used' },
      ],
    });
    expect(parseRatings(text, used)).toEqual([
      { module: 'todo', rating: 5, notes: 'a' },
      { module: 'journal', rating: 1, notes: 'b' },
    ]);
    expect(parseRatings('{"ratings":[{"module":"todo","rating":3.6}]}', used)[0]?.rating).toBe(4);
  });

  it('turns garbage into one __parse row carrying the raw answer', () => {
    for (const text of ['I loved it all!', '{"ratings": "great"}', '```json\n{broken\n```', '']) {
      const rows = parseRatings(text, used);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ module: PARSE_FAILURE_MODULE, rating: 1 });
      expect(rows[0]?.notes).toContain(text.trim().slice(0, 20));
    }
  });

  it('when only unused modules are rated, that is no usable answer either', () => {
    expect(parseRatings('{"ratings":[{"module":"calendar","rating":5}]}', used)[0]?.module).toBe(
      PARSE_FAILURE_MODULE,
    );
    expect(parseRatings('{"ratings":[]}', used)).toEqual([]);
    expect(parseRatings('nothing', [])).toEqual([]);
  });
});
