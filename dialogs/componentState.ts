import type { DialogContext } from 'botbuilder-dialogs';

/**
 * The state object of the ComponentDialog that owns `innerDc` — one place for a wizard's
 * answers that its waterfall steps, its prompts and its "back" handling all reach.
 */
export function componentState<T extends object>(innerDc: DialogContext, init: () => T): T {
  const owner = innerDc.parent?.activeDialog;
  if (!owner) throw new Error('componentState: not inside a component dialog');
  const bag = owner.state as { wizard?: T };
  bag.wizard ??= init();
  return bag.wizard;
}
