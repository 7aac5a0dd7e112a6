import type { Locale } from '@linli/contracts';

type Sources = {
  /** an explicit choice made on this device (the language switch), kept in local storage */
  device: Locale | null;
  /** the language saved to the account, null when the user never chose one */
  saved: Locale | null;
  /** what the browser's languages ask for */
  browser: Locale;
};

/**
 * The language of a signed-in user: a choice on this device first (it is the newest; it is saved to the account
 * too), then the account's saved choice, so a user who chose English gets English on any browser; a user who
 * never chose one follows the browser, as on a first visit.
 */
export function sessionLocale({ device, saved, browser }: Sources): Locale {
  return device ?? saved ?? browser;
}
