import type { Brain, IdentityClient } from '@mana/persona-runner';
import type { LoadedTarget } from './load-target';
import { TargetError } from './target-error';
import { targetToolProblems } from './target-problems';

/**
 * Checks a loaded target against its running server: signs in as the first persona,
 * lists the server's tools and checks the module rule, the personas' modules and the
 * checks against them (`targetToolProblems`). Throws a {@link TargetError} naming every
 * problem. `identity` is the built-in sign-in, for targets that use it.
 */
export async function verifyTarget(
  target: LoadedTarget,
  identity: Pick<IdentityClient, 'passwordSession'>,
  brain: Brain | undefined,
): Promise<void> {
  const runner = target.runner;
  if (!runner) return;
  const problems: string[] = [];
  if (brain?.name === 'claude-agent-sdk' && target.file.server.command) {
    problems.push(
      'server.command: the claude-agent-sdk brain reaches its app over HTTP only; use PERSONA_BRAIN=scripted or llm',
    );
  }
  const first = target.catalog.personas[0];
  let tools: string[] | undefined;
  if (first) {
    try {
      const { token } = runner.signIn
        ? await runner.signIn.login(first.email)
        : await identity.passwordSession(first.email);
      tools = await runner.listToolNames(first, token);
    } catch (error) {
      const server = target.file.server.url ?? target.file.server.command;
      problems.push(
        `server: cannot list the tools of ${server} as ${first.email}: ${describeError(error)}`,
      );
    }
  }
  if (tools) problems.push(...targetToolProblems(target.file, target.catalog, tools));
  if (problems.length > 0) throw new TargetError(target.path, problems);
}

/**
 * An error's message, with its cause's code or message when it has one: fetch's
 * "fetch failed" says nothing without it ("fetch failed (ECONNREFUSED)").
 */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const why = typeof cause?.code === 'string' ? cause.code : cause?.message;
  return typeof why === 'string' && why ? `${error.message} (${why})` : error.message;
}
