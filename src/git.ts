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
