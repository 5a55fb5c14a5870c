//! Why a piece of input was refused. Messages live in `i18n`, so the same rule reads well in
//! English and Swahili.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Invalid {
    Required,
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    EmailFormat,
    PhoneFormat,
    ControlCharacters,
    EmailTaken,
    PasswordMismatch,
    WrongCurrentPassword,
    UnknownCurrency,
    CurrencyNotSold,
    AmountFormat,
    NumberFormat,
    /// The request could not be read at all (not a form a page of ours sends).
    Unreadable,
    OutOfRange,
    NotFound,
    SlugFormat,
    SlugTaken,
    SkuFormat,
    SkuTaken,
    OptionsFormat,
    TooMany {
        max: usize,
    },
    FileType,
    FileTooLarge {
        max_mb: usize,
    },
    ImageTooBig,
    LimitReached {
        max: i32,
    },
    AlreadyApplied,
    AlreadyInShop,
    CartChanged,
    MixedCurrencies,
    KeyReused,
    NotPayable,
    MpesaUnavailable,
    PromptLimit {
        per_hour: i64,
    },
    CheckTooSoon {
        secs: i64,
    },
    DeliveryUnavailable,
    CouponInvalid,
    CouponNotInCart,
    CouponMinimum,
    CouponCodeTaken,
    ReturnWindowClosed,
    CodNotAccepted,
    AlreadyRefunded,
    /// A verified shop's payout phone changes only through a code sent to the new phone.
    PhoneNeedsCode,
    SamePhone,
    CodeLimit {
        per_hour: i64,
    },
    CodeWrong {
        tries_left: i32,
    },
    CodeExpired,
    /// A verified shop's KYC documents are the record of its verification.
    DocumentsKept,
    /// The category tree has two levels.
    CategoryTooDeep,
    /// A category cannot go into itself or one of its subcategories.
    CategoryIntoItself,
    /// The platform keeps at least one active admin.
    LastAdmin,
    /// Safe mode: the platform takes no new orders for now.
    OrdersPaused,
    /// A password reset link that is unknown, used or expired.
    LinkExpired,
    /// A two-step login code that is not the current one (or a recovery code that is not
    /// the account's, or used).
    TwoFactorWrong,
    /// A two-step code of a step already used: wait for the next one.
    TwoFactorUsed,
    /// The second step of a login started too long ago, or never: log in again.
    LoginStepExpired,
    /// This needs two-step login turned on first (admins; shop owners and accountants before
    /// payout settings).
    TwoFactorRequired,
    /// Admins keep two-step login on.
    TwoFactorKept,
    /// Confirm the account's email address first (the mailed link).
    EmailUnverified,
    /// Another admin has claimed this inbox item and is deciding it.
    ClaimedByOther,
    /// This part cannot be disputed (not shipped, already settled, paid in cash, or the money
    /// was released to the shop).
    NotDisputable,
    /// The part has a dispute already.
    AlreadyDisputed,
    /// The dispute has moved on since the page was loaded (someone acted first).
    DisputeMoved,
    /// Only an item delivered to the buyer can be reviewed.
    NotReviewable,
    /// The buyer has reviewed this item already.
    AlreadyReviewed,
    /// The shop has replied to this review already.
    AlreadyReplied,
    /// A shop's own people cannot review it.
    OwnShop,
    /// Nobody finds their own review helpful.
    OwnReview,
    /// Text messages need a phone number on the account first.
    PhoneMissing,
}
