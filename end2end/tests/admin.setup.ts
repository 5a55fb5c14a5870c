import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE, secondStep } from "./helpers";

// The seeded admin logs in once (password, then a code from its two-step secret) and the
// journeys reuse that session: a code works once per account, so parallel journeys logging in
// as the same admin would otherwise queue for new codes every 30 seconds.
setup("the seeded admin logs in with two steps", async ({ page }) => {
  const password = process.env.SOKONI_E2E_ADMIN_PASSWORD;
  const secret = process.env.SOKONI_E2E_ADMIN_TOTP;
  expect(password && secret, "SOKONI_E2E_ADMIN_PASSWORD and SOKONI_E2E_ADMIN_TOTP are set by .ci/test").toBeTruthy();
  await page.goto("/login?next=/admin");
  await page.getByLabel("Email").fill("admin@sokoni.test");
  await page.getByLabel("Password").fill(password ?? "");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await secondStep(page, secret ?? "");
  await expect(page).toHaveURL(/\/admin$/);
  await page.context().storageState({ path: ADMIN_STATE });
});
