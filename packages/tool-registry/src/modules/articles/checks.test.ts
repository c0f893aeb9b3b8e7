import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { articlesArchive } from './archive';
import { articlesMarkRead } from './mark-read';
import { articlesSave } from './save';
import { articlesUpdate } from './update';

let saved = 0;
/** A web address not saved yet (saving one twice answers the stored article). */
const freshUrl = (base: string) => {
  saved += 1;
  return `${base}-${saved}`;
};

/** An unread article to act on, at an address of its own, next to another one. */
async function anArticle(bed: ToolTestBed): Promise<string> {
  await bed.call(articlesSave, { url: freshUrl('https://example.org/news') });
  const { article } = await bed.call(articlesSave, {
    url: freshUrl('https://blog.example.com/posts/rust'),
    title: 'Why Rust',
    tags: ['tech'],
  });
  return article.id;
}

describeToolChecks('articles', [
  {
    tool: articlesSave,
    input: async () => ({
      url: `${freshUrl('HTTPS://www.Example.com/longread/klima')}?ref=mail`,
      title: 'Die Zukunft des Klimas',
      source: 'Die Zeit',
      tags: ['klima'],
    }),
  },
  {
    tool: articlesUpdate,
    input: async (bed) => ({
      id: await anArticle(bed),
      title: 'Why Rust, revisited',
      status: 'reading',
      summary: 'Ownership instead of a garbage collector.',
    }),
  },
  { tool: articlesMarkRead, input: async (bed) => ({ id: await anArticle(bed) }) },
  { tool: articlesArchive, input: async (bed) => ({ id: await anArticle(bed) }) },
]);
