import assert from 'node:assert/strict';
import { remoteCompareUrl } from '../../src/core/review';

const BRANCH = 'mentoring/ana--ben/plan-2026-11-21';
const ENCODED = 'mentoring%2Fana--ben%2Fplan-2026-11-21';

describe('review: compare URLs for every remote form', () => {
  const cases: [string, string | undefined][] = [
    ['git@github.com:acme/app.git', `https://github.com/acme/app/compare/main...${BRANCH}?expand=1`],
    ['ssh://git@github.com/acme/app.git', `https://github.com/acme/app/compare/main...${BRANCH}?expand=1`],
    ['ssh://git@github.com:22/acme/app', `https://github.com/acme/app/compare/main...${BRANCH}?expand=1`],
    ['https://github.com/acme/app.git', `https://github.com/acme/app/compare/main...${BRANCH}?expand=1`],
    ['https://ana@github.com/acme/app', `https://github.com/acme/app/compare/main...${BRANCH}?expand=1`],
    [
      'git@gitlab.com:acme/platform/app.git',
      `https://gitlab.com/acme/platform/app/-/merge_requests/new?merge_request%5Bsource_branch%5D=${ENCODED}&merge_request%5Btarget_branch%5D=main`,
    ],
    [
      'https://gitlab.com/acme/app.git',
      `https://gitlab.com/acme/app/-/merge_requests/new?merge_request%5Bsource_branch%5D=${ENCODED}&merge_request%5Btarget_branch%5D=main`,
    ],
    [
      'ssh://git@gitlab.example.com:2222/acme/app.git',
      `https://gitlab.example.com/acme/app/-/merge_requests/new?merge_request%5Bsource_branch%5D=${ENCODED}&merge_request%5Btarget_branch%5D=main`,
    ],
    ['git@bitbucket.org:acme/app.git', `https://bitbucket.org/acme/app/pull-requests/new?source=${ENCODED}&dest=main`],
    [
      'https://ana@bitbucket.org/acme/app.git',
      `https://bitbucket.org/acme/app/pull-requests/new?source=${ENCODED}&dest=main`,
    ],
    [
      'git@ssh.dev.azure.com:v3/acme/Platform/app',
      `https://dev.azure.com/acme/Platform/_git/app/pullrequestcreate?sourceRef=${ENCODED}&targetRef=main`,
    ],
    [
      'https://acme@dev.azure.com/acme/Platform/_git/app',
      `https://dev.azure.com/acme/Platform/_git/app/pullrequestcreate?sourceRef=${ENCODED}&targetRef=main`,
    ],
    [
      'https://acme.visualstudio.com/Platform/_git/app',
      `https://dev.azure.com/acme/Platform/_git/app/pullrequestcreate?sourceRef=${ENCODED}&targetRef=main`,
    ],
    [
      'acme@vs-ssh.visualstudio.com:v3/acme/Platform/app',
      `https://dev.azure.com/acme/Platform/_git/app/pullrequestcreate?sourceRef=${ENCODED}&targetRef=main`,
    ],
    [
      'https://dev.azure.com/acme/My%20Project/_git/app',
      `https://dev.azure.com/acme/My%20Project/_git/app/pullrequestcreate?sourceRef=${ENCODED}&targetRef=main`,
    ],
    ['git@git.example.com:acme/app.git', undefined],
    ['https://example.com/acme/app.git', undefined],
    ['/srv/git/app.git', undefined],
    ['../app.git', undefined],
    ['C:\\repos\\app.git', undefined],
    ['file:///srv/git/app.git', undefined],
    ['https://github.com/acme', undefined],
  ];
  for (const [url, expected] of cases) {
    it(`${url} → ${expected ?? 'no compare page'}`, () => {
      assert.equal(remoteCompareUrl(url, 'main', BRANCH), expected);
    });
  }
});
