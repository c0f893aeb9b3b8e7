import { baseEnvSchema, type LogLevel, parseEnv } from '@mana/http';
import { z } from 'zod';

const schema = baseEnvSchema(3069).extend({
  /** The identity service: its JWKS verifies tokens, its URL is the expected issuer. */
  MANA_AUTH_URL: z.url().default('http://localhost:3001'),
  /** The `iss` tokens must carry, when the identity service's public URL differs. */
  MANA_TOKEN_ISSUER: z.url().optional(),
  /** Guards `/admin/faults` (the fault drill); without it the drill can only be set at start. */
  MANA_SERVICE_KEY: z.string().optional(),
  /** Fault drill at start, e.g. `journal:errors=0.5,latency=800` (see the README). */
  MANA_FAULTS: z.string().optional(),
  /** Where clients reach the gateway, behind a proxy; its `/mcp` URL is the OAuth resource. */
  MCP_PUBLIC_URL: z.url().optional(),
  /** Comma-separated host names `/mcp` answers to; needed when HOST is not loopback. */
  MCP_ALLOWED_HOSTS: z.string().optional(),
});

/** The gateway's configuration, parsed once at start-up. */
export interface McpEnv {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  authUrl: string;
  issuer: string;
  /** Where clients reach the gateway (default `http://HOST:PORT`). */
  publicUrl: string | undefined;
  /** Undefined: loopback names only. */
  allowedHosts: string[] | undefined;
  serviceKey: string | undefined;
  /** The fault drill's spec at start (empty: none). */
  faults: string;
  logLevel: LogLevel;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: where traces go; undefined, none are made. */
  otlpEndpoint: string | undefined;
}

/** Parses the environment, failing fast with every bad field named. */
export function parseMcpEnv(source: Record<string, string | undefined> = process.env): McpEnv {
  const env = parseEnv(schema, source, 'MCP gateway');
  const authUrl = env.MANA_AUTH_URL.replace(/\/+$/, '');
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    authUrl,
    issuer: env.MANA_TOKEN_ISSUER ?? authUrl,
    publicUrl: env.MCP_PUBLIC_URL,
    serviceKey: env.MANA_SERVICE_KEY || undefined,
    faults: env.MANA_FAULTS ?? '',
    allowedHosts: env.MCP_ALLOWED_HOSTS?.split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
  };
}
