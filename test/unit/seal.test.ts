// Sealed fields in the core: age messages Debian's `age` opens for the pair's identities and not
// for a third person's; which fields a pair seals, to whom; my recipient in my people file; a
// viewer's own pairs opened for them and no one else's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRecipient } from '../../src/core/app/keys';
import { modelForViewer } from '../../src/core/app/sealedView';
import { pairAsSeenBy } from '../../src/core/policy/redact';
import { loadMentoring } from '../../src/core/folder/load';
import {
  SEALED_PLACEHOLDER,
  SealError,
  createIdentity,
  isSealed,
  pairRecipients,
  recipientOf,
  sealText,
  sealedFieldsFor,
  unsealForViewer,
  unsealText,
} from '../../src/core/seal';
import { ageDecrypt } from './helpers/age';
import { removeTempDirs, tempDir } from './helpers/tempRepo';

const FIXTURE = join(__dirname, '../fixtures/valid/.mentoring');

function folderCopy(): string {
  const root = tempDir('mentoring-seal-');
  cpSync(FIXTURE, join(root, '.mentoring'), { recursive: true });
  return root;
}

describe('seal: age messages', () => {
  afterEach(removeTempDirs);

  it('seals to the mentee and the mentor: Debian age opens it with either identity, not with a third', async () => {
    const [ana, ben, cleo] = await Promise.all([createIdentity(), createIdentity(), createIdentity()]);
    assert.match(ana.recipient, /^age1[0-9a-z]+$/);
    assert.equal(await recipientOf(ana.identity), ana.recipient);
    const armored = await sealText('Ana is thinking of leaving — é ✓', [ana.recipient, ben.recipient]);
    assert.ok(isSealed(armored));
    assert.ok(!armored.includes('leaving'));
    assert.equal(ageDecrypt(armored, ana.identity), 'Ana is thinking of leaving — é ✓');
    assert.equal(ageDecrypt(armored, ben.identity), 'Ana is thinking of leaving — é ✓');
    assert.throws(() => ageDecrypt(armored, cleo.identity));
    assert.equal(await unsealText(armored, [cleo.identity, ben.identity]), 'Ana is thinking of leaving — é ✓');
    await assert.rejects(unsealText(armored, [cleo.identity]), SealError);
    await assert.rejects(unsealText('not armored', [ana.identity]), SealError);
    await assert.rejects(recipientOf('AGE-SECRET-KEY-1NOPE'), SealError);
  });

  it('opens what Debian age sealed', async () => {
    const ana = await createIdentity();
    const armored = execFileSync('age', ['-a', '-r', ana.recipient], { input: 'from the terminal', encoding: 'utf8' });
    assert.equal(await unsealText(armored, [ana.identity]), 'from the terminal');
  });
});

