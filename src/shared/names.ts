// The naming rules of handles, slugs, goal ids and pair ids, shared by the core (which builds paths
// and git arguments from them) and the webview protocol (which refuses a message naming anything else).

/** Lower-case letters and digits, in groups joined by single hyphens: `ana`, `ben-k`, `system-design`. */
export const HANDLE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_NAME_LENGTH = 64;

export function isHandle(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_NAME_LENGTH && HANDLE_PATTERN.test(value);
}

/** `<mentee>--<mentor>`: two handles, and not the same person twice. */
export function isPairId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = value.split('--');
  return parts.length === 2 && isHandle(parts[0]) && isHandle(parts[1]) && parts[0] !== parts[1];
}

/** A git object id: 40 hex digits (SHA-1) or 64 (SHA-256 repositories). */
export const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
