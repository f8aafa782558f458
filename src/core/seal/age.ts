// The age format through the `age-encryption` package: X25519 identities (AGE-SECRET-KEY-1...)
// and recipients (age1...), values sealed as ASCII-armored messages any age implementation reads.
// The package is required on the first use, not when this file loads: the extension's feature
// bundle leaves it out (dist/age.js, scripts/bundling.mjs), so only a person who meets a sealed
// value or makes a key pays for loading it.
type Age = typeof import('age-encryption');
let loaded: Age | undefined;

function age(): Age {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, by design
  return (loaded ??= require('age-encryption') as Age);
}

/** A sealed value none of the given identities opens, or text that is not an age message. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

/**
 * A new X25519 identity and its recipient. X25519, not the post-quantum hybrid (`age1pq1...`,
 * `generateHybridIdentity`): age 1.1.1 (Debian's `age`) cannot read hybrid messages, and a sealed
 * value must open with any age implementation the pair may use.
 */
export async function createIdentity(): Promise<{ identity: string; recipient: string }> {
  const { generateX25519Identity, identityToRecipient } = age();
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The recipient (public key) of an identity; SealError when it is not an age identity. */
export async function recipientOf(identity: string): Promise<string> {
  try {
    return await age().identityToRecipient(identity.trim());
  } catch (error) {
    throw new SealError(`not an age identity: ${(error as Error).message}`);
  }
}

/** Whether `text` is an age recipient the package can seal to. */
export function isRecipient(text: unknown): text is string {
  return typeof text === 'string' && /^age1[0-9a-z]+$/.test(text);
}

/** `text` sealed to every recipient, as an ASCII-armored age message (ends with a newline). */
export async function sealText(text: string, recipients: readonly string[]): Promise<string> {
  if (recipients.length === 0) throw new SealError('no recipients to seal to');
  const { Encrypter, armor } = age();
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return armor.encode(await encrypter.encrypt(text));
}

/** The clear text of an armored age message; SealError when no identity opens it. */
export async function unsealText(armored: string, identities: readonly string[]): Promise<string> {
  if (identities.length === 0) throw new SealError('no identity to open the sealed value with');
  const { Decrypter, armor } = age();
  let file: Uint8Array;
  try {
    file = armor.decode(armored);
  } catch (error) {
    throw new SealError(`not an armored age message: ${(error as Error).message}`);
  }
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity.trim());
  try {
    return await decrypter.decrypt(file, 'text');
  } catch (error) {
    throw new SealError(`none of my keys opens this sealed value (${(error as Error).message})`);
  }
}
