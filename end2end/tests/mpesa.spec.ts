import { expect, test, type Page } from "@playwright/test";
import { addFirstResults, fillAddress, jsEnabled, logInAs, open, ownerEmail, register, uniqueUser } from "./helpers";

// M-Pesa through the Daraja simulator the server starts: the simulator answers a prompt to a
// phone ending 032 with "cancelled by the payer" and anything else (here 123) with a payment,
// about two seconds later, by calling our callback URL.

/** Waits for the payment panel to reach `status`: hydrated, the page follows by itself;
 * without JavaScript, the shopper reloads (the page also refreshes itself while pending). */
async function paymentBecomes(page: Page, status: string) {
  const panel = page.getByTestId("payment-panel");
  if (await jsEnabled(page)) {
    await expect(panel).toHaveAttribute("data-status", status, { timeout: 20_000 });
  } else {
    await expect
      .poll(
        async () => {
          // The pending page refreshes itself (a noscript meta refresh); a reload that
          // collides with it is simply tried again on the next poll.
          try {
            await page.reload();
            return await panel.getAttribute("data-status");
          } catch {
            return null;
          }
        },
        { timeout: 20_000, intervals: [1_000] },
      )
      .toBe(status);
  }
}

test("a shopper pays two shops with M-Pesa after a cancelled prompt, and both shops fulfil", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const user = uniqueUser(test.info());
  await register(page, user);
  await addFirstResults(page, ["unga", "sufuria"]);
  await open(page, "/checkout");
  await fillAddress(page, "0712 000 032");
  await expect(page.getByLabel(/^M-Pesa/)).toBeChecked();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("payment-message")).toContainText(/Check your phone|did not go through/);

  // The payer cancels the prompt; the order waits, and the shopper tries again.
  await paymentBecomes(page, "failed");
  await expect(page.getByTestId("payment-message")).toHaveText("The payment did not go through");
  await page.getByLabel("M-Pesa phone").fill("0712 000 123");
  await page.getByRole("button", { name: "Send the M-Pesa prompt" }).click();
  await paymentBecomes(page, "paid");
  await expect(page.getByTestId("payment-message")).toHaveText("Payment received — thank you");
  const parts = page.getByTestId("order-part");
  await expect(parts).toHaveCount(2);
  await expect(page.getByTestId("part-status")).toHaveText(["Waiting for the shop", "Waiting for the shop"]);

  // Each shop accepts and ships its own part.
  const slugs = await parts.locator("h2 a").evaluateAll((links) =>
    links.map((a) => (a.getAttribute("href") ?? "").replace("/store/", "")),
  );
  for (const slug of slugs) {
    const shop = await logInAs(browser, ownerEmail(slug.split("-").pop() ?? ""), "/seller/orders");
    const mine = shop.getByTestId("shop-order").filter({ hasText: user.name });
    await expect(mine).toHaveCount(1);
    // The shop's reliability record, with the rule behind its grade.
    await expect(shop.getByTestId("reliability-grade")).not.toBeEmpty();
    await expect(shop.getByTestId("reliability")).toContainText("How the grade is worked out");
    await mine.getByRole("button", { name: "Accept" }).click();
    await expect(shop.getByTestId("shop-order").filter({ hasText: user.name }).getByTestId("shop-order-status")).toHaveText("Accepted by the shop");
    const accepted = shop.getByTestId("shop-order").filter({ hasText: user.name });
    await accepted.locator("input[name=note]").fill("G4S parcel KE-1234");
    await accepted.getByRole("button", { name: "Mark shipped" }).click();
    await expect(shop.getByTestId("shop-order").filter({ hasText: user.name }).getByTestId("shop-order-status")).toHaveText("Shipped");
    await shop.context().close();
  }
  await open(page, page.url().replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByTestId("part-status")).toHaveText(["Shipped", "Shipped"]);
  // The carrier note the shop gave is on the shopper's timeline.
  await expect(page.getByTestId("order-part").first()).toContainText("G4S parcel KE-1234");
  await expect(parts.first().getByRole("list", { name: "Timeline" })).toContainText("Accepted by the shop");
  await expect(parts.first().getByRole("list", { name: "Timeline" })).toContainText("Shipped");
});
