//! Every word the UI shows goes through here. Keys are an enum and each language is an
//! exhaustive `match`, so a key without its Swahili text does not compile.

mod en;
pub mod mail;
mod sw;

use crate::domain::Invalid;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The cookie that remembers the chosen language for a year.
pub const LOCALE_COOKIE: &str = "lang";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    Sw,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Sw];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Sw => "sw",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Locale::En),
            "sw" => Some(Locale::Sw),
            _ => None,
        }
    }

    /// The language's own name, shown in the switch whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Sw => "Kiswahili",
        }
    }

    pub fn text(self, key: Key) -> &'static str {
        match self {
            Locale::En => en::text(key),
            Locale::Sw => sw::text(key),
        }
    }

    /// A validation failure in words, for the field it concerns.
    pub fn invalid(self, why: Invalid) -> String {
        match self {
            Locale::En => en::invalid(why),
            Locale::Sw => sw::invalid(why),
        }
    }

    /// Picks the language from a `Cookie` header, then `Accept-Language`, then the default.
    pub fn from_headers(
        cookie: Option<&str>,
        accept_language: Option<&str>,
        default: Locale,
    ) -> Locale {
        let from_cookie = cookie.and_then(|c| {
            c.split(';')
                .filter_map(|kv| kv.trim().split_once('='))
                .find(|(k, _)| *k == LOCALE_COOKIE)
                .and_then(|(_, v)| Locale::parse(v))
        });
        let from_accept = || {
            accept_language.and_then(|a| {
                a.split(',')
                    .filter_map(|part| part.split(';').next())
                    .find_map(|tag| Locale::parse(tag.trim().split('-').next().unwrap_or_default()))
            })
        };
        from_cookie.or_else(from_accept).unwrap_or(default)
    }
}

/// The current language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

impl I18n {
    /// Reactive text for a key: re-renders when the language changes.
    pub fn tr(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.locale.get().text(key)
    }

