import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";

/** Opens a page and, when JavaScript is on and the page has islands, waits until they are
 * hydrated (seller and admin pages load no script). */
export async function open(page: Page, path: string): Promise<void> {
  watch(page);
  await page.goto(path);
  await hydrated(page);
}

/** Waits until the page now shown has hydrated its islands, if it has any and JavaScript is on.
 * Call it after a click that loads another page, before using that page's islands: until then a
 * radio or button is plain HTML and the island does not see it. */
export async function hydrated(page: Page): Promise<void> {
  watch(page);
  if ((await jsEnabled(page)) && (await page.locator("body[data-islands]").count()) > 0) {
    // The first page of a run also waits for the debug bundle's first download and compile.
    const marker = page.locator("body[data-hydrated]");
    try {
      await expect(marker).toBeAttached({ timeout: 25_000 });
    } catch (error) {
      // Say why: what the page printed and which of its requests failed or never finished.
      const seen = watched.get(page) ?? [];
      throw new Error(`${page.url()} did not hydrate; the browser said:\n${seen.join("\n") || "(nothing)"}\n${error}`);
    }
  }
}

// What each page printed (console, uncaught errors, failed requests), for the message above.
const watched = new WeakMap<Page, string[]>();

function watch(page: Page) {
  if (watched.has(page)) return;
  const seen: string[] = [];
  watched.set(page, seen);
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  page.on("console", (m) => seen.push(`${at()} console.${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => seen.push(`${at()} uncaught: ${e.message}`));
  page.on("requestfailed", (r) => seen.push(`${at()} failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("request", (r) => {
    if (r.url().includes("/pkg/")) seen.push(`${at()} requested ${r.url()}`);
  });
  page.on("requestfinished", (r) => {
    if (r.url().includes("/pkg/")) seen.push(`${at()} finished ${r.url()}`);
  });
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) seen.push(`${at()} navigated to ${f.url()}`);
  });
}

/** Whether this project runs with JavaScript (and so hydration) on. */
export async function jsEnabled(_page: Page): Promise<boolean> {
  return test.info().project.use.javaScriptEnabled !== false;
}

/** A fresh identity per test, so tests never share accounts. */
export function uniqueUser(info: TestInfo) {
  const id = `${info.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    name: `Wanjiku Test ${id.slice(-6)}`,
    email: `e2e-${id}@sokoni.test`,
    password: `pass-${id}-long`,
  };
}

export async function register(page: Page, user: { name: string; email: string; password: string }) {
  await open(page, "/register");
  await page.getByLabel("Full name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account/);
}

/** Where the admin's logged-in session is kept for the journeys (written by admin.setup.ts). */
export const ADMIN_STATE = path.join(__dirname, "..", "..", "target", "sokoni", "e2e-admin-state.json");

/** Logs a seeded account (demo password) in, in its own browser context, and waits for `next`.
 * The admin reuses the session its setup logged in with two steps. */
export async function logInAs(browser: Browser, email: string, next: string): Promise<Page> {
  const javaScriptEnabled = test.info().project.use.javaScriptEnabled !== false;
  if (email === "admin@sokoni.test") {
    const context = await browser.newContext({ javaScriptEnabled, storageState: ADMIN_STATE });
    const page = await context.newPage();
    await open(page, next);
    await page.waitForURL((url) => url.pathname === next);
    return page;
  }
  const password = process.env.SOKONI_E2E_ADMIN_PASSWORD;
  expect(password, "SOKONI_E2E_ADMIN_PASSWORD is set by .ci/test").toBeTruthy();
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await open(page, `/login?next=${next}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password ?? "");
  await page.getByRole("button", { name: "Log in" }).click();
  // The login page's own URL holds "next=…": wait for the path itself, or the second step of
  // an account another journey turned two-step login on for.
  await page.waitForURL((url) => url.pathname === next || url.pathname === "/login/two-factor");
  if (new URL(page.url()).pathname === "/login/two-factor") {
    const secret = secretOf(email);
    expect(secret, `${email} has two-step login but no journey kept its secret`).toBeTruthy();
    await secondStep(page, secret ?? "");
    await page.waitForURL((url) => url.pathname === next);
  }
  return page;
}

/** The journeys' authenticator app: the two-step secrets of the accounts they enrolled, kept
 * in files because journeys run in separate workers. */
const AUTHENTICATOR = path.join(__dirname, "..", "..", "target", "sokoni", "e2e-authenticator");

function secretFile(email: string): string {
  return path.join(AUTHENTICATOR, `${email.replace(/[^a-z0-9@.-]/gi, "_")}.txt`);
}

function rememberSecret(email: string, secret: string) {
  mkdirSync(AUTHENTICATOR, { recursive: true });
  writeFileSync(secretFile(email), secret);
}

function secretOf(email: string): string | undefined {
  try {
    return readFileSync(secretFile(email), "utf8").trim();
  } catch {
    return undefined;
  }
}

/** The TOTP code (RFC 6238: SHA-1, 6 digits, 30 s) of a base32 secret at `at` (ms). */
export function totp(secret: string, at: number = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/=+$/, "").toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const at4 = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(at4) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

/** Turns two-step login on for the logged-in account (`email`) as a person with an
 * authenticator app would, and returns its secret (kept for later logins of the account). */
