import { expect, test } from "@playwright/test";
import { addFirstResults, fillAddress, hydrated, logInAs, open, register, uniqueUser } from "./helpers";

// The admin's order desk: a shopper's order is found by their email, its page shows the part,
// and the admin refunds the item with a reason. Plain forms, so it runs hydrated and without
// JavaScript.
test("an admin finds a shopper's order and refunds an item with a reason", async ({ page, browser }, info) => {
  test.setTimeout(60_000);
  const user = uniqueUser(info);
  await register(page, user);
  await addFirstResults(page, ["unga"]);
  await open(page, "/checkout");
  await hydrated(page);
  await fillAddress(page, "0712 345 678");
  await page.getByLabel("Cash on delivery").check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}$/);
  const orderId = new URL(page.url()).pathname.split("/").pop() ?? "";

  const admin = await logInAs(browser, "admin@sokoni.test", "/admin/orders");
  await open(admin, `/admin/orders?q=${encodeURIComponent(user.email)}`);
  const found = admin.getByTestId("orders-found").getByRole("row").filter({ hasText: user.email });
  await expect(found).toHaveCount(1);
  await found.getByRole("link").click();
  await expect(admin).toHaveURL(new RegExp(`/admin/orders/${orderId}`));
  await expect(admin.getByTestId("order-number")).toHaveText(orderId.replace(/-/g, "").slice(0, 8).toUpperCase());

  const item = admin.getByTestId("order-item").first();
  await item.getByLabel("Reason").fill("Shopper called: wrong size");
  await item.getByRole("button", { name: "Refund this item" }).click();
  await expect(admin.getByRole("status")).toContainText("The item was refunded.");
  await expect(admin.getByTestId("order-item").first().getByTestId("item-refunded")).toBeVisible();

  // The analytics page counts the week's orders and draws the week's sales.
  await open(admin, "/admin/analytics?days=7");
  await expect(admin.getByTestId("period")).toContainText("(UTC)");
  await expect(admin.getByRole("img", { name: /Sales per day/ })).toBeVisible();
  await admin.getByText("Data table").click();
  await expect(admin.getByTestId("daily-table").getByRole("row")).toHaveCount(8);
  const orders = admin.getByTestId("figure").filter({ hasText: "Orders" }).getByTestId("figure-value");
  expect(Number(await orders.textContent())).toBeGreaterThan(0);
});
