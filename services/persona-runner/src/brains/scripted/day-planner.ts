import { coverageFactors } from './coverage-weight';
import type { IdPool, KnownItem } from './id-pool';
import { generateInput } from './input-generator';
import { type MistakeKind, makeMistake } from './mistakes';
import { targetAllowed } from './preconditions';
import type { Rng } from './prng';
import { type IdField, type ToolProfile, verbWeight } from './tool-profile';
import type { Voice } from './voice';

/** One call the persona is about to make. */
export interface PlannedCall {
  profile: ToolProfile;
  input: Record<string, unknown>;
  /** Set when chaos spoiled the input on purpose. */
  mistake?: MistakeKind;
}

/** Everything the planner decides from. */
export interface PlannerDeps {
  tools: ToolProfile[];
  /** Module weights (the persona's `moduleMix`). */
  moduleMix: Readonly<Record<string, number>>;
  /** How often a call is spoiled (the persona's `traits.chaos`, 0..1). */
  chaos: number;
  rng: Rng;
  pool: IdPool;
  now: Date;
  voice: Voice;
  /** Calls of each tool lately (all personas): under-exercised tools are favoured. */
  coverage?: ReadonlyMap<string, number>;
}

/** How many actions an archetype takes in a day: the newbie does little, the solo dev a lot. */
const ACTIONS: Record<string, readonly [number, number]> = {
  'overwhelmed-newbie': [2, 4],
  'adhd-student': [3, 6],
  'creative-parent': [3, 6],
  'ceo-busy': [4, 6],
  freelancer: [4, 7],
  researcher: [5, 7],
  'solo-dev': [6, 9],
};

/** The number of actions for a day of this archetype (3–8 for an unknown one). */
export function actionCount(archetype: string, rng: Rng): number {
  const [lo, hi] = ACTIONS[archetype] ?? [3, 8];
  return rng.int(lo, hi);
}

/**
 * Decides the persona's next call, the way a person moves through an app: pick a module
 * by the persona's mix (and often stay in it), look around first (a list or search),
 * then create when there is nothing to act on, or act on an item the app returned —
 * only items whose state allows the action; a tool's weight is scaled by how little it
 * was exercised lately ({@link coverageFactors}). With probability `chaos` the input is
 * spoiled into a realistic mistake. Deterministic for a seed and the same coverage.
 */
export class DayPlanner {
  readonly #deps: PlannerDeps;
  readonly #byModule = new Map<string, ToolProfile[]>();
  readonly #surveyed = new Set<string>();
  readonly #coverage: ReadonlyMap<string, number>;
  #lastModule: string | undefined;
  #lastWasSurvey = false;

