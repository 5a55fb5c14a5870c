import { expect, test, type Page } from "@playwright/test";
import { logInAs, open, ownerEmail } from "./helpers";

// What needs the browser is an island; everything else is server-rendered HTML. These journeys
// use each island after a direct load and after arriving from another page, and check what
// each kind of page downloads. They need JavaScript, so the no-JS project skips them.
test.beforeEach(() => {
  test.skip(test.info().project.use.javaScriptEnabled === false, "islands need JavaScript");
});

/** Marks the window, so a later check can tell whether the page was reloaded meanwhile. */
async function markWindow(page: Page) {
  await page.evaluate(() => ((window as unknown as { __sokoni: number }).__sokoni = 1));
}
async function stillSameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __sokoni?: number }).__sokoni === 1);
}

test("after a direct load, the buy box adds to the cart without a page load and the count follows", async ({ page }) => {
  await open(page, "/search?q=samsung&in_stock=1");
  const href = await page.getByTestId("results").getByRole("listitem").first().getByRole("link").first().getAttribute("href");
  await open(page, href ?? "/");
  await markWindow(page);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("2");
  expect(await stillSameWindow(page), "no page load").toBe(true);
});

test("arriving from another page, the buy box still works in place", async ({ page }) => {
  await open(page, "/search?q=sufuria&in_stock=1");
  await page.getByTestId("results").getByRole("listitem").first().getByRole("heading").click();
  await expect(page.locator("body[data-hydrated]")).toBeAttached();
  await markWindow(page);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  expect(await stillSameWindow(page), "no page load").toBe(true);
});

test("the header search suggests words while typing", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("combobox", { name: "Search" }).pressSequentially("sams");
  await expect(page.locator("#search-suggestions option").first()).toHaveAttribute("value", /^sams/);
});

test("near me asks for the position and shows what is close", async ({ browser }) => {
  const context = await browser.newContext({
    geolocation: { latitude: -1.2864, longitude: 36.8172 },
    permissions: ["geolocation"],
  });
  const page = await context.newPage();
  await open(page, "/");
  await page.getByRole("button", { name: "Show popular items near me" }).click();
  await expect(page).toHaveURL(/lat=-1\.2864&lng=36\.8172/);
  await context.close();
});

/** The JS and WASM files a page fetches (service worker and its registration aside). */
async function scriptsOf(page: Page, path: string): Promise<string[]> {
  const fetched: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (/\.(js|wasm)$/.test(url.pathname) && !/(sw|register-sw)\.js$/.test(url.pathname)) fetched.push(url.pathname);
  });
  await open(page, path);
  await page.waitForLoadState("networkidle");
  return fetched.sort();
}

test("shopper pages load the one islands bundle; seller and admin pages load no script", async ({ page, browser }) => {
  const bundle = await scriptsOf(page, "/");
  expect(bundle).toHaveLength(2);
  const js = bundle.find((f) => f.endsWith(".js")) ?? "";
  expect(js).toMatch(/^\/pkg\/sokoni\.[\w-]+\.js$/);
  expect(bundle.find((f) => f.endsWith(".wasm"))).toMatch(/^\/pkg\/sokoni\.[\w-]+\.wasm$/);
  // Named by content, so browsers may keep them for good.
  const answer = await page.request.get(js);
  expect(answer.ok()).toBe(true);
  expect(answer.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const seller = await logInAs(browser, ownerEmail(1), "/seller");
  expect(await scriptsOf(seller, "/seller/orders")).toEqual([]);
  await expect(seller.locator("body[data-islands]")).toHaveCount(0);
  await seller.context().close();
});
