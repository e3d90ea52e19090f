import type { AppConfig } from '@/lib/config';

export const TEST_API_BASE_URL = 'http://api.test';

export const testConfig: AppConfig = {
  apiBaseUrl: TEST_API_BASE_URL,
  oidc: {
    authority: 'http://api.test/api/v1/platform/oauth',
    clientId: 'scaikey-admin-console',
    scope: 'openid profile email offline_access',
  },
};
