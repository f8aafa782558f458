// The example files `mentoring init` writes: every field, each explained by a comment.
import { addDays } from '../../shared/dates';

export function programTemplate(): string {
  return `# The mentoring program: its name, who coordinates it, and defaults for new pairs.
name: Engineering mentoring
coordinators: []            # handles (people/<handle>.yaml) who see aggregate health only
defaults:
  cadence_days: 14          # how often pairs meet, unless their agreement says otherwise
  session_minutes: 45
  channel: video            # in-person | video | chat | mixed
matching:                   # how \`mentoring match\` pairs mentees with mentors
  criteria:                 # must | high | medium | low | a number (its weight)
    skills: high
    languages: must
    timezone: medium
    values: low
  taxonomy:                 # skill terms and their synonyms: react also means frontend
    frontend: [react, css]
    system-design: [architecture]
  min_overlap_hours: 2      # hours a week both must be available
  suggestions: 3            # mentors suggested to each mentee
overview:                   # the Program Overview and \`mentoring report\` (aggregates and dates only)
  open: false               # true: anyone may open the overview, not only coordinators
  feedback_waiting_days: 14 # a request open longer puts its pair at risk
  proposal_waiting_days: 14 # so does a proposal undecided for longer
`;
}

export function examplePeople(): [string, string][] {
  return [
    [
      'ana',
      `# A person. The file name is the handle: lower-case letters, digits, single hyphens.
handle: ana
name: Ana Example
emails:                     # git author emails, so history maps commits to this person
  - ana@example.com
roles: [mentee]             # mentee | mentor | coordinator
wants:                      # skills to grow in, as terms of program.yaml's taxonomy
  - system-design
values:
  - candour
languages: [en, pt]
timezone: Europe/Lisbon     # IANA time zone
availability:               # weekly windows in that time zone (default: weekdays 09:00-17:00)
  - tue 10:00-12:00
  - thu 14:00-17:00
# manager: dora             # their manager's handle: never matched with them
do_not_match: []            # handles never to be matched with
paused: false               # true: not matched, not waiting for a mentor
git_host_handle: ana-example   # for CODEOWNERS and pull requests
`,
    ],
    [
      'ben',
      `handle: ben
name: Ben Example
emails:
  - ben@example.com
roles: [mentor]
offers:                     # skills this person can help with
  - system-design
  - code-review
capacity: 2                 # how many mentees at once, proposals waiting included
languages: [en, de]
timezone: Europe/Berlin
git_host_handle: ben-example
`,
    ],
  ];
}

export function examplePlan(today: string): string {
  return `# The relationship between a mentee and a mentor, and its Mentoring Action Plan.
mentee: ana
mentor: ben
initiated_by: mentee        # mentee | mentor | program
status: active              # proposed | active | paused | completed | ended
started: ${today}
ends: ${addDays(today, 182)}         # optional planned end
driver: mentee              # who administers the relationship now: mentor | shared | mentee
agreement:
  cadence_days: 14          # the default answer to "when should we meet again?"
  session_minutes: 45
  channel: video            # in-person | video | chat | mixed
  confidentiality: Notes stay between us; goal progress may be shared with the program.
  expectations:
    - Ana sends the agenda a day ahead.
goals:
  - id: system-design
    title: Lead the design of a service end to end
    why: I want to move toward a senior role.
    mentor_help: Review my design docs; show how you weigh trade-offs.
    status: in-progress     # planned | in-progress | done | dropped
    due: ${addDays(today, 90)}
    benchmarks:             # observable steps; a date in done means reached
      - text: Write the design doc for the billing export
        done: ${today}
      - text: Present it at the architecture review
    evidence:               # links that show progress
      - https://example.com/acme/app/pull/123
`;
}

export function exampleSession(today: string): string {
  return `# One session's agenda, prepared by the mentee; notes and actions are filled in after it.
date: ${today}
prepared_by: ana
objectives:                 # "Today I would like to accomplish..."
  - Decide how to split the export job
topics:
  - question: How do you choose between a queue and a scheduled job?
    goal: system-design
ideas:                      # my own ideas, to get feedback on
  - An outbox table with a worker
follow_ups: []              # last session's open actions, carried over automatically
notes: ""                   # filled during or after the session
actions:                    # new commitments
  - text: Draft the outbox design
    owner: ana
    due: ${addDays(today, 10)}
next_session: ${addDays(today, 14)}    # "when should we meet again?"
thanks: ""                  # acknowledge the mentor's time
`;
}

export function exampleFeedback(today: string): string {
  return `# A feedback request and, once given, its answer.
asked_by: ana
asked_of: ben
asked: ${today}
kind: code                  # code | design | career | communication | other
goal: system-design         # optional link to a goal
question: Is this retry policy safe under partial failure?
status: open                # open | answered | closed
answer: ""
answered: null
`;
}
