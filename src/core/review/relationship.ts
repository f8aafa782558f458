// The plan of a relationship someone proposes: `status: proposed` until the other side accepts
// it (Review Mentoring Changes, or `mentoring accept`), which sets `status: active`, who accepted
// and when, and drops the "pending" line of the header.
import { assertSafeName, pairIdOf } from '../folder/names';
import type { Channel, InitiatedBy, Program } from '../folder/model';
import { INITIATED_BY } from '../../shared/vocabulary';

export interface NewRelationship {
  mentee: string;
  mentor: string;
  initiatedBy: InitiatedBy;
  /** The day it is proposed (YYYY-MM-DD). */
  date: string;
  /** Defaults: the program's, else 14 days, 45 minutes, video. */
  defaults?: Program['defaults'];
  /** A first goal in the mentee's words, optional. */
  goal?: { title: string; why?: string };
  /** A line to the other side, kept as a comment at the top. */
  note?: string;
}

/** The header's line that says the plan waits for acceptance, and the line after it. */
export const PENDING_LINE = '# Pending until';

export function newRelationshipPlan(request: NewRelationship): string {
  const pair = pairIdOf(request.mentee, request.mentor);
  assertSafeName(request.date, 'date');
  if (!INITIATED_BY.includes(request.initiatedBy)) {
    throw new Error(`initiated_by must be mentee, mentor or program, not "${request.initiatedBy}"`);
  }
  const cadence = request.defaults?.cadence_days ?? 14;
  const minutes = request.defaults?.session_minutes ?? 45;
  const channel: Channel = request.defaults?.channel ?? 'video';
  const asker = { mentee: request.mentee, mentor: request.mentor, program: 'the program' }[request.initiatedBy];
  const other = request.initiatedBy === 'mentor' ? request.mentee : request.mentor;
  const lines = [
    `# ${pair}: proposed by ${asker} on ${request.date}.`,
    `${PENDING_LINE} ${request.initiatedBy === 'program' ? `${request.mentee} and ${request.mentor} accept` : `${other} accepts`} it:`,
    `# Mentoring: Review Mentoring Changes, or \`mentoring accept ${pair}\`.`,
    ...(request.note ? commentLines(request.note) : []),
    `mentee: ${request.mentee}`,
    `mentor: ${request.mentor}`,
    `initiated_by: ${request.initiatedBy}        # mentee | mentor | program`,
    'status: proposed            # proposed | active | paused | completed | ended',
    `driver: ${request.initiatedBy === 'mentor' ? 'shared' : 'mentee'}              # who administers the relationship: mentor | shared | mentee`,
    'agreement:',
    `  cadence_days: ${cadence}          # the default answer to "when should we meet again?"`,
    `  session_minutes: ${minutes}`,
    `  channel: ${channel}            # in-person | video | chat | mixed`,
    '  confidentiality: Notes stay between us; goal progress may be shared with the program.',
  ];
  if (request.goal && request.goal.title.trim() !== '') {
    lines.push('goals:', '  - id: first-goal', `    title: ${quote(request.goal.title)}`);
    if (request.goal.why?.trim()) lines.push(`    why: ${quote(request.goal.why)}`);
    lines.push('    status: planned');
  } else {
    lines.push('goals: []                   # the mentee adds goals once the relationship starts');
  }
  return lines.join('\n') + '\n';
}

function commentLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `# ${line}`);
}

/** A YAML double-quoted scalar: always safe, whatever the user typed. */
function quote(text: string): string {
  return JSON.stringify(text.replace(/\s+/g, ' ').trim());
}

/** The plan text without the header's "pending until … accepts" note, once accepted. */
export function withoutPendingNote(text: string): string {
  return text.replace(/^# Pending until [^\n]*\n(?:# Mentoring: Review Mentoring Changes[^\n]*\n)?/m, '');
}
