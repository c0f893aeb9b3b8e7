import { DEV_SERVICE_KEY } from '@mana/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseEnvSchema, EnvError, envPort, parseEnv, requiredInProduction } from './env';

const schema = baseEnvSchema(3069)
  .extend({ MANA_SERVICE_KEY: z.string().optional(), OTHER_PORT: envPort(4000) })
  .superRefine(requiredInProduction(['MANA_SERVICE_KEY']));

describe('baseEnvSchema', () => {
  it('defaults every shared variable, with the service’s own port', () => {
    expect(parseEnv(schema, {}, 'test service')).toEqual({
      NODE_ENV: 'development',
      PORT: 3069,
      HOST: '127.0.0.1',
      DATABASE_URL: undefined,
      LOG_LEVEL: 'info',
      MANA_SERVICE_KEY: undefined,
      OTHER_PORT: 4000,
    });
  });

  it('has no PORT without a default port (a process serving on several)', () => {
    const env = parseEnv(baseEnvSchema(), { PORT: 'ignored' }, 'stack');
    expect(env).toEqual({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      DATABASE_URL: undefined,
      LOG_LEVEL: 'info',
    });
  });

  it('reads what is set, and port 0 (a free port)', () => {
    const env = parseEnv(
      schema,
      {
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '0.0.0.0',
        DATABASE_URL: 'memory://',
        LOG_LEVEL: 'silent',
        OTHER_PORT: '4001',
      },
      'test service',
    );
    expect(env).toMatchObject({
      NODE_ENV: 'test',
      PORT: 0,
      HOST: '0.0.0.0',
      DATABASE_URL: 'memory://',
      LOG_LEVEL: 'silent',
      OTHER_PORT: 4001,
    });
  });

  it('reads OTEL_EXPORTER_OTLP_ENDPOINT: a URL, or empty for none; anything else is refused', () => {
    const endpoint = (value: string) =>
      parseEnv(schema, { OTEL_EXPORTER_OTLP_ENDPOINT: value }, 'test service')
        .OTEL_EXPORTER_OTLP_ENDPOINT;
    expect(endpoint('http://127.0.0.1:4318')).toBe('http://127.0.0.1:4318');
    expect(endpoint('')).toBe('');
    // `localhost:4318` parses as a URL of scheme `localhost:`: only http(s) is taken.
    expect(() => endpoint('localhost:4318')).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});

describe('parseEnv', () => {
  it('names every bad variable, one line each, under the deployable’s name', () => {
    let error: unknown;
    try {
      parseEnv(
        schema,
        { NODE_ENV: 'staging', PORT: 'eighty', HOST: '', LOG_LEVEL: 'loud', OTHER_PORT: '70000' },
        'test service',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const envError = error as EnvError;
    expect(envError.fields.map((f) => f.path)).toEqual([
      'NODE_ENV',
      'PORT',
      'HOST',
      'LOG_LEVEL',
      'OTHER_PORT',
    ]);
    const lines = envError.message.split('\n');
    expect(lines[0]).toBe('Invalid test service configuration:');
    expect(lines.slice(1).map((l) => l.trim().split(':')[0])).toEqual([
      'NODE_ENV',
      'PORT',
      'HOST',
      'LOG_LEVEL',
      'OTHER_PORT',
    ]);
  });

  it('refuses production without the variables it requires there, empty counting as unset', () => {
    for (const key of [undefined, '']) {
      expect(() =>
        parseEnv(schema, { NODE_ENV: 'production', MANA_SERVICE_KEY: key }, 'test service'),
      ).toThrow(
        /^Invalid test service configuration:\n {2}MANA_SERVICE_KEY: required in production$/,
      );
    }
    expect(
      parseEnv(schema, { NODE_ENV: 'production', MANA_SERVICE_KEY: 'k'.repeat(32) }, 'test service')
        .MANA_SERVICE_KEY,
    ).toBe('k'.repeat(32));
  });

  it('item 7: refuses development defaults and short secrets in production, naming the variable', () => {
    for (const [key, message] of [
      [DEV_SERVICE_KEY, /MANA_SERVICE_KEY: is a published development default/],
      ['ab', /MANA_SERVICE_KEY: must be at least 32 characters in production/],
    ] as const) {
      expect(() =>
        parseEnv(schema, { NODE_ENV: 'production', MANA_SERVICE_KEY: key }, 'test service'),
      ).toThrow(message);
      // Outside production the same values are fine.
      expect(parseEnv(schema, { MANA_SERVICE_KEY: key }, 'test service').MANA_SERVICE_KEY).toBe(
        key,
      );
    }
  });
});
