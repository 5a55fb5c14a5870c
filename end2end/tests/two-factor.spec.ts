import { expect, test } from "@playwright/test";
import { enrolTwoFactor, logInAs, open, register, secondStep, uniqueUser } from "./helpers";

// Two-step login: an admin makes a new admin, whom the console sends to set up two-step login
// first (QR code and key, a code from the "app" computed here, recovery codes shown once, and replaced);
// logging in again then takes a code. Plain forms, so it runs hydrated and without JavaScript.

test("a new admin sets up two-step login before the console opens, then logs in with a code", async ({ page, browser }, info) => {
  const user = uniqueUser(info);
  await register(page, user);

  const admin = await logInAs(browser, "admin@sokoni.test", "/admin");
  await open(admin, `/admin/people?q=${encodeURIComponent(user.email)}`);
  const row = admin.getByTestId("person").filter({ hasText: user.email });
  await row.getByRole("button", { name: "Make admin" }).click();
  await expect(admin.getByTestId("person").filter({ hasText: user.email }).getByRole("button", { name: "Remove admin" })).toBeVisible();

  await open(page, "/admin");
  await expect(page).toHaveURL(/\/account\/two-factor\?required=1/);
  await expect(page.getByRole("alert")).toContainText("Your role needs two-step login");
  const secret = await enrolTwoFactor(page, user.email);

  // Lost recovery codes are replaced with a code (here one of them): ten new, the old gone.
  const first = ((await page.getByTestId("recovery-codes").getByRole("listitem").first().textContent()) ?? "").trim();
  const renew = page.getByTestId("new-recovery-codes");
  await renew.getByLabel("Code from the app, or a recovery code").fill(first);
  await renew.getByRole("button", { name: "Make new recovery codes" }).click();
  await expect(page).toHaveURL(/codes=1/);
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await expect(page.getByTestId("recovery-codes")).not.toContainText(first);
  await expect(page.getByTestId("codes-left")).toHaveText("10");

  await open(page, "/admin");
  await expect(page).toHaveURL(/\/admin$/);

  await page.getByTestId("account-menu").click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await open(page, "/login?next=/admin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await secondStep(page, secret);
  await expect(page).toHaveURL(/\/admin$/);
});