describe('seal: fields, recipients and viewers', () => {
  afterEach(removeTempDirs);

  it('seals notes and feedback answers by default; program.yaml sets the default and plan.yaml overrides it', async () => {
    const root = folderCopy();
    assert.deepEqual(sealedFieldsFor(await loadMentoring(root), 'ana--ben'), ['agenda.notes', 'feedback.answer']);
    const program = join(root, '.mentoring/program.yaml');
    writeFileSync(program, `${readFileSync(program, 'utf8')}sealed_fields: [agenda.ideas, goal.why]\n`);
    assert.deepEqual(sealedFieldsFor(await loadMentoring(root), 'ana--ben'), ['agenda.ideas', 'goal.why']);
    const plan = join(root, '.mentoring/pairs/ana--ben/plan.yaml');
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}sealed_fields: [feedback.question]\n`);
    const model = await loadMentoring(root);
    assert.deepEqual(sealedFieldsFor(model, 'ana--ben'), ['feedback.question']);
    assert.deepEqual(model.problems, []);
  });

  it('writes my recipient beside the ones already there, once, and tells who has no key yet', async () => {
    const root = folderCopy();
    const [one, two, ben] = await Promise.all([createIdentity(), createIdentity(), createIdentity()]);
    assert.deepEqual(pairRecipients(await loadMentoring(root), 'ana--ben'), {
      recipients: [],
      withoutKey: ['ana', 'ben'],
    });
    assert.deepEqual(await addRecipient(root, '.mentoring', 'ana', one.recipient), {
      file: '.mentoring/people/ana.yaml',
      added: true,
    });
    assert.equal((await addRecipient(root, '.mentoring', 'ana', one.recipient)).added, false);
    await addRecipient(root, '.mentoring', 'ana', two.recipient);
    assert.deepEqual(pairRecipients(await loadMentoring(root), 'ana--ben'), {
      recipients: [one.recipient, two.recipient],
      withoutKey: ['ben'],
    });
    await addRecipient(root, '.mentoring', 'ben', ben.recipient);
    const model = await loadMentoring(root);
    assert.deepEqual(pairRecipients(model, 'ana--ben').withoutKey, []);
    assert.deepEqual(model.problems, []);
    assert.match(readFileSync(join(root, '.mentoring/people/ana.yaml'), 'utf8'), /^name: Ana Lima$/m);
    await assert.rejects(addRecipient(root, '.mentoring', 'ana', 'AGE-SECRET-KEY-1X'), SealError);
    await assert.rejects(addRecipient(root, '.mentoring', 'zed', one.recipient), SealError);
  });

  it("opens the viewer's own pairs only, and leaves what their keys do not open sealed", async () => {
    const root = folderCopy();
    const [ana, ben, cleo] = await Promise.all([createIdentity(), createIdentity(), createIdentity()]);
    const sealed = await sealText('the private answer', [ana.recipient, ben.recipient]);
    const path = join(root, '.mentoring/pairs/ana--ben/feedback/2026-11-20-retry-policy.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('answer: ""', `answer: |\n${indent(sealed)}`));
    const model = await loadMentoring(root);
    assert.deepEqual(model.problems, []);
    const answer = (m: typeof model) => m.pairs[0].feedback[0].data?.answer;
    assert.ok(isSealed(answer(model)));
    assert.equal(answer(await unsealForViewer(model, 'ben', [ben.identity])), 'the private answer');
    assert.ok(isSealed(answer(await unsealForViewer(model, 'cleo', [cleo.identity]))));
    assert.ok(isSealed(answer(await unsealForViewer(model, 'ana', [cleo.identity]))));
    assert.ok(isSealed(answer(model)), 'the model given is not changed');
  });
});

describe('seal: the policy never gives ciphertext', () => {
  afterEach(removeTempDirs);

  it("shows a coordinator, and a member whose keys do not open it, '(sealed)'; the member with a key the words", async () => {
    const root = folderCopy();
    const [ana, ben] = await Promise.all([createIdentity(), createIdentity()]);
    const sealed = await sealText('why only we know', [ana.recipient, ben.recipient]);
    const path = join(root, '.mentoring/pairs/ana--ben/plan.yaml');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'why: I want to move toward a senior role.',
        `why: |\n${indent(indent(indent(sealed)))}`,
      ),
    );
    const model = await loadMentoring(root);
    assert.deepEqual(model.problems, []);
    const why = (pair: { plan?: { data?: { goals?: { why?: string }[] } } }) => pair.plan?.data?.goals?.[0].why;
    assert.equal(why(pairAsSeenBy(model.pairs[0], 'coordinator')), SEALED_PLACEHOLDER);
    assert.equal(why(pairAsSeenBy(model.pairs[0], 'mentee')), SEALED_PLACEHOLDER);
    assert.equal(why((await modelForViewer(model, 'ana', [ana.identity])).pairs[0]), 'why only we know');
    const cleo = await modelForViewer(model, 'cleo', [ana.identity]);
    assert.equal(why(cleo.pairs[0]), SEALED_PLACEHOLDER, 'only the pair is opened, whatever keys are given');
    assert.ok(!JSON.stringify(cleo).includes('BEGIN AGE'));
  });
});

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
