import { parseArgs } from 'node:util';
import { demoHandler } from './demo-handler';
import { startFakeOpenAI } from './fake-openai';

// `npm start -w @mana/fake-openai -- [--port 4010] [--delay-ms 0]`: the fake on its own,
// answering with the demo persona, e.g. for `PERSONA_BRAIN=llm` from `npm start`.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    'delay-ms': { type: 'string', default: '0' },
  },
});
const port = Number(values.port);
const delayMs = Number(values['delay-ms']);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write(`fake-openai: --port must be a port number, got ${values.port}\n`);
  process.exit(2);
}
if (!Number.isFinite(delayMs) || delayMs < 0) {
  process.stderr.write(`fake-openai: --delay-ms must be a non-negative number\n`);
  process.exit(2);
}
const fake = await startFakeOpenAI({
  port,
  handler: async (request) => ({ ...(await demoHandler(request)), delayMs }),
});
process.stdout.write(
  `fake OpenAI chat-completions API at ${fake.url}\n` +
    `  PERSONA_BRAIN=llm PERSONA_MODEL=openai-compatible:fake-model PERSONA_MODEL_BASE_URL=${fake.url} npm start\n`,
);
const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
