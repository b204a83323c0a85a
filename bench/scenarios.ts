/**
 * What the bot is asked in bench:turns. Each scenario is a list of messages one conversation
 * sends in turn; every request is the next turn of one of many conversations.
 */
export interface Scenario {
  name: string;
  turns: string[];
}

export const scenarios: Scenario[] = [
  // A global command: state read, dialog run, menu reply, state written.
  { name: 'help + menu', turns: ['帮助', '1'] },
];
