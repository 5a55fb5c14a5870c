import { expect, test } from "@playwright/test";
import { logInAs, open, ownerEmail, register, uniqueUser } from "./helpers";

// A shop owner invites someone by email; they join only when they accept on their account
// page, and may leave again. Works with and without JavaScript (plain form posts).
test("an invited person joins a shop only by accepting, and can leave it", async ({ page, browser }, info) => {
  const staffer = uniqueUser(info);
  await register(page, staffer);

  // Shop 7's owner invites them (the project number keeps the two projects' shops apart).
  const owner = await logInAs(browser, ownerEmail(info.project.name === "no-js" ? 8 : 7), "/seller/staff");
  await owner.getByLabel("Email").fill(staffer.email);
  await owner.getByLabel("Role").selectOption("inventory");
  await owner.getByRole("button", { name: "Invite a staff member" }).click();
  await expect(owner.getByRole("status")).toContainText("Invitation sent");
  await open(owner, "/seller/staff");
  await expect(owner.getByTestId("invitations")).toContainText(staffer.email);
  await expect(owner.getByTestId("staff")).not.toContainText(staffer.email);

  // Not a member until they say yes.
  await open(page, "/account");
  const invitations = page.getByTestId("invitations");
  await expect(invitations).toBeVisible();
  await invitations.getByRole("button", { name: "Accept" }).click();
  await page.waitForURL((url) => url.pathname === "/seller");
  await open(owner, "/seller/staff");
  await expect(owner.getByTestId("staff")).toContainText(staffer.email);

  // They leave from their account page.
  await open(page, "/account");
  await expect(page.getByTestId("my-shop")).toBeVisible();
  await page.getByRole("button", { name: "Leave this shop" }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  await open(page, "/account");
  await expect(page.getByTestId("my-shop")).toHaveCount(0);
  await open(owner, "/seller/staff");
  await expect(owner.getByTestId("staff")).not.toContainText(staffer.email);
  await owner.context().close();
});
