import { createHash } from 'node:crypto';

/** What the fake's prompt cache did for one request, in the Messages API's usage fields. */
export interface CacheUsage {
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/** The fake's token count of some prompt text: about four characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * A prompt cache as the Messages API keeps one, for the fake: the prompt is read in the
 * API's order (tools, then system, then messages) as a list of blocks; every block with
 * `cache_control` is a breakpoint, and the prefix up to it is cacheable. A request reads
 * the longest prefix cached before and writes the rest of the prefix up to its last
 * breakpoint; token counts are {@link estimateTokens} of the prefix's JSON without the
 * `cache_control` fields. Entries never expire (a test is shorter than the API's 5 min);
 * there is no minimum length. A request without `cache_control` gets no cache usage.
 */
export class FakePromptCache {
  readonly #cached = new Set<string>();

  /**
   * The cache usage of `body` (a `/v1/messages` request), remembering what it wrote, and
   * the {@link estimateTokens} of its whole prompt (cached part included).
   */
  apply(body: Record<string, unknown>): { cache: CacheUsage | undefined; promptTokens: number } {
    const blocks = promptBlocks(body);
    const prefixes: { hash: string; tokens: number }[] = [];
    let text = '';
    for (const block of blocks) {
      text += JSON.stringify(withoutCacheControl(block));
      if (hasCacheControl(block)) {
        prefixes.push({
          hash: createHash('sha256').update(text).digest('hex'),
          tokens: estimateTokens(text),
        });
      }
    }
    const promptTokens = estimateTokens(text);
    const last = prefixes.at(-1);
    if (!last) return { cache: undefined, promptTokens };
    const hit = prefixes.findLast((p) => this.#cached.has(p.hash));
    for (const p of prefixes) this.#cached.add(p.hash);
    const read = hit?.tokens ?? 0;
    return {
      cache: { cache_read_input_tokens: read, cache_creation_input_tokens: last.tokens - read },
      promptTokens,
    };
  }
}

/** The request's prompt as blocks, in the order the API caches them. */
function promptBlocks(body: Record<string, unknown>): unknown[] {
  const blocks: unknown[] = [];
  if (Array.isArray(body.tools)) blocks.push(...body.tools);
  if (typeof body.system === 'string') blocks.push({ type: 'text', text: body.system });
  else if (Array.isArray(body.system)) blocks.push(...body.system);
  if (Array.isArray(body.messages)) {
    for (const message of body.messages as { role?: unknown; content?: unknown }[]) {
      const content =
        typeof message.content === 'string'
          ? [{ type: 'text', text: message.content }]
          : Array.isArray(message.content)
            ? message.content
            : [];
      blocks.push(...content.map((block: unknown) => ({ role: message.role, block })));
    }
  }
  return blocks;
}

function hasCacheControl(block: unknown): boolean {
  const inner = (block as { block?: unknown }).block ?? block;
  return typeof inner === 'object' && inner !== null && 'cache_control' in inner
    ? (inner as { cache_control?: unknown }).cache_control != null
    : false;
}

function withoutCacheControl(block: unknown): unknown {
  return JSON.parse(
    JSON.stringify(block, (key, value) => (key === 'cache_control' ? undefined : value)),
  );
}
