import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import {
  moduleOfTool,
  type SecretSource,
  type TargetFile,
  type ToolChecks,
  targetFileSchema,
} from '@mana/contracts';
import {
  bearerAuthenticator,
  createRunnerTarget,
  noAuthenticator,
  oauth2Authenticator,
  type RunnerTarget,
  type TargetConnection,
  type TargetSignIn,
} from '@mana/persona-runner';
import { type Catalog, catalogSchema, loadCatalog } from '@mana/personas';
import { TargetError } from './target-error';

/** A target file read, validated and turned into what the stack runs. */
export interface LoadedTarget {
  /** The file as given (for messages). */
  path: string;
  file: TargetFile;
  /** The personas to seed: the file's, or the built-in catalog. */
  catalog: Catalog;
  /** The modules its rows may name: the personas' and those of the module map. */
  modules: string[];
  /**
   * What the runner's days use; undefined for the built-in gateway (`builtin: true`),
   * which runs exactly as without a target.
   */
  runner: RunnerTarget | undefined;
  /** Removes the run's `{tmp}` directory (stdio servers' files). */
  dispose(): void;
}

/** Where {@link loadTarget} reads secrets and makes its temporary directory. */
export interface LoadTargetOptions {
  /** Where `{ "env": NAME }` secrets are read (the process environment, from `start.ts`). */
  env: Record<string, string | undefined>;
  /** Parent of the run's `{tmp}` directory (default: the OS's). */
  tmpRoot?: string;
  fetch?: typeof fetch;
}

/**
 * Reads a target file (JSON) and checks what can be checked without its server: the
 * schema (unknown keys included), the personas (the catalog's rules), the secrets its
 * auth names (each env var set, each file readable). Throws a {@link TargetError} naming
 * every problem; the server and its tools are checked by `verifyTarget` once it runs.
 */
export function loadTarget(path: string, options: LoadTargetOptions): LoadedTarget {
  const { env } = options;
  const baseDir = dirname(resolve(path));
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new TargetError(path, [`cannot read it as JSON: ${message}`]);
  }
  const parsed = targetFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new TargetError(
      path,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
    );
  }
  const file = parsed.data;
  const problems: string[] = [];
  const catalog = file.personas
    ? catalogSchema.safeParse(file.personas)
    : { success: true as const, data: loadCatalog() };
  if (!catalog.success) {
    for (const i of catalog.error.issues)
      problems.push(`personas.${i.path.join('.')}: ${i.message}`);
  }
  const secret = (source: SecretSource, field: string): string => {
    if ('env' in source) {
      const value = env[source.env];
      if (!value) problems.push(`${field}: the environment variable ${source.env} is not set`);
      return value ?? '';
    }
    const at = isAbsolute(source.file) ? source.file : join(baseDir, source.file);
    try {
      const value = readFileSync(at, 'utf8').trim();
      if (!value) problems.push(`${field}: the file ${source.file} is empty`);
      return value;
    } catch {
      problems.push(`${field}: cannot read the file ${source.file}`);
      return '';
    }
  };
  const emails = catalog.success ? catalog.data.personas.map((p) => p.email.toLowerCase()) : [];
  const signIn = signInOf(file, emails, secret, problems, options.fetch);
  if (file.server.builtin) {
    if (file.auth.mode !== 'identity')
      problems.push('auth.mode: the built-in gateway signs personas in through identity');
    if (file.modules.separator !== '.')
      problems.push('modules: the built-in gateway names its tools module.verb (separator ".")');
    if (file.checks) problems.push('checks: the built-in gateway declares its own checks');
  }
  if (problems.length > 0 || !catalog.success) throw new TargetError(path, problems);

  let tmp: string | undefined;
  const dispose = () => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  };
  let runner: RunnerTarget | undefined;
  if (!file.server.builtin) {
    const server = connectionOf(file, baseDir, () => {
      tmp ??= mkdtempSync(join(options.tmpRoot ?? tmpdir(), 'mana-target-'));
      return tmp;
    });
    runner = createRunnerTarget({
      name: file.name,
      server,
      ...(signIn ? { signIn } : {}),
      moduleOf: (tool) => moduleOfTool(file.modules, tool),
      checks: new Map<string, ToolChecks>(Object.entries(file.checks ?? {})),
    });
  }
  const modules = new Set(Object.keys(file.modules.map ?? {}));
  for (const persona of catalog.data.personas) {
    for (const module of Object.keys(persona.moduleMix)) modules.add(module);
  }
  return { path, file, catalog: catalog.data, modules: [...modules].sort(), runner, dispose };
}

