import { roleLabel } from '../i18n/terms.ts';
import type { YamlMapping } from '../records/parse-yaml.ts';
import type { ArchiveConfig } from '../schemas/archive-config.ts';
import type { Roster } from '../schemas/staff.ts';
import type { Finding } from './finding.ts';

const fileFinding = (file: string, source: YamlMapping) => (path: (string | number)[], message: string): Finding => ({
  rule: 'SCHEMA',
  severity: 'error',
  record: null,
  file,
  line: source.lineOf(path),
  message,
});

/** The roster's ids and git identities are unique, role periods are ordered, and posts exist. */
export function checkRoster(roster: Roster, file: string, source: YamlMapping): Finding[] {
  const report = fileFinding(file, source);
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  const once = (key: string, owner: string, path: (string | number)[], what: string) => {
    const first = seen.get(key);
    if (first !== undefined && first !== owner) findings.push(report(path, `${what} 重复：已属于 ${first}`));
    else seen.set(key, owner);
  };
  roster.posts.forEach((post, i) => once(`post:${post.id}`, `第${i + 1}个岗位`, ['posts', i, 'id'], `岗位编号 ${post.id}`));
  const postIds = new Set(roster.posts.map((p) => p.id));
  roster.people.forEach((person, i) => {
    once(`person:${person.id}`, `第${i + 1}名工作人员`, ['people', i, 'id'], `工作人员编号 ${person.id}`);
    person.git.emails.forEach((email, j) => once(`email:${email.toLowerCase()}`, person.id, ['people', i, 'git', 'emails', j], `邮箱 ${email}`));
    person.git.logins.forEach((login, j) => once(`login:${login.toLowerCase()}`, person.id, ['people', i, 'git', 'logins', j], `账号 ${login}`));
    person.signingKeys.forEach((key, j) => {
      if (!/^(ssh-|ecdsa-|sk-)/.test(key)) {
        findings.push(report(['people', i, 'signingKeys', j], `${person.id} 的签名公钥不是 SSH 公钥（应以 ssh-ed25519、ssh-rsa 等开头）；A-SIGNATURE 目前只核验 SSH 签名`));
      }
    });
    person.roles.forEach((role, j) => {
      if (role.to !== undefined && role.to < role.from) {
        findings.push(report(['people', i, 'roles', j, 'to'], `${person.id} 的角色「${roleLabel(role.role)}」结束日期 ${role.to} 早于起始日期 ${role.from}`));
      }
      for (const post of role.posts ?? []) {
        if (!postIds.has(post)) findings.push(report(['people', i, 'roles', j, 'posts'], `${person.id} 的角色「${roleLabel(role.role)}」指向不存在的岗位 ${post}`));
      }
    });
  });
  return findings;
}

/** Every record kind is numbered under a nature that the nature table defines. */
export function checkArchiveConfig(config: ArchiveConfig, file: string, source: YamlMapping): Finding[] {
  const report = fileFinding(file, source);
  return Object.entries(config.kindNatures)
    .filter(([, nature]) => !(nature in config.natures))
    .map(([kind, nature]) => report(['kindNatures', kind], `服务性质代码 ${nature} 不在 natures 代码表中`));
}
