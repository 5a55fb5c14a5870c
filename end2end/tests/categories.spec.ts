import { expect, test } from "@playwright/test";
import { logInAs, open } from "./helpers";

// The admin's category tree editor: plain forms, so the same steps run hydrated and without
// JavaScript. Each run makes its own categories (both projects share the database).

function word(): string {
  return Array.from({ length: 6 }, () => "bcdfghjkmnpqrstvwxz"[Math.floor(Math.random() * 19)]).join("");
}

test("an admin creates, renames and merges categories, and finds each change in the audit log", async ({ browser }) => {
  const admin = await logInAs(browser, "admin@sokoni.test", "/admin");
  await open(admin, "/admin/categories");
  const top = `kilimo-${word()}`;
  const sub = `${top}-mbegu`;

  const form = admin.getByTestId("new-category");
  await form.getByLabel("Name in English").fill(`Farming ${top}`);
  await form.getByLabel("Name in Swahili").fill(`Kilimo ${top}`);
  await form.getByLabel("Address (slug)").fill(top);
  await form.getByRole("button", { name: "Create" }).click();
  const row = (slug: string) =>
    admin.getByTestId("category").filter({ has: admin.locator("code").getByText(slug, { exact: true }) });
  // Opens a category's edit forms (a re-render may have kept them open).
  const expand = async (slug: string) => {
    const details = row(slug).locator("details");
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await row(slug).locator("summary").click();
    }
  };
  await expect(row(top)).toHaveCount(1);

  await form.getByLabel("Name in English").fill("Seeds");
  await form.getByLabel("Name in Swahili").fill("Mbegu");
  await form.getByLabel("Address (slug)").fill(sub);
  await form.getByLabel("Parent").selectOption({ label: `Farming ${top}` });
  await form.getByRole("button", { name: "Create" }).click();
  await expect(row(sub)).toHaveCount(1);
  await expect(row(sub)).toHaveClass(/ml-8/);

  // A bad address is refused with the field named, and nothing is created.
  await form.getByLabel("Name in English").fill(`Tools ${top}`);
  await form.getByLabel("Name in Swahili").fill("Zana");
  await form.getByLabel("Address (slug)").fill("Tools & more");
  await form.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByRole("alert").first()).toBeVisible();
  await expect(admin.getByTestId("category-name").filter({ hasText: `Tools ${top}` })).toHaveCount(0);

  await expand(sub);
  await row(sub).getByLabel("Name in English").fill("Seeds and seedlings");
  await row(sub).getByRole("button", { name: "Rename" }).click();
  await expect(row(sub).getByTestId("category-name")).toHaveText("Seeds and seedlings");

  await expand(sub);
  await row(sub).getByLabel("Merge into").selectOption({ label: `Farming ${top}` });
  await row(sub).getByRole("button", { name: "Merge and retire" }).click();
  await expect(row(sub)).toHaveCount(0);
  await expect(row(top)).toHaveCount(1);

  // Each change is in the audit log, found by the category's name.
  await open(admin, `/admin/audit?q=${encodeURIComponent(top)}`);
  const log = admin.getByTestId("audit-log");
  await expect(log.getByText("category.created")).toHaveCount(2);
  await expect(log.getByText("category.renamed")).toHaveCount(1);
  await expect(log.getByText("category.merged")).toHaveCount(1);
  await expect(log).toContainText("admin@sokoni.test");
});
