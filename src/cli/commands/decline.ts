// `mentoring decline <pair|branch> [--reason R]`: decline a proposal waiting for me. The decision
// and the reason are recorded on the mentoring branch, where the proposer's What's new reads them,
// and the review branch is deleted where allowed.
import { decideCommand, type DecideCliOptions } from './accept';

export function declineCommand(which: string, options: DecideCliOptions): Promise<void> {
  return decideCommand('decline', which, options);
}
