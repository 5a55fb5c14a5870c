import { expect, test } from "@playwright/test";
import { addFirstResults, checkoutPaid, logInAs, open, PNG, register, shopTakes, uniqueUser } from "./helpers";

// Buyer protection: a shopper who paid by M-Pesa disputes a shipped part ("not received") with
// a photo; the shop answers; the shopper asks Sokoni to decide; an admin refunds part of it
// from the inbox; both sides then read the outcome, and the shopper's timeline says it.

test("a disputed part goes from the shopper's claim to an admin's partial refund", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const user = uniqueUser(test.info());
  await register(page, user);
  await addFirstResults(page, ["sufuria"]);
  const orderPath = await checkoutPaid(page);
  // Nothing to dispute before the shop has sent it.
  await expect(page.getByTestId("dispute-form")).toHaveCount(0);
  const shop = await shopTakes(browser, page, user.name, ["Accept", "Mark shipped"]);
  const mine = () => shop.getByTestId("shop-order").filter({ hasText: user.name });

  // The shopper's claim, with a photo.
  await open(page, orderPath);
  const form = page.getByTestId("dispute-form");
  await form.getByText("Problem with this part?").click();
  await form.getByLabel("What went wrong").selectOption({ label: "Not received" });
  await form.getByLabel(/^Tell us what happened/).fill("Nothing has arrived a week after it was shipped.");
  await form.getByLabel(/^Photos/).setInputFiles({ name: "gate.png", mimeType: "image/png", buffer: PNG });
  await form.getByRole("button", { name: "Open the dispute" }).click();
  await expect(page).toHaveURL(/saved=dispute/);
  const dispute = page.getByTestId("dispute");
  await expect(dispute.getByTestId("dispute-status")).toHaveText("waiting for the shop's answer");
  await expect(dispute.getByRole("img")).toHaveCount(1);
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("dispute opened: not received");

  // The shop answers.
  await open(shop, "/seller/orders");
  await expect(mine().getByTestId("dispute")).toContainText("Nothing has arrived");
  await mine().getByLabel("Your answer to the shopper").fill("Handed to G4S on Monday; tracking KE-77.");
  await mine().getByRole("button", { name: "Send the answer" }).click();
  await expect(mine().getByTestId("dispute-status")).toHaveText("the shop answered");

  // The shopper disagrees and asks Sokoni to decide.
  await open(page, orderPath);
  await expect(dispute.getByTestId("shop-answer")).toHaveText("Handed to G4S on Monday; tracking KE-77.");
  await dispute.getByRole("button", { name: "Ask Sokoni to decide" }).click();
  await expect(page.getByTestId("dispute-status")).toHaveText("with Sokoni's team");

  // An admin refunds part of it from the inbox.
  const admin = await logInAs(browser, "admin@sokoni.test", "/admin/inbox");
  await open(admin, "/admin/inbox?kind=dispute");
  const item = admin.getByTestId("inbox-item").filter({ hasText: user.name });
  await expect(item.getByTestId("dispute")).toContainText("tracking KE-77");
  await item.getByLabel("Partial refund").check();
  await item.getByLabel("Amount to refund (partial)").fill("100");
  await item.getByLabel(/^Reasons/).fill("The carrier lost one of two boxes.");
  await item.getByRole("button", { name: "Decide" }).click();
  await expect(admin.getByTestId("inbox-item").filter({ hasText: user.name })).toHaveCount(0);

  // Both sides read the outcome; the shopper's timeline records it.
  await open(page, orderPath);
  await expect(page.getByTestId("dispute-outcome")).toContainText("partial refund of KSh 100.00");
  await expect(page.getByTestId("dispute")).toContainText("The carrier lost one of two boxes.");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("Sokoni decided: partial refund of 100");
  await open(shop, "/seller/orders");
  await expect(mine().getByTestId("dispute-outcome")).toContainText("partial refund of KSh 100.00");
  await shop.context().close();
  await admin.context().close();
});
