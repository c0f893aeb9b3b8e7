import { type Fault, parseFaults } from '@mana/tool-registry';

/** The regressions the drill injects, each at one tool. */
export const DRILL_KIND_NAMES = [
  'errors',
  'small-errors',
  'latency',
  'noop',
  'partial',
  'tighten',
] as const;
export type DrillKindName = (typeof DRILL_KIND_NAMES)[number];

/** One regression of the drill: what it is, where, and the fault setting that makes it. */
export interface DrillKind {
  kind: DrillKindName;
  tool: string;
  /** The fault's settings, as after the `:` of a fault spec. */
  settings: string;
  /** What breaks, in words. */
  means: string;
}

/**
 * The default drill: one regression per kind, each on a tool of its own module, so all
 * run in ONE simulation without one hiding another (a module-level alert names the
 * module of exactly one injected tool). Tools are busy ones of the default catalog.
 */
export const DEFAULT_DRILL: readonly DrillKind[] = [
  { kind: 'errors', tool: 'library.list', settings: 'errors=0.3', means: '30 % of calls fail' },
  {
    kind: 'small-errors',
    tool: 'articles.list',
    settings: 'errors=0.08',
    means: '8 % of calls fail',
  },
  { kind: 'latency', tool: 'goals.list', settings: 'latency=800', means: '+800 ms per call' },
  { kind: 'noop', tool: 'todo.create', settings: 'noop', means: 'answers ok, stores nothing' },
  {
    kind: 'partial',
    tool: 'notes.search',
    settings: 'partial=0.5',
    means: 'leaves half the rows out',
  },
  {
    kind: 'tighten',
    tool: 'journal.create_entry',
    settings: 'tighten=24',
    means: 'refuses texts over 24 characters',
  },
];

/** The faults of a drill (throws naming the valid tools when a kind names an unknown one). */
export function drillFaults(kinds: readonly DrillKind[]): Fault[] {
  return parseFaults(kinds.map((k) => `${k.tool}:${k.settings}`).join(';'));
}

/** Picks kinds of the default drill by name (`--kinds latency,noop`), refusing unknown ones. */
export function pickKinds(names: readonly string[] | undefined): DrillKind[] {
  if (!names || names.length === 0) return [...DEFAULT_DRILL];
  return names.map((name) => {
    const kind = DEFAULT_DRILL.find((k) => k.kind === name);
    if (!kind)
      throw new Error(`unknown drill kind "${name}" (kinds: ${DRILL_KIND_NAMES.join(', ')})`);
    return kind;
  });
}
