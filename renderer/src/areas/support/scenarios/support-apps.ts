/**
 * The scenarios' traces on the mock account: their apps are all named "Support · …",
 * and the application limit they raised is remembered (for the browser tab's session)
 * as it was before the first raise, so that one button can remove the apps and put the
 * limit back.
 */
import type { LabClient } from '../../../contract/lab-client';
import type { ApplicationView } from '../../../stores/workbench-store';

/** Every scenario app's name starts with this. */
export const SUPPORT_APP_PREFIX = 'Support · ';

/** Totango's limit: what the limit goes back to when the Lab does not know what it was. */
export const DEFAULT_APPLICATION_LIMIT = 2;

const STORAGE_KEY = 'totango-oauth-lab.support.limit-before-scenarios';

export const isSupportApp = (app: Pick<ApplicationView, 'name'>) => app.name.startsWith(SUPPORT_APP_PREFIX);

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** The limit before the checklist first raised it; null when it has not raised it (in this tab's session). */
export function limitBeforeScenarios(): number | null {
  const stored = Number(storage()?.getItem(STORAGE_KEY) ?? Number.NaN);
  return Number.isInteger(stored) && stored > 0 ? stored : null;
}

/** Called before a scenario raises the limit: keeps the first value only. */
export function rememberLimitBeforeScenarios(limit: number): void {
  if (limitBeforeScenarios() === null) storage()?.setItem(STORAGE_KEY, String(limit));
}

export interface SupportCleanup {
  readonly removed: readonly ApplicationView[];
  /** The limit now, and what it was before the clean-up. */
  readonly limit: number;
  readonly previousLimit: number;
}

/** Deletes every "Support · …" app and puts the limit back to what it was before the scenarios raised it (Totango's 2 when unknown). */
export async function removeSupportApps(client: LabClient): Promise<SupportCleanup> {
  const { applications, limit: previousLimit } = await client.applications.list({});
  const removed = applications.filter(isSupportApp);
  for (const app of removed) await client.applications.remove({ clientId: app.clientId });
  const limit = limitBeforeScenarios() ?? DEFAULT_APPLICATION_LIMIT;
  if (limit !== previousLimit) await client.mock.updateSettings({ applicationLimit: limit });
  storage()?.removeItem(STORAGE_KEY);
  return { removed, limit, previousLimit };
}
