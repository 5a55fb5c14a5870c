import { expect, test, type Browser, type Page } from "@playwright/test";
import { hydrated, logInAs, mailedLink, open, PNG, register, uniqueUser } from "./helpers";

// The seller's journey: apply, get verified, list a product with a photo and two variants,
// get it approved, and a shopper finds it with a misspelt search. Runs hydrated and without
// JavaScript: every step is a plain form.

const PDF = Buffer.from("%PDF-1.4\n% national id scan\n");

const ADMIN_EMAIL = "admin@sokoni.test";

function asAdmin(browser: Browser): Promise<Page> {
  return logInAs(browser, ADMIN_EMAIL, "/admin");
}

/** A random lowercase word, so each run's listing is the only one matching it. */
function word(): string {
  return Array.from({ length: 7 }, () => "bcdfghjkmnpqrstvwxz"[Math.floor(Math.random() * 19)]).join("");
}

/** Registers a seller, applies with a document, and has the admin verify the shop. */
async function verifiedShop(page: Page, browser: Browser, javaScriptEnabled: boolean) {
  const user = uniqueUser(test.info());
  const slug = `duka-${word()}`;
  const shopName = `Duka ${slug}`;
  await register(page, user);
  // Applying needs a confirmed address: the link from the registration's mail.
  await open(page, "/sell");
  await expect(page.getByTestId("email-not-confirmed")).toBeVisible();
  const link = await mailedLink(user.email, /https?:\/\/\S+\/verify-email\?token=[0-9a-f]{64}/);
  await open(page, new URL(link).pathname + new URL(link).search);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByTestId("email-confirmed")).toBeVisible();
  await open(page, "/sell");
  await expect(page.getByTestId("email-not-confirmed")).toHaveCount(0);
  await page.getByLabel("Business name").fill(shopName);
  await page.getByLabel("Shop address").fill(slug);
  await page.getByLabel("Phone").fill("0712 345 678");
  await page.getByLabel("Business type").selectOption("sole_proprietor");
  await page.getByLabel("Description").fill("Handwoven baskets from Machakos.");
  await page.getByLabel("County").fill("Machakos");
  await page.getByLabel("Town").fill("Machakos");
  await page.getByLabel("Latitude").fill("-1.5177");
  await page.getByLabel("Longitude").fill("37.2634");
  await page.getByRole("button", { name: "Submit application" }).click();
  await expect(page.getByTestId("application-status")).toContainText("Pending review");

  await page.getByRole("combobox", { name: "Document" }).selectOption("national_id");
  await page.getByLabel(/^File \(PDF/).setInputFiles({ name: "id.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByTestId("documents")).toContainText("id.pdf");

  // The admin verifies it from the moderation inbox.
  const admin = await asAdmin(browser);
  await open(admin, "/admin/inbox?kind=shop");
  const entry = admin.getByTestId("inbox-item").filter({ hasText: shopName });
  await expect(entry).toHaveCount(1);
  await entry.getByRole("button", { name: "Verify" }).click();
  await expect(admin.getByTestId("inbox-item").filter({ hasText: shopName })).toHaveCount(0);

  await open(page, "/sell");
  await expect(page.getByTestId("application-status")).toContainText("Verified");
  return { admin, slug, shopName };
}

test("apply, get verified, list with a photo and two variants, get approved, be found", async ({ page, browser }) => {
  test.setTimeout(135_000);
  const js = test.info().project.use.javaScriptEnabled !== false;
  const { admin, shopName } = await verifiedShop(page, browser, js);

  const tag = word();
  const title = `Kikapu basket handwoven ${tag}`;
  await open(page, "/seller/listings/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Sisal and leather. **Handmade** in Machakos.");
  await page.getByLabel("Category").selectOption({ label: "Home & Kitchen › Furniture" });
  await page.getByLabel("Tags", { exact: true }).fill("kiondo, basket");
  await page.getByLabel("Price", { exact: true }).fill("1500");
  await page.getByLabel("SKU").fill(`KIK-${tag}-S`.toUpperCase());
  await page.getByLabel(/^Options/).fill("Size: Small");
  await page.getByLabel("Stock", { exact: true }).fill("6");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/seller\/listings\/[0-9a-f-]{36}/);
  await expect(page.getByTestId("listing-status")).toContainText("Pending review");

  await page.getByLabel(/^Add photos/).setInputFiles({ name: "kikapu.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByTestId("photos").getByRole("img")).toHaveCount(1);

  const add = page.getByTestId("add-variant");
  await add.getByLabel("SKU").fill(`KIK-${tag}-L`.toUpperCase());
  await add.getByLabel(/^Options/).fill("Size: Large");
  await add.getByLabel(/^Price/).fill("2200");
  await add.getByLabel("Stock").fill("2");
  await add.getByRole("button", { name: "Add variant" }).click();
  await expect(page.getByTestId("variants").getByRole("listitem")).toHaveCount(2);

  // The admin claims it in the inbox and approves it.
  await open(admin, "/admin/inbox?kind=listing");
  const queued = () => admin.getByTestId("inbox-item").filter({ hasText: title });
  await expect(queued()).toContainText(shopName);
  await expect(queued()).toContainText("New listing");
  await queued().getByRole("button", { name: "Claim" }).click();
  await expect(queued().getByTestId("claimed")).toHaveText("You are working on this");
  await queued().getByRole("button", { name: "Approve" }).click();
  await expect(queued()).toHaveCount(0);

  // A shopper (logged out) misspells two of the words.
  const shopper = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await open(shopper, `/search?q=${encodeURIComponent(`kikapu baskt handwovn ${tag}`)}`);
  const hit = shopper.getByTestId("results").getByRole("listitem").filter({ hasText: tag });
  await expect(hit).toHaveCount(1);
  await hit.getByRole("link", { name: title }).click();
  await expect(shopper.getByTestId("product-title")).toHaveText(title);
  await hydrated(shopper);
  await expect(shopper.getByTestId("variant-picker")).toContainText("Size: Small");
  await expect(shopper.getByTestId("variant-picker")).toContainText("KSh 2,200.00");
  await expect(shopper.getByTestId("gallery").getByRole("img")).toHaveCount(1);
  await expect(shopper.getByTestId("vendor-card")).toContainText(shopName);
  if (js) {
    // Picking a variant shows its price.
    await shopper.getByLabel(/Size: Large/).check();
    await expect(shopper.getByTestId("product-price")).toHaveText("KSh 2,200.00");
  }

  // A material edit goes back to review, and the inbox shows the admin what changed.
  const edited = `${title} XL`;
  await open(page, new URL(page.url()).pathname);
  await page.getByLabel("Title", { exact: true }).fill(edited);
  const form = page.locator("form").filter({ has: page.getByLabel("Title", { exact: true }) });
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("listing-status")).toContainText("Pending review");
  await open(admin, "/admin/inbox?kind=listing");
  const edit = admin.getByTestId("inbox-item").filter({ hasText: edited });
  await expect(edit.getByTestId("listing-kind")).toHaveText("Edit of an approved listing");
  const changed = edit.getByTestId("edit-diff").getByRole("row").filter({ hasText: "title" });
  await expect(changed.getByRole("deletion")).toHaveText(title);
  await expect(changed.getByRole("insertion")).toHaveText(edited);
  await edit.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByTestId("inbox-item").filter({ hasText: edited })).toHaveCount(0);

  // Both approvals and the verification are in the audit log.
  await open(admin, `/admin/audit?q=${encodeURIComponent(tag)}`);
  await expect(admin.getByTestId("audit-log").getByText("listing.approved")).toHaveCount(2);
  await open(admin, `/admin/audit?q=${encodeURIComponent(shopName)}`);
  await expect(admin.getByTestId("audit-log").getByText("shop.verified")).toHaveCount(1);
});

test("a CSV import with a bad row shows the row error and imports nothing", async ({ page, browser }) => {
  test.setTimeout(105_000);
  const js = test.info().project.use.javaScriptEnabled !== false;
  await verifiedShop(page, browser, js);
  const tag = word().toUpperCase();
  const csv = [
    "sku,title,category,price,stock",
    `${tag}-1,Kiondo small,furniture,900,4`,
    `${tag}-2,Kiondo large,furniture,lots,2`,
  ].join("\n");
  await open(page, "/seller/import");
  await page.getByLabel("Import listings from CSV").setInputFiles({ name: "listings.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const report = page.getByTestId("import-report");
  await expect(report.getByRole("alert")).toContainText("nothing was imported");
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("3");
  await expect(errors).toContainText("price");
  await open(page, "/seller");
  await expect(page.getByTestId("seller-listings").getByRole("listitem")).toHaveCount(0);
});
