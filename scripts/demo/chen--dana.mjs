// The chen--dana pair of the demo story: mentor-initiated, mentor-led at first, handing over to the
// mentee. Dana writes the first agendas (one of them after its session), then shares the driving
// with Chen, who prepares the latest one; Chen asks Dana for feedback twice.
const PAIR = '.mentoring/pairs/chen--dana';

function chenDanaPlan(at, driver) {
  return {
    mentee: 'chen',
    mentor: 'dana',
    initiated_by: 'mentor',
    status: 'active',
    started: at(-31),
    driver,
    agreement: {
      cadence_days: 14,
      session_minutes: 30,
      channel: 'chat',
      confidentiality: 'Everything stays between us unless Chen shares it.',
      expectations: ['Chen takes over the agendas after the first month.'],
    },
    goals: [
      {
        id: 'public-speaking',
        title: 'Give a talk at the engineering all-hands',
        why: 'Sharing what the test team learns should not depend on others.',
        mentor_help: 'Help me pick a topic and rehearse.',
        status: 'in-progress',
        due: at(60),
        benchmarks: [{ text: 'Give a five-minute lightning talk to the team' }, { text: 'Give the all-hands talk' }],
        evidence: [],
      },
      {
        id: 'career-growth',
        title: 'Write a promotion case for senior engineer',
        why: 'I do not know what is missing.',
        mentor_help: 'Tell me honestly where the gaps are.',
        status: 'planned',
        due: at(150),
        benchmarks: [{ text: 'List evidence for each criterion of the career ladder' }],
        evidence: [],
      },
    ],
  };
}

function chenSession(date, prepared_by, body) {
  return {
    date,
    prepared_by,
    objectives: body.objectives,
    topics: body.topics,
    ideas: body.ideas ?? [],
    follow_ups: body.follow_ups ?? [],
    notes: body.notes ?? '',
    actions: body.actions ?? [],
    next_session: body.next_session ?? null,
    thanks: body.thanks ?? '',
  };
}

/** Tells chen--dana's story into `story` (story.mjs). */
export function tellChenDana(story) {
  const { at, writeYaml, commit } = story;
  writeYaml(`${PAIR}/plan.yaml`, { ...chenDanaPlan(at, 'mentor'), status: 'proposed' });
  commit('dana', -33, 'mentoring(chen--dana): offer mentoring to Chen');
  writeYaml(`${PAIR}/plan.yaml`, chenDanaPlan(at, 'mentor'));
  commit('chen', -31, 'mentoring(chen--dana): accept the offer');

  tellDanaLedSessions(story);

  writeYaml(`${PAIR}/plan.yaml`, chenDanaPlan(at, 'shared'));
  commit('dana', -10, 'mentoring(chen--dana): share the driving with Chen');

  tellChenLedAgenda(story);
}

// The first month: Dana prepares the sessions and writes their notes; Chen asks about his talk.
function tellDanaLedSessions({ at, writeYaml, commit }) {
  writeYaml(
    `${PAIR}/sessions/${at(-30)}.yaml`,
    chenSession(at(-30), 'dana', {
      objectives: ['Get to know each other', 'Find a first talk topic'],
      topics: [{ question: 'What would you like people to know about our test suite?', goal: 'public-speaking' }],
      notes: 'Topic: how we cut flaky tests by half.',
      actions: [{ text: 'Outline the lightning talk', owner: 'chen', due: at(-20) }],
      next_session: at(-16),
    }),
  );
  commit('dana', -30, `mentoring(chen--dana): agenda and notes for ${at(-30)}`, 20);

  writeYaml(`${PAIR}/feedback/${at(-25)}-talk-outline.yaml`, {
    asked_by: 'chen',
    asked_of: 'dana',
    asked: at(-25),
    kind: 'communication',
    goal: 'public-speaking',
    question: 'Is the outline too long for five minutes?',
    status: 'answered',
    answer: 'Yes: keep the story of one flaky test and drop the statistics.',
    answered: at(-23),
  });
  commit('chen', -25, 'mentoring(chen--dana): ask for feedback on the talk outline');

  // This agenda was written after the session it belongs to: the health figures should notice.
  writeYaml(
    `${PAIR}/sessions/${at(-16)}.yaml`,
    chenSession(at(-16), 'dana', {
      objectives: ['Rehearse the lightning talk'],
      topics: [{ question: 'How do I handle questions I cannot answer?', goal: 'public-speaking' }],
      follow_ups: [{ text: 'Outline the lightning talk', owner: 'chen', done: true }],
      notes: 'Good pace. Chen gives the talk next week.',
      actions: [
        { text: 'Give the lightning talk', owner: 'chen', due: at(-9) },
        { text: 'Write down the career ladder criteria', owner: 'chen', due: at(-4) },
      ],
      next_session: at(-2),
    }),
  );
  commit('dana', -15, `mentoring(chen--dana): agenda and notes for ${at(-16)}`, 9);
}

// After the hand-over: Chen prepares the agenda and asks about his promotion case.
function tellChenLedAgenda({ at, writeYaml, commit }) {
  writeYaml(
    `${PAIR}/sessions/${at(-2)}.yaml`,
    chenSession(at(-2), 'chen', {
      objectives: ['Look at the career ladder together'],
      topics: [{ question: 'Which criterion is my weakest?', goal: 'career-growth' }],
      ideas: ['Run the testing guild as evidence of leadership'],
      follow_ups: [
        { text: 'Give the lightning talk', owner: 'chen', done: true },
        { text: 'Write down the career ladder criteria', owner: 'chen', done: false },
      ],
    }),
  );
  commit('chen', -3, `mentoring(chen--dana): agenda for ${at(-2)}`, 8);

  writeYaml(`${PAIR}/feedback/${at(-2)}-promotion-case.yaml`, {
    asked_by: 'chen',
    asked_of: 'dana',
    asked: at(-2),
    kind: 'career',
    goal: 'career-growth',
    question: 'Which evidence would convince the promotion committee most?',
    status: 'open',
    answer: '',
    answered: null,
  });
  commit('chen', -2, 'mentoring(chen--dana): ask for feedback on the promotion case', 12);
}
