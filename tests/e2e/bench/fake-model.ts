import { type FakeReply, type FakeRequest, startFakeAnthropic } from '@mana/fake-anthropic';

// The model of `npm run bench:brains` (forked by brains.ts with an IPC channel, never by
// hand): the fake Anthropic API in a process of its own, so its CPU (parsing every
// request, streaming every answer) and its memory (it keeps every request) do not count
// as the runner's. It says `{ url }` once listening and exits when the channel closes.
// BENCH_LATENCY_MS: the model's time, waited before every conversation answer.
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 500);

/** The persona as a model: list something of the first module, stop, rate. */
function personaTurn(request: FakeRequest): FakeReply {
  if (request.sideRequest) {
    return request.sideRequest === 'title' ? { text: '{"title":"Day"}' } : { text: 'ok' };
  }
  if (!request.hasTools) {
    const list = /(?:Rate only these modules|Bewerte nur diese Module): ([^\n.]+)/.exec(
      request.lastUserText,
    );
    const ratings = (list?.[1] ?? '')
      .split(',')
      .map((module) => ({ module: module.trim(), rating: 4, notes: 'fine' }));
    return { text: JSON.stringify({ ratings }), delayMs: latencyMs };
  }
  const listTool = request.toolNames.find((n) => /_(list|search)/.test(n));
  if (request.toolResults.length === 0 && listTool) {
    return { toolUses: [{ name: listTool, input: {} }], delayMs: latencyMs };
  }
  return { text: 'That was my day.', delayMs: latencyMs };
}

const fake = await startFakeAnthropic({ handler: personaTurn });
// Only the answers matter here; dropping the recorded requests keeps this process small.
const keep = setInterval(() => fake.requests.splice(0), 1_000);
process.send?.({ url: fake.url });
process.on('disconnect', () => {
  clearInterval(keep);
  void fake.close().finally(() => process.exit(0));
});
