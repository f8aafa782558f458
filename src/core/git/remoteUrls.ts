// Remote URLs as a request about code records them and as a clone is matched to them: what a
// user name or token in an HTTPS URL would leak is taken out before anything is written, and two
// spellings of one repository (SSH or HTTPS, with or without `.git`) compare equal.

/**
 * `url` without credentials: an HTTP(S) URL loses its user name and password (either may be a
 * token); any other URL its password (an SSH user such as `git@` says who logs in, not a secret).
 * The scp form (`git@host:owner/repo.git`) and local paths carry none and stay as they are.
 */
export function withoutCredentials(url: string): string {
  const trimmed = url.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    // Not a URL Node can parse: drop everything between the scheme and the last '@' of the authority.
    return trimmed.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/]*@/i, '$1');
  }
  if (/^https?:$/.test(parsed.protocol)) parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/**
 * What identifies the repository a URL names, for comparing two URLs: host (lower-case) and path
 * without user, port, scheme, trailing slash or `.git`; a local path as it is, without `.git`.
 * `https://github.com/Team/Svc.git`, `git@github.com:Team/Svc` and `ssh://git@github.com/Team/Svc`
 * give the same key.
 */
export function repositoryKey(url: string): string {
  const trimmed = url.trim();
  const strip = (path: string) =>
    path
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
      .replace(/^\/+/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    try {
      const parsed = new URL(trimmed);
      if (parsed.protocol === 'file:') return strip(decodeURIComponent(parsed.pathname));
      return `${parsed.hostname.toLowerCase()}/${strip(decodeURIComponent(parsed.pathname))}`;
    } catch {
      return strip(trimmed);
    }
  }
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(trimmed);
  if (scp && !/^[a-zA-Z]$/.test(scp[1])) return `${scp[1].toLowerCase()}/${strip(scp[2])}`;
  return strip(trimmed);
}

/** Whether `url` carries what `withoutCredentials` takes out: a password, or a user name in an HTTP(S) URL. */
export function hasCredentials(url: string): boolean {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)@/i.exec(url.trim());
  if (!match) return false;
  return /^https?$/i.test(match[1]) || match[2].includes(':');
}
