// A small program to match, shared by the CLI's and the workbench's tests of matching: kim
// coordinates; ana wants backend (which `go` means), cid design, eve speaks only French; ben
// (go) and dee (design, go) mentor one mentee each. The best assignment is ana–ben and cid–dee;
// eve shares no language with any mentor. Written and committed on the repository's branch.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './tempRepo';

export function writeSmallProgram(repo: string, folder = '.mentoring'): void {
  const write = (rel: string, text: string): void => {
    mkdirSync(join(repo, folder, rel, '..'), { recursive: true });
    writeFileSync(join(repo, folder, rel), text);
  };
  write('program.yaml', 'name: P\ncoordinators: [kim]\nmatching:\n  taxonomy:\n    backend: [go]\n  suggestions: 2\n');
  const people: Record<string, string> = {
    kim: 'roles: [coordinator]',
    ana: 'roles: [mentee]\nwants: [backend]\nlanguages: [en]',
    cid: 'roles: [mentee]\nwants: [design]\nlanguages: [en]',
    eve: 'roles: [mentee]\nwants: [go]\nlanguages: [fr]',
    ben: 'roles: [mentor]\ncapacity: 1\noffers: [go]\nlanguages: [en]',
    dee: 'roles: [mentor]\ncapacity: 1\noffers: [design, go]\nlanguages: [en]',
  };
  for (const [handle, rest] of Object.entries(people))
    write(`people/${handle}.yaml`, `handle: ${handle}\nname: ${handle}\nemails: [${handle}@example.com]\n${rest}\n`);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'people');
}
