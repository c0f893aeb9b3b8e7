import { z } from 'zod';
import { personaAccountSchema, sharedSpaceSchema } from './admin';
import { moduleNameSchema } from './persona-profile';
import { toolChecksSchema } from './tool-checks';

/**
 * Where a secret comes from: the name of an environment variable, or a file (its
 * contents, trimmed; a relative path is relative to the target file). Never the secret
 * itself, so a target file can be committed.
 */
export const secretSourceSchema = z.union([
  z
    .object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name') })
    .strict(),
  z.object({ file: z.string().min(1) }).strict(),
]);

export type SecretSource = z.output<typeof secretSourceSchema>;

/**
 * The MCP server of a target: exactly one of `url` (Streamable HTTP), `command` (stdio;
 * the runner starts it for each persona-day) or `builtin: true` (the stack's own gateway).
 * `env` values of a stdio server may use `{tmp}` (a directory made for the run and removed
 * after it) and `{persona}` (the persona's email, made safe for a file name).
 */
export const targetServerSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    command: z.string().min(1).optional(),
    args: z.array(z.string()).optional(),
    env: z.record(z.string(), z.string()).optional(),
    /** The stdio server's working directory, relative to the target file. */
    cwd: z.string().min(1).optional(),
    builtin: z.literal(true).optional(),
  })
  .strict()
  .superRefine((server, ctx) => {
    const kinds = [server.url, server.command, server.builtin].filter((v) => v !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'needs exactly one of url (Streamable HTTP), command (stdio) or builtin: true',
      });
    }
    const stdioOnly = (['args', 'env', 'cwd'] as const).filter((k) => server[k] !== undefined);
    if (server.command === undefined) {
      for (const key of stdioOnly) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'only for a stdio server (command)' });
      }
    }
    if (server.url === undefined && server.headers !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['headers'], message: 'only for an HTTP server (url)' });
    }
  });

export type TargetServer = z.output<typeof targetServerSchema>;

/**
 * How each persona authenticates to the target: through the built-in identity service
 * (its derived password, as the built-in app does), a static bearer token per persona
 * (by email), an OAuth 2 token endpoint, or not at all.
 */
export const targetAuthSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('identity') }).strict(),
  z.object({ mode: z.literal('none') }).strict(),
  z
    .object({
      mode: z.literal('bearer'),
      /** Persona email → where its token is. */
      tokens: z.record(z.email(), secretSourceSchema),
    })
    .strict(),
  z
    .object({
      mode: z.literal('oauth2'),
      tokenUrl: z.url({ protocol: /^https?$/ }),
      grant: z.enum(['client_credentials', 'password']),
      clientId: z.string().min(1),
      clientSecret: secretSourceSchema.optional(),
      scope: z.string().min(1).optional(),
      /** Password grant: persona email → its username and password. */
      users: z
        .record(
          z.email(),
          z.object({ username: z.string().min(1), password: secretSourceSchema }).strict(),
        )
        .optional(),
    })
    .strict(),
]);

export type TargetAuth = z.output<typeof targetAuthSchema>;

/**
 * How a tool name maps to a module: the prefix before a separator (`todo.create`,
 * `todo_create`, `github__create_issue`), or an explicit map (module → tool names).
 * Tools no rule maps are never offered to a persona.
 */
export const toolModulesSchema = z
  .object({
    separator: z.enum(['.', '_', '__']).optional(),
    map: z.record(moduleNameSchema, z.array(z.string().min(1)).min(1)).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if ((rule.separator === undefined) === (rule.map === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'needs exactly one of separator or map' });
    }
  });

export type ToolModules = z.output<typeof toolModulesSchema>;

/**
 * A target: the MCP app personas live in, how they sign in to it, how its tools group
 * into modules, the checks the scripted brain may run (tool name → checks, as
 * `_meta["mana/checks"]` would declare them; none when left out) and the personas
 * (the catalog format; left out, the built-in catalog).
 */
export const targetFileSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().max(2000).optional(),
    server: targetServerSchema,
    auth: targetAuthSchema,
    modules: toolModulesSchema,
    checks: z.record(z.string().min(1), toolChecksSchema).optional(),
    personas: z
      .object({
        personas: z.array(personaAccountSchema).min(1),
        spaces: z.array(sharedSpaceSchema).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

export type TargetFile = z.output<typeof targetFileSchema>;

/**
 * The module a tool belongs to under `rule`, or undefined when the rule maps none: with a
 * separator, the prefix before its first occurrence (`__` is looked for whole, so
 * `github__create_issue` → `github`); with a map, the module that lists the tool.
 */
export function moduleOfTool(rule: ToolModules, toolName: string): string | undefined {
  if (rule.map) {
    for (const [module, tools] of Object.entries(rule.map)) {
      if (tools.includes(toolName)) return module;
    }
    return undefined;
  }
  const separator = rule.separator ?? '.';
  const at = toolName.indexOf(separator);
  if (at <= 0) return undefined;
  const module = toolName.slice(0, at);
  return moduleNameSchema.safeParse(module).success ? module : undefined;
}
