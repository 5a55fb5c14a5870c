import { expect, test } from "@playwright/test";
import { jsEnabled, open, register, uniqueUser } from "./helpers";

test("register, log out, log in and edit the profile", async ({ page }, info) => {
  const user = uniqueUser(info);
  await register(page, user);
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expect(page.getByText(user.email)).toBeVisible();

  // log out from the account menu
  await page.getByTestId("account-menu").click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  // the account page now asks to log in
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);

  await page.getByLabel("Email").fill(user.email.toUpperCase());
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  if (await jsEnabled(page)) await expect(page.locator("body[data-hydrated]")).toBeAttached();

  await page.getByLabel("Full name").fill("Achieng Otieno");
  await page.getByLabel("Phone").fill("0712 345 678");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("account-menu")).toHaveText("Achieng Otieno");

  // what was saved survives a reload, normalised
  await open(page, "/account");
  await expect(page.getByLabel("Full name")).toHaveValue("Achieng Otieno");
  await expect(page.getByLabel("Phone")).toHaveValue("+254712345678");
});

test("bad input shows an error on the field and creates nothing", async ({ page }, info) => {
  const user = uniqueUser(info);
  await open(page, "/register");
  await page.getByLabel("Full name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  // nothing was created: logging in with that address fails
  await open(page, "/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Invalid email or password.");
});

test("a customer cannot open the admin console", async ({ page }, info) => {
  await register(page, uniqueUser(info));
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("You do not have access to this page.", { exact: false })).toBeVisible();
});
