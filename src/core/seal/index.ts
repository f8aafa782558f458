// Sealed fields (SPEC, Confidentiality; README, "Confidentiality").
//
// Contract: a pair's confidential text is stored in its YAML files as an ASCII-armored age
// message (`isSealed`) sealed to the mentee's and the mentor's recipients (`age_recipients` in
// their people files; `pairRecipients`). Which fields are sealed: `sealedFieldsFor` (plan.yaml
// `sealed_fields`, else program.yaml `sealed_fields`, else agenda notes and feedback answers),
// and only once both people have a recipient (`withoutKey` empty); until then the text stays
// clear. Identities are X25519 (`createIdentity`), so Debian's age 1.1.1 opens what is sealed.
// `unsealForViewer` opens the viewer's own pairs for them; nothing else is opened, and what stays
// sealed is never shown as ciphertext: the policy (core/policy/sealed.ts) turns it into a
// "sealed" placeholder. A sealed file records its recipients' fingerprint under `x-sealed-to`
// (`recipientsFingerprint`): when it differs, Share (core/app/seal.ts) re-seals what it can open.
// Identities never enter the model or a file of the repository: the faces keep them
// (SecretStorage; the CLI's user-only identity file) and pass them in.
export { AGE_ARMOR_BEGIN, SEALED_PLACEHOLDER, isSealed } from '../../shared/sealed';
export { SealError, createIdentity, isRecipient, recipientOf, sealText, unsealText } from './age';
export {
  DEFAULT_SEALED_FIELDS,
  RECIPIENTS_KEY,
  SEALABLE_FIELDS,
  SEALED_FIELDS_KEY,
  SEALED_TO_KEY,
  isSealableField,
  pairFiles,
  pairRecipients,
  recipientsFingerprint,
  recipientsOf,
  sealablePaths,
  sealedFieldsFor,
  type SealableField,
  type ValuePath,
} from './fields';
export { containsSealed, unsealForViewer } from './unseal';
