// Day -50 of the demo story: the coordinator, Dana, sets up the program (its defaults and the
// four people), in a repository where the code the feedback will point at already exists.
import { PEOPLE } from './people.mjs';

// src/export/retry.ts, the code Ana asks Ben about (ana--ben.mjs points at its lines 8-19).
const RETRY_TS = [
  'export interface RetryPolicy {',
  '  attempts: number;',
  '  baseDelayMs: number;',
  '}',
  '',
  'export const defaultPolicy: RetryPolicy = { attempts: 5, baseDelayMs: 200 };',
  '',
  'export async function withRetry<T>(job: () => Promise<T>, policy = defaultPolicy): Promise<T> {',
  '  let lastError: unknown;',
  '  for (let attempt = 0; attempt < policy.attempts; attempt++) {',
  '    try {',
  '      return await job();',
  '    } catch (error) {',
  '      lastError = error;',
  '      await new Promise((done) => setTimeout(done, policy.baseDelayMs * 2 ** attempt));',
  '    }',
  '  }',
  '  throw lastError;',
  '}',
  '',
].join('\n');

/** Tells the program's start into `story` (story.mjs). */
export function tellProgramStart({ write, writeYaml, commit }) {
  write('README.md', "# Acme billing\n\nA small service, and the team's mentoring folder in `.mentoring/`.\n");
  write('.gitignore', 'node_modules/\n');
  write('.mentoring/.gitignore', '# Personal notes never leave your machine.\n.private/\n');
  write('src/export/retry.ts', RETRY_TS);
  writeYaml('.mentoring/program.yaml', {
    name: 'Acme engineering mentoring',
    coordinators: ['dana'],
    defaults: { cadence_days: 14, session_minutes: 45, channel: 'video' },
  });
  for (const person of Object.values(PEOPLE)) writeYaml(`.mentoring/people/${person.handle}.yaml`, person);
  commit('dana', -50, 'Start the mentoring program: people and defaults');
}
