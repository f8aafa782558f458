// The codicon beside each kind of event in the sidebar's timeline (the words come from
// core/app/timeline.ts, shared with `mentoring log`).
import type { HistoryEventKind } from '../../core/history';

const ICONS: Record<HistoryEventKind, string> = {
  'relationship-proposed': 'person-add',
  'relationship-accepted': 'pass',
  'relationship-started': 'play',
  'relationship-paused': 'debug-pause',
  'relationship-resumed': 'debug-continue',
  'relationship-ended': 'circle-slash',
  'goal-added': 'target',
  'goal-changed': 'edit',
  'goal-done': 'pass-filled',
  'goal-dropped': 'close',
  'goal-removed': 'trash',
  'benchmark-reached': 'milestone',
  'agenda-prepared': 'notebook',
  'notes-written': 'note',
  'action-done': 'tasklist',
  'feedback-asked': 'comment',
  'feedback-answered': 'comment-discussion',
  'plan-review-merged': 'git-merge',
};

export function eventIcon(kind: HistoryEventKind): string {
  return ICONS[kind];
}
