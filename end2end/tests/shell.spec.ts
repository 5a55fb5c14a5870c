import { expect, test } from "@playwright/test";
import { open } from "./helpers";

test("switching to Swahili persists across pages and reloads", async ({ page }) => {
  await open(page, "/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shop from sellers across Kenya");
  await page.getByRole("button", { name: "Kiswahili" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nunua kutoka kwa wauzaji kote Kenya");
  await expect(page.locator("html")).toHaveAttribute("lang", "sw");

  await open(page, "/login");
  await expect(page.getByRole("heading", { name: "Karibu tena" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Barua pepe")).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
});

test("unknown pages get a 404 page with a way home", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the header search is a plain form that lands on the search page", async ({ page }) => {
  await open(page, "/");
  await page.getByLabel("Search", { exact: true }).fill("unga ya ngano");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=unga(\+|%20)ya(\+|%20)ngano/);
  await expect(page.getByTestId("search-query")).toHaveText("unga ya ngano");
});

test("the site is installable: manifest, icons and service worker are served", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.ok()).toBeTruthy();
  const body = await manifest.json();
  expect(body.display).toBe("standalone");
  for (const icon of body.icons) {
    expect((await request.get(icon.src)).ok(), icon.src).toBeTruthy();
  }
  expect((await request.get("/sw.js")).ok()).toBeTruthy();
  expect((await request.get("/offline.html")).ok()).toBeTruthy();
});

test("offline, the service worker serves pages already seen and the offline page", async ({ page, context }) => {
  test.skip(test.info().project.use.javaScriptEnabled === false, "service workers need JavaScript");
  await open(page, "/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // the worker controls pages loaded after it activated
  await open(page, "/cart");
  await open(page, "/search?q=chai");
  await context.setOffline(true);
  await page.goto("/search?q=chai");
  await expect(page.getByTestId("search-query")).toHaveText("chai");
  await page.goto("/never-visited");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await context.setOffline(false);
});
