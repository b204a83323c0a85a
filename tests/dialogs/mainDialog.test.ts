import { describe, expect, it } from 'vitest';
import { DialogTestClient } from 'botbuilder-testing';
import { MemoryStorage, UserState, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { createI18n, translator } from '../../bot/i18n.js';
import { loadCommands } from '../../bot/commands.js';
import { resolveLanguage } from '../../bot/language.js';
import { setTurnLanguage } from '../../bot/turnLocale.js';
import { notSureAnswerer } from '../../bot/defaultAnswerer.js';
import type { UserProfile } from '../../bot/userProfile.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { createMenuMatcher } from '../../dialogs/menu.js';

/** A turn: what the user says, and a fragment each reply must contain (in order). */
type Turn = [user: string, replies: string[]];

async function runTurns(locale: string, turns: Turn[]) {
  const i18n = await createI18n();
  // MemoryStorage is fine here: this tests the dialog's logic; state in PostgreSQL is tested elsewhere.
  const userState = new UserState(new MemoryStorage());
  const profile = userState.createProperty<UserProfile>('profile');
  const language: Middleware = {
    async onTurn(context: TurnContext, next) {
      const chosen = (await profile.get(context, {})).language;
      const lng = resolveLanguage({ chosen, locale: context.activity.locale, text: context.activity.text });
      setTurnLanguage(context, lng, translator(i18n, lng));
      await next();
      await userState.saveChanges(context);
    },
  };
  const dialog = new MainDialog({
    i18n,
    commands: loadCommands(),
    matchMenu: createMenuMatcher(i18n),
    profile,
    answerer: notSureAnswerer,
  });
  const client = new DialogTestClient('test', dialog, undefined, [language]);
  for (const [said, expected] of turns) {
    const activity: Partial<Activity> = { type: 'message', text: said, locale };
    // sendActivity hands back the first reply; getNextReply the ones after it.
    let reply = (await client.sendActivity(activity)) as Partial<Activity> | undefined;
    for (const fragment of expected) {
      expect(reply?.text ?? '', `reply to "${said}"`).toContain(fragment);
      reply = client.getNextReply() as Partial<Activity> | undefined;
    }
    expect(reply, `no extra reply to "${said}"`).toBeUndefined();
  }
}

describe('main dialog (zh-CN)', () => {
  it.each<[string, Turn[]]>([
    ['help shows what the bot does and the menu', [['帮助', ['转人工']]]],
    ['cancel confirms and shows the menu', [['取消', ['已经取消了。\n1. 政策问答']]]],
    ['a menu number is understood', [['1', ['请直接说您的问题']]]],
    ['a question mark alone asks for help', [['？', ['转人工']]]],
    ['a guided flow not built yet says so and offers a person', [['我能申请什么', ['还在准备中']]]],
    ['an unknown question gets an honest not-sure', [['火星上能办低保吗', ['没有把握']]]],
    ['an empty message gets a gentle nudge', [['   ', ['没看到文字']]]],
    [
      'a language switch is remembered',
      [
        ['English', ["reply in English"]],
        ['帮助', ['talk to a person']],
        ['繁體', ['繁體中文']],
        ['help', ['轉人工']],
      ],
    ],
  ])('%s', async (_name, turns) => runTurns('zh-CN', turns));
});

describe('main dialog (en)', () => {
  it.each<[string, Turn[]]>([
    ['help', [['help', ['talk to a person']]]],
    ['cancel', [['cancel', ['cancelled.\n1. Policy questions']]]],
    ['menu label', [['Policy questions', ['Just type your question']]]],
    ['handoff', [['talk to a person', ['not available yet']]]],
    ['unknown question', [['what is the weather on mars', ["I'm not sure"]]]],
  ])('%s', async (_name, turns) => runTurns('en-US', turns));
});

describe('main dialog (zh-TW)', () => {
  it.each<[string, Turn[]]>([
    ['help', [['幫助', ['轉人工']]]],
    ['cancel', [['算了', ['已經取消了。\n1. 政策問答']]]],
  ])('%s', async (_name, turns) => runTurns('zh-TW', turns));
});
