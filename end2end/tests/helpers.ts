import { expect, test, type Page, type TestInfo } from "@playwright/test";

/** Opens a page and, when JavaScript is on, waits until the WASM has hydrated it. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  if (await jsEnabled(page)) {
    await expect(page.locator("body[data-hydrated]")).toBeAttached();
  }
}

/** Whether this project runs with JavaScript (and so hydration) on. */
export async function jsEnabled(_page: Page): Promise<boolean> {
  return test.info().project.use.javaScriptEnabled !== false;
}

/** A fresh identity per test, so tests never share accounts. */
export function uniqueUser(info: TestInfo) {
  const id = `${info.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    name: `Wanjiku Test ${id.slice(-6)}`,
    email: `e2e-${id}@sokoni.test`,
    password: `pass-${id}-long`,
  };
}

export async function register(page: Page, user: { name: string; email: string; password: string }) {
  await open(page, "/register");
  await page.getByLabel("Full name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account/);
}
