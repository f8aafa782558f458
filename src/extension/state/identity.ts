// "Who am I": the `mentoring.me` setting, else a person picked in this workspace, else git
// `user.email` matched against the emails in people/*.yaml. No git in an untrusted workspace.
// The email is read once per root; the controller resets it when a git config file changes.
import type { WorkspaceStorage } from './storage';
import { userEmail } from '../../core/git/repository';
import type { PeopleHint } from '../../core/folder/folderIndex';
import type { MentoringModel } from '../../core/folder/model';
import { knownPeople, personFromEmail } from '../../core/folder/people';
import type { IdentityView } from '../../protocol/messages';
import { ME_SETTING, mentoringConfig } from './settings';
import { isTrusted, untrustedMessage } from '../workbench/trust';

export class Identity {
  /**
   * The git email of `emailRoot`, read once and kept until `reset()`. The read itself is kept, so a
   * reset during a read makes the next resolve read again rather than keep what the old read finds.
   */
  private email: Promise<string | undefined> | undefined;
  private emailRoot: string | undefined;

  constructor(private readonly storage: WorkspaceStorage) {}

  get picked(): string | undefined {
    return this.storage.get('mentoring.pickedMe');
  }

  async pick(handle: string | undefined): Promise<void> {
    await this.storage.set('mentoring.pickedMe', handle);
  }

  /** Forgets the cached git email, so a changed `user.email` is read again. */
  reset(): void {
    this.email = undefined;
  }

  /**
   * The people files that could be me, for the first load (which reads only those, then my pairs):
   * the setting's handle alone when it is set, else the picked handle and my git email's files.
   */
  async hint(root: string | undefined): Promise<PeopleHint> {
    const setting = mentoringConfig().get<string>(ME_SETTING, '').trim();
    if (setting) return { handles: [setting] };
    const handles = this.picked ? [this.picked] : [];
    const email = isTrusted() && root ? await this.emailOf(root) : undefined;
    return email ? { handles, email } : { handles };
  }

  /** The git email of `root`, read once until `reset()`. */
  private emailOf(root: string): Promise<string | undefined> {
    if (!this.email || this.emailRoot !== root) {
      this.email = userEmail(root);
      this.emailRoot = root;
    }
    return this.email;
  }

  async resolve(model: MentoringModel | undefined, root: string | undefined): Promise<IdentityView> {
    const people = knownPeople(model);
    const byHandle = (handle: string) => people.find((p) => p.handle === handle);
    const setting = mentoringConfig().get<string>(ME_SETTING, '').trim();
    if (setting) {
      const person = byHandle(setting);
      if (person)
        return { kind: 'known', handle: person.handle, name: person.name || person.handle, source: 'setting' };
      return {
        kind: 'unknown',
        reason: `The setting mentoring.me is "${setting}", but there is no people/${setting}.yaml.`,
      };
    }
    const picked = this.picked;
    const pickedPerson = picked ? byHandle(picked) : undefined;
    if (pickedPerson)
      return {
        kind: 'known',
        handle: pickedPerson.handle,
        name: pickedPerson.name || pickedPerson.handle,
        source: 'picked',
      };
    if (!isTrusted() || !root) {
      return {
        kind: 'unknown',
        reason: `${untrustedMessage('be known by your git email')} Pick your person, or set mentoring.me.`,
      };
    }
    const email = await this.emailOf(root);
    if (!email)
      return { kind: 'unknown', reason: 'git has no user.email here, so you could not be matched to a person file.' };
    const person = personFromEmail(people, email);
    if (person) return { kind: 'known', handle: person.handle, name: person.name || person.handle, source: 'email' };
    return { kind: 'unknown', email, reason: `No person file lists your git email ${email}.` };
  }
}
