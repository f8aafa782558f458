// "Who am I": the `mentoring.me` setting, else a person picked in this workspace, else git
// `user.email` matched against the emails in people/*.yaml. No git in an untrusted workspace.
import type { WorkspaceStorage } from './storage';
import { userEmail } from '../../core/git/repository';
import type { MentoringModel } from '../../core/folder/model';
import { knownPeople, personFromEmail } from '../../core/folder/people';
import type { IdentityView } from '../../protocol/messages';
import { ME_SETTING, mentoringConfig } from './settings';
import { isTrusted, untrustedMessage } from '../workbench/trust';

export class Identity {
  private email: string | undefined;
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
    this.emailRoot = undefined;
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
    if (this.emailRoot !== root) {
      this.email = await userEmail(root);
      this.emailRoot = root;
    }
    if (!this.email)
      return { kind: 'unknown', reason: 'git has no user.email here, so you could not be matched to a person file.' };
    const person = personFromEmail(people, this.email);
    if (person) return { kind: 'known', handle: person.handle, name: person.name || person.handle, source: 'email' };
    return { kind: 'unknown', email: this.email, reason: `No person file lists your git email ${this.email}.` };
  }
}
