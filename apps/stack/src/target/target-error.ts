/**
 * A target file the stack refuses, with every problem found (each names its field):
 * start-up reports them all at once rather than one per attempt.
 */
export class TargetError extends Error {
  readonly problems: readonly string[];

  constructor(path: string, problems: readonly string[]) {
    super(`The target ${path} is not usable:\n  - ${problems.join('\n  - ')}`);
    this.name = 'TargetError';
    this.problems = problems;
  }
}
