import { expect, test } from "@playwright/test";
import { open } from "./helpers";

// Runs against the small demo catalog that .ci/test seeds into the browser-test database.

test("a misspelt search still finds listings and says what it searched for", async ({ page }) => {
  await open(page, "/");
  await page.getByLabel("Search", { exact: true }).fill("samsng");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByTestId("corrections")).toContainText("samsng → samsung");
  const results = page.getByTestId("results").getByRole("listitem");
  await expect(results.first()).toContainText(/samsung/i);
});

test("facets and filters narrow the results", async ({ page }) => {
  await open(page, "/search?q=unga");
  const count = async () => Number((await page.getByTestId("result-count").innerText()).replace(/\D/g, ""));
  const all = await count();
  expect(all).toBeGreaterThan(0);

  await page.getByRole("link", { name: /Groceries/ }).click();
  await expect(page).toHaveURL(/category=groceries/);
  expect(await count()).toBeLessThanOrEqual(all);

  await page.getByLabel("Max price").fill("200");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/max_price=200/);
  const prices = await page.getByTestId("results").getByText(/^KSh /).allInnerTexts();
  for (const p of prices) expect(Number(p.replace(/[^\d.]/g, ""))).toBeLessThanOrEqual(200);
});

test("a bad filter value is explained, not ignored", async ({ page }) => {
  await open(page, "/search?q=unga&min_price=cheap");
  await expect(page.getByRole("alert")).toContainText("min_price");
  await expect(page.getByRole("alert")).toContainText("Enter a number.");
});

test("a shopper searches near a town and sorts by distance, without sharing a position", async ({ page }) => {
  await open(page, "/search?q=unga");
  const sort = page.getByLabel("Sort by");
  // Nearest is offered only once there is a place to be near.
  await expect(sort.locator("option", { hasText: "Nearest" })).toHaveCount(0);
  await page.getByTestId("near").selectOption("nairobi");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/near=nairobi/);
  await page.getByLabel("Sort by").selectOption("distance");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=distance/);
  const cards = page.getByTestId("results").getByRole("listitem");
  await expect(cards.first()).toContainText(/\d+\.\d km/);
  const km = (await cards.allInnerTexts()).map((t) => Number(t.match(/(\d+\.\d) km/)?.[1]));
  expect(km).toEqual([...km].sort((a, b) => a - b));
});

test("when no listing has every word, the listings with some of them go on to a next page", async ({ page }) => {
  // The demo catalog has Samsung phones and flour (Unga), never both in one listing.
  await open(page, "/search?q=samsung+unga");
  const some = page.getByText("No listing has every word; these match some of them.");
  await expect(some).toBeVisible();
  const listings = page.getByTestId("results").locator("h2").locator("xpath=..");
  const hrefs = async () => listings.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const first = await hrefs();
  expect(first.length).toBe(24);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/words=any/);
  await expect(page).toHaveURL(/after=/);
  await expect(some).toBeVisible();
  const second = await hrefs();
  expect(second.length).toBeGreaterThan(0);
  for (const href of second) expect(first).not.toContain(href);
});
