/**
 * What the bot is asked in bench:turns. Each scenario is a list of messages one conversation
 * sends in turn; every request is the next turn of one of many conversations.
 */
export interface Scenario {
  name: string;
  turns: string[];
  /** Make every message text unique (as real questions are), so no cache sees a repeat. */
  unique?: boolean;
}

export const scenarios: Scenario[] = [
  // A global command: state read, dialog run, menu reply, state written.
  { name: 'help + menu', turns: ['帮助', '1'] },
  // Knowledge-base answers: gates, retrieval, answer composition, citation entity.
  {
    name: 'policy questions',
    turns: ['刚出来要去哪报到 带什么', '我在郑州 低保怎么申请', '开个小店能免收费吗'],
    unique: true,
  },
  // The eligibility wizard: several facts in one message, then yes / no / skip answers; every
  // turn reads and writes the dialog state.
  {
    name: 'eligibility wizard',
    turns: ['我能申请什么', '我在重庆荣昌 62岁 农村户口 没有劳动能力', '是', '不是', '跳过', '是', '不是', '跳过'],
  },
];
