import { z } from 'zod';
import { appTools } from '../modules/index';
import type { AnyToolSpec } from '../tool-spec';

/**
 * How one module, or one tool, of the app should misbehave. A module-level fault acts on
 * every tool of the module where its kind applies (`noop` on writes, `partial` on reads
 * that answer with lists); a tool-level fault on that tool only.
 */
export interface Fault {
  /** The module, or the module of the tool. */
  module: string;
  /** The one tool the fault acts on; null: every tool of the module. */
  tool: string | null;
  /** Share of calls (0..1) that fail with an internal error (an `app_error` to the caller). */
  errorRate: number;
  /** Milliseconds added before every call. */
  latencyMs: number;
  /** A write answers ok with what it would have stored, and stores nothing. */
  noop: boolean;
  /** Share (0..1) of the rows of each list in a read's answer that are left out. */
  partial: number;
  /** An input with a text longer than this many characters is refused as invalid; null: off. */
  tightenChars: number | null;
}

/** The settings a spec may give, and what each takes. */
export const FAULT_KINDS = {
  errors: 'errors=<share 0..1>',
  latency: 'latency=<ms>',
  noop: 'noop',
  partial: 'partial[=<share 0..1>, default 0.5]',
  tighten: 'tighten[=<max characters>, default 24]',
} as const;

const DEFAULT_PARTIAL = 0.5;
const DEFAULT_TIGHTEN = 24;

const faultSchema = z.object({
  module: z.string().regex(/^[a-z][a-z0-9_]*$/),
  tool: z
    .string()
    .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/)
    .nullable(),
  errorRate: z.number().min(0).max(1),
  latencyMs: z.number().int().min(0).max(60_000),
  noop: z.boolean(),
  partial: z.number().min(0).max(1),
  tightenChars: z.number().int().min(1).max(10_000).nullable(),
});

/** The top-level fields of a tool's answer that hold lists of rows (what `partial` thins). */
export function listFields(tool: AnyToolSpec): string[] {
  return Object.entries(tool.output.shape)
    .filter(([, schema]) => unwrap(schema as z.ZodType) instanceof z.ZodArray)
    .map(([key]) => key);
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault
  )
    current = current.unwrap() as z.ZodType;
  return current;
}

/**
 * Parses a fault spec: targets separated by `;`, each `<module or module.tool>:<settings>`
 * with settings separated by `,` — e.g. `journal:errors=0.5,latency=800;todo.create:noop;
 * notes.search:partial=0.5;todo.list:latency=800;habits.create:tighten=20`. An empty spec
 * means no faults. Throws naming the bad part and the valid modules, tools or kinds, so
 * `MANA_FAULTS`, `PUT /admin/faults` and `--fault` all refuse the same way.
 */
export function parseFaults(
  spec: string | undefined,
  tools: readonly AnyToolSpec[] = appTools,
): Fault[] {
  if (!spec?.trim()) return [];
  return spec
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => parsePart(part, tools));
}

function parsePart(part: string, tools: readonly AnyToolSpec[]): Fault {
  const colon = part.indexOf(':');
  const target = (colon < 0 ? part : part.slice(0, colon)).trim();
  const settings = colon < 0 ? '' : part.slice(colon + 1);
  const dot = target.indexOf('.');
  const module = dot < 0 ? target : target.slice(0, dot);
  const fault: Fault = {
    module,
    tool: dot < 0 ? null : target,
    errorRate: 0,
    latencyMs: 0,
    noop: false,
    partial: 0,
    tightenChars: null,
  };
  for (const setting of settings.split(',').filter((s) => s.trim())) {
    const [key = '', value] = setting.split('=', 2).map((s) => s.trim());
    if (key === 'errors') fault.errorRate = Number(value);
    else if (key === 'latency') fault.latencyMs = Number(value);
    else if (key === 'noop' && value === undefined) fault.noop = true;
    else if (key === 'partial')
      fault.partial = value === undefined ? DEFAULT_PARTIAL : Number(value);
    else if (key === 'tighten')
      fault.tightenChars = value === undefined ? DEFAULT_TIGHTEN : Number(value);
    else
      throw new Error(
        `fault "${part}": unknown setting "${setting.trim()}" (use ${Object.values(FAULT_KINDS).join(', ')})`,
      );
  }
  const parsed = faultSchema.safeParse(fault);
  if (!parsed.success) {
    throw new Error(
      `fault "${part}": ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', ')}`,
    );
  }
  checkTarget(part, parsed.data, tools);
  return parsed.data;
}

function checkTarget(part: string, fault: Fault, tools: readonly AnyToolSpec[]): void {
  const modules = [...new Set(tools.map((t) => t.module))];
  if (!modules.includes(fault.module))
    throw new Error(
      `fault "${part}": unknown module "${fault.module}" (modules: ${modules.join(', ')})`,
    );
  const ofModule = tools.filter((t) => t.module === fault.module);
  const targets = fault.tool === null ? ofModule : ofModule.filter((t) => t.name === fault.tool);
  if (targets.length === 0)
    throw new Error(
      `fault "${part}": unknown tool "${fault.tool}" (tools of ${fault.module}: ${ofModule.map((t) => t.name).join(', ')})`,
    );
  const what = fault.tool ?? `module ${fault.module}`;
  if (fault.noop && !targets.some((t) => t.policyHint !== 'read'))
    throw new Error(`fault "${part}": noop needs a write, and ${what} has none`);
  if (fault.partial > 0 && !targets.some((t) => t.policyHint === 'read' && listFields(t).length))
    throw new Error(
      `fault "${part}": partial needs a read that answers with a list, and ${what} has none`,
    );
}

/** Writes faults back as a spec string (for logs and `GET /admin/faults`); parses back the same. */
export function formatFaults(faults: readonly Fault[]): string {
  return faults
    .map((f) => {
      const settings = [`errors=${f.errorRate}`, `latency=${f.latencyMs}`];
      if (f.noop) settings.push('noop');
      if (f.partial > 0) settings.push(`partial=${f.partial}`);
      if (f.tightenChars !== null) settings.push(`tighten=${f.tightenChars}`);
      return `${f.tool ?? f.module}:${settings.join(',')}`;
    })
    .join(';');
}
