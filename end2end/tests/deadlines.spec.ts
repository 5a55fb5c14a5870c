import { expect, test } from "@playwright/test";
import { addFirstResults, ageOrder, checkoutPaid, open, register, uniqueUser } from "./helpers";

// Buyer protection: a shopper pays by M-Pesa, the shop does nothing, and once the acceptance
// deadline (24 hours) has passed the jobs cancel the part and refund it; the shopper sees the
// refund and the reason on the order. The suite moves the order's clock back a day rather
// than wait (the jobs run every 30 seconds).

test("a paid part the shop never accepts is cancelled and refunded after the deadline", async ({ page }) => {
  test.setTimeout(120_000);
  const user = uniqueUser(test.info());
  await register(page, user);
  await addFirstResults(page, ["unga"]);
  const orderPath = await checkoutPaid(page);
  await expect(page.getByTestId("part-status")).toHaveText("Waiting for the shop");

  ageOrder(orderPath, 25);
  await expect
    .poll(
      async () => {
        await open(page, orderPath);
        return page.getByTestId("part-status").textContent();
      },
      { timeout: 75_000, intervals: [3_000] },
    )
    .toBe("Refunded");
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("not accepted within 24 hours");
});
