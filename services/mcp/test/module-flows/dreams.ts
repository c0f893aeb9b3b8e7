import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids } from './flow-context';

/** The dreams module through the gateway: record → list → get → update. */
export function dreamsFlow(ctx: FlowContext): void {
  const { call, stored, mine, day } = ctx;

  it('record → list → get → update', async () => {
    const { dream: flying } = await call<{ dream: Item }>('dreams.record', {
      title: 'Fliegen über Hamburg',
      description: 'Ich konnte fliegen und sah den Hafen von oben.',
      lucid: true,
      vividness: 5,
      emotions: ['Joy', 'awe'],
      tags: ['fliegen'],
    });
    expect(flying).toMatchObject({ dreamtOn: day(), lucid: true, emotions: ['joy', 'awe'] });
    expect(await stored('dreams', flying.id)).toMatchObject({
      ...mine(),
      title: 'Fliegen über Hamburg',
      dreamt_on: day(),
      lucid: true,
      vividness: 5,
      emotions: ['joy', 'awe'],
      tags: ['fliegen'],
    });
    const { dream: exam } = await call<{ dream: Item }>('dreams.record', {
      title: 'Prüfung verpasst',
      description: 'Der Hörsaal war leer, die Prüfung schon vorbei.',
      dreamtOn: day(-1),
    });
    expect(exam).toMatchObject({ lucid: false, vividness: null, emotions: [] });

    const all = await call<{ dreams: Item[]; count: number }>('dreams.list', {});
    expect(ids(all.dreams)).toEqual([flying.id, exam.id]);
    const lucid = await call<{ dreams: Item[] }>('dreams.list', { lucid: true });
    expect(ids(lucid.dreams)).toEqual([flying.id]);
    const joyful = await call<{ dreams: Item[] }>('dreams.list', { emotion: 'JOY' });
    expect(ids(joyful.dreams)).toEqual([flying.id]);
    expect((await call<{ dream: Item }>('dreams.get', { id: exam.id })).dream).toEqual(exam);

    const updated = await call<{ dream: Item }>('dreams.update', {
      id: exam.id,
      vividness: 2,
      emotions: ['Panic', 'panic'],
      tags: ['uni'],
    });
    expect(updated.dream).toMatchObject({ vividness: 2, emotions: ['panic'], tags: ['uni'] });
    expect(await stored('dreams', exam.id)).toMatchObject({
      vividness: 2,
      emotions: ['panic'],
      tags: ['uni'],
      dreamt_on: day(-1),
    });
  });
}
