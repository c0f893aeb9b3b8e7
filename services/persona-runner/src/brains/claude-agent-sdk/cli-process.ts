import { type ChildProcess, spawn } from 'node:child_process';
import type { SpawnedProcess, SpawnOptions } from '@anthropic-ai/claude-agent-sdk';
import type { Logger } from 'pino';

/** How long a CLI may take to exit by itself after its query ended. */
const EXIT_GRACE_MS = 2_000;
/** How long SIGTERM gets before SIGKILL. */
const TERM_GRACE_MS = 3_000;
/** How much of the CLI's stderr is kept for error messages. */
const STDERR_TAIL_CHARS = 4_000;

/**
 * Spawns the Claude Code CLI for the SDK (its `spawnClaudeCodeProcess` hook) and keeps
 * the process in hand, so a query can make sure its CLI is gone before it returns: the
 * SDK alone lets it linger about 2 s after an abort.
 */
export interface CliProcesses {
  /** Pass as `spawnClaudeCodeProcess`. */
  spawn(options: SpawnOptions): SpawnedProcess;
  /** Kills the CLI now: on abort there is nothing left to wait for. */
  kill(): void;
  /**
   * Resolves once every CLI spawned here has exited: waits `graceMs` for it to exit by
   * itself, then sends SIGTERM and, if that is ignored, SIGKILL.
   */
  stop(graceMs?: number): Promise<void>;
  /** The end of the CLI's stderr, to explain a crash. */
  stderrTail(): string;
}

/** A tracker for the CLI processes of one query. */
export function cliProcesses(logger: Logger): CliProcesses {
  const children = new Set<ChildProcess>();
  let stderr = '';

  const exited = (child: ChildProcess, ms: number) =>
    new Promise<boolean>((resolve) => {
      if (hasExited(child)) return resolve(true);
      const timer = setTimeout(() => {
        child.off('exit', onExit);
        resolve(false);
      }, ms);
      const onExit = () => {
        clearTimeout(timer);
        resolve(true);
      };
      child.once('exit', onExit);
    });

  const stopOne = async (child: ChildProcess, graceMs: number) => {
    if (await exited(child, graceMs)) return;
    child.kill('SIGTERM');
    if (await exited(child, TERM_GRACE_MS)) return;
    logger.warn({ pid: child.pid }, 'claude code ignored SIGTERM; killing it');
    child.kill('SIGKILL');
    await exited(child, TERM_GRACE_MS);
  };

  return {
    spawn({ command, args, cwd, env, signal }) {
      const child = spawn(command, args, {
        cwd,
        env,
        signal,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
      children.add(child);
      // The SDK listens for 'error' too; this one keeps a spawn failure out of the logs' way.
      child.on('error', (error) => logger.debug({ err: error }, 'claude code process error'));
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
        logger.debug({ stderr: chunk }, 'claude code stderr');
      });
      return child as SpawnedProcess;
    },
    kill() {
      for (const child of children) if (!hasExited(child)) child.kill('SIGTERM');
    },
    async stop(graceMs = EXIT_GRACE_MS) {
      await Promise.all([...children].map((child) => stopOne(child, graceMs)));
    },
    stderrTail: () => stderr.trim(),
  };
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}
