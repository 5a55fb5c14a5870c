import { expect, test } from "@playwright/test";
import { logInAs, open, ownerEmail, register, uniqueUser } from "./helpers";

// Saved items: a shopper saves a product with the heart; its shop lowers the price; the alert
// is in the shopper's notification list (and counted in the header until read), and the item
// is on the saved-items page.

test("a saved item's price drops and the alert appears in the notification list", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const user = uniqueUser(test.info());
  await register(page, user);
  await open(page, "/search?q=thinkpad");
  await page.getByTestId("results").getByRole("listitem").first().getByRole("heading").click();
  const title = (await page.getByTestId("product-title").textContent())?.trim() ?? "";
  const productPath = new URL(page.url()).pathname;
  await page.getByTestId("save-item").click();
  await expect(page.getByTestId("save-item")).toContainText("Saved");
  const store = (await page.getByTestId("vendor-card").getAttribute("href")) ?? "";
  // The result cards show the heart filled for it.
  await open(page, "/search?q=thinkpad");
  await expect(page.getByTestId("results").getByRole("listitem").first().getByTestId("card-heart")).toHaveAttribute("aria-pressed", "true");

  // The shop lowers the price.
  const shop = await logInAs(browser, ownerEmail(store.split("-").pop() ?? ""), "/seller");
  await shop.getByTestId("seller-listings").getByRole("link", { name: title, exact: true }).click();
  const price = shop.getByLabel("Price", { exact: true });
  const now = Number(await price.inputValue());
  await price.fill(String(Math.floor(now) - 100));
  await shop.locator("form").filter({ has: price }).getByRole("button", { name: "Save", exact: true }).click();
  await expect(shop).toHaveURL(/saved=1/);
  await shop.context().close();

  // The shopper is told.
  await open(page, productPath);
  await expect(page.getByTestId("account-menu")).toContainText(/\d/);
  await open(page, "/account/notifications");
  await expect(page.getByTestId("notification").filter({ hasText: `Price drop: ${title}` })).toHaveCount(1);
  await open(page, "/account/wishlist");
  await expect(page.getByTestId("wishlist")).toContainText(title);
});
