import { expect, test } from "@playwright/test";
import { addFirstResults, fillAddress, logInAs, open, ownerEmail, register, uniqueUser } from "./helpers";

// A shop owner sets a delivery fee and creates a coupon; a shopper buys from that shop with
// the shop's delivery and the coupon, and the order shows the discount and the fee.

test("a shop's delivery fee and coupon apply to its own part of an order", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const js = test.info().project.use.javaScriptEnabled !== false;
  // Each project works with its own seeded shop.
  const owner = await logInAs(browser, ownerEmail(js ? 1 : 2), "/seller/promotions");
  await owner.getByLabel(/^Delivery fee/).fill("200");
  await owner.getByRole("button", { name: "Save delivery terms" }).click();
  await expect(owner.getByLabel(/^Delivery fee/)).toHaveValue(/^200(\.00)?$/);
  await open(owner, "/seller/promotions");
  await expect(owner.getByLabel(/^Delivery fee/)).toHaveValue("200.00");
  const code = `E2E${Date.now().toString(36).toUpperCase()}`;
  await owner.getByLabel("Code", { exact: true }).fill(code);
  await owner.getByRole("combobox", { name: "Kind" }).selectOption("percent");
  await owner.getByLabel("Value", { exact: true }).fill("10");
  await owner.getByRole("button", { name: "Create coupon" }).click();
  await expect(owner.getByTestId("coupons")).toContainText(code);
  await open(owner, "/sell");
  const slug = await owner.getByLabel("Shop address").inputValue();

  await register(page, uniqueUser(test.info()));
  await addFirstResults(page, [`/store/${slug}?in_stock=1`]);
  await open(page, "/checkout");
  await fillAddress(page, "0712 345 678");
  await page.getByLabel(/^Delivery by the shop/).check();
  await page.getByLabel("Coupon code (optional)").fill(code.toLowerCase());
  await page.getByLabel("Cash on delivery").check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}$/);
  const money = page.getByTestId("part-money");
  await expect(money).toContainText("Delivery by the shop");
  await expect(money).toContainText("200.00");
  await expect(money).toContainText(`Discount ${code}`);
  await owner.context().close();
});
