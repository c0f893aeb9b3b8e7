import type { FakeHandler, FakeRequest } from './fake-anthropic';
import type { FakeReply } from './reply';
import type { SideRequestKind } from './side-requests';

/** One step of a script: a fixed reply, or a function of the request that returns one. */
export type FakeTurn = FakeReply | ((request: FakeRequest) => FakeReply | Promise<FakeReply>);

/** Options of {@link scriptedTurns}. */
export interface ScriptedTurnsOptions {
  /** How to answer the CLI's side requests; defaults to {@link sideReply}. */
  side?: (kind: SideRequestKind, request: FakeRequest) => FakeReply;
}

/** A plausible answer to a side request: a JSON title, or one token for the quota check. */
export function sideReply(kind: SideRequestKind): FakeReply {
  return kind === 'title'
    ? { text: '{"title":"Fake session"}' }
    : { text: 'ok', stopReason: 'max_tokens' };
}

/**
 * A handler that answers the conversation's requests with `turns`, in order, and the
 * CLI's side requests (see {@link SideRequestKind}) on its own, so a script does not
 * shift when the CLI sends a title request in between. Every conversation request takes
 * the next turn, retries included: `[{ status: 429 }, { text: 'Hi' }]` fails once, then
 * answers the retry. A request past the last turn makes the handler throw, which the fake
 * answers with a 500 the CLI does not retry and lists in `handlerErrors`.
 *
 * @example
 * fake.script(scriptedTurns([
 *   { toolUses: [{ name: 'mcp__mana__todo_create', input: { title: 'Milk' } }] },
 *   (req) => ({ text: req.toolResults[0]?.isError ? 'It failed.' : 'Done.' }),
 * ]));
 */
export function scriptedTurns(turns: FakeTurn[], options: ScriptedTurnsOptions = {}): FakeHandler {
  const side = options.side ?? sideReply;
  let next = 0;
  return (request) => {
    if (request.sideRequest) return side(request.sideRequest, request);
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
