import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const ARTIFACTS = resolve(import.meta.dirname, "../../artifacts/screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/** A fresh page (fresh storage) that fails the test on any script error. */
export async function openPage(
  browser: Browser,
  viewport = DESKTOP,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return { page, errors };
}

/** The WCAG 2.2 AA violations axe-core finds on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // @ts-expect-error axe is the global the script above defines
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    }),
  );
  const { violations, passes } = result as {
    violations: { id: string; nodes: { target: string[] }[] }[];
    passes: unknown[];
  };
  if (passes.length === 0) throw new Error("axe checked nothing: the page is empty");
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login page, as a person would. */
export async function signInPage(
  page: Page,
  baseUrl: string,
  user: { username: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Tên đăng nhập").fill(user.username);
  await page.getByLabel("Mật khẩu").fill(user.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // On a phone the name is in the folded menu: present, not visible.
  await page.locator(".user-name").waitFor({ state: "attached" });
}

/** A desktop page already signed in as `user`. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  user: { username: string; password: string },
): Promise<Page> {
  const { page } = await openPage(browser, DESKTOP);
  await signInPage(page, baseUrl, user);
  return page;
}