  constructor(deps: PlannerDeps) {
    this.#deps = deps;
    for (const tool of deps.tools) {
      const list = this.#byModule.get(tool.module) ?? [];
      list.push(tool);
      this.#byModule.set(tool.module, list);
    }
    this.#coverage = coverageFactors(
      deps.tools.map((t) => t.name),
      deps.coverage ?? new Map(),
    );
  }

  /** The modules the persona can use today: in its mix and served by the gateway. */
  get modules(): string[] {
    return [...this.#byModule.keys()];
  }

  /** The next call, or undefined when the gateway offers nothing the persona can use. */
  next(): PlannedCall | undefined {
    const tried = new Set<string>();
    for (let attempt = 0; attempt < 2 * this.modules.length; attempt++) {
      const module = this.#chooseModule(tried);
      if (!module) return undefined;
      const plan = this.#nextIn(module);
      if (plan) return plan;
      tried.add(module);
    }
    return undefined;
  }

  /** The next call inside one module, or undefined when nothing there is usable yet. */
  #nextIn(module: string): PlannedCall | undefined {
    this.#lastModule = module;
    this.#lastWasSurvey = false;
    const tools = this.#byModule.get(module) ?? [];
    if (!this.#surveyed.has(module)) {
      const survey = this.#surveyTool(tools);
      this.#surveyed.add(module);
      this.#lastWasSurvey = survey !== undefined;
      if (survey) return this.#plan(survey, new Map(), { survey: true });
    }
    const hasItems = tools.some((t) =>
      t.idFields.some((f) => this.#candidates(module, f).length > 0),
    );
    const options: [{ tool: ToolProfile; targets: Map<string, string> }, number][] = [];
    for (const tool of tools) {
      const targets = this.#targets(tool);
      const weight = weightOf(tool, hasItems) * (this.#coverage.get(tool.name) ?? 1);
      if (targets) options.push([{ tool, targets }, weight]);
    }
    if (options.length === 0) return undefined;
    const { tool, targets } = this.#deps.rng.weighted(options);
    return this.#plan(tool, targets, {});
  }

  /** The same tool again with a careful input: what a person does after a silly error. */
  retry(previous: PlannedCall): PlannedCall | undefined {
    const targets = this.#targets(previous.profile);
    return targets ? this.#plan(previous.profile, targets, { careful: true }) : undefined;
  }

  /** Learns from a call's output (a planned call or a check): ids and states of its items. */
  observe(module: string, output: unknown): void {
    this.#deps.pool.remember(module, output);
  }

  #chooseModule(tried: ReadonlySet<string>): string | undefined {
    const { rng, moduleMix } = this.#deps;
    const modules = this.modules.filter((m) => !tried.has(m));
    if (modules.length === 0) return undefined;
    // Having just looked at a list, people mostly do something with it.
    const stay = this.#lastWasSurvey ? 0.85 : 0.45;
    if (this.#lastModule && modules.includes(this.#lastModule) && rng.chance(stay)) {
      return this.#lastModule;
    }
    return rng.weighted(modules.map((m) => [m, moduleMix[m] ?? 0.1] as const));
  }

  #surveyTool(tools: ToolProfile[]): ToolProfile | undefined {
    const surveys = tools.filter((t) => t.survey);
    const lists = surveys.filter((t) => t.verb.startsWith('list'));
    const pool = lists.length > 0 ? lists : surveys;
    return pool.length > 0 ? this.#deps.rng.pick(pool) : undefined;
  }

  /**
   * The ids for a tool's required id fields (the first one is the target and must pass
   * the tool's state rule), or undefined when the persona knows no suitable item.
   */
  #targets(tool: ToolProfile): Map<string, string> | undefined {
    const targets = new Map<string, string>();
    let first = true;
    for (const field of tool.idFields.filter((f) => f.required)) {
      let candidates = this.#candidates(tool.module, field);
      if (first) candidates = candidates.filter((c) => targetAllowed(tool.name, c.item));
      first = false;
      if (candidates.length === 0) return undefined;
      targets.set(field.field, this.#deps.rng.pick(candidates).id);
    }
    return targets;
  }

  /** Items an id field may point at: `id` only in its module, `<x>Id` in any. */
  #candidates(module: string, field: IdField): KnownItem[] {
    return this.#deps.pool.candidates(module, field.kind, field.field !== 'id');
  }

  #plan(
    profile: ToolProfile,
    targets: Map<string, string>,
    mode: { survey?: boolean; careful?: boolean },
  ): PlannedCall {
    const { rng, pool, now, voice, chaos } = this.#deps;
    const input = generateInput(profile.schema, {
      rng,
      now,
      module: profile.module,
      toolName: profile.name,
      voice,
      survey: mode.survey,
      mustChange: profile.role === 'act' && profile.verb.startsWith('update'),
      knownWords: pool.words(profile.module),
      taken: (field) =>
        profile.role !== 'read' && (field === 'name' || field === 'title')
          ? pool.valuesOf(profile.module, field)
          : new Set(),
      idFor: (field) => {
        const chosen = targets.get(field);
        if (chosen) return chosen;
        const idField = profile.idFields.find((f) => f.field === field);
        const candidates = idField ? this.#candidates(profile.module, idField) : [];
        return candidates.length > 0 ? rng.pick(candidates).id : undefined;
      },
    });
    if (!mode.careful && rng.chance(chaos)) {
      const mistake = makeMistake(input, profile.schema, rng);
      if (mistake) return { profile, input: mistake.input, mistake: mistake.kind };
    }
    return { profile, input };
  }
}

/**
 * How likely a usable tool is chosen: acting on known items by its verb, creating (much
 * likelier while the module holds nothing to act on), re-reading now and then.
 */
function weightOf(tool: ToolProfile, hasItems: boolean): number {
  if (tool.role === 'act') return verbWeight(tool.verb);
  if (tool.role === 'create') return hasItems ? 0.8 : 2;
  return tool.survey ? 0.3 : 0.5;
}
