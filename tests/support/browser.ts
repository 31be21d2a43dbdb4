// The browser the e2e tests launch: Debian's Chromium (playwright-core downloads none).
export const CHROMIUM = '/usr/bin/chromium';
