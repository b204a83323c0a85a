/**
 * A small, hand-written knowledge base for the engine tests — independent of the real one in
 * policies/kb, so ranking tests say what the engine does, not what the current entries contain.
 */
import { entrySchema, type Entry, type Region } from '../../policies/schema.js';

interface Spec {
  id: string;
  region: Region;
  topic: Entry['topic'];
  title: [string, string];
  answer: [string, string];
  questions: string[];
  questionsEn?: string[];
  keywords?: string[];
  status?: 'current' | 'superseded';
  supersededBy?: string;
}

function entry(s: Spec): Entry {
  return entrySchema.parse({
    id: s.id,
    status: s.status ?? 'current',
    supersededBy: s.supersededBy,
    topic: s.topic,
    audience: ['subject'],
    region: s.region,
    // zh-TW is not indexed separately (it normalises to zh-CN), so reusing zh-CN is fine here.
    title: { 'zh-CN': s.title[0], 'zh-TW': s.title[0], en: s.title[1] },
    answer: { 'zh-CN': s.answer[0], 'zh-TW': s.answer[0], en: s.answer[1] },
    sampleQuestions: { 'zh-CN': s.questions, en: s.questionsEn ?? [] },
    keywords: s.keywords ?? [],
    sources: [{ file: 'fixture.txt', document: '测试文件', section: '一', passage: '测试段落内容' }],
  });
}

/** Eight entries over distinct topics, two regional variants of one topic and one superseded entry. */
export const FIXTURE: Entry[] = [
  entry({
    id: 'fx-checkin',
    region: '重庆荣昌',
    topic: 'checkin',
    title: ['出狱后30天内到司法所报到', 'Report to the judicial office within 30 days of release'],
    answer: [
      '从刑满释放之日起30天内，带上刑满释放证明书到户籍地司法所登记报到。',
      'Within 30 days of release, take your release certificate to the judicial office where your household is registered.',
    ],
    questions: ['刚出来要去哪里报到', '报到有没有时间限制'],
    questionsEn: ['Where do I have to report after release?'],
    keywords: ['报到', '登记', '司法所'],
  }),
  entry({
    id: 'fx-transition-subsidy',
    region: '重庆荣昌',
    topic: 'transition_subsidy',
    title: ['过渡性困难生活补助金', 'Transitional living allowance'],
    answer: [
      '生活困难的刑满释放人员可以申请过渡性困难生活补助金，按当地低保标准按月发放，最长6个月，由民政部门审批。',
      'Released people in hardship can apply for a transitional living allowance, paid monthly at the local minimum-living rate for up to 6 months.',
    ],
    questions: ['出狱补助怎么申请', '过渡补助能领几个月'],
    keywords: ['过渡性困难生活补助金', '出狱补助'],
  }),
  entry({
    id: 'fx-dibao',
    region: 'national',
    topic: 'subsistence',
    title: ['申请最低生活保障（低保）', 'Applying for minimum living assistance (dibao)'],
    answer: [
      '家庭人均收入低于当地最低生活保障标准的，可以向户籍地乡镇人民政府或街道办事处申请低保。',
      'If household income per person is below the local minimum living standard, apply at the township government or sub-district office.',
    ],
    questions: ['怎么申请低保', '低保的条件是什么'],
    questionsEn: ['How do I apply for welfare?'],
    keywords: ['低保', '最低生活保障', '生活困难'],
  }),
  entry({
    id: 'fx-fees-jx',
    region: '江西',
    topic: 'self_employment_fees',
    title: ['江西：办个体工商户3年免收行政事业性收费', 'Jiangxi: no fees for 3 years when registering as self-employed'],
    answer: [
      '刑满释放人员首次从事个体经营的，3年内免收管理类、登记类和证照类行政事业性收费。',
      'Released people who register as self-employed for the first time pay no administrative fees for 3 years.',
    ],
    questions: ['办营业执照收不收费', '个体户免收费有什么条件'],
    keywords: ['个体工商户', '免收费', '营业执照'],
  }),
  entry({
    id: 'fx-fees-zz',
    region: '郑州',
    topic: 'self_employment_fees',
    title: ['郑州：从事个体经营免收有关费用', 'Zhengzhou: fee exemption for the self-employed'],
    answer: [
      '郑州的刑满释放人员从事个体经营，工商部门优先办理营业执照，并按规定免收有关行政事业性收费。',
      'In Zhengzhou, released people starting a business get their licence first and pay no administrative fees.',
    ],
    questions: ['在郑州办个体户要交钱吗', '个体工商户免收费怎么办'],
    keywords: ['个体工商户', '免收费', '营业执照'],
  }),
  entry({
    id: 'fx-loan',
    region: 'national',
    topic: 'business_loan',
    title: ['创业担保贷款', 'Business start-up guaranteed loans'],
    answer: [
      '自主创业的刑满释放人员可以申请创业担保贷款，财政按规定贴息。',
      'Released people who start a business can apply for a guaranteed start-up loan with interest subsidised by the government.',
    ],
    questions: ['创业能贷款吗', '开店本钱不够怎么办'],
    questionsEn: ['Can I get a loan to start a business?'],
    keywords: ['创业担保贷款', '贷款', '贴息'],
  }),
  entry({
    id: 'fx-loan-old',
    region: 'national',
    topic: 'business_loan',
    status: 'superseded',
    supersededBy: 'fx-loan',
    title: ['小额担保贷款（旧政策）', 'Small guaranteed loans (old policy)'],
    answer: ['小额担保贷款已改为创业担保贷款。', 'Small guaranteed loans have become business start-up guaranteed loans.'],
    questions: ['小额担保贷款还有吗', '小额贷款怎么申请'],
    keywords: ['小额担保贷款', '贷款'],
  }),
  entry({
    id: 'fx-medical-aid',
    region: 'national',
    topic: 'medical_aid',
    title: ['医疗救助', 'Medical assistance'],
    answer: [
      '低保家庭成员和特困供养人员看病住院，可以向乡镇人民政府申请医疗救助。',
      'Members of dibao households and people in extreme poverty can apply to the township government for medical assistance.',
    ],
    questions: ['看不起病怎么办', '住院费用能报吗'],
    questionsEn: ['I cannot pay for hospital treatment'],
    keywords: ['医疗救助', '看病'],
  }),
];
