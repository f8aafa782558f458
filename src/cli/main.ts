// The `mentoring` command line: the same core as the extension, for CI and terminals.
// Exit codes: 0 fine, 1 the mentoring files have errors (or an operation failed), 2 usage error.
import { Command, CommanderError, Option } from 'commander';
import { acceptCommand } from './commands/accept';
import { agendaCommand } from './commands/agenda';
import { calendarCommand } from './commands/calendar';
import { codeownersCommand } from './commands/codeowners';
import { declineCommand } from './commands/decline';
import { diffCommand } from './commands/diff';
import { healthCommand } from './commands/health';
import { inboxCommand } from './commands/inbox';
import { initCommand } from './commands/init';
import { logCommand } from './commands/log';
import { matchCommand } from './commands/match';
import { newsCommand } from './commands/news';
import { endCommand, pauseCommand } from './commands/pauseEnd';
import { proposalsCommand } from './commands/proposals';
import { remindCommand } from './commands/remind';
import { reportCommand } from './commands/report';
import { keysAddDeviceCommand, keysInitCommand, keysShowCommand } from './commands/keys';
import { sealCommand } from './commands/seal';
import { shareCommand } from './commands/share';
import { statusCommand } from './commands/status';
import { validateCommand } from './commands/validate';
import { errorMessage } from '../shared/errors';
import { REPORT_FORMATS } from '../core/app/reportRender';
import { CliError } from './context';
import { printError } from './output';

