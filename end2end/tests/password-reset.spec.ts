import { expect, test } from "@playwright/test";
import { mailedLink, open, register, uniqueUser } from "./helpers";

// A shopper who forgot their password sets a new one from the e-mailed link, read from the
// development mailbox the test server writes (.eml files; the mail job sends every 30 s).

test("a shopper sets a forgotten password from the mailed link", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const user = uniqueUser(info);
  const js = info.project.use.javaScriptEnabled !== false;
  const first = await browser.newContext({ javaScriptEnabled: js });
  await register(await first.newPage(), user);

  const context = await browser.newContext({ javaScriptEnabled: js });
  const page = await context.newPage();
  await open(page, "/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("reset-sent")).toBeVisible();

  const link = await mailedLink(user.email, /https?:\/\/\S+\/reset-password\?token=[0-9a-f]{64}/);
  await page.goto(new URL(link).pathname + new URL(link).search);
  const fresh = `${user.password}-renewed`;
  await page.getByLabel("New password").fill(fresh);
  await page.getByRole("button", { name: "Set a new password" }).click();
  await expect(page.getByTestId("password-was-reset")).toBeVisible();

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(fresh);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/account/);

  // The session registered before the reset is over.
  const before = await first.pages()[0];
  await open(before, "/account");
  await expect(before).toHaveURL(/\/login/);
});
