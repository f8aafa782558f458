// What a sealed value looks like, browser-safe: the policy and the webview recognise an
// ASCII-armored age message without the cryptography (src/core/seal holds that).

/** The first line of an ASCII-armored age message. */
export const AGE_ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** What a viewer who cannot (or may not) read a sealed value is shown instead of it. */
export const SEALED_PLACEHOLDER = '(sealed)';

/**
 * The key a sealed file records its recipients' fingerprint under (core/seal/fields.ts): when the
 * pair's recipients change (a new device or key), Share re-seals the values it can open.
 */
export const SEALED_TO_KEY = 'x-sealed-to';

/** Whether `value` is a sealed value: a string holding an ASCII-armored age message. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.trimStart().startsWith(AGE_ARMOR_BEGIN);
}

/** An armored age message in printed text, whole or cut short, also inside a JSON string (`\n` escaped). */
const ARMOR_IN_TEXT =
  /-----BEGIN AGE ENCRYPTED FILE-----[A-Za-z0-9+/=\s\\]*(?:-----END AGE ENCRYPTED FILE-----(?:\\n|\n)?)?/g;

/** `text` with every armored age message in it replaced by the placeholder. */
export function withoutArmor(text: string): string {
  return text.includes(AGE_ARMOR_BEGIN) ? text.replace(ARMOR_IN_TEXT, SEALED_PLACEHOLDER) : text;
}
