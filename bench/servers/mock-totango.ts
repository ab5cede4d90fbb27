/**
 * Subject under test: our mock Totango, on a fresh data directory, with one
 * client-credentials app registered through the admin API as a user would.
 */
import { startMockWithApp } from './mock-app';
import { serve } from './serve';

serve(async () => {
  const { mock, clientId, clientSecret, stop } = await startMockWithApp(['account:read', 'touchpoint:all']);
  return { ready: { tokenUrl: mock.urls.regions.us.token, clientId, clientSecret }, stop };
});
