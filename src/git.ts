import { simpleGit, type SimpleGit } from 'simple-git';

/**
 * The git variables a user (or a test) sets on purpose: who they are, the time they act at, and
 * which config files git reads. simple-git strips every ambient GIT_* variable unless it is named.
 */
const passedThrough = [
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_NOSYSTEM',
];

/** The one way the product opens a repository with simple-git. */
export const gitAt = (cwd: string): SimpleGit => simpleGit({ baseDir: cwd, allowEnvironment: passedThrough });

/**
 * The environment of a git process acting as one person at one fixed time, reading no user or
 * system config: how the demo replays history and how tests make reproducible repositories.
 */
export function actingAs(person: { name: string; email: string }, date: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: person.name,
    GIT_AUTHOR_EMAIL: person.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: person.name,
    GIT_COMMITTER_EMAIL: person.email,
    GIT_COMMITTER_DATE: date,
  };
}
