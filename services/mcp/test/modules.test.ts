import { HEADERS } from '@mana/contracts';
import { createAppRegistry } from '@mana/tool-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayHarness, startGatewayHarness } from '../src/testing/harness';
import { articlesFlow } from './module-flows/articles';
import { calendarFlow } from './module-flows/calendar';
import { contactsFlow } from './module-flows/contacts';
import { dreamsFlow } from './module-flows/dreams';
import { createFlowContext, type FlowContext, runDay } from './module-flows/flow-context';
import { goalsFlow } from './module-flows/goals';
import { habitsFlow } from './module-flows/habits';
import { invoicesFlow } from './module-flows/invoices';
import { journalFlow } from './module-flows/journal';
import { libraryFlow } from './module-flows/library';
import { moodFlow } from './module-flows/mood';
import { notesFlow } from './module-flows/notes';
import { researchFlow } from './module-flows/research';
import { spacesFlow } from './module-flows/spaces';
import { todoFlow } from './module-flows/todo';

/**
 * Acceptance: every exposed tool of every module works through the gateway, over the
 * real Streamable HTTP transport, with the official MCP client. Each module runs a
 * realistic flow (create → read → change, reusing returned ids; see `module-flows/`) and
 * checks both the result and the stored row. The last tests fail when a module or a
 * tool has no flow here.
 */

/** Each module's flow, in run order (invoices creates a contact, so contacts runs first). */
const flows: Record<string, (ctx: FlowContext) => void> = {
  todo: todoFlow,
  habits: habitsFlow,
  journal: journalFlow,
  notes: notesFlow,
  mood: moodFlow,
  calendar: calendarFlow,
  contacts: contactsFlow,
  articles: articlesFlow,
  goals: goalsFlow,
  dreams: dreamsFlow,
  library: libraryFlow,
  invoices: invoicesFlow,
  research: researchFlow,
  spaces: spacesFlow,
};

const registry = createAppRegistry();
const exposedNames = (module?: string) =>
  registry
    .exposed()
    .filter((t) => module === undefined || t.module === module)
    .map((t) => t.name)
    .sort();

describe('every module through the MCP gateway', () => {
  const ctx = createFlowContext();
  let h: GatewayHarness;

  beforeAll(async () => {
    const today = await runDay();
    h = await startGatewayHarness();
    const annaId = await h.persona('anna');
    await h.persona('ben');
    const familyId = await h.sharedSpace('anna-ben', ['anna', 'ben']);
    const [annaToken, benToken] = await Promise.all([h.token('anna'), h.token('ben')]);
    const me = await fetch(`${h.auth.url}/api/v1/me/spaces`, {
      headers: { authorization: `Bearer ${annaToken}` },
    });
    const { spaces } = (await me.json()) as { spaces: { id: string; type: string }[] };
    const personalId = spaces.find((s) => s.type === 'personal')?.id ?? '';
    expect(personalId).not.toBe('');
    const anna = await h.connect({ authorization: `Bearer ${annaToken}` });
    const annaFamily = await h.connect({
      authorization: `Bearer ${annaToken}`,
      [HEADERS.space]: familyId,
    });
    const benFamily = await h.connect({
      authorization: `Bearer ${benToken}`,
      [HEADERS.space]: familyId,
    });
    // Listing caches each tool's output schema: from then on the client itself validates
    // every structuredContent against the schema the gateway published.
    await Promise.all([anna.listTools(), annaFamily.listTools(), benFamily.listTools()]);
    ctx.open({ harness: h, annaId, personalId, familyId, anna, annaFamily, benFamily, today });
  });
  afterAll(() => h?.close());

  for (const [module, flow] of Object.entries(flows)) {
    describe(module, () => {
      flow(ctx);
      it(`called every exposed ${module} tool`, () => {
        const exposed = exposedNames(module);
        expect(exposed.length).toBeGreaterThan(0);
        expect([...ctx.called].filter((n) => n.startsWith(`${module}.`)).sort()).toEqual(exposed);
      });
    });
  }

  it('has a flow for every module: a new module needs a flow here', () => {
    expect(Object.keys(flows).sort()).toEqual(registry.modules().sort());
  });

  it('called exactly the exposed tools: a new tool needs a flow here', () => {
    expect([...ctx.called].sort()).toEqual(exposedNames());
  });
});