export async function enrolTwoFactor(page: Page, email: string): Promise<string> {
  await open(page, "/account/two-factor");
  await page.getByRole("button", { name: "Set up two-step login" }).click();
  await expect(page.getByRole("img", { name: "QR code to scan with an authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  rememberSecret(email, secret);
  await page.getByLabel("6-digit code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on two-step login" }).click();
  await expect(page.getByTestId("two-factor-on")).toBeVisible();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  return secret;
}

/** Answers a login's second step with codes of `secret`. A code works once per account, and
 * tests run in parallel as the same admin: when this step's code was just used, the next
 * step's (accepted for clock drift) is tried, and failing that it waits for a new step. */
export async function secondStep(page: Page, secret: string) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const ahead = attempt % 2 === 1 ? 30_000 : 0;
    await page.getByLabel("Code from the app, or a recovery code").fill(totp(secret, Date.now() + ahead));
    await page.getByRole("button", { name: "Log in" }).click();
    const through = await page
      .waitForURL((url) => url.pathname !== "/login/two-factor", { timeout: 5_000 })
      .then(() => true, () => false);
    if (through) return;
    if (ahead) await page.waitForTimeout(10_000);
  }
  throw new Error("the second step kept refusing the codes");
}

/** The seeded owner of shop number `n` (shop slugs end in it). */
/** A 16×16 PNG for upload forms. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAQ0lEQVR4nGNgYGAQEBBQUFAwMDBwcHAICAhISEgoKChoaGiYMGHCggULNmzYcODAgQsXLjx48ODDhw8MoxpGNQxfDQBupWgQyPCYIQAAAABJRU5ErkJggg==",
  "base64",
);

export function ownerEmail(n: number | string): string {
  return `vendor${String(n).padStart(3, "0")}@sokoni.test`;
}

/** Adds the first in-stock result of each search to the cart. */
export async function addFirstResults(page: Page, queries: string[]) {
  for (const q of queries) {
    await open(page, q.startsWith("/") ? q : `/search?q=${q}&in_stock=1`);
    await page.getByTestId("results").getByRole("listitem").first().getByRole("heading").click();
    await expect(page.getByTestId("product-title")).toBeVisible();
    await hydrated(page);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByTestId("added-to-cart")).toBeVisible();
  }
}

/** Checks out the cart with M-Pesa from a phone the simulator pays from, and waits until the
 * order is paid: the order page's path. */
export async function checkoutPaid(page: Page): Promise<string> {
  await open(page, "/checkout");
  await fillAddress(page, "0712 000 123");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}$/);
  const orderPath = new URL(page.url()).pathname;
  await expect
    .poll(
      async () => {
        // The pending page refreshes itself without JavaScript; a load that collides with
        // that refresh is tried again on the next poll.
        try {
          await open(page, orderPath);
          return await page.getByTestId("payment-panel").getAttribute("data-status");
        } catch {
          return null;
        }
      },
      { timeout: 20_000, intervals: [1_000] },
    )
    .toBe("paid");
  return orderPath;
}

/** The owner of the shop of the order's (only) part, logged in on its orders page, takes
 * `steps` ("Accept", "Mark shipped", "Mark delivered") on the part of `buyer`. */
export async function shopTakes(browser: Browser, page: Page, buyer: string, steps: string[]): Promise<Page> {
  const slug = ((await page.getByTestId("order-part").locator("h2 a").getAttribute("href")) ?? "").replace("/store/", "");
  const shop = await logInAs(browser, ownerEmail(slug.split("-").pop() ?? ""), "/seller/orders");
  const mine = () => shop.getByTestId("shop-order").filter({ hasText: buyer });
  const after: Record<string, string> = { Accept: "Accepted by the shop", "Mark shipped": "Shipped", "Mark delivered": "Delivered" };
  for (const step of steps) {
    await mine().getByRole("button", { name: step }).click();
    await expect(mine().getByTestId("shop-order-status")).toHaveText(after[step]);
  }
  return shop;
}

/** Moves time on for an order, as the integration tests do: its parts' status changes are
 * dated `hours` earlier, so the jobs' deadlines (read from them) see that much time passed.
 * Runs psql against the test database the suite's server uses. */
export function ageOrder(orderPath: string, hours: number) {
  const order = orderPath.match(/[0-9a-f-]{36}/)?.[0];
  if (!order) throw new Error(`no order id in ${orderPath}`);
  execFileSync("psql", [
    "-X", "-q", "-v", "ON_ERROR_STOP=1", process.env.SOKONI_E2E_DATABASE_URL ?? "",
    "-c", `update vendor_order_events e set at = at - make_interval(hours => ${Math.floor(hours)})
           from vendor_orders vo where vo.id = e.vendor_order_id and vo.order_id = '${order}'`,
  ]);
}

/** Fills the checkout's delivery address and phone. */
export async function fillAddress(page: Page, phone: string) {
  await page.getByLabel("County").fill("Nairobi");
  await page.getByLabel("Town").fill("Kilimani");
  await page.getByLabel("Street, building and house").fill("Argwings Kodhek Rd, Hse 4");
  await page.getByLabel("Phone", { exact: true }).fill(phone);
}

/** The development mailbox the test server writes (.eml files; the mail job sends every 30 s). */
const MAILBOX = path.join(__dirname, "../../target/sokoni/e2e-mailbox");

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

/** The newest link matching `pattern` in a mail to `email`, waiting for the mail job. */
export async function mailedLink(email: string, pattern: RegExp): Promise<string> {
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
          const eml = readFileSync(path.join(MAILBOX, f), "utf8");
          if (!eml.includes(email)) continue;
          const found = bodyOf(eml).match(pattern);
          if (found) link = found[0];
        }
        return link;
      },
      { timeout: 75_000, intervals: [1_000] },
    )
    .not.toBe("");
  return link;
}
