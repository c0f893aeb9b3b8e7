import type { FakeHandler, FakeRequest } from './fake-openai';
import type { FakeReply } from './reply';

/** One step of a script: a fixed reply, or a function of the request that returns one. */
export type FakeTurn = FakeReply | ((request: FakeRequest) => FakeReply | Promise<FakeReply>);

/**
 * A handler that answers requests with `turns`, in order, retries included:
 * `[{ status: 429, retryAfter: 1 }, { text: 'Hi' }]` fails once, then answers the retry.
 * A request past the last turn makes the handler throw, which the fake answers with a
 * 500 and lists in `handlerErrors`.
 *
 * @example
 * fake.script(scriptedTurns([
 *   { toolCalls: [{ name: 'todo_create', arguments: { title: 'Milk' } }] },
 *   (req) => ({ text: req.toolResults[0]?.text.includes('error') ? 'It failed.' : 'Done.' }),
 * ]));
 */
export function scriptedTurns(turns: FakeTurn[]): FakeHandler {
  let next = 0;
  return (request) => {
    const turn = turns[next];
    if (turn === undefined) {
      throw new Error(
        `The script has ${turns.length} turns; request ${request.index} asked for turn ${next + 1}`,
      );
    }
    next += 1;
    return typeof turn === 'function' ? turn(request) : turn;
  };
}
