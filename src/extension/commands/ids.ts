// Every id the extension registers with VS Code, once. package.json declares the same ids
// (test/unit/manifest.test.ts keeps the two equal). No vscode import: plain Node tests read it.

export const COMMAND = {
  addGoal: 'mentoring.addGoal',
  addToCalendar: 'mentoring.addToCalendar',
  askForFeedback: 'mentoring.askForFeedback',
  askForFeedbackOnSelection: 'mentoring.askForFeedbackOnSelection',
  askForMentoring: 'mentoring.askForMentoring',
  commitAgenda: 'mentoring.commitAgenda',
  createPerson: 'mentoring.createPerson',
  endRelationship: 'mentoring.endRelationship',
  fetch: 'mentoring.fetch',
  findMentor: 'mentoring.findMentor',
  init: 'mentoring.init',
  markNewsSeen: 'mentoring.markNewsSeen',
  offerMentoring: 'mentoring.offerMentoring',
  openPrivateNotes: 'mentoring.openPrivateNotes',
  openProgramOverview: 'mentoring.openProgramOverview',
  openSidebar: 'mentoring.openSidebar',
  openWalkthrough: 'mentoring.openWalkthrough',
  pauseRelationship: 'mentoring.pauseRelationship',
  pickMe: 'mentoring.pickMe',
  prepareAgenda: 'mentoring.prepareAgenda',
  proposeMatches: 'mentoring.proposeMatches',
  proposePlanChanges: 'mentoring.proposePlanChanges',
  pull: 'mentoring.pull',
  refresh: 'mentoring.refresh',
  reviewChanges: 'mentoring.reviewChanges',
  selectPair: 'mentoring.selectPair',
  setUpMyKey: 'mentoring.setUpMyKey',
  share: 'mentoring.share',
  showNextSession: 'mentoring.showNextSession',
  validate: 'mentoring.validate',
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];

export const VIEW_ID = 'mentoring.sidebar';
/** The Program Overview's webview panel type. */
export const OVERVIEW_PANEL_ID = 'mentoring.programOverview';
export const WALKTHROUGH_ID = 'mentoring-dev.mentoring#mentoring.gettingStarted';
/** `when`-clause context keys. */
export const CONTEXT = { folderExists: 'mentoring.folderExists' } as const;
export const STATUS_BAR_ID = 'mentoring.nextSession';
export const SHARE_STATUS_BAR_ID = 'mentoring.notShared';
/** The read-only document schemes: old versions from git, review summaries, code of another repository at a commit. */
export const SCHEME = { history: 'mentoring-history', review: 'mentoring-review', code: 'mentoring-code' } as const;
