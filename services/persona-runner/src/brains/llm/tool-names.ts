/**
 * Model-facing names for the app's `module.verb` tools: providers accept only
 * `[A-Za-z0-9_-]{1,64}` (OpenAI and Anthropic alike), so `todo.create` becomes
 * `todo_create`; a clash after the rewrite gets a `_2`, `_3`… suffix. Answers
 * model name → app name.
 */
export function modelToolNames(appNames: readonly string[], reserved: readonly string[] = []) {
  const byModelName = new Map<string, string>();
  const taken = new Set(reserved);
  for (const app of appNames) {
    const plain = app.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
    let name = plain;
    for (let n = 2; taken.has(name); n++) name = `${plain}_${n}`;
    taken.add(name);
    byModelName.set(name, app);
  }
  return byModelName;
}
