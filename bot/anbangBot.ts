/**
 * The bot's turn logic: decide the turn's language, greet new members, run the dialogs, and save
 * conversation and user state (in PostgreSQL) when the turn ends.
 */
import {
  ActivityHandler,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import { resolveLanguage } from './language.js';
import { translator } from './i18n.js';
import { setTurnLanguage, turnT } from './turnLocale.js';
import type { UserProfile } from './userProfile.js';
import { MAIN_DIALOG, type MainDialog } from '../dialogs/mainDialog.js';
import { menuActivity } from '../dialogs/menu.js';
import { restartRequested } from '../dialogs/interruptibleDialog.js';
import { recordTurn, type TranscriptLine } from './transcript.js';

export class AnbangBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly profile: StatePropertyAccessor<UserProfile>,
    private readonly i18nInstance: i18n,
    mainDialog: MainDialog,
    private readonly hooks: {
      /** Gives the message to an open handoff ticket instead of the bot; true when it did. */
      forwardToPerson: (context: TurnContext) => Promise<boolean>;
      transcript: StatePropertyAccessor<TranscriptLine[]>;
      now: () => Date;
    },
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(mainDialog);

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      if (newcomers.length > 0) {
        const t = turnT(context);
        await context.sendActivity(t('welcome.greeting'));
        await context.sendActivity(menuActivity(context, t('welcome.intro')));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await recordTurn(context, this.hooks.transcript, this.hooks.now);
      if (await this.hooks.forwardToPerson(context)) return next();
      const dc = await this.dialogs.createContext(context);
      const result = await dc.continueDialog();
      // Empty: no guided conversation was open. A restart: a button of another flow (e.g. "how
      // to apply" for another program) was pressed inside one, which has ended.
      if (result.status === DialogTurnStatus.empty || restartRequested(context)) {
        await dc.beginDialog(MAIN_DIALOG);
      }
      await next();
    });
  }

  /** Every turn: pick the language first, then handle the activity, then persist state. */
  override async run(context: TurnContext): Promise<void> {
    // Loaded together so the storage answers both with one query.
    await Promise.all([this.conversationState.load(context), this.userState.load(context)]);
    // No default value: a default would be written back as a change on every new user's first turn.
    const profile = (await this.profile.get(context)) ?? {};
    const language = resolveLanguage({
      chosen: profile.language,
      locale: context.activity.locale,
      text: context.activity.text,
    });
    setTurnLanguage(context, language, translator(this.i18nInstance, language));
    await super.run(context);
    await Promise.all([this.conversationState.saveChanges(context, false), this.userState.saveChanges(context, false)]);
  }
}