/** The target's sign-in, secrets read; undefined for `identity` (the runner's own client). */
function signInOf(
  file: TargetFile,
  emails: readonly string[],
  secret: (source: SecretSource, field: string) => string,
  problems: string[],
  doFetch: typeof fetch | undefined,
): TargetSignIn | undefined {
  const { auth } = file;
  switch (auth.mode) {
    case 'identity':
      return undefined;
    case 'none':
      return noAuthenticator();
    case 'bearer': {
      const tokens = new Map<string, string>();
      const given = new Map(Object.entries(auth.tokens).map(([e, s]) => [e.toLowerCase(), s]));
      for (const email of emails) {
        const source = given.get(email);
        if (!source) problems.push(`auth.tokens: no token for the persona ${email}`);
        else tokens.set(email, secret(source, `auth.tokens.${email}`));
      }
      for (const email of given.keys()) {
        if (!emails.includes(email))
          problems.push(`auth.tokens.${email}: not a persona of the target`);
      }
      return bearerAuthenticator(tokens);
    }
    case 'oauth2': {
      const users = new Map<string, { username: string; password: string }>();
      if (auth.grant === 'password') {
        const given = new Map(
          Object.entries(auth.users ?? {}).map(([e, u]) => [e.toLowerCase(), u]),
        );
        for (const email of emails) {
          const user = given.get(email);
          if (!user) problems.push(`auth.users: no user for the persona ${email}`);
          else {
            const password = secret(user.password, `auth.users.${email}.password`);
            users.set(email, { username: user.username, password });
          }
        }
      } else if (auth.users) {
        problems.push('auth.users: only for the password grant');
      }
      return oauth2Authenticator({
        tokenUrl: auth.tokenUrl,
        grant: auth.grant,
        clientId: auth.clientId,
        clientSecret: auth.clientSecret
          ? secret(auth.clientSecret, 'auth.clientSecret')
          : undefined,
        scope: auth.scope,
        users,
        ...(doFetch ? { fetch: doFetch } : {}),
      });
    }
  }
}

/** How the runner reaches the server; `{tmp}` in a stdio server's env becomes the run's directory. */
function connectionOf(file: TargetFile, baseDir: string, tmp: () => string): TargetConnection {
  const { server } = file;
  if (server.url) return { kind: 'http', url: server.url, headers: server.headers };
  const env = Object.fromEntries(
    Object.entries(server.env ?? {}).map(([k, v]) => [
      k,
      v.includes('{tmp}') ? v.replaceAll('{tmp}', tmp()) : v,
    ]),
  );
  return {
    kind: 'stdio',
    command: server.command ?? '',
    args: server.args ?? [],
    env,
    cwd: server.cwd ? resolve(baseDir, server.cwd) : process.cwd(),
  };
}

/** One line for the start-up banner: the target's name, server and sign-in. */
export function describeTarget(target: LoadedTarget): string {
  const { server, auth, name } = target.file;
  const where = server.builtin
    ? 'the built-in gateway'
    : server.url
      ? server.url
      : `stdio: ${[server.command, ...(server.args ?? [])].join(' ')}`;
  return `${name} (${where}; sign-in: ${auth.mode}; ${target.catalog.personas.length} personas; modules ${target.modules.join(', ')})`;
}
