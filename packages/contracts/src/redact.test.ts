import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redact';
import {
  MAX_TRANSCRIPT_DAY_CHARS,
  MAX_TRANSCRIPT_ENTRY_CHARS,
  transcriptSchema,
} from './transcript';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1LTEiLCJleHAiOjF9.c2lnbmF0dXJlLWJ5dGVz';

describe('redactSecrets', () => {
  it.each([
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer [redacted]'],
    ['{"token":"abc123def","title":"x"}', '{"token":"[redacted]","title":"x"}'],
    ['{"password": "two words"}', '{"password": "[redacted]"}'],
    ['login?password=hunter22&next=/', 'login?password=[redacted]&next=/'],
    ['key sk-ant-api03-abcdefghijklmnopqrstuv here', 'key [redacted] here'],
    [`jwt ${JWT} end`, 'jwt [redacted] end'],
    ['x-service-key: dev-key-123', 'x-service-key: [redacted]'],
    ['-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----', REDACTED],
  ])('hides the secret in %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves ordinary text, and already redacted text, alone', () => {
    for (const text of ['Buy milk tomorrow', 'the token count was 5', 'token: [redacted]']) {
      expect(redactSecrets(text)).toBe(text);
    }
  });
});

describe('transcriptSchema', () => {
  const entry = { role: 'tool_result', phase: 'day', text: 'ok', toolName: 'todo.list', call: 0 };

  it('takes a transcript and defaults dropped to 0', () => {
    expect(transcriptSchema.parse({ entries: [entry] })).toEqual({ entries: [entry], dropped: 0 });
  });

  it('names the field of a bad entry and refuses texts over the caps', () => {
    const bad = transcriptSchema.safeParse({ entries: [{ ...entry, role: 'robot' }] });
    expect(bad.error?.issues[0]?.path).toEqual(['entries', 0, 'role']);
    const long = 'x'.repeat(MAX_TRANSCRIPT_ENTRY_CHARS + 1);
    const tooLong = transcriptSchema.safeParse({ entries: [{ ...entry, text: long }] });
    expect(tooLong.error?.issues[0]?.path).toEqual(['entries', 0, 'text']);
    const full = 'x'.repeat(MAX_TRANSCRIPT_ENTRY_CHARS);
    const many = Array.from({ length: MAX_TRANSCRIPT_DAY_CHARS / full.length + 1 }, () => ({
      ...entry,
      text: full,
    }));
    expect(transcriptSchema.safeParse({ entries: many }).error?.issues[0]?.path).toEqual([
      'entries',
    ]);
  });
});
