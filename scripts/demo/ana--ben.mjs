// The ana--ben pair of the demo story: mentee-initiated, the mentee drives, agendas committed ahead
// of sessions. Three sessions lie behind them and one ahead; Ana asks Ben for feedback twice, once
// on code (src/export/retry.ts, from the program's first commit).
const PAIR = '.mentoring/pairs/ana--ben';

function anaBenPlan(at, status, benchmarkDone) {
  return {
    mentee: 'ana',
    mentor: 'ben',
    initiated_by: 'mentee',
    status,
    started: at(-42),
    ends: at(140),
    driver: 'mentee',
    agreement: {
      cadence_days: 14,
      session_minutes: 45,
      channel: 'video',
      confidentiality: 'Notes stay between us; goal progress may be shared with the program.',
      expectations: ['Ana sends the agenda a day ahead.', 'Ben answers feedback requests within three working days.'],
    },
    goals: [
      {
        id: 'system-design',
        title: 'Lead the design of a service end to end',
        why: 'I want to move toward a senior role.',
        mentor_help: 'Review my design docs; show how you weigh trade-offs.',
        status: 'in-progress',
        due: at(75),
        benchmarks: [
          { text: 'Write the design doc for the billing export', ...(benchmarkDone ? { done: at(-14) } : {}) },
          { text: 'Present it at the architecture review' },
        ],
        evidence: ['https://example.com/acme/billing/pull/123'],
      },
      {
        id: 'technical-leadership',
        title: 'Run the team retrospective for a quarter',
        why: 'Practise facilitation before leading a team.',
        mentor_help: 'Sit in on one and tell me what you saw.',
        status: 'planned',
        due: at(120),
        benchmarks: [{ text: 'Facilitate three retrospectives' }],
        evidence: [],
      },
    ],
  };
}

function anaBenSession(
  date,
  { objectives, topics, ideas, follow_ups, notes = '', actions = [], next_session = null, thanks = '' },
) {
  return { date, prepared_by: 'ana', objectives, topics, ideas, follow_ups, notes, actions, next_session, thanks };
}

/** Tells ana--ben's story into `story` (story.mjs); `codeCommit` holds the code Ana asks about. */
export function tellAnaBen(story, codeCommit) {
  const { at, writeYaml, commit } = story;
  writeYaml(`${PAIR}/plan.yaml`, anaBenPlan(at, 'proposed', false));
  commit('ana', -44, 'mentoring(ana--ben): propose a mentoring plan');
  writeYaml(`${PAIR}/plan.yaml`, anaBenPlan(at, 'active', false));
  commit('ben', -42, 'mentoring(ana--ben): accept the plan');

  tellFirstSession(story);
  tellRetryFeedback(story, codeCommit);
  tellSecondSession(story);

  writeYaml(`${PAIR}/plan.yaml`, anaBenPlan(at, 'active', true));
  commit('ana', -14, 'mentoring(ana--ben): benchmark reached: design doc written');

  tellThirdSession(story);
  tellOutboxFeedback(story);
  tellNextAgenda(story);
}

function tellFirstSession({ at, writeYaml, commit }) {
  const file = `${PAIR}/sessions/${at(-35)}.yaml`;
  const s1 = {
    objectives: ['Agree how we work together', 'Pick the first design to write'],
    topics: [{ question: 'What makes a design doc easy to review?', goal: 'system-design' }],
    ideas: ['Start with the billing export, it is small enough'],
    follow_ups: [],
  };
  writeYaml(file, anaBenSession(at(-35), s1));
  commit('ana', -36, `mentoring(ana--ben): agenda for ${at(-35)}`, 17);
  const s1Notes = (retriesDone, templateDone) =>
    anaBenSession(at(-35), {
      ...s1,
      notes: 'Ben shared two design docs he likes. We keep docs under four pages.',
      actions: [
        { text: 'Read the chapter on retries', owner: 'ana', due: at(-24), ...(retriesDone ? { done: true } : {}) },
        { text: 'Share the design doc template', owner: 'ben', due: at(-30), ...(templateDone ? { done: true } : {}) },
      ],
      next_session: at(-21),
      thanks: 'Thanks for the examples, Ben.',
    });
  writeYaml(file, s1Notes(false, false));
  commit('ana', -35, `mentoring(ana--ben): notes for ${at(-35)}`, 15);
  // Each action is ticked in its own agenda and shared when it is done, before its due date:
  // follow-through counts the commit that first set done (README, "Health figures").
  writeYaml(file, s1Notes(false, true));
  commit('ben', -31, 'mentoring(ana--ben): action done: share the design doc template', 11);
  writeYaml(file, s1Notes(true, true));
  commit('ana', -26, 'mentoring(ana--ben): action done: read the chapter on retries', 18);
}

