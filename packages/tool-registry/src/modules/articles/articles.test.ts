import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { articlesArchive } from './archive';
import { articlesDelete } from './delete';
import { articlesList } from './list';
import { articlesMarkRead } from './mark-read';
import { articlesSave } from './save';
import { articles } from './table';
import { articlesUpdate } from './update';

const titles = (out: { articles: { title: string }[] }) => out.articles.map((a) => a.title);

describe('articles module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  it('saves an article in the caller’s space and returns what was stored', async () => {
    const out = await bed.call(articlesSave, {
      url: 'https://example.org/essays/attention',
      title: 'On attention',
      source: 'Example Review',
      summary: 'Why focus is scarce.',
      tags: ['focus'],
    });
    expect(out).toMatchObject({
      alreadySaved: false,
      article: {
        url: 'https://example.org/essays/attention',
        title: 'On attention',
        source: 'Example Review',
        summary: 'Why focus is scarce.',
        tags: ['focus'],
        status: 'unread',
        readAt: null,
        createdAt: '2026-11-25T09:00:00.000Z',
      },
    });
    const [row] = await bed.db.select().from(articles).where(eq(articles.id, out.article.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      url: 'https://example.org/essays/attention',
      title: 'On attention',
      status: 'unread',
      readAt: null,
    });
    expect(row?.createdAt.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('returns the existing article when the same address is saved again, per space', async () => {
    const first = await bed.call(articlesSave, { url: 'https://News.example.com', title: 'Front' });
    expect(first.article).toMatchObject({ url: 'https://news.example.com/', title: 'Front' });
    const again = await bed.call(articlesSave, {
      url: 'https://news.example.com/',
      title: 'Another title',
    });
    expect(again).toEqual({ article: first.article, alreadySaved: true });
    const stored = await bed.db
      .select()
      .from(articles)
      .where(eq(articles.url, 'https://news.example.com/'));
    expect(stored).toHaveLength(1);

    const inB = await bed.call(articlesSave, { url: 'https://news.example.com/' }, bed.b);
    expect(inB.alreadySaved).toBe(false);
    expect(inB.article.id).not.toBe(first.article.id);
    expect(inB.article.title).toBe('https://news.example.com/');
    await bed.call(articlesDelete, { id: first.article.id });
  });

  it('lists unread and reading by default, newest first, with filters, only in its space', async () => {
    await bed.db.delete(articles);
    const save = async (title: string, at: string, extra: Record<string, unknown> = {}) => {
      bed.setNow(at);
      return (await bed.call(articlesSave, { url: `https://ex.com/${title}`, title, ...extra }))
        .article;
    };
    await save('oldest', '2026-11-01T08:00:00Z', { tags: ['ml'] });
    const reading = await save('reading', '2026-11-02T08:00:00Z', { source: 'Nature' });
    const read = await save('read', '2026-11-03T08:00:00Z', { tags: ['ml'] });
    const archived = await save('archived', '2026-11-04T08:00:00Z');
    await save('newest', '2026-11-05T08:00:00Z', { summary: 'About transformers' });
    await bed.call(articlesUpdate, { id: reading.id, status: 'reading' });
    await bed.call(articlesMarkRead, { id: read.id });
    await bed.call(articlesArchive, { id: archived.id });
    await bed.call(articlesSave, { url: 'https://ex.com/family', title: 'family' }, bed.b);

    expect(titles(await bed.call(articlesList, {}))).toEqual(['newest', 'reading', 'oldest']);
    expect(titles(await bed.call(articlesList, { status: 'all' }))).toEqual([
      'newest',
      'archived',
      'read',
      'reading',
      'oldest',
    ]);
    expect(titles(await bed.call(articlesList, { status: 'read' }))).toEqual(['read']);
    expect(titles(await bed.call(articlesList, { status: 'archived' }))).toEqual(['archived']);
    expect(titles(await bed.call(articlesList, { status: 'unread' }))).toEqual([
      'newest',
      'oldest',
    ]);
    expect(titles(await bed.call(articlesList, { tag: 'ml', status: 'all' }))).toEqual([
      'read',
      'oldest',
    ]);
    expect(titles(await bed.call(articlesList, { query: 'TRANSFORM' }))).toEqual(['newest']);
    expect(titles(await bed.call(articlesList, { query: 'nature' }))).toEqual(['reading']);
    expect(titles(await bed.call(articlesList, { query: '100%' }))).toEqual([]);
    expect((await bed.call(articlesList, { limit: 1 })).count).toBe(1);
    expect(titles(await bed.call(articlesList, { status: 'all' }, bed.b))).toEqual(['family']);
  });

  it('marks read with the current time, idempotently, and updates status and details', async () => {
    bed.setNow('2026-11-25T09:00:00Z');
    const { article } = await bed.call(articlesSave, { url: 'https://ex.com/long-read' });
    bed.setNow('2026-11-26T20:15:00Z');
    const done = await bed.call(articlesMarkRead, { id: article.id });
    expect(done).toMatchObject({
      alreadyRead: false,
      article: { status: 'read', readAt: '2026-11-26T20:15:00.000Z' },
    });
    const [row] = await bed.db.select().from(articles).where(eq(articles.id, article.id));
    expect(row?.readAt?.toISOString()).toBe('2026-11-26T20:15:00.000Z');
    expect(row?.status).toBe('read');

    bed.setNow('2026-11-27T10:00:00Z');
    expect(await bed.call(articlesMarkRead, { id: article.id })).toMatchObject({
      alreadyRead: true,
      article: { readAt: '2026-11-26T20:15:00.000Z' },
    });
    // Setting read again through update keeps the first read time too.
    const same = await bed.call(articlesUpdate, { id: article.id, status: 'read' });
    expect(same.article.readAt).toBe('2026-11-26T20:15:00.000Z');

    const back = await bed.call(articlesUpdate, {
      id: article.id,
      status: 'reading',
      title: 'A long read',
      summary: 'Worth a second look',
      tags: ['later'],
    });
    expect(back.article).toMatchObject({
      status: 'reading',
      readAt: null,
      title: 'A long read',
      summary: 'Worth a second look',
      tags: ['later'],
      updatedAt: '2026-11-27T10:00:00.000Z',
    });
    const viaUpdate = await bed.call(articlesUpdate, { id: article.id, status: 'read' });
    expect(viaUpdate.article.readAt).toBe('2026-11-27T10:00:00.000Z');
    const archived = await bed.call(articlesArchive, { id: article.id });
    expect(archived.article).toMatchObject({
      status: 'archived',
      readAt: '2026-11-27T10:00:00.000Z',
    });
    const cleared = await bed.call(articlesUpdate, { id: article.id, summary: null });
    expect(cleared.article.summary).toBeNull();
    expect(await bed.fail(articlesUpdate, { id: article.id })).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_INPUT',
    });
  });

  it('cannot read or change an article of another space', async () => {
    const { article } = await bed.call(articlesSave, { url: 'https://ex.com/private' });
    for (const tool of [articlesMarkRead, articlesArchive, articlesDelete]) {
      expect(await bed.fail(tool, { id: article.id }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No article with id ${article.id} in this space`,
      });
    }
    expect(
      await bed.fail(articlesUpdate, { id: article.id, title: 'Hijacked' }, bed.b),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await bed.db.select().from(articles).where(eq(articles.id, article.id));
    expect(row).toMatchObject({ title: 'https://ex.com/private', status: 'unread' });
  });

  it('deletes (a destructive tool) and names bad input fields', async () => {
    const { article } = await bed.call(articlesSave, { url: 'https://ex.com/temp' });
    expect(await bed.call(articlesDelete, { id: article.id })).toEqual({
      deleted: true,
      id: article.id,
    });
    expect(await bed.db.select().from(articles).where(eq(articles.id, article.id))).toEqual([]);
    expect(articlesDelete.policyHint).toBe('destructive');

    const bad = await bed.fail(articlesSave, { url: 'ftp://ex.com/file', title: '', tags: [''] });
    expect(bad.kind).toBe('invalid_input');
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'tags.0',
      'title',
      'url',
    ]);
    expect(await bed.fail(articlesSave, { url: 'not a url' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'url' }],
    });
    expect(await bed.fail(articlesList, { status: 'done' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'status' }],
    });
  });
});
