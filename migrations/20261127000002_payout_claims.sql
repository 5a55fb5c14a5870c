-- A payout is claimed before it is sent: the sender that claims it holds it for two minutes,
-- so the 10-minute job, "Run payouts now" and a second server instance never send it twice.
-- A sender that dies mid-send lets the claim lapse; the resend reuses the payout id as the
-- OriginatorConversationID, which Daraja refuses as a duplicate if the first one went through.
alter table payouts add column sending_until timestamptz;
