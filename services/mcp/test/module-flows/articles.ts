import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids, instant } from './flow-context';

/** The articles module through the gateway: save → list → update → mark_read → archive. */
export function articlesFlow(ctx: FlowContext): void {
  const { call, stored, mine } = ctx;

  it('save → list → update → mark_read → archive', async () => {
    const url = 'https://example.com/deep-work';
    const saved = await call<{ article: Item; alreadySaved: boolean }>('articles.save', {
      url,
      title: 'Deep Work in a Shallow World',
      source: 'Example Weekly',
      tags: ['focus'],
    });
    expect(saved).toMatchObject({ alreadySaved: false, article: { status: 'unread' } });
    const deep = saved.article;
    expect(await stored('articles', deep.id)).toMatchObject({
      ...mine(),
      url,
      title: 'Deep Work in a Shallow World',
      source: 'Example Weekly',
      tags: ['focus'],
      status: 'unread',
      read_at: null,
    });
    const twice = await call<{ article: Item; alreadySaved: boolean }>('articles.save', { url });
    expect(twice).toMatchObject({ alreadySaved: true, article: { id: deep.id } });
    const { article: long } = await call<{ article: Item }>('articles.save', {
      url: 'https://example.org/long-read',
    });
    expect(long.title).toBe('https://example.org/long-read');

    const unread = await call<{ articles: Item[]; count: number }>('articles.list', {});
    expect(ids(unread.articles).sort()).toEqual([deep.id, long.id].sort());
    const focus = await call<{ articles: Item[] }>('articles.list', { tag: 'focus' });
    expect(ids(focus.articles)).toEqual([deep.id]);

    const reading = await call<{ article: Item }>('articles.update', {
      id: long.id,
      title: 'The Long Read',
      summary: 'Why long articles still matter.',
      status: 'reading',
    });
    expect(reading.article).toMatchObject({ title: 'The Long Read', status: 'reading' });
    expect(await stored('articles', long.id)).toMatchObject({
      title: 'The Long Read',
      summary: 'Why long articles still matter.',
      status: 'reading',
      read_at: null,
    });

    const read = await call<{ article: Item; alreadyRead: boolean }>('articles.mark_read', {
      id: deep.id,
    });
    expect(read).toMatchObject({ alreadyRead: false, article: { status: 'read' } });
    expect(read.article.readAt).toEqual(expect.any(String));
    const readRow = await stored('articles', deep.id);
    expect(readRow.status).toBe('read');
    expect(instant(readRow.read_at)).toBe(read.article.readAt);

    const archived = await call<{ article: Item }>('articles.archive', { id: deep.id });
    expect(archived.article.status).toBe('archived');
    expect((await stored('articles', deep.id)).status).toBe('archived');
    expect(ids((await call<{ articles: Item[] }>('articles.list', {})).articles)).toEqual([
      long.id,
    ]);
    const shelf = await call<{ articles: Item[] }>('articles.list', { status: 'archived' });
    expect(ids(shelf.articles)).toEqual([deep.id]);
  });
}
