import type { ErrorKind } from '@mana/contracts';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorKindOfResult, errorKindOfThrown, kindFromErrorText } from './error-kind';

const withCode = (message: string, code: string, wrap = false) => {
  const inner = Object.assign(new Error(message), { code });
  return wrap ? new TypeError('fetch failed', { cause: inner }) : inner;
};

const zodError = (() => {
  const parsed = z.object({ jsonrpc: z.literal('2.0') }).safeParse({});
  return parsed.success ? new Error('unreachable') : parsed.error;
})();

describe('errorKindOfThrown', () => {
  const table: [string, unknown, ErrorKind][] = [
    [
      'JSON-RPC InvalidParams (bad arguments)',
      new McpError(ErrorCode.InvalidParams, 'x'),
      'invalid_input',
    ],
    ['JSON-RPC MethodNotFound', new McpError(ErrorCode.MethodNotFound, 'x'), 'invalid_input'],
    [
      'the SDK request timeout (the per-call deadline)',
      new McpError(ErrorCode.RequestTimeout, 'Request timed out'),
      'timeout',
    ],
    [
      'the connection closed under the call',
      new McpError(ErrorCode.ConnectionClosed, 'closed'),
      'transport',
    ],
    ['JSON-RPC InternalError', new McpError(ErrorCode.InternalError, 'boom'), 'app_error'],
    ['JSON-RPC InvalidRequest', new McpError(ErrorCode.InvalidRequest, 'odd'), 'app_error'],
    [
      'HTTP 502 without a JSON-RPC answer',
      new StreamableHTTPError(502, 'Error POSTing to endpoint: Bad Gateway'),
      'transport',
    ],
    [
      'HTTP 503',
      new StreamableHTTPError(503, 'Error POSTing to endpoint: unavailable'),
      'transport',
    ],
    [
      'HTTP 500 with a JSON-RPC InternalError body',
      new StreamableHTTPError(
        500,
        'Error POSTing to endpoint: {"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"db down"}}',
      ),
      'app_error',
    ],
    [
      'HTTP 400 with a JSON-RPC InvalidParams body',
      new StreamableHTTPError(
        400,
        'Error POSTing to endpoint: {"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"bad"}}',
      ),
      'invalid_input',
    ],
    [
      'HTTP 413 (body too large)',
      new StreamableHTTPError(
        413,
        'Error POSTing to endpoint: {"error":{"code":"PAYLOAD_TOO_LARGE"}}',
      ),
      'invalid_input',
    ],
    [
      'HTTP 401 (the token was refused)',
      new StreamableHTTPError(401, 'Error POSTing to endpoint: {"error":{}}'),
      'transport',
    ],
    ['HTTP 429', new StreamableHTTPError(429, 'Error POSTing to endpoint: slow down'), 'transport'],
    [
      'HTTP 504',
      new StreamableHTTPError(504, 'Error POSTing to endpoint: gateway timeout'),
      'timeout',
    ],
    [
      'an answer that is not JSON (content type)',
      new StreamableHTTPError(-1, 'Unexpected content type: text/html'),
      'transport',
    ],
    ['HTTP 418', new StreamableHTTPError(418, 'teapot'), 'app_error'],
    [
      'connection refused (undici)',
      withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED', true),
      'transport',
    ],
    ['connection reset', withCode('socket hang up', 'ECONNRESET'), 'transport'],
    ['DNS failure', withCode('getaddrinfo ENOTFOUND x', 'ENOTFOUND', true), 'transport'],
    [
      'undici header timeout',
      withCode('Headers Timeout Error', 'UND_ERR_HEADERS_TIMEOUT', true),
      'timeout',
    ],
    ['fetch failed without a code', new TypeError('fetch failed'), 'transport'],
    ['a broken JSON body', new SyntaxError('Unexpected token < in JSON'), 'transport'],
    ['JSON that is no JSON-RPC message', zodError, 'transport'],
    [
      'an AbortSignal.timeout deadline',
      new DOMException('The operation timed out.', 'TimeoutError'),
      'timeout',
    ],
    ['anything else', new Error('something odd'), 'app_error'],
    ['a thrown string', 'nope', 'app_error'],
  ];
  it.each(table)('%s → %s', (_, error, kind) => {
    expect(errorKindOfThrown(error)).toBe(kind);
  });
});

describe('kindFromErrorText (servers that send no kind)', () => {
  const table: [string, ErrorKind][] = [
    [
      'Invalid input for todo.create: title (Too small: expected string to have >=1 characters)',
      'invalid_input',
    ],
    ['title is required', 'invalid_input'],
    ['No todo with id 3f2a in this space', 'invalid_input'],
    ['The item is not in a state that allows this', 'invalid_input'],
    ['Validation failed: dueOn must be a date', 'invalid_input'],
    ['Unknown project "x"', 'invalid_input'],
    ['A habit with this name already exists', 'invalid_input'],
    ['Name too long', 'invalid_input'],
    ['todo.create failed unexpectedly. The error was logged with request id 12', 'app_error'],
    ['Internal server error', 'app_error'],
    ['Unhandled exception: invalid state in pool', 'app_error'],
    ['Service unavailable, expected back soon', 'app_error'],
    ['Something went wrong', 'app_error'],
    ['', 'app_error'],
  ];
  it.each(table)('%j → %s', (text, kind) => {
    expect(kindFromErrorText(text)).toBe(kind);
  });
});

describe('errorKindOfResult', () => {
  it('takes a known kind from _meta, whatever the text says', () => {
    expect(errorKindOfResult({ 'mana/errorKind': 'app_error' }, 'title is required')).toBe(
      'app_error',
    );
    expect(errorKindOfResult({ 'mana/errorKind': 'timeout' }, 'x')).toBe('timeout');
  });

  it('reads the text when _meta has no kind or one it does not know', () => {
    expect(errorKindOfResult(undefined, 'title is required')).toBe('invalid_input');
    expect(errorKindOfResult({ 'mana/errorKind': 'cosmic_ray' }, 'title is required')).toBe(
      'invalid_input',
    );
    expect(errorKindOfResult({ other: 1 }, 'kaboom')).toBe('app_error');
    expect(errorKindOfResult('not an object', 'kaboom')).toBe('app_error');
  });
});
