// Where to open a pull request for a pushed branch: the host's "new pull request" page for
// GitHub, GitLab, Bitbucket Cloud and Azure DevOps remotes, in SSH and HTTPS forms.

export type GitHost = 'github' | 'gitlab' | 'bitbucket' | 'azure';

export interface RemoteRepo {
  host: GitHost;
  /** The web origin, e.g. `https://github.com`. */
  origin: string;
  /** `owner/repo` (GitLab: `group/subgroup/repo`; Azure: `org/project/_git/repo`). */
  path: string;
}

/**
 * Understands `git@host:owner/repo.git`, `ssh://git@host[:port]/owner/repo.git`,
 * `https://[user@]host/owner/repo[.git]` and Azure DevOps' `git@ssh.dev.azure.com:v3/org/project/repo`,
 * `https://[org@]dev.azure.com/org/project/_git/repo` and `https://org.visualstudio.com/project/_git/repo`.
 * Undefined for local paths and hosts it does not know.
 */
export function parseRemoteUrl(url: string): RemoteRepo | undefined {
  const trimmed = url.trim();
  let hostname: string;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/.exec(trimmed);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol)) return undefined;
    hostname = parsed.hostname.toLowerCase();
    path = decodeURIComponent(parsed.pathname);
  } else if (scp && !/^[a-zA-Z]$/.test(scp[1])) {
    hostname = scp[1].toLowerCase();
    path = scp[2];
  } else {
    return undefined;
  }
  const parts = path
    .replace(/\.git$/, '')
    .split('/')
    .filter((part) => part !== '');
  if (parts.some((part) => part === '..' || part === '.')) return undefined;

  if (hostname === 'ssh.dev.azure.com' || hostname === 'vs-ssh.visualstudio.com') {
    // v3/<org>/<project>/<repo>
    if (parts.length !== 4 || parts[0] !== 'v3') return undefined;
    return azure(parts[1], parts[2], parts[3]);
  }
  if (hostname === 'dev.azure.com') {
    // <org>/<project>/_git/<repo>
    if (parts.length !== 4 || parts[2] !== '_git') return undefined;
    return azure(parts[0], parts[1], parts[3]);
  }
  const visualStudio = /^([a-z0-9-]+)\.visualstudio\.com$/.exec(hostname);
  if (visualStudio) {
    // <project>/_git/<repo>, or DefaultCollection/<project>/_git/<repo>
    const rest = parts[0]?.toLowerCase() === 'defaultcollection' ? parts.slice(1) : parts;
    if (rest.length !== 3 || rest[1] !== '_git') return undefined;
    return azure(visualStudio[1], rest[0], rest[2]);
  }
  if (parts.length < 2) return undefined;
  const origin = `https://${hostname}`;
  if (hostname === 'github.com' || /(^|\.)github\./.test(hostname)) {
    if (parts.length !== 2) return undefined;
    return { host: 'github', origin, path: parts.join('/') };
  }
  if (hostname === 'gitlab.com' || /(^|\.)gitlab\./.test(hostname))
    return { host: 'gitlab', origin, path: parts.join('/') };
  if (hostname === 'bitbucket.org') {
    if (parts.length !== 2) return undefined;
    return { host: 'bitbucket', origin, path: parts.join('/') };
  }
  return undefined;
}

/** The page that starts a pull request from `branch` into `base`; undefined for an unknown host. */
export function remoteCompareUrl(remoteUrl: string, base: string, branch: string): string | undefined {
  const repo = parseRemoteUrl(remoteUrl);
  if (!repo) return undefined;
  const web = `${repo.origin}/${repo.path.split('/').map(encodeURIComponent).join('/')}`;
  const q = encodeURIComponent;
  switch (repo.host) {
    case 'github':
      return `${web}/compare/${encodeBranch(base)}...${encodeBranch(branch)}?expand=1`;
    case 'gitlab':
      return `${web}/-/merge_requests/new?merge_request%5Bsource_branch%5D=${q(branch)}&merge_request%5Btarget_branch%5D=${q(base)}`;
    case 'bitbucket':
      return `${web}/pull-requests/new?source=${q(branch)}&dest=${q(base)}`;
    case 'azure':
      return `${web}/pullrequestcreate?sourceRef=${q(branch)}&targetRef=${q(base)}`;
  }
}

function azure(org: string, project: string, repo: string): RemoteRepo {
  return { host: 'azure', origin: 'https://dev.azure.com', path: `${org}/${project}/_git/${repo}` };
}

/** A branch in a URL path: each segment encoded, the slashes kept (GitHub's compare pages expect them). */
function encodeBranch(branch: string): string {
  return branch.split('/').map(encodeURIComponent).join('/');
}
