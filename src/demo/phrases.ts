/**
 * The words of the realistic demo archive: fictional, generic, and free of anything that reads
 * as personal data (no names, numbers or street addresses outside the sealed client block).
 */
export const caseCategories = ['QSN', 'ZZ', 'JT', 'JD'] as const;
export type CaseCategory = (typeof caseCategories)[number];

interface CaseWords {
  ageBands: readonly string[];
  signedBy: '本人' | '监护人';
  issues: readonly string[];
  problems: readonly string[];
  goals: readonly string[];
  strategies: readonly string[];
}

export const caseWords: Record<CaseCategory, CaseWords> = {
  QSN: {
    ageBands: ['10-12', '13-17'],
    signedBy: '监护人',
    issues: ['学业压力与亲子沟通', '厌学与情绪低落', '校园人际冲突', '网络沉迷', '转学适应困难', '考试焦虑'],
    problems: ['考试焦虑', '亲子沟通方式冲突', '同伴支持不足', '作息不规律', '自我评价偏低'],
    goals: ['掌握两种情绪调节方法', '每周至少一次平和的亲子沟通', '恢复规律作息', '建立稳定的同伴支持'],
    strategies: ['认知行为取向的个别面谈', '亲子沟通练习', '联动学校老师共同支持', '同伴小组衔接'],
  },
  ZZ: {
    ageBands: ['60+'],
    signedBy: '本人',
    issues: ['独居长者居家安全', '丧偶长者哀伤辅导', '长者慢病自我管理', '高龄长者照顾者压力', '长者社区融入'],
    problems: ['社会支持薄弱', '居家跌倒风险', '情绪低落', '照顾负担过重', '慢病管理困难'],
    goals: ['建立每周固定的探访与电话关怀', '完成居家安全改造', '重新参与社区活动', '照顾者每周有固定休息时间'],
    strategies: ['定期家访与电话关怀', '链接社区医疗资源', '哀伤辅导面谈', '志愿者结对探访'],
  },
  JT: {
    ageBands: ['25-34', '35-44', '45-59'],
    signedBy: '本人',
    issues: ['夫妻沟通冲突', '单亲家庭育儿压力', '家庭照顾分工', '隔代教养矛盾', '家庭经济困难'],
    problems: ['沟通方式对立', '育儿压力大', '家庭分工失衡', '支持资源不足'],
    goals: ['形成家庭会议的固定做法', '照顾分工清晰并执行', '链接可用的社区资源', '家庭成员能说出彼此的需要'],
    strategies: ['家庭面谈', '沟通技巧练习', '资源链接与政策咨询', '家庭作业与回顾'],
  },
  JD: {
    ageBands: ['18-24', '25-34', '35-44'],
    signedBy: '本人',
    issues: ['社区戒毒人员就业支持', '戒毒康复人员家庭关系修复', '青少年涉毒风险', '康复期情绪与复吸预防'],
    problems: ['复吸风险', '就业困难', '家庭关系紧张', '社会支持不足'],
    goals: ['按期完成社区戒毒康复要求', '获得稳定的就业机会', '修复与家人的沟通', '掌握应对高危情境的方法'],
    strategies: ['动机式面谈', '就业资源链接', '家庭会谈', '复吸预防练习'],
  },
};

export const sessionModes = ['面谈', '面谈', '电话', '家访', '外展', '线上'] as const;
export const sessionSummaries = [
  '建立关系，了解需要',
  '梳理问题与资源',
  '回顾上周计划的执行情况',
  '练习新的应对方法',
  '与家人一起讨论支持方式',
  '评估进展，调整目标',
  '链接社区资源并跟进',
  '巩固已有改变',
  '讨论困难情境的应对',
  '回顾进展，准备结案',
];
export const closingSummaries = ['服务目标基本达成，案主能运用所学的方法应对', '案主状况稳定，支持网络已建立', '阶段目标达成，转由接收方继续跟进'];
export const followUpSummaries = ['情况稳定，无需再开案', '电话回访，状况保持良好', '家访回访，已融入社区活动'];
export const agencies = ['区精神卫生中心社工部（虚构）', '区就业服务中心（虚构）', '区未成年人保护工作站（虚构）', '区社区卫生服务中心（虚构）'];

export const districts: Record<string, string> = { P01: '东湖街道', P02: '西岭镇', P03: '南湾街道' };

export const consultationTopics: Record<string, readonly string[]> = {
  '12355': ['青少年网络交友困扰', '家长咨询孩子沉迷手机', '青少年遭受网络欺凌求助', '学生考前焦虑'],
  '12351': ['职工加班与家庭照顾冲突', '职工劳动权益咨询', '职工心理压力咨询'],
  visit: ['长者家属咨询居家养老服务', '家长咨询亲子沟通', '居民咨询社区禁毒宣传', '居民咨询社区服务资源'],
};

export const activityThemes: Record<CaseCategory, readonly string[]> = {
  QSN: ['情绪管理', '网络素养', '人际沟通', '生涯规划', '防欺凌'],
  ZZ: ['健康管理', '防诈宣传', '怀旧与生命回顾', '智能手机学习', '防跌倒'],
  JT: ['亲子沟通', '家长学堂', '家庭教育', '夫妻关系'],
  JD: ['禁毒教育', '康复互助', '禁毒宣传'],
};
export const groupSessionSummaries = ['相识与订立契约', '主题讨论与分享', '情景练习', '小组游戏与反思', '技能练习', '回顾收获与告别'];
export const activitySummaries = ['现场宣传与互动游戏', '专题讲座与答疑', '义诊与咨询', '情景剧演出与有奖问答'];
