// The closed lists of values the mentoring files use, each written once. The core's model types
// derive from them, the protocol's validator checks incoming messages against them and the
// webview offers them as choices; schemas/*.json hold the same enums for VS Code's YAML support
// (a unit test keeps the two equal). Browser-safe: nothing here imports anything.

export const ROLES = ['mentee', 'mentor', 'coordinator'] as const;
export const INITIATED_BY = ['mentee', 'mentor', 'program'] as const;
export const PLAN_STATUSES = ['proposed', 'active', 'paused', 'completed', 'ended'] as const;
export const DRIVERS = ['mentor', 'shared', 'mentee'] as const;
export const CHANNELS = ['in-person', 'video', 'chat', 'mixed'] as const;
export const GOAL_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export const FEEDBACK_KINDS = ['code', 'design', 'career', 'communication', 'other'] as const;
export const FEEDBACK_STATUSES = ['open', 'answered', 'closed'] as const;

/** Whether `value` is one of `values`; narrows it to their union. */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** What "What needs me" lists: one kind per way a relationship waits on me (core/app/inbox.ts). */
export type InboxItemKind =
  /** A request asked of me, still open: answer it in `file`. */
  | 'feedback-to-answer'
  /** A relationship or plan change proposed by the other side: review `proposal`. */
  | 'proposal-to-review'
  /** One of my open actions, due within the coming days or overdue: `action` in `file`. */
  | 'action-due'
  /** The next session is soon and has no agenda: `file` is the agenda to prepare (not there yet). */
  | 'agenda-missing'
  /** The other side prepared the agenda of a session soon: read `file`. */
  | 'agenda-to-read'
  /** The relationship is active and no session lies ahead: agree one (`file`: the last agenda, else the plan). */
  | 'no-next-session'
  /** A request of mine was answered and I have not seen it: read `file`. */
  | 'feedback-answered';
