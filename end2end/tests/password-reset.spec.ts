import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { open, register, uniqueUser } from "./helpers";

// A shopper who forgot their password sets a new one from the e-mailed link, read from the
// development mailbox the test server writes (.eml files; the mail job sends every 30 s).

const MAILBOX = join(__dirname, "../../target/sokoni/e2e-mailbox");

/** The text of an .eml file's body, undoing quoted-printable or base64 transfer encoding. */
function bodyOf(eml: string): string {
  const [head, ...rest] = eml.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    return body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  }
  return body;
}

async function resetLinkFor(email: string): Promise<string> {
  let link = "";
  await expect
    .poll(
      () => {
        let files: string[] = [];
        try {
          files = readdirSync(MAILBOX).filter((f) => f.endsWith(".eml"));
        } catch {
          return "";
        }
        for (const f of files) {
          const eml = readFileSync(join(MAILBOX, f), "utf8");
          if (!eml.includes(email)) continue;
          const found = bodyOf(eml).match(/https?:\/\/\S+\/reset-password\?token=[0-9a-f]{64}/);
          if (found) link = found[0];
        }
        return link;
      },
      { timeout: 75_000, intervals: [1_000] },
    )
    .not.toBe("");
  return link;
}

test("a shopper sets a forgotten password from the mailed link", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const user = uniqueUser(info);
  const js = info.project.use.javaScriptEnabled !== false;
  const first = await browser.newContext({ javaScriptEnabled: js });
  await register(await first.newPage(), user);

  const context = await browser.newContext({ javaScriptEnabled: js });
  const page = await context.newPage();
  await open(page, "/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByTestId("reset-sent")).toBeVisible();

  const link = await resetLinkFor(user.email);
  await page.goto(new URL(link).pathname + new URL(link).search);
  const fresh = `${user.password}-renewed`;
  await page.getByLabel("New password").fill(fresh);
  await page.getByRole("button", { name: "Set a new password" }).click();
  await expect(page.getByTestId("password-was-reset")).toBeVisible();

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(fresh);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/account/);

  // The session registered before the reset is over.
  const before = await first.pages()[0];
  await open(before, "/account");
  await expect(before).toHaveURL(/\/login/);
});
