import type { Language } from './i18n.js';

/** What the bot remembers about a user across conversations (kept in UserState). */
export interface UserProfile {
  /** Set only when the user explicitly switched language; overrides the activity's locale. */
  language?: Language;
  /** The user's region, once they have said it (used to rank local rules first). */
  region?: string;
}
