import { describe, expect, it } from 'vitest';
import { listen } from './listen';

describe('listen', () => {
  it('serves on a free loopback port and closes', async () => {
    const server = await listen(() => new Response('hi'), { port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(server.url)).text()).toBe('hi');
    await server.close();
    await expect(fetch(server.url)).rejects.toThrow();
  });

  it('rejects when the port is taken', async () => {
    const first = await listen(() => new Response('a'), { port: 0 });
    await expect(listen(() => new Response('b'), { port: first.port })).rejects.toThrow(
      /EADDRINUSE/,
    );
    await first.close();
  });
});
