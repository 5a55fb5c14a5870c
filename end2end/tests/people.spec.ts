import { expect, test } from "@playwright/test";
import { logInAs, open, register, uniqueUser } from "./helpers";

// The admin's people page: a suspended shopper is logged out at once, and the suspension is in
// the audit log. Plain forms, so it runs hydrated and without JavaScript.

test("an admin suspends a shopper, who is logged out at once, and finds it in the audit log", async ({ page, browser }, info) => {
  const user = uniqueUser(info);
  await register(page, user);

  const admin = await logInAs(browser, "admin@sokoni.test", "/admin");
  await open(admin, `/admin/people?q=${encodeURIComponent(user.email)}`);
  const row = admin.getByTestId("person").filter({ hasText: user.email });
  await expect(row).toHaveCount(1);
  await row.getByLabel("Reason").fill("Reported for fraud");
  await row.getByRole("button", { name: "Suspend" }).click();
  await expect(admin.getByTestId("person").filter({ hasText: user.email }).getByTestId("person-status")).toHaveText("suspended");

  await open(page, "/account");
  await expect(page).toHaveURL(/\/login/);

  // The person's own page says so too.
  await open(admin, `/admin/people?q=${encodeURIComponent(user.email)}`);
  await admin.getByTestId("person").filter({ hasText: user.email }).getByRole("link", { name: user.name }).click();
  await expect(admin.getByTestId("person-summary")).toContainText(user.email);
  await expect(admin.getByTestId("person-status")).toHaveText("suspended");

  await open(admin, `/admin/audit?q=${encodeURIComponent(user.email)}`);
  const log = admin.getByTestId("audit-log");
  await expect(log.getByText("user.suspended")).toHaveCount(1);
  await expect(log).toContainText("Reported for fraud");
});
