// Real Chromium for the browser tests: found or refused in one line, axe-core on each page, the
// page's own errors (CSP refusals, script errors, dialogs) collected, screenshots for review.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

/** Where screenshots go (ignored by git): one PNG per page state, overwritten each run. */
export const SCREENSHOT_DIR = 'test-results/screenshots';

/** CHROMIUM_PATH, else Debian's chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Launches Chromium headless; a missing one fails with how to install it, never a skip. */
export async function launchChromium(executablePath = chromiumPath()): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `browser tests: no Chromium at ${executablePath}: install it (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  // --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

/**
 * What the page itself reported: console errors (a CSP refusal is one), uncaught errors, and any
 * dialog (an escaped `<script>alert(1)</script>` must never open one).
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/** axe-core's serious and critical violations on the page as it is, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // axe-core itself rather than @axe-core/playwright: its builder injects axe twice per check
  // (the page, then a blank page to merge the frames' results), 1 s a page here against 0.3 s.
  // Playwright's evaluate runs outside the page's CSP, which stays on.
  await page.evaluate(axe.source);
  const results = await page.evaluate(
    (options) =>
      (globalThis as unknown as { axe: typeof axe }).axe.run(
        (globalThis as unknown as { document: axe.ElementContext }).document,
        options,
      ),
    { resultTypes: ['violations'] } satisfies axe.RunOptions,
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.impact} ${violation.id} at ${node.target.join(' ')}: ${violation.help}`,
      ),
    );
}

/** A full-page PNG under SCREENSHOT_DIR. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** What computedStyle uses of the page's window (the tests' TypeScript has no DOM types). */
interface PageWindow {
  getComputedStyle(node: unknown): { getPropertyValue(name: string): string };
}

/** The computed value of a CSS property of the first element `locator` finds. */
export function computedStyle(locator: Locator, property: string): Promise<string> {
  return locator.evaluate(
    (node, name) =>
      (globalThis as unknown as PageWindow).getComputedStyle(node).getPropertyValue(name),
    property,
  );
}
