/**
 * Demo mode's authorization-code walkthrough against the real Lab: the demo app registered
 * with a loopback callback URL, the consent page caught as the new tab the window opens,
 * approved there, and the walkthrough clicked on to the token.
 */
import { expect, test } from '../support/browser-lab';
import { saveScreenshot } from '../support/screenshots';

test('walks through the authorization-code grant, the presenter approving in the consent tab', async ({ page, context, lab }, testInfo) => {
  await lab.open(page);
  await page.goto(`${lab.origin}/#/demo`);
  await page.getByRole('radiogroup', { name: 'The grant to walk through' }).getByText('Authorization code').click();
  const dialog = page.getByRole('dialog', { name: 'Demo mode: authorization code' });
  const narration = dialog.getByTestId('demo-narration');
  const next = dialog.getByRole('button', { name: 'Next' });
  await expect(narration.getByRole('heading', { name: 'Authorization code: on behalf of a person' })).toBeVisible();

  await next.click();
  await expect(narration).toContainText(/“Demo · authorization code” is registered for the authorization-code grant with the callback URL http:\/\/127\.0\.0\.1:\d+\/callback/);
  const consentTab = context.waitForEvent('page');
  await next.click();
  await expect(narration.getByRole('heading', { name: 'The app builds the authorization URL' })).toBeVisible();
  await expect(narration).toContainText('Why PKCE');
  const tab = await consentTab;

  await next.click();
  await expect(narration.getByRole('heading', { name: 'The consent page opens' })).toBeVisible();
  await expect(narration.getByRole('link', { name: 'Open the consent page' })).toHaveAttribute('href', /\/oauth\/authorize\?/);
  await next.click();
  await expect(narration).toContainText('Waiting for the approval in the consent tab');
  await expect(next).toBeDisabled();
  await saveScreenshot(page, testInfo, 'demo authorization code waiting for approval');

  await tab.getByRole('button', { name: 'Sign in' }).click();
  await tab.getByRole('button', { name: 'Approve' }).click();
  await expect(narration).toContainText('The Lab checked that the state is the one it sent');
  await next.click();
  await expect(narration.getByRole('heading', { name: 'The code is exchanged' })).toBeVisible();
  await next.click();
  await expect(narration.getByRole('heading', { name: 'The token arrives' })).toBeVisible();
  await expect(dialog.getByRole('img', { name: /^Sequence diagram of the authorization code flow/ })).toHaveAccessibleName(/6 of 8 messages so far/);
  await saveScreenshot(page, testInfo, 'demo authorization code token');
  await next.click();
  await expect(narration.getByRole('list', { name: 'What the token holds' })).toContainText('sub: Subject: the Totango user who signed in and consented');
  expect(lab.errors).toEqual([]);
});
