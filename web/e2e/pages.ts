// What the browser tests do with pages: open one in a browser of its own or one already signed in,
// take a screenshot of it, pick an option of an antd Select the way a person would.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { launchChromium } from "./browser.ts";
import { type ApiSession, watchProblems } from "./session.ts";

/** What the runner (run.ts) gives each browser test. */
export interface BrowserTestOptions {
  baseUrl: string;
  /** Folder for the screenshots; none when null. */
  screenshots: string | null;
  log?: (line: string) => void;
}

/** Runs `run` on a fresh page of its own browser, signed out, and fails when the page logged an error. */
export async function withPage<T>(
  viewport: { width: number; height: number },
  run: (page: Page) => Promise<T>,
): Promise<T> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport, locale: "zh-CN" });
    const problems = watchProblems(page);
    const result = await run(page);
    assert.deepEqual(problems, [], "the page logged no errors");
    return result;
  } finally {
    await browser.close();
  }
}

/** A signed-out page of a 390×844 phone (touch, the mobile viewport). */
export function phonePage(browser: Browser): Promise<Page> {
  return browser.newPage({ viewport: { width: 390, height: 844 }, locale: "zh-CN", isMobile: true });
}

/**
 * A page signed in with an API session's cookies (a desktop window unless the options say
 * otherwise): no second sign-in through /login, which keeps a run under the sign-in rate limit
 * (20 a minute from one address).
 */
export async function pageAs(
  browser: Browser,
  baseUrl: string,
  session: ApiSession,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
    ...options,
  });
  await context.addCookies(
    session.cookie.split("; ").map((pair) => {
      const eq = pair.indexOf("=");
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: baseUrl };
    }),
  );
  return context.newPage();
}

/**
 * Latin words a Chinese screen may show: the product's name, the language switch (EN), file formats
 * and products named as such, and units written as symbols. Data is not wording and is left out before
 * the check: text in monospace (user names, one-time passwords, codes), identifiers with separators
 * (rpt-rsj, nankai-2020.txt, e2e-…) and the Latin words of the plan's own text (水厂南BC地块, 津ICP备).
 */
const LATIN_ALLOWED =
  /^(?:PlanTrack|EN|English|Excel|PDF|Word|CSV|OFD|WPS|HTML|DOCX?|XLSX?|TXT|MB|KB|km|kWh|kW|TEU|SM3|HMAC)$/i;

const PLAN_TEXT_WORDS = ((): Set<string> => {
  for (const path of ["../shared/corpus/dev/nankai-2020.txt", "examples/nankai-2020.txt"]) {
    if (existsSync(path)) return new Set(readFileSync(path, "utf8").match(/[A-Za-z]{2,}/g) ?? []);
  }
  return new Set();
})();

/** Every Chinese screen a browser test shows, with the Latin words it held (none, or the run fails). */
export const ENGLISH_ON_CHINESE_SCREENS = new Map<string, string[]>();

/** Records the Latin words of a zh-CN page's visible text (run.ts fails the run on any). */
export async function checkOneLanguage(page: Page, name: string): Promise<void> {
  const { lang, text } = await page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(".mono, code, kbd, pre, script, style, svg")) continue;
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      parts.push(node.textContent ?? "");
    }
    return { lang: document.documentElement.lang, text: parts.join(" ") };
  });
  if (lang !== "zh-CN") return;
  const words = new Set(
    text.replace(/[A-Za-z0-9]+(?:[-_.@/:][A-Za-z0-9]+)+/g, " ").match(/[A-Za-z][A-Za-z0-9]+/g) ?? [],
  );
  // A token with digits in it (a test's stamp such as mx7h1tba, a code) is data, not a word.
  const found = [...words].filter((w) => !/\d/.test(w) && !LATIN_ALLOWED.test(w) && !PLAN_TEXT_WORDS.has(w));
  if (found.length > 0) ENGLISH_ON_CHINESE_SCREENS.set(name, found);
}

/**
 * Writes `name` into the screenshot folder (nothing when there is none). Drawers and popovers are
 * let finish opening first; endless animations, like a spinner, are not waited for.
 */
export async function shot(
  page: Page,
  dir: string | null,
  name: string,
  log: (l: string) => void,
  { fullPage = false }: { fullPage?: boolean } = {},
) {
  await checkOneLanguage(page, name);
  if (!dir) return;
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const path = `${dir}/${name}`;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage });
  log(`screenshot: ${path}`);
}

/** Picks an option of an antd Select (found by its label) by typing its words and pressing Enter. */
export async function choose(page: Page, label: string, words: string) {
  await page.getByRole("combobox", { name: label, exact: true }).click();
  await page.keyboard.type(words);
  // The newest dropdown is the last in the page; an earlier one may still be closing.
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option-active").last().waitFor();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.locator(".ant-select-dropdown:visible").first().waitFor({ state: "hidden" });
}
