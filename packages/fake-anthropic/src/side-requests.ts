import { lastUserText, systemText } from './conversation';

/**
 * Requests the Claude Code CLI makes to the same endpoint besides the conversation:
 * - `title`: names the session (system prompt "You are naming a coding session…", no
 *   tools, `output_config.format` a JSON schema with one `title` string). Sent, in
 *   parallel with the first turn, only when `CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC`
 *   is unset.
 * - `quota`: `max_tokens: 1`, one user message `"quota"`, not streamed. The CLI has it
 *   (query source `quota_check`); not seen in the runs this package was tested with.
 */
export type SideRequestKind = 'title' | 'quota';

function formatProperties(body: Record<string, unknown>): string[] {
  const config = body.output_config;
  if (typeof config !== 'object' || config === null) return [];
  const format = (config as Record<string, unknown>).format;
  if (typeof format !== 'object' || format === null) return [];
  const schema = (format as Record<string, unknown>).schema;
  if (typeof schema !== 'object' || schema === null) return [];
  const properties = (schema as Record<string, unknown>).properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

/** Which known side request this body is, or `undefined` for anything else (the conversation). */
export function sideRequestKind(body: Record<string, unknown>): SideRequestKind | undefined {
  const properties = formatProperties(body);
  if (
    systemText(body).includes('naming a coding session') ||
    (properties.length === 1 && properties[0] === 'title')
  ) {
    return 'title';
  }
  if (body.max_tokens === 1 && lastUserText(body) === 'quota') return 'quota';
  return undefined;
}
