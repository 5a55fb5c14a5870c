import { expect, test, type Browser, type Page } from "@playwright/test";
import { jsEnabled, open, register, uniqueUser } from "./helpers";

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
          await page.reload();
          return panel.getAttribute("data-status");
        },
        { timeout: 20_000, intervals: [1_000] },
      )
      .toBe(status);
  }
}

/** The seeded owner of a shop: shop slugs end in the vendor number, owners are vendorNNN. */
async function ownerOf(browser: Browser, slug: string): Promise<Page> {
  const n = slug.split("-").pop() ?? "";
  const email = `vendor${n.padStart(3, "0")}@sokoni.test`;
  const context = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false });
  const page = await context.newPage();
  await open(page, "/login?next=/seller/orders");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(process.env.SOKONI_E2E_ADMIN_PASSWORD ?? "");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname === "/seller/orders");
  return page;
}

test("a shopper pays two shops with M-Pesa after a cancelled prompt, and both shops fulfil", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const user = uniqueUser(test.info());
  await register(page, user);
  for (const q of ["unga", "sufuria"]) {
    await open(page, `/search?q=${q}&in_stock=1`);
    await page.getByTestId("results").getByRole("listitem").first().getByRole("heading").click();
    await expect(page.getByTestId("product-title")).toBeVisible();
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByTestId("added-to-cart")).toBeVisible();
  }
  await open(page, "/checkout");
  await page.getByLabel("County").fill("Nairobi");
  await page.getByLabel("Town").fill("Kilimani");
  await page.getByLabel("Street, building and house").fill("Argwings Kodhek Rd, Hse 4");
  await page.getByLabel("Phone", { exact: true }).fill("0712 000 032");
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
    const shop = await ownerOf(browser, slug);
    const mine = shop.getByTestId("shop-order").filter({ hasText: user.name });
    await expect(mine).toHaveCount(1);
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
  await expect(parts.first().getByRole("list", { name: "Timeline" })).toContainText("Accepted by the shop");
  await expect(parts.first().getByRole("list", { name: "Timeline" })).toContainText("Shipped");
});
