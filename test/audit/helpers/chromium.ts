// Headless Debian Chromium through playwright-core, with every request that is not the page's
// own file recorded (audit.html must not touch the network).
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is not installed (apt-get install chromium); this test needs it`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function openPage(browser: Browser, file: string): Promise<{ page: Page; errors: string[]; foreignRequests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const url = pathToFileURL(file).href;
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('request', (r) => {
    if (r.url() !== url) foreignRequests.push(r.url());
  });
  await page.goto(url);
  await page.waitForSelector('body[data-rendered="true"]', { timeout: 20_000 });
  return { page, errors, foreignRequests };
}
