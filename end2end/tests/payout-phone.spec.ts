import { expect, test } from "@playwright/test";
import { enrolTwoFactor, logInAs, open, ownerEmail } from "./helpers";

const smsSimulator = `http://127.0.0.1:${Number(process.env.SOKONI_E2E_PORT ?? 3100) + 10}`;

// A verified shop's owner changes the payout phone with the code texted to the new phone (read
// from the SMS simulator, as the owner reads their phone), after turning on two-step login
// (until then payouts are held, as the money page says); payouts then pause for a day.
test("the payout phone changes with the code sent to the new phone", async ({ browser }, info) => {
  // Shops no other journey logs in to: turning two-step login on ends the owner's other sessions.
  const email = ownerEmail(info.project.name === "no-js" ? 5 : 3);
  const owner = await logInAs(browser, email, "/sell");
  const section = owner.getByTestId("payout-phone");
  // A new number per run, so a retried run is not refused as "already the payout phone".
  const digits = String(Date.now() % 1_000_000).padStart(6, "0");
  const msisdn = `254799${digits}`;

  // Where the money goes is changed only by an owner who logs in with two steps.
  await section.getByLabel("New payout phone").fill(`0799 ${digits}`);
  await section.getByRole("button", { name: "Send a code" }).click();
  await expect(owner.getByTestId("payout-phone")).toContainText("Turn on two-step login first");
  // Until then the shop's payouts are held, and its money page says so.
  await open(owner, "/seller/money");
  await expect(owner.getByTestId("payout-holds")).toContainText("until the shop's owner turns on two-step login");
  await enrolTwoFactor(owner, email);
  await open(owner, "/seller/money");
  await expect(owner.getByTestId("payout-holds")).not.toContainText("two-step login");
  await open(owner, "/sell");

  await section.getByLabel("New payout phone").fill(`0799 ${digits}`);
  await section.getByRole("button", { name: "Send a code" }).click();
  await expect(section).toContainText(`A code was texted to +${msisdn}`);

  const sent: { to: string; message: string }[] = await (await owner.request.get(`${smsSimulator}/messages`)).json();
  const text = sent.filter((m) => m.to === `+${msisdn}`).pop()?.message ?? "";
  const code = text.match(/\b\d{6}\b/)?.[0];
  expect(code, text).toBeTruthy();

  await section.getByLabel("Code from the text message").fill(code ?? "");
  await section.getByRole("button", { name: "Change the payout phone" }).click();
  await expect(owner.getByTestId("current-payout-phone")).toHaveText(`+${msisdn}`);
  await expect(owner.getByTestId("payouts-held")).toContainText("Payouts are paused");
  await open(owner, "/seller/money");
  await expect(owner.getByTestId("payout-holds")).toContainText("Payouts are paused after the phone change until");
  await owner.context().close();
});
