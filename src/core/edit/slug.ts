/** A slug is lower-case letters, digits and single hyphens, as handles and file names require. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A short safe slug from free text: accents dropped, anything else turned into single hyphens,
 * cut at a word boundary to at most `maxLength` characters. `fallback` when nothing is left.
 */
export function slugify(text: string, maxLength = 40, fallback = 'item'): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) {
      if (slug === '') slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug === '' ? fallback : slug;
}