    pub fn t(self, key: Key) -> &'static str {
        self.locale.get().text(key)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    // shell
    SiteTagline,
    SearchPlaceholder,
    Search,
    Cart,
    Menu,
    LogIn,
    Register,
    LogOut,
    MyAccount,
    SellerDashboard,
    AdminConsole,
    Language,
    FooterAbout,
    FooterSell,
    SkipToContent,
    // home
    HeroTitle,
    HeroSubtitle,
    ShopByCategory,
    StartSelling,
    VendorsAcrossKenya,
    // auth
    Email,
    Password,
    Name,
    PhoneOptional,
    CreateAccount,
    LogInTitle,
    RegisterTitle,
    NoAccountYet,
    HaveAccount,
    PasswordHint,
    InvalidCredentials,
    TooManyAttempts,
    PleaseLogIn,
    // account
    ProfileTitle,
    SaveProfile,
    Saved,
    ChangePassword,
    CurrentPassword,
    NewPassword,
    PasswordChanged,
    Phone,
    // admin
    AdminOverview,
    Users,
    Vendors,
    Categories,
    // search and cart
    SearchResultsFor,
    SearchEmpty,
    CartTitle,
    CartEmpty,
    ContinueShopping,
    // search
    ShowingResultsFor,
    MatchedSomeWords,
    ListingsFound,
    YourSessions,
    LastSeen,
    ThisDevice,
    LogOutOtherSessions,
    OtherSessionsEnded,
    SendPasswordResetLink,
    ForgotPassword,
    Analytics,
    PlatformAnalytics,
    LastDays,
    FromDate,
    ToDate,
    ShowPeriod,
    ComparedWith,
    Gmv,
    CommissionRevenue,
    TakeRate,
    OrdersFigure,
    AverageOrder,
    ActiveShoppers,
    NewShoppers,
    ActiveShops,
    NewShops,
    Previously,
    MpesaSuccess,
    MpesaFailures,
    DropCauses,
    StepTimes,
    StepLabel,
    PartsLabel2,
    TopCategories,
    TopShops,
    DailyGmv,
    DataTable,
    DayLabel,
    PersonPage,
    TwoStepOnShort,
    TwoStepOffShort,
    EmailConfirmedShort,
    EmailUnconfirmedShort,
    ManageOnPeopleList,
    LatestOrders,
    SessionsOpen,
    OrderDesk,
    OrderSearch,
    NoOrdersFound,
    OrderNumberLabel,
    ShopperLabel,
    ShopsLabel,
    TotalLabel,
    PlacedLabel,
    DeliverTo,
    PartsLabel,
    CommissionNet,
    RefundedLabel,
    PaymentAttempts,
    CallbacksLabel,
    LedgerLabel,
    NothingYet,
    ItemWasRefunded,
    Inbox,
    ModerationInbox,
    InboxAll,
    InboxShops,
    InboxListings,
    InboxCallbacks,
    WaitingFor,
    ClaimedBy,
    ClaimItem,
    YouAreOnIt,
    EditOfApproved,
    NewSubmission,
    ChangedField,
    ApprovedBefore,
    AskedNow,
    ApproveSelected,
    SelectForBulk,
    ResolutionNote,
    MarkResolved,
    DocumentsAndDetails,
    ConfirmEmail,
    ConfirmEmailIntro,
    ConfirmMyEmail,
    EmailConfirmed,
    EmailNotConfirmed,
    SendLinkAgain,
    VerificationSent,
    TwoStepLogin,
    TwoStepIntro,
    TwoStepIsOn,
    TwoStepIsOff,
    TwoStepRequired,
    SetUpTwoStep,
    ScanTheCode,
    SecretKey,
    QrCodeLabel,
    CodeFromApp,
    TurnOnTwoStep,
    RecoveryCodes,
    RecoveryCodesNote,
    RecoveryCodesLeft,
    NewRecoveryCodes,
    NewRecoveryCodesNote,
    TurnOffTwoStep,
    CodeOrRecoveryCode,
    SecondStepIntro,
    ManageTwoStep,
    ResetLinkSent,
    SendResetLink,
    SetNewPassword,
    AskForNewLink,
    PasswordWasReset,
    ChecklistSettings,
    OrdersPausedTitle,
    BackToCart,
    PlatformSettings,
    VatPercent,
    ReservationMinutes,
    ReturnDays,
    HoldingDays,
    PayoutMinimum,
    PauseOrders,
    PauseMessage,
    SettingsApplyAtOnce,
    MembershipTier,
    SetTier,
    People,
    EmailOrName,
    NobodyFound,
    Joined,
    OrdersCount,
    MakeAdmin,
    RemoveAdmin,
    AuditLog,
    AuditSearch,
    DownloadCsv,
    NothingAudited,
    AuditWhen,
    AuditWho,
    AuditAction,
    AuditWhat,
    OlderEntries,
    TopLevel,
    NewCategory,
    NameEnglish,
    NameSwahili,
    CategoryAddress,
    CategoryAddressHint,
    ParentCategory,
    Create,
    NoCategoriesYet,
    Rename,
    Move,
    MoveUp,
    MoveDown,
    MergeInto,
    MergeAndRetire,
    MergeHint,
    FirstRunChecklist,
    ChecklistCategories,
    ChecklistTiers,
    ChecklistShops,
    /// Before a count estimated from a sample.
    About,
    NextPage,
    InStock,
    OutOfStock,
    Filters,
    SortBy,
    MinPrice,
    MaxPrice,
    Apply,
    ClearFilters,
    Price,
    Rating,
    Location,
    SortRelevance,
    SortPriceAsc,
    SortPriceDesc,
    SortNewest,
    SortPopular,
    SortDistance,
    // errors
    NotFoundTitle,
    NotFoundBody,
    ForbiddenTitle,
    ErrorTitle,
    ErrorBody,
    GoHome,
    Working,
    // the cart
    OwedToPlatform,
    ShopOrders,
    Accept,
    Ship,
    MarkDelivered,
    CarrierNote,
    YouReceive,
    CancelPart,
    Checkout,
    DeliveryAddress,
    Street,
    PaymentMethod,
    CashOnDelivery,
    PayWithMpesa,
    CheckYourPhone,
    PaymentReceived,
    PaymentNotCompleted,
    CheckAgain,
    SendPrompt,
    ItemsHeldFor,
    OrderNotPaidInTime,
    MpesaPhone,
    ShopMoney,
    PendingBalance,
    AvailableBalance,
    Statement,
    Payouts,
    Gross,
    Commission,
    Net,
    AvailableOn,
    AdminPayments,
    FlaggedCallbacks,
    RunPayoutsNow,
    NothingFlagged,
    StatusHeading,
    RefundItem,
    ItemRefunded,
    AcceptsCod,
    CodNotEverywhere,
    DeliveryHeading,
    PickupAtShop,
    DeliveredByShop,
    NoDeliveryOffered,
    CouponCode,
    DiscountLabel,
    ItemsSubtotal,
    ReturnThis,
    ReturnReason,
    AcceptReturn,
    Promotions,
    Coupons,
    NewCoupon,
    CodeLabel,
    DiscountKind,
    PercentOff,
    AmountOff,
    DiscountValue,
    MinimumSpend,
    MaxUses,
    UsesLabel,
    SwitchOff,
    SwitchOn,
    CreateCoupon,
    OffersPickup,
    FlatDeliveryFee,
    DeliveryZones,
    SaveDelivery,
    CommissionRules,
    ShopSlugOptional,
    CategoryOptional,
    AddRule,
    EveryShop,
    EveryCategory,
    UseSavedAddress,
    PlaceOrder,
    OrderSummary,
    VatIncluded,
    MyOrders,
    NoOrdersYet,
    YourOrder,
    OrderPlacedOn,
    Timeline,
    OrderPendingPayment,
    OrderAwaitingAcceptance,
    OrderAccepted,
    OrderShipped,
    OrderDelivered,
    OrderCompleted,
    OrderCancelled,
    OrderRejected,
    OrderReturnRequested,
    OrderRefunded,
    GoToCheckout,
    ShopSubtotal,
    CartTotal,
    SavedForLater,
    SaveForLater,
    MoveToCart,
    LineWithdrawn,
    OnlyLeft,
    PriceChanged,
    Quantity,
    Update,
    AddToCart,
    AddedToCart,
    ViewCart,
    // selling and the catalog
    FeatureOnHome,
    Unfeature,
    SellTitle,
    SellIntro,
    BusinessName,
    StoreSlug,
    StoreSlugHint,
    BusinessType,
    BizIndividual,
    BizSoleProprietor,
    BizPartnership,
    BizLimitedCompany,
    BizCooperative,
    Description,
    DescriptionHint,
    County,
    Town,
    Latitude,
    Longitude,
    LocationHint,
    SubmitApplication,
    SaveShop,
    ShopDetails,
    StatusPending,
    StatusVerified,
    StatusRejected,
    StatusSuspended,
    StatusApproved,
    StatusArchived,
    StatusDraft,
    ReasonLabel,
    PendingExplainer,
    KycDocuments,
    NoDocumentsYet,
    DocumentKind,
    DocNationalId,
    DocBusinessPermit,
    DocKraPin,
    DocOther,
    ChooseFile,
    UploadDocument,
    ShopLogo,
    UploadLogo,
    Near,
    Anywhere,
    MyLocation,
    Within,
    AnyDistance,
    UseMyLocation,
    RemoveDocument,
    PayoutPhone,
    PayoutPhoneExplainer,
    PayoutPhoneLocked,
    NewPayoutPhone,
    SendCode,
    CodeSentTo,
    CodeFromText,
    ChangePayoutPhone,
    PayoutsHeldUntil,
    ReliabilityHeading,
    ReliabilityGrade,
    ReliabilityAccepted,
    ReliabilityRejected,
    ReliabilityMissed,
    ReliabilityShopperCancelled,
    ReliabilityAcceptTime,
    ReliabilityShipTime,
    ReliabilityRule,
    GradeNew,
    AcceptHours,
    ShipDays,
    ShipBy,
    CancelUnshipped,
    PayoutsHeldOwnerEmail,
    PayoutsHeldOwnerTwoStep,
    PayoutPhoneChanged,
    MyListings,
    NewListing,
    EditListing,
    ImportExport,
    Staff,
    AddStaff,
    InvitationSent,
    InvitedNotYetAccepted,
    Withdraw,
    ShopInvitations,
    Decline,
    YouWorkAt,
    LeaveShop,
    StaffRolesHint,
    Role,
    RoleOwner,
    RoleInventory,
    RoleOrders,
    RoleAccounting,
    LowStock,
    NoListingsYet,
    Stock,
    Variants,
    VariantHint,
    AddVariant,
    Sku,
    Options,
    PriceOverride,
    Photos,
    AddPhotos,
    PhotoHint,
    Upload,
    Remove,
    Archive,
    Restore,
    Duplicate,
    ViewInShop,
    Save,
    SubmitForReview,
    Title,
    Category,
    Tags,
    TagsHint,
    CompareAtPrice,
    Currency,
    WeightGrams,
    LengthCm,
    WidthCm,
    HeightCm,
    LowStockThreshold,
    ShopApplications,
    ListingQueue,
    QueueEmpty,
    Verify,
    Reject,
    Approve,
    Suspend,
    Reinstate,
    MembershipTiers,
    ListingLimit,
    CommissionPercent,
    DeliveryEstimate,
    MoreFromShop,
    Featured,
    Newest,
    NearYou,
    ShowNearMe,
    CsvImport,
    CsvImportHint,
    ImportValidRows,
    Import,
    CsvExport,
    ImportReport,
    ImportNothingApplied,
    ImportMoreErrors,
    ImportCreated,
    ImportUpdated,
    Row,
    Column,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_beats_accept_language() {
        assert_eq!(
            Locale::from_headers(Some("a=1; lang=sw"), Some("en-GB"), Locale::En),
            Locale::Sw
        );
        assert_eq!(
            Locale::from_headers(None, Some("sw-KE,sw;q=0.9,en;q=0.8"), Locale::En),
            Locale::Sw
        );
        assert_eq!(
            Locale::from_headers(Some("lang=xx"), Some("fr"), Locale::En),
            Locale::En
        );
        assert_eq!(Locale::from_headers(None, None, Locale::Sw), Locale::Sw);
    }

    #[test]
    fn every_validation_message_differs_by_language() {
        let cases = [
            Invalid::Required,
            Invalid::TooShort { min: 10 },
            Invalid::EmailTaken,
            Invalid::PhoneFormat,
        ];
        for why in cases {
            assert_ne!(Locale::En.invalid(why), Locale::Sw.invalid(why), "{why:?}");
        }
        assert!(
            Locale::Sw
                .invalid(Invalid::TooShort { min: 10 })
                .contains("10")
        );
    }
}
