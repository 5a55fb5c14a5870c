import { expect, test } from "@playwright/test";
import { addFirstResults, fillAddress, hydrated, open, register, uniqueUser } from "./helpers";

// Runs against the small demo catalog that .ci/test seeds into the browser-test database.

test("a shopper adds a product to the cart, changes the quantity and removes it", async ({ page }) => {
  // In stock only: the most relevant "samsung" listing may be sold out.
  await open(page, "/search?q=samsung&in_stock=1");
  const first = page.getByTestId("results").getByRole("listitem").first();
  await first.getByRole("heading").click();
  await expect(page.getByTestId("product-title")).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  await page.getByRole("link", { name: "View cart" }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await hydrated(page);
  const line = page.getByTestId("cart-line");
  await expect(line).toHaveCount(1);
  await line.getByLabel("Quantity").fill("3");
  await line.getByRole("button", { name: "Update" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("3");

  await page.getByTestId("cart-line").getByRole("button", { name: "Save for later" }).click();
  await expect(page.getByTestId("saved-for-later").getByTestId("cart-line")).toHaveCount(1);
  await page.getByTestId("saved-for-later").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
});

test("a shopper buys from two shops with cash on delivery and sees one order with two parts", async ({ page }) => {
  test.setTimeout(60_000);
  await register(page, uniqueUser(test.info()));
  // Two products from different shops, taken from the seeded catalog.
  await addFirstResults(page, ["unga", "sufuria"]);
  await open(page, "/cart");
  const shops = await page.getByTestId("cart-vendor").count();
  await page.getByRole("link", { name: "Go to checkout" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await hydrated(page);
  await expect(page.getByTestId("checkout-summary")).toContainText("VAT included");
  await fillAddress(page, "0712 345 678");
  await page.getByLabel("Cash on delivery").check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("order-part")).toHaveCount(shops);
  await expect(page.getByTestId("part-status").first()).toHaveText("Waiting for the shop");
  await expect(page.getByTestId("cart-count")).toHaveCount(0);
});
