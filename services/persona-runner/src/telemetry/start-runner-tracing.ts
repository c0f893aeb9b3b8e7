import { startTracing, type Tracing } from '@mana/http';
import { genAiOperationName } from './gen-ai-operation-name';

/**
 * Starts exporting the runner's traces to `endpoint` (OTLP/HTTP JSON): each persona-day a
 * trace, with the AI SDK's model-call spans completed by {@link genAiOperationName}. Also
 * what a process running several services uses (`npm start`), under its own name.
 */
export function startRunnerTracing(
  endpoint: string,
  serviceName = 'mana-persona-runner',
): Promise<Tracing> {
  return startTracing({ serviceName, endpoint, processors: [genAiOperationName()] });
}
