import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffIdOf } from '../../src/ledger/identity.ts';
import { requireConfig } from '../../src/records/parse-config.ts';
import { staffSchema } from '../../src/schemas/staff.ts';
import { fixtureRoot } from '../helpers/fixture.ts';

// The fixture roster lists github:xu-my and gitea:luoxc; S05 gets a GitLab login here.
const text = readFileSync(join(fixtureRoot, 'content/staff.yaml'), 'utf8').replace('logins: ["github:chen-yh"]', 'logins: ["github:chen-yh", "gitlab:chenyh"]');
const roster = requireConfig('content/staff.yaml', text, staffSchema);
const who = (email: string) => staffIdOf(roster, { name: '任何人', email });

describe('host no-reply addresses mapped through the roster\'s logins', () => {
  it('GitHub: [id+]login@users.noreply.github.com → github: login', () => {
    expect(who('4242+xu-my@users.noreply.github.com')).toBe('S04');
    expect(who('xu-my@users.noreply.github.com')).toBe('S04');
  });

  it('Gitea: login@noreply.<host> → gitea: login', () => {
    expect(who('luoxc@noreply.git.mingxi.example')).toBe('S06');
  });

  it('GitLab: [id-]login@users.noreply.<host> → gitlab: login', () => {
    expect(who('1234-chenyh@users.noreply.gitlab.com')).toBe('S05');
    expect(who('chenyh@users.noreply.gitlab.mingxi.example')).toBe('S05');
  });

  it('a login is matched only against its own host\'s logins', () => {
    expect(who('luoxc@users.noreply.github.com')).toBeNull();
    expect(who('xu-my@noreply.git.mingxi.example')).toBeNull();
    expect(who('chen-yh@users.noreply.gitlab.com')).toBeNull();
  });
});