function tellRetryFeedback({ at, writeYaml, commit }, codeCommit) {
  const file = `${PAIR}/feedback/${at(-30)}-retry-policy.yaml`;
  const retryFeedback = (status, answer, answered) => ({
    asked_by: 'ana',
    asked_of: 'ben',
    asked: at(-30),
    kind: 'code',
    goal: 'system-design',
    code: { path: 'src/export/retry.ts', lines: [8, 19], commit: codeCommit },
    question: 'Is this retry policy safe under partial failure?',
    status,
    answer,
    answered,
  });
  writeYaml(file, retryFeedback('open', '', null), [['code', 'lines']]);
  commit('ana', -30, 'mentoring(ana--ben): ask for feedback on the retry policy');
  writeYaml(
    file,
    retryFeedback('answered', 'Only if the job is idempotent. Add jitter, and cap the total delay.', at(-28)),
    [['code', 'lines']],
  );
  commit('ben', -28, 'mentoring(ana--ben): answer feedback on the retry policy', 14);
}

function tellSecondSession({ at, writeYaml, commit }) {
  const file = `${PAIR}/sessions/${at(-21)}.yaml`;
  const s2 = {
    objectives: ['Decide how to split the export job'],
    topics: [{ question: 'How do you choose between a queue and a scheduled job?', goal: 'system-design' }],
    ideas: ['An outbox table with a worker'],
    follow_ups: [
      { text: 'Read the chapter on retries', owner: 'ana', done: true },
      { text: 'Share the design doc template', owner: 'ben', done: true },
    ],
  };
  writeYaml(file, anaBenSession(at(-21), s2));
  commit('ana', -22, `mentoring(ana--ben): agenda for ${at(-21)}`, 18);
  const s2Notes = (draftDone) =>
    anaBenSession(at(-21), {
      ...s2,
      notes: 'Queue for the export, outbox to publish. Ana writes the doc.',
      actions: [{ text: 'Draft the outbox design', owner: 'ana', due: at(-12), ...(draftDone ? { done: true } : {}) }],
      next_session: at(-7),
      thanks: 'Thank you for the whiteboard session.',
    });
  writeYaml(file, s2Notes(false));
  commit('ben', -21, `mentoring(ana--ben): notes for ${at(-21)}`, 16);
  writeYaml(file, s2Notes(true));
  commit('ana', -13, 'mentoring(ana--ben): action done: draft the outbox design', 17);
}

function tellThirdSession({ at, writeYaml, commit }) {
  const file = `${PAIR}/sessions/${at(-7)}.yaml`;
  const s3 = {
    objectives: ['Prepare for the architecture review'],
    topics: [{ question: 'Which objections should I expect at the review?', goal: 'system-design' }],
    ideas: ['Open with the failure modes, not the happy path'],
    follow_ups: [{ text: 'Draft the outbox design', owner: 'ana', done: true }],
  };
  writeYaml(file, anaBenSession(at(-7), s3));
  commit('ana', -8, `mentoring(ana--ben): agenda for ${at(-7)}`, 17);
  const s3Notes = (checklistDone) =>
    anaBenSession(at(-7), {
      ...s3,
      notes: 'Rehearsed the first ten minutes. Cut the slides to eight.',
      actions: [
        { text: 'Book a slot at the architecture review', owner: 'ana', due: at(3) },
        { text: 'Send Ana the review checklist', owner: 'ben', due: at(-5), ...(checklistDone ? { done: true } : {}) },
      ],
      next_session: at(7),
      thanks: 'Thanks for the rehearsal.',
    });
  writeYaml(file, s3Notes(false));
  commit('ana', -7, `mentoring(ana--ben): notes for ${at(-7)}`, 16);
  writeYaml(file, s3Notes(true));
  commit('ben', -6, 'mentoring(ana--ben): action done: send Ana the review checklist', 9);
}

function tellOutboxFeedback({ at, writeYaml, commit }) {
  writeYaml(`${PAIR}/feedback/${at(-3)}-outbox-design.yaml`, {
    asked_by: 'ana',
    asked_of: 'ben',
    asked: at(-3),
    kind: 'design',
    goal: 'system-design',
    question: 'Does the outbox design cover replays after an outage?',
    status: 'open',
    answer: '',
    answered: null,
  });
  commit('ana', -3, 'mentoring(ana--ben): ask for feedback on the outbox design');
}

// The session a week ahead: its agenda is ready, its notes are not.
function tellNextAgenda({ at, writeYaml, commit }) {
  writeYaml(
    `${PAIR}/sessions/${at(7)}.yaml`,
    anaBenSession(at(7), {
      objectives: ['Debrief the architecture review'],
      topics: [{ question: 'What should I change before the second review?', goal: 'system-design' }],
      ideas: [],
      follow_ups: [
        { text: 'Book a slot at the architecture review', owner: 'ana', done: false },
        { text: 'Send Ana the review checklist', owner: 'ben', done: true },
      ],
    }),
  );
  commit('ana', -1, `mentoring(ana--ben): agenda for ${at(7)}`, 19);
}
