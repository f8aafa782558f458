// What a sealed value looks like, browser-safe: the policy and the webview recognise an
// ASCII-armored age message without the cryptography (src/core/seal holds that).

/** The first line of an ASCII-armored age message. */
export const AGE_ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** What a viewer who cannot (or may not) read a sealed value is shown instead of it. */
export const SEALED_PLACEHOLDER = '(sealed)';

/** Whether `value` is a sealed value: a string holding an ASCII-armored age message. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.trimStart().startsWith(AGE_ARMOR_BEGIN);
}
