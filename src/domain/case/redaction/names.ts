// Names of natural persons: those the case knows (and their 执法证号), wherever they
// appear, and any name that follows a role word such as 当事人 or 驾驶员.

import { maskName, star } from './masks.ts';
import { found, matches, type Finder, type PersonalInformation } from './personal-information.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names the case knows, wherever they appear. */
export const findKnownNames: Finder = (text, known) => {
  const names = [...new Set(known.names.map((n) => n.trim()).filter((n) => [...n].length >= 2))]
    // Longer first, so 王小明 is found whole before 王小.
    .sort((a, b) => b.length - a.length);
  const out: PersonalInformation[] = [];
  for (const name of names)
    for (const m of matches(new RegExp(escape(name), 'gu'), text))
      out.push(found('name', m.index, m[0], maskName(m[0])));
  const numbers = (known.badgeNumbers ?? []).map((b) => b.trim()).filter((b) => b.length >= 4);
  for (const badge of numbers)
    for (const m of matches(new RegExp(escape(badge), 'gu'), text))
      out.push(found('badge_number', m.index, m[0], star(m[0].length)));
  return out;
};

/** Words that name a person's role and are followed by the person's name. */
const NAME_CUES = [
  '法定代表人',
  '实际控制人',
  '当事人',
  '负责人',
  '经营者',
  '经营户',
  '申请人',
  '举报人',
  '投诉人',
  '被检查人',
  '联系人',
  '驾驶员',
  '驾驶人',
  '户主',
  '业主',
  '车主',
  '店主',
  '站长',
  '店长',
  '厂长',
  '矿长',
  '经理',
  '老板',
  '姓名',
];

/**
 * Characters that do not begin a name after a cue, nor continue one: particles, verbs and
 * adverbs that follow a role word in an enforcement text (当事人对…, 负责人未到场).
 */
const NOT_NAME =
  '的之在于对向从将把被已未不没无均都也亦仍还曾应可须需要能会称说表承提签所自本等及和与或该此各每系是为经因由即并且而就才又再同拒擅违私故逾到至以让使请予受给次处驾开停运送、';

/** Words that follow a cue and are no name: 当事人陈述, 负责人姓名, 经营者信息. */
const NOT_NAME_WORDS =
  /^(?:陈述|申辩|签字|签名|到场|拒绝|同意|认可|表示|承认|提出|提供|确认|意见|要求|信息|身份|电话|住址|地址|联系|情况|证件|姓名|家属|本人|名称|单位|公司|企业|部门|人员|一方|双方|权利|义务|责任|资格|合法|损失|权益|行为|违法|过错|其他|其中|其余|其所|隐去|不详|未知)/u;

const NAME_AFTER_CUE = new RegExp(
  `(?:${NAME_CUES.join('|')})(?=((?:为|是)?[:：\\s]?)((?:(?![${NOT_NAME}])\\p{Script=Han}){2,4}))`,
  'gu',
);

/** Names after 当事人、负责人、驾驶员、姓名： and the like. 王某、王某某 are left as they are. */
export const findCuedNames: Finder = (text) => {
  const out: PersonalInformation[] = [];
  for (const m of matches(NAME_AFTER_CUE, text)) {
    const start = m.index + m[0].length + m[1]!.length;
    let name = m[2]!;
    // A name is two or three characters unless a list, a bracket or the sentence ends it
    // (巴特尔, 其木格 are three; a run of four stops at three unless it stands whole).
    const after = text[start + name.length] ?? '';
    if (name.length === 4 && !/^[，。、；;,.\s（()）]?$/u.test(after)) name = name.slice(0, 3);
    // 王某、王某某 are anonymised already, 欧阳** masked already.
    if (name.includes('某') || after === '*' || NOT_NAME_WORDS.test(name)) continue;
    out.push(found('name', start, name, maskName(name)));
  }
  return out;
};
