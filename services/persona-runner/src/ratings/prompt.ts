import type { DuePersona } from '@mana/contracts';
import type { ModuleExperience, ToolCall } from '../brains/types';
import { dayLog } from './day-log';

/**
 * The rating turn's prompt, in the persona's language: what happened per module (calls,
 * errors and how many of them refused the persona's input, the checks it made and
 * those that did not hold up, latency), then, when `calls` are given, the day call by
 * call ({@link dayLog}: inputs, results, errors, latencies, verdicts), and the strict
 * JSON shape to answer with.
 */
export function ratingPrompt(
  persona: Pick<DuePersona, 'locale'>,
  experience: readonly ModuleExperience[],
  calls: readonly ToolCall[] = [],
): string {
  const log = dayLog(calls, persona.locale);
  const lines = experience.map((m) => {
    const errors = m.errorSamples.map((e) => `${e.toolName}: ${e.message}`).join(' | ');
    const refused = m.invalidInputs > 0 ? ` (${m.invalidInputs} refused your input)` : '';
    const failed = m.failedCheckSamples
      .map((f) => `${f.toolName}: expected ${f.expected ?? '?'}; seen ${f.seen ?? '?'}`)
      .join(' | ');
    const checks =
      m.checks > 0
        ? `, ${m.checks} checked again, ${m.failedChecks} did not hold up${failed ? ` [${failed}]` : ''}`
        : '';
    return `- ${m.module}: ${m.calls} calls (${m.tools.join(', ')}), ${m.errors} errors${refused}${errors ? ` [${errors}]` : ''}${checks}, median ${m.latencyP50Ms} ms, slowest ${m.latencyMaxMs} ms`;
  });
  const shape =
    '{"ratings":[{"module":"<module>","rating":<1-5>,"notes":"<one or two sentences>"}]}';
  if (persona.locale === 'de') {
    return [
      'Dein Tag in der App ist vorbei. Bewerte jetzt, ganz in deiner Rolle, jedes Modul, das du heute benutzt hast,',
      'mit 1 (furchtbar) bis 5 (großartig) und einer kurzen, ehrlichen Notiz, die sagt, was gut oder schlecht war.',
      'Was passiert ist:',
      ...lines,
      ...(log.length > 0 ? ['Dein Tag, Aufruf für Aufruf:', ...log] : []),
      `Antworte NUR mit JSON genau in dieser Form, ohne weiteren Text: ${shape}`,
      `Bewerte nur diese Module: ${experience.map((m) => m.module).join(', ')}.`,
    ].join('\n');
  }
  return [
    'Your day in the app is over. Now, fully in character, rate each module you used today',
    'from 1 (awful) to 5 (great), with a short honest note saying what worked or did not.',
    'What happened:',
    ...lines,
    ...(log.length > 0 ? ['Your day, call by call:', ...log] : []),
    `Answer ONLY with JSON in exactly this shape, no other text: ${shape}`,
    `Rate only these modules: ${experience.map((m) => m.module).join(', ')}.`,
  ].join('\n');
}