export function buildProgram(): Command {
  const program = new Command('mentoring')
    .description('Mentoring plans, session agendas and feedback requests kept as YAML in your git repository.')
    .version(process.env.MENTORING_VERSION ?? '0.1.0')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--folder <path>', 'the mentoring folder, relative to the repository root', '.mentoring')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('init')
    .description('Create the mentoring folder with a program file, example people and one example pair')
    .action(async (_options, command: Command) => initCommand(command.optsWithGlobals()));

  program
    .command('validate')
    .description('Check every mentoring file: YAML syntax, schema and cross-file rules')
    .argument('[paths...]', 'only report problems in these files or folders')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .action(async (paths: string[], _options, command: Command) => validateCommand(paths, command.optsWithGlobals()));

  program
    .command('status')
    .description('List the pairs: status, goals, next session, open feedback')
    .option('--json', 'print JSON')
    .action(async (_options, command: Command) => statusCommand(command.optsWithGlobals()));

  program
    .command('agenda')
    .description("Create a pair's next session agenda, carrying over open actions")
    .argument('<pair>', 'the pair, as <mentee>--<mentor>')
    .option('--date <YYYY-MM-DD>', "the session's date (default: the next session without an agenda, else today)")
    .action(async (pair: string, _options, command: Command) => agendaCommand(pair, command.optsWithGlobals()));

  program
    .command('calendar')
    .description("The pair's next session as an iCalendar (.ics) file, with both people as attendees")
    .argument('<pair>', 'the pair, as <mentee>--<mentor>')
    .option('--out <file>', 'write the file here (default: print it)')
    .option('--recurring', 'repeat it every agreed cadence (until the planned end)')
    .action(async (pair: string, _options, command: Command) => calendarCommand(pair, command.optsWithGlobals()));

  program
    .command('log')
    .description("A pair's timeline from git history, grouped by month")
    .argument('<pair>', 'the pair, as <mentee>--<mentor>')
    .option('--json', 'print JSON')
    .action(async (pair: string, _options, command: Command) => logCommand(pair, command.optsWithGlobals()));

  program
    .command('inbox')
    .description(
      'What needs you: requests asked of you, agendas to read, proposals to review, your actions due, sessions to prepare or agree',
    )
    .option('--me <handle>', "who you are (default: the person whose file lists git's user.email)")
    .option('--json', 'print JSON')
    .action(async (_options, command: Command) => inboxCommand(command.optsWithGlobals()));

  program
    .command('remind')
    .description(
      'Your reminders, as the editor shows them once a day: a session soon without agenda, your agenda not shared, feedback waiting on you, your actions due, a relationship gone quiet',
    )
    .option('--me <handle>', "who you are (default: the person whose file lists git's user.email)")
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'github', 'markdown']).default('text'),
    )
    .option('--today <YYYY-MM-DD>', "remind as of this day (default: today in your person file's time zone)")
    .action(async (_options, command: Command) => remindCommand(command.optsWithGlobals()));

  program
    .command('news')
    .description('What the other side changed since a commit, from the mentoring branch and its remote-tracking branch')
    .argument('[pair]', 'only this pair, as <mentee>--<mentor> (default: every pair you are the mentee or mentor of)')
    .option('--since <rev>', 'the commit seen last, as the previous run printed it (default: since the last session)')
    .option('--branch <name>', "the mentoring branch (default: the repository's default branch)")
    .option('--fetch', 'fetch the mentoring branch from its remote first (nothing else is fetched or changed)')
    .option('--me <handle>', "who you are (default: the person whose file lists git's user.email)")
    .option('--json', 'print JSON')
    .action(async (pair: string | undefined, _options, command: Command) =>
      newsCommand(pair, command.optsWithGlobals()),
    );

  program
    .command('health')
    .description('Relationship health figures from git history: one pair, or every pair and the program')
    .argument('[pair]', 'only this pair, as <mentee>--<mentor>')
    .option('--json', 'print JSON')
    .action(async (pair: string | undefined, _options, command: Command) =>
      healthCommand(pair, command.optsWithGlobals()),
    );

  program
    .command('report')
    .description(
      "The program's health for coordinators: every pair, pairs at risk, mentees without a mentor, mentors' capacity (aggregates and dates only)",
    )
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .option('--out <file>', 'write the report to this file instead of printing it')
    .option('--branch <name>', "the mentoring branch, for pending proposals (default: the repository's default branch)")
    .action(async (_options, command: Command) => reportCommand(command.optsWithGlobals()));

  program
    .command('match')
    .description(
      'Match mentees waiting for a mentor with mentors who have places: the best total score, each score with its reasons, suggestions, and who cannot be matched and why',
    )
    .option('--json', 'print JSON')
    .option(
      '--propose',
      'write each match as a relationship proposal on its own review branch, for both people to accept',
    )
    .option('--limit <n>', 'only the n best-scoring matches')
    .option('--branch <name>', "the mentoring branch (default: the repository's default branch)")
    .action(async (_options, command: Command) => matchCommand(command.optsWithGlobals()));

  program
    .command('diff')
    .description('What changed in plans, sessions and feedback between two revisions (for pull-request descriptions)')
    .argument('<rev1>', 'the older revision: a branch, tag or commit')
    .argument('<rev2>', 'the newer revision')
    .option('--pair <pair>', 'only this pair, as <mentee>--<mentor>')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .action(async (rev1: string, rev2: string, _options, command: Command) =>
      diffCommand(rev1, rev2, command.optsWithGlobals()),
    );

  program
    .command('proposals')
    .description('Relationships and plan changes waiting for your decision (you: git user.email)')
    .option('--me <handle>', 'list them as this person would see them')
    .option('--json', 'print JSON')
    .action(async (_options, command: Command) => proposalsCommand(command.optsWithGlobals()));

  program
    .command('accept')
    .description('Accept a proposal: merge it into the mentoring branch and push (never forced)')
    .argument('<proposal>', 'the pair (<mentee>--<mentor>) or the review branch (mentoring/<pair>/<what>-<date>)')
    .option('--json', 'print JSON')
    .action(async (which: string, _options, command: Command) => acceptCommand(which, command.optsWithGlobals()));

  program
    .command('decline')
    .description('Decline a proposal: record it with your reason on the mentoring branch, delete the review branch')
    .argument('<proposal>', 'the pair (<mentee>--<mentor>) or the review branch (mentoring/<pair>/<what>-<date>)')
    .option('--reason <text>', 'why, for the person who proposed it')
    .option('--json', 'print JSON')
    .action(async (which: string, _options, command: Command) => declineCommand(which, command.optsWithGlobals()));

  program
    .command('pause')
    .description('Propose pausing a relationship, for the other person to accept')
    .argument('<pair>', 'the pair, as <mentee>--<mentor>')
    .option('--until <YYYY-MM-DD>', 'the day you mean to resume')
    .action(async (pair: string, _options, command: Command) => pauseCommand(pair, command.optsWithGlobals()));

  program
    .command('end')
    .description('Propose ending a relationship, with retro.yaml for both to complete; the other person accepts')
    .argument('<pair>', 'the pair, as <mentee>--<mentor>')
    .addOption(
      new Option('--reason <reason>', 'why it ends')
        .choices(['goals_reached', 'schedule', 'fit', 'other'])
        .makeOptionMandatory(),
    )
    .option('--note <text>', 'a line on the reason')
    .action(async (pair: string, _options, command: Command) => endCommand(pair, command.optsWithGlobals()));

  program
    .command('share')
    .description("Commit a pair's changed files to the mentoring branch (the default branch) and push them")
    .argument('[pair]', 'only this pair, as <mentee>--<mentor> (default: each of your pairs with changes)')
    .option('--dry-run', 'print what would be committed and the message; change nothing')
    .option('--branch <branch>', "the mentoring branch (default: the repository's default branch)")
    .option('--json', 'print JSON')
    .action(async (pair: string | undefined, _options, command: Command) =>
      shareCommand(pair, command.optsWithGlobals()),
    );

  program
    .command('seal')
    .description(
      "Seal a pair's sealed fields still in clear text to both people's keys, and re-seal values sealed to older keys (no commit: share does that)",
    )
    .argument('[pair]', 'only this pair, as <mentee>--<mentor> (default: each of your pairs)')
    .option('--dry-run', 'say what would be sealed; write nothing')
    .option('--json', 'print JSON')
    .action(async (pair: string | undefined, _options, command: Command) =>
      sealCommand(pair, command.optsWithGlobals()),
    );

  const keys = program
    .command('keys')
    .description(
      'Your key for sealed fields: an age identity in a file only you can read ($MENTORING_IDENTITY_FILE, else ~/.config/mentoring/identity.txt)',
    );
  const handleOption = () => new Option('--handle <handle>', "whose key (default: the person git's user.email names)");
  keys
    .command('init')
    .description('Create your key and add its recipient (public key) to your people file, to commit')
    .addOption(handleOption())
    .action(async (_options, command: Command) => keysInitCommand(command.optsWithGlobals()));
  keys
    .command('show')
    .description("Show your identity file's path and your recipients, here and in your people file")
    .addOption(handleOption())
    .option('--json', 'print JSON')
    .action(async (_options, command: Command) => keysShowCommand(command.optsWithGlobals()));
  keys
    .command('add-device')
    .description('Create another key (a new device, or a new key) and add its recipient beside your others')
    .addOption(handleOption())
    .action(async (_options, command: Command) => keysAddDeviceCommand(command.optsWithGlobals()));

  program
    .command('codeowners')
    .description("CODEOWNERS lines so each pair's mentor reviews changes to that pair's folder")
    .option(
      '--write',
      'write them into a marked block of the CODEOWNERS file your host reads (GitHub: .github/, the root or docs/; GitLab: the root, docs/ or .gitlab/), keeping other lines',
    )
    .action(async (_options, command: Command) => codeownersCommand(command.optsWithGlobals()));

  for (const command of [...program.commands, ...keys.commands])
    command.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.configureOutput({ writeErr: (text) => printError(text) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return 0;
      return 2;
    }
    printError(`mentoring: ${errorMessage(error)}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

if (require.main === module) {
  // exitCode, not process.exit(): a long report piped to another program must drain first.
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    () => (process.exitCode = 1),
  );
}
