import { expect, test } from "@playwright/test";
import { addFirstResults, checkoutPaid, open, PNG, register, shopTakes, uniqueUser } from "./helpers";

// Reviews: a shopper reviews an item once it is delivered (stars, words, a photo) from the
// order page; the shop's page then shows the review under its rating, and the shop replies
// from its reviews page.

test("a shopper reviews a delivered item, the store page shows it and the shop replies", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const user = uniqueUser(test.info());
  await register(page, user);
  await addFirstResults(page, ["unga"]);
  const orderPath = await checkoutPaid(page);
  await expect(page.getByTestId("review-form")).toHaveCount(0);
  const storePath = (await page.getByTestId("order-part").locator("h2 a").getAttribute("href")) ?? "";
  const shop = await shopTakes(browser, page, user.name, ["Accept", "Mark shipped", "Mark delivered"]);

  const words = `Fresh and well packed, thanks (${user.name}).`;
  await open(page, orderPath);
  const form = page.getByTestId("review-form");
  await form.getByText("Review this item").click();
  await form.getByLabel("4★").check();
  await form.getByLabel("What did you think of it?").fill(words);
  await form.getByLabel(/^Photos/).setInputFiles({ name: "unga.png", mimeType: "image/png", buffer: PNG });
  await form.getByRole("button", { name: "Post the review" }).click();
  await expect(page).toHaveURL(/saved=review/);
  await expect(page.getByTestId("my-review")).toContainText("★★★★☆");
  await expect(page.getByTestId("review-form")).toHaveCount(0);

  await open(page, storePath);
  await expect(page.getByTestId("store-header").getByTestId("rating")).not.toHaveText("No reviews yet");
  const mine = page.getByTestId("review").filter({ hasText: words });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByRole("img")).toHaveCount(1);
  await expect(page.getByTestId("rating-distribution")).toBeVisible();

  // The shop answers it once, in public.
  await open(shop, "/seller/reviews");
  const theirs = shop.getByTestId("review").filter({ hasText: words });
  await theirs.getByLabel(/^Your public reply/).fill(`Asante ${user.name}!`);
  await theirs.getByRole("button", { name: "Post the reply" }).click();
  await expect(shop.getByTestId("review").filter({ hasText: words }).getByTestId("review-reply")).toContainText(`Asante ${user.name}!`);
  await open(page, storePath);
  await expect(page.getByTestId("review").filter({ hasText: words }).getByTestId("review-reply")).toContainText("Asante");
  await shop.context().close();
});
