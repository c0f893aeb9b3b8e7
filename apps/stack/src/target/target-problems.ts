import { moduleOfTool, type TargetFile } from '@mana/contracts';
import type { Catalog } from '@mana/personas';

/**
 * What is wrong with a target file against the tools its server lists: a module rule that
 * maps no tool (or a map naming tools the server lacks), personas naming modules the
 * server does not have, checks of or through tools it does not list. Empty when the file
 * fits the server.
 */
export function targetToolProblems(
  file: Pick<TargetFile, 'modules' | 'checks'>,
  catalog: Catalog,
  toolNames: readonly string[],
): string[] {
  const problems: string[] = [];
  const listed = new Set(toolNames);
  const shown = shortList(toolNames);
  const modules = new Set<string>();
  for (const tool of toolNames) {
    const module = moduleOfTool(file.modules, tool);
    if (module) modules.add(module);
  }
  if (file.modules.map) {
    for (const [module, tools] of Object.entries(file.modules.map)) {
      for (const tool of tools) {
        if (!listed.has(tool))
          problems.push(
            `modules.map.${module}: ${tool} is not a tool of the server (it lists ${shown})`,
          );
      }
    }
  }
  if (modules.size === 0) {
    const rule = file.modules.map ? 'modules.map' : `modules.separator "${file.modules.separator}"`;
    problems.push(`${rule} maps no tool of the server (it lists ${shown})`);
  } else {
    const known = [...modules].sort().join(', ');
    catalog.personas.forEach((persona, i) => {
      for (const module of Object.keys(persona.moduleMix)) {
        if (!modules.has(module))
          problems.push(
            `personas.personas.${i}.moduleMix.${module}: ${persona.email} uses a module the server does not have (it has ${known})`,
          );
      }
    });
  }
  for (const [tool, declared] of Object.entries(file.checks ?? {})) {
    if (!listed.has(tool)) problems.push(`checks.${tool}: not a tool of the server`);
    if ('checks' in declared) {
      declared.checks.forEach((check, i) => {
        if (!listed.has(check.read))
          problems.push(
            `checks.${tool}.checks.${i}.read: ${check.read} is not a tool of the server`,
          );
      });
    }
  }
  return problems;
}

/** The first names of a list, for a message. */
function shortList(names: readonly string[]): string {
  if (names.length === 0) return 'no tools';
  const head = names.slice(0, 12).join(', ');
  return names.length > 12 ? `${head}, … (${names.length} in all)` : head;
}
