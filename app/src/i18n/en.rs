//! English text.

use super::Key;
use super::mail::{Mail, Message, order_number};
use crate::domain::Invalid;

pub fn text(key: Key) -> &'static str {
    match key {
        Key::SiteTagline => "One market, many sellers.",
        Key::SearchPlaceholder => "Search products and shops",
        Key::Search => "Search",
        Key::Cart => "Cart",
        Key::Menu => "Menu",
        Key::LogIn => "Log in",
        Key::Register => "Register",
        Key::LogOut => "Log out",
        Key::MyAccount => "My account",
        Key::SellerDashboard => "Seller dashboard",
        Key::AdminConsole => "Admin console",
        Key::Language => "Language",
        Key::FooterAbout => "Sokoni brings Kenya's shops to one cart, paid once with M-Pesa.",
        Key::FooterSell => "Sell on Sokoni",
        Key::SkipToContent => "Skip to content",
        Key::HeroTitle => "Shop from sellers across Kenya",
        Key::HeroSubtitle => "One cart for many shops. Pay once with M-Pesa or cash on delivery.",
        Key::ShopByCategory => "Shop by category",
        Key::StartSelling => "Start selling",
        Key::VendorsAcrossKenya => {
            "Verified sellers in Nairobi, Mombasa, Kisumu, Nakuru and Eldoret"
        }
        Key::Email => "Email",
        Key::Password => "Password",
        Key::Name => "Full name",
        Key::PhoneOptional => "Phone (optional)",
        Key::CreateAccount => "Create account",
        Key::LogInTitle => "Welcome back",
        Key::RegisterTitle => "Create your Sokoni account",
        Key::NoAccountYet => "New to Sokoni? Create an account",
        Key::HaveAccount => "Already have an account? Log in",
        Key::PasswordHint => "At least 10 characters.",
        Key::InvalidCredentials => "Invalid email or password.",
        Key::TooManyAttempts => "Too many failed attempts. Please try again later.",
        Key::PleaseLogIn => "Please log in to continue.",
        Key::ProfileTitle => "Your profile",
        Key::SaveProfile => "Save profile",
        Key::Saved => "Saved.",
        Key::ChangePassword => "Change password",
        Key::CurrentPassword => "Current password",
        Key::NewPassword => "New password",
        Key::PasswordChanged => "Password changed.",
        Key::Phone => "Phone",
        Key::AdminOverview => "Platform overview",
        Key::Users => "Users",
        Key::Vendors => "Vendors",
        Key::Categories => "Categories",
        Key::SearchResultsFor => "Results for",
        Key::SearchEmpty => "No listings match your search yet.",
        Key::CartTitle => "Your cart",
        Key::CartEmpty => "Your cart is empty.",
        Key::ContinueShopping => "Continue shopping",
        Key::ShowingResultsFor => "Showing results for",
        Key::MatchedSomeWords => "No listing has every word; these match some of them.",
        Key::ListingsFound => "listings",
        Key::YourSessions => "Where you are logged in",
        Key::LastSeen => "last used",
        Key::ThisDevice => "(this device)",
        Key::LogOutOtherSessions => "Log out other sessions",
        Key::OtherSessionsEnded => "Every other session has been logged out.",
        Key::SendPasswordResetLink => "Send a password reset link",
        Key::ForgotPassword => "Forgot your password?",
        Key::Analytics => "Analytics",
        Key::PlatformAnalytics => "Platform analytics",
        Key::LastDays => "Last {n} days",
        Key::FromDate => "From",
        Key::ToDate => "To",
        Key::ShowPeriod => "Show",
        Key::ComparedWith => "Compared with",
        Key::Gmv => "Sales (GMV)",
        Key::CommissionRevenue => "Commission revenue",
        Key::TakeRate => "Take rate",
        Key::OrdersFigure => "Orders",
        Key::AverageOrder => "Average order",
        Key::ActiveShoppers => "Active shoppers",
        Key::NewShoppers => "New shoppers",
        Key::ActiveShops => "Active shops",
        Key::NewShops => "New shops",
        Key::Previously => "before",
        Key::MpesaSuccess => "M-Pesa success rate",
        Key::MpesaFailures => "Failed prompts by result",
        Key::DropCauses => "Cancelled and rejected parts",
        Key::StepTimes => "Hours from payment to each step",
        Key::StepLabel => "Step",
        Key::PartsLabel2 => "Parts",
        Key::TopCategories => "Top categories",
        Key::TopShops => "Top shops",
        Key::DailyGmv => "Sales per day",
        Key::DataTable => "Data table",
        Key::DayLabel => "Day",
        Key::PersonPage => "Person",
        Key::TwoStepOnShort => "two-step login on",
        Key::TwoStepOffShort => "no two-step login",
        Key::EmailConfirmedShort => "email confirmed",
        Key::EmailUnconfirmedShort => "email not confirmed",
        Key::ManageOnPeopleList => "Suspend, reset or change role on the people list",
        Key::LatestOrders => "Latest orders",
        Key::SessionsOpen => "Where they are logged in",
        Key::OrderDesk => "Orders",
        Key::OrderSearch => "Order number, shopper email, shop or M-Pesa receipt",
        Key::NoOrdersFound => "No orders match.",
        Key::OrderNumberLabel => "Order",
        Key::ShopperLabel => "Shopper",
        Key::ShopsLabel => "Shops",
        Key::TotalLabel => "Total",
        Key::PlacedLabel => "Placed",
        Key::DeliverTo => "Deliver to",
        Key::PartsLabel => "Parts by shop",
        Key::CommissionNet => "commission / shop's net",
        Key::RefundedLabel => "refunded",
        Key::PaymentAttempts => "Payment attempts",
        Key::CallbacksLabel => "M-Pesa callbacks",
        Key::LedgerLabel => "Ledger transactions",
        Key::NothingYet => "None.",
        Key::ItemWasRefunded => "The item was refunded.",
        Key::Inbox => "Inbox",
        Key::ModerationInbox => "Moderation inbox",
        Key::InboxAll => "All",
        Key::InboxShops => "Shop applications",
        Key::InboxListings => "Listings",
        Key::InboxCallbacks => "Flagged M-Pesa callbacks",
        Key::WaitingFor => "waiting",
        Key::ClaimedBy => "Claimed by",
        Key::ClaimItem => "Claim",
        Key::YouAreOnIt => "You are working on this",
        Key::EditOfApproved => "Edit of an approved listing",
        Key::NewSubmission => "New listing",
        Key::ChangedField => "Field",
        Key::ApprovedBefore => "Approved",
        Key::AskedNow => "Now",
        Key::ApproveSelected => "Approve selected listings",
        Key::SelectForBulk => "Select",
        Key::ResolutionNote => "What you found",
        Key::MarkResolved => "Mark resolved",
        Key::DocumentsAndDetails => "Documents and details",
        Key::ConfirmEmail => "Confirm your email",
        Key::ConfirmEmailIntro => "Press the button to confirm that this address is yours.",
        Key::ConfirmMyEmail => "Confirm my email",
        Key::EmailConfirmed => "Your email address is confirmed.",
        Key::EmailNotConfirmed => {
            "Your email address is not confirmed yet: open the link we mailed you. You need it to open a shop."
        }
        Key::SendLinkAgain => "Send the link again",
        Key::VerificationSent => "A new link is on its way to your inbox.",
        Key::TwoStepLogin => "Two-step login",
        Key::TwoStepIntro => {
            "After your password, log in with a code from an authenticator app on your phone. A stolen password alone then opens nothing."
        }
        Key::TwoStepIsOn => "Two-step login is on.",
        Key::TwoStepIsOff => "Two-step login is off.",
        Key::TwoStepRequired => {
            "Your role needs two-step login: admins before the console opens, shop owners and accountants before they change where payouts go."
        }
        Key::SetUpTwoStep => "Set up two-step login",
        Key::ScanTheCode => {
            "Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, Authy), or type the key into it. Then enter the 6-digit code it shows."
        }
        Key::SecretKey => "Key",
        Key::QrCodeLabel => "QR code to scan with an authenticator app",
        Key::CodeFromApp => "6-digit code from the app",
        Key::TurnOnTwoStep => "Turn on two-step login",
        Key::RecoveryCodes => "Recovery codes",
        Key::RecoveryCodesNote => {
            "Keep these somewhere safe, away from your phone. Each works once, in place of a code, if you lose the phone. They are shown only now."
        }
        Key::RecoveryCodesLeft => "Recovery codes left",
        Key::NewRecoveryCodes => "Make new recovery codes",
        Key::NewRecoveryCodesNote => {
            "Lost your recovery codes or used most of them? Make ten new ones; the old ones stop working."
        }
        Key::TurnOffTwoStep => "Turn off two-step login",
        Key::CodeOrRecoveryCode => "Code from the app, or a recovery code",
        Key::SecondStepIntro => {
            "Enter the 6-digit code your authenticator app shows now, or one of your recovery codes."
        }
        Key::ManageTwoStep => "Manage two-step login",
        Key::ResetLinkSent => {
            "If an account uses that email, a link to set a new password is on its way. It works once, for 30 minutes."
        }
        Key::SendResetLink => "Send the link",
        Key::SetNewPassword => "Set a new password",
        Key::AskForNewLink => "Ask for a new link",
        Key::PasswordWasReset => {
            "Your password is set. Log in with it; your other sessions have ended."
        }
        Key::ChecklistSettings => "Check VAT, the holding period and the payout minimum",
        Key::OrdersPausedTitle => {
            "The marketplace is not taking new orders just now. Your cart is kept."
        }
        Key::BackToCart => "Back to the cart",
        Key::PlatformSettings => "Settings",
        Key::VatPercent => "VAT included in prices (%)",
        Key::ReservationMinutes => "Minutes stock is held for an unpaid M-Pesa order",
        Key::ReturnDays => "Days after delivery a shopper may ask to return",
        Key::HoldingDays => "Days after delivery before a shop's money is released",
        Key::PayoutMinimum => "Smallest payout (KES)",
        Key::PauseOrders => "Pause new orders (browsing goes on; checkout shows the message)",
        Key::PauseMessage => "Message to shoppers while paused",
        Key::SettingsApplyAtOnce => {
            "Changes apply from the next request and are recorded in the audit log."
        }
        Key::MembershipTier => "Membership tier",
        Key::SetTier => "Set tier",
        Key::People => "People",
        Key::EmailOrName => "Email or name",
        Key::NobodyFound => "Nobody matches.",
        Key::Joined => "joined",
        Key::OrdersCount => "orders",
        Key::MakeAdmin => "Make admin",
        Key::RemoveAdmin => "Remove admin",
        Key::AuditLog => "Audit log",
        Key::AuditSearch => "Words (summary, object, action or email)",
        Key::DownloadCsv => "Download CSV",
        Key::NothingAudited => "Nothing recorded matches.",
        Key::AuditWhen => "When (UTC)",
        Key::AuditWho => "Who",
        Key::AuditAction => "Action",
        Key::AuditWhat => "What changed",
        Key::OlderEntries => "Older entries",
        Key::TopLevel => "Top level",
        Key::NewCategory => "New category",
        Key::NameEnglish => "Name in English",
        Key::NameSwahili => "Name in Swahili",
        Key::CategoryAddress => "Address (slug)",
        Key::CategoryAddressHint => "Lowercase letters, digits and hyphens: /search?category=…",
        Key::ParentCategory => "Parent",
        Key::Create => "Create",
        Key::NoCategoriesYet => "No categories yet: shops cannot list anything until there is one.",
        Key::Rename => "Rename",
        Key::Move => "Move",
        Key::MoveUp => "Move up",
        Key::MoveDown => "Move down",
        Key::MergeInto => "Merge into",
        Key::MergeAndRetire => "Merge and retire",
        Key::MergeHint => {
            "Its listings and subcategories move to the chosen category, its own commission rules end, and it is removed."
        }
        Key::FirstRunChecklist => "Getting started",
        Key::ChecklistCategories => "Create the categories shops list under",
        Key::ChecklistTiers => "Review the membership tiers: listing limits and commission",
        Key::ChecklistShops => "Verify the first shop from its application",
        Key::About => "About",
        Key::NextPage => "Next page",
        Key::InStock => "In stock",
        Key::OutOfStock => "Out of stock",
        Key::Filters => "Filters",
        Key::SortBy => "Sort by",
        Key::MinPrice => "Min price",
        Key::MaxPrice => "Max price",
        Key::Apply => "Apply",
        Key::ClearFilters => "Clear filters",
        Key::Price => "Price",
        Key::Rating => "Seller rating",
        Key::Location => "Location",
        Key::SortRelevance => "Best match",
        Key::SortPriceAsc => "Price: low to high",
        Key::SortPriceDesc => "Price: high to low",
        Key::SortNewest => "Newest",
        Key::SortPopular => "Most popular",
        Key::SortDistance => "Nearest",
        Key::NotFoundTitle => "Page not found",
        Key::NotFoundBody => "We could not find the page you asked for.",
        Key::ForbiddenTitle => "You do not have access to this page.",
        Key::ErrorTitle => "Something went wrong",
        Key::ErrorBody => "Please try again in a moment.",
        Key::GoHome => "Go to the home page",
        Key::FeatureOnHome => "Feature on the home page",
        Key::Unfeature => "Stop featuring",
        Key::ShopSubtotal => "Shop subtotal",
        Key::CartTotal => "Total",
        Key::SavedForLater => "Saved for later",
        Key::SaveForLater => "Save for later",
        Key::MoveToCart => "Move to cart",
        Key::LineWithdrawn => "No longer for sale",
        Key::OnlyLeft => "Only this many left:",
        Key::PriceChanged => "Price changed:",
        Key::Quantity => "Quantity",
        Key::Update => "Update",
        Key::AddToCart => "Add to cart",
        Key::AddedToCart => "Added to your cart.",
        Key::ViewCart => "View cart",
        Key::Checkout => "Checkout",
        Key::DeliveryAddress => "Delivery address",
        Key::Street => "Street, building and house",
        Key::PaymentMethod => "Payment",
        Key::CashOnDelivery => "Cash on delivery",
        Key::PayWithMpesa => "M-Pesa (a PIN prompt on your phone)",
        Key::CheckYourPhone => "Check your phone and enter your M-Pesa PIN to pay",
        Key::PaymentReceived => "Payment received — thank you",
        Key::PaymentNotCompleted => "The payment did not go through",
        Key::CheckAgain => "I've paid — check again",
        Key::SendPrompt => "Send the M-Pesa prompt",
        Key::ItemsHeldFor => "Minutes your items stay reserved:",
        Key::OrderNotPaidInTime => {
            "Payment did not arrive in time: the order was cancelled and nothing was charged."
        }
        Key::MpesaPhone => "M-Pesa phone",
        Key::ShopMoney => "Money",
        Key::PendingBalance => "Pending (until delivered and held for the holding period)",
        Key::AvailableBalance => "Available for payout",
        Key::Statement => "Statement",
        Key::Payouts => "Payouts",
        Key::Gross => "Sale",
        Key::Commission => "Commission",
        Key::Net => "Net",
        Key::AvailableOn => "Available on",
        Key::AdminPayments => "Payments",
        Key::FlaggedCallbacks => "Flagged M-Pesa callbacks",
        Key::RunPayoutsNow => "Run payouts now",
        Key::NothingFlagged => "Nothing flagged.",
        Key::StatusHeading => "Status",
        Key::RefundItem => "Refund this item",
        Key::ItemRefunded => "refunded",
        Key::AcceptsCod => "Customers may pay cash on delivery",
        Key::CodNotEverywhere => {
            "Cash on delivery is not offered by every shop in your basket: pay with M-Pesa."
        }
        Key::DeliveryHeading => "Delivery",
        Key::PickupAtShop => "Pick up at the shop — free",
        Key::DeliveredByShop => "Delivery by the shop",
        Key::NoDeliveryOffered => "This shop does not deliver; pick up at the shop.",
        Key::CouponCode => "Coupon code (optional)",
        Key::DiscountLabel => "Discount",
        Key::ItemsSubtotal => "Items",
        Key::ReturnThis => "Return this part",
        Key::ReturnReason => "Why are you returning it?",
        Key::AcceptReturn => "Accept the return and refund",
        Key::Promotions => "Promotions and delivery",
        Key::Coupons => "Coupons",
        Key::NewCoupon => "New coupon",
        Key::CodeLabel => "Code",
        Key::DiscountKind => "Kind",
        Key::PercentOff => "Percent off",
        Key::AmountOff => "Amount off (KSh)",
        Key::DiscountValue => "Value",
        Key::MinimumSpend => "Minimum spend at your shop (optional)",
        Key::MaxUses => "Maximum uses (optional)",
        Key::UsesLabel => "Used",
        Key::SwitchOff => "Switch off",
        Key::SwitchOn => "Switch on",
        Key::CreateCoupon => "Create coupon",
        Key::OffersPickup => "Customers may pick up at the shop",
        Key::FlatDeliveryFee => "Delivery fee in KSh (empty: you do not deliver)",
        Key::DeliveryZones => "Fees by county, one per line as County: fee",
        Key::SaveDelivery => "Save delivery terms",
        Key::CommissionRules => {
            "Commission rules (most specific wins: shop and category, shop, category, then tier)"
        }
        Key::ShopSlugOptional => "Shop address (empty: every shop)",
        Key::CategoryOptional => "Category (empty: every category)",
        Key::AddRule => "Add rule",
        Key::EveryShop => "every shop",
        Key::EveryCategory => "every category",
        Key::UseSavedAddress => "Saved address",
        Key::PlaceOrder => "Place order",
        Key::OrderSummary => "Order summary",
        Key::VatIncluded => "VAT included",
        Key::MyOrders => "My orders",
        Key::NoOrdersYet => "You have no orders yet.",
        Key::YourOrder => "Your order",
        Key::OrderPlacedOn => "Placed",
        Key::Timeline => "Timeline",
        Key::OrderPendingPayment => "Waiting for payment",
        Key::OrderAwaitingAcceptance => "Waiting for the shop",
        Key::OrderAccepted => "Accepted by the shop",
        Key::OrderShipped => "Shipped",
        Key::OrderDelivered => "Delivered",
        Key::OrderCompleted => "Completed",
        Key::OrderCancelled => "Cancelled",
        Key::OrderRejected => "Rejected by the shop",
        Key::OrderReturnRequested => "Return requested",
        Key::OrderRefunded => "Refunded",
        Key::GoToCheckout => "Go to checkout",
        Key::ShopOrders => "Orders",
        Key::Accept => "Accept",
        Key::Ship => "Mark shipped",
        Key::MarkDelivered => "Mark delivered",
        Key::CarrierNote => "Carrier and tracking (optional)",
        Key::YouReceive => "you receive",
        Key::CancelPart => "Cancel this part of the order",
        Key::OwedToPlatform => "You owe Sokoni (commission on cash-on-delivery sales)",
        Key::Working => "Working…",
        Key::SellTitle => "Sell on Sokoni",
        Key::SellIntro => {
            "Tell us about your shop. Once an admin has checked your documents you can list products."
        }
        Key::BusinessName => "Business name",
        Key::StoreSlug => "Shop address",
        Key::StoreSlugHint => {
            "Your shop's page will be sokoni.co.ke/store/<address>: lowercase letters, digits and hyphens."
        }
        Key::BusinessType => "Business type",
        Key::BizIndividual => "Individual",
        Key::BizSoleProprietor => "Sole proprietor",
        Key::BizPartnership => "Partnership",
        Key::BizLimitedCompany => "Limited company",
        Key::BizCooperative => "Co-operative",
        Key::Description => "Description",
        Key::DescriptionHint => {
            "Plain text, or simple Markdown: **bold**, *italic*, lists and links."
        }
        Key::County => "County",
        Key::Town => "Town",
        Key::Latitude => "Latitude",
        Key::Longitude => "Longitude",
        Key::LocationHint => {
            "Your shop's map point (for example from Google Maps: -1.2921, 36.8219). Shoppers near you find you first."
        }
        Key::SubmitApplication => "Submit application",
        Key::SaveShop => "Save shop details",
        Key::ShopDetails => "Shop details",
        Key::StatusPending => "Pending review",
        Key::StatusVerified => "Verified",
        Key::StatusRejected => "Rejected",
        Key::StatusSuspended => "Suspended",
        Key::StatusApproved => "Approved",
        Key::StatusArchived => "Archived",
        Key::StatusDraft => "Draft",
        Key::ReasonLabel => "Reason",
        Key::PendingExplainer => {
            "An admin will review your application and documents. Upload your ID and business permit below to speed it up."
        }
        Key::KycDocuments => "Verification documents",
        Key::NoDocumentsYet => "No documents uploaded yet.",
        Key::DocumentKind => "Document",
        Key::DocNationalId => "National ID",
        Key::DocBusinessPermit => "Business permit",
        Key::DocKraPin => "KRA PIN certificate",
        Key::DocOther => "Other",
        Key::ChooseFile => "File (PDF, JPEG or PNG, up to 8 MB)",
        Key::UploadDocument => "Upload document",
        Key::ShopLogo => "Shop logo",
        Key::UploadLogo => "Upload logo",
        Key::Near => "Near",
        Key::Anywhere => "Anywhere",
        Key::MyLocation => "My location",
        Key::Within => "Within",
        Key::AnyDistance => "Any distance",
        Key::UseMyLocation => "Use my location",
        Key::RemoveDocument => "Remove",
        Key::PayoutPhone => "Payout phone",
        Key::PayoutPhoneExplainer => {
            "M-Pesa payouts go to this phone. To change it, we text a code to the new phone; once it changes, the old phone and the owners are told and payouts pause for 24 hours."
        }
        Key::PayoutPhoneLocked => {
            "The payout phone of a verified shop is changed below, with a code."
        }
        Key::NewPayoutPhone => "New payout phone",
        Key::SendCode => "Send a code",
        Key::CodeSentTo => "A code was texted to",
        Key::CodeFromText => "Code from the text message",
        Key::ChangePayoutPhone => "Change the payout phone",
        Key::PayoutsHeldUntil => "Payouts are paused after the phone change until",
        Key::AcceptHours => {
            "Hours a shop has to accept a paid order (then it is cancelled and refunded)"
        }
        Key::ShipDays => {
            "Days a shop has to ship an accepted order (then the shopper may cancel it)"
        }
        Key::ShipBy => "The shop should ship this by",
        Key::CancelUnshipped => "Not shipped in time: cancel and get a refund",
        Key::ConfirmReceipt => "I received it",
        Key::ConfirmReceiptNote => {
            "The shop is paid for it now; returns and disputes about it end."
        }
        Key::WishlistAbout => {
            "We tell you when a saved item gets cheaper or is back in stock (at most once a day per item), by the channels you chose under Notifications."
        }
        Key::WishlistEmpty => "Nothing saved yet: tap ♡ on a product to keep it here.",
        Key::SaveItem => "Save",
        Key::SavedItem => "Saved",
        Key::Notifications => "Notifications",
        Key::NotifyBy => "Tell me by",
        Key::ChannelEmail => "Email",
        Key::ChannelSms => "Text message (SMS)",
        Key::ChannelApp => "Here, in Sokoni",
        Key::SmsNeedsPhone => "Text messages need a phone number on your account.",
        Key::NotifyLanguage => "Messages come in the language you choose at the foot of the page.",
        Key::NoNotifications => "Nothing yet.",
        Key::DeadLetters => "Failed notifications",
        Key::DeadLettersAbout => {
            "Each of these failed ten times; every try waited twice as long as the one before (up to 6 hours). Fix the cause (the address, the provider's balance), then send it again."
        }
        Key::SendAgain => "Send again",
        Key::Wishlist => "Saved items",
        Key::NoReviewsYet => "No reviews yet",
        Key::FirstToReview => "Bought it? Review it from your order's page.",
        Key::VerifiedPurchase => "Verified purchase",
        Key::ShopReplied => "The shop replied",
        Key::ReviewHiddenBecause => "Hidden by Sokoni:",
        Key::ReviewsHeading => "Reviews",
        Key::MostHelpful => "Most helpful",
        Key::Helpful => "Helpful",
        Key::ReportReview => "Report",
        Key::ReportReason => "Why should Sokoni look at it?",
        Key::Send => "Send",
        Key::ReviewThisItem => "Review this item",
        Key::YourStars => "Your rating",
        Key::ReviewBody => "What did you think of it?",
        Key::PostReview => "Post the review",
        Key::YouRated => "You rated it",
        Key::SellerReviews => "Reviews",
        Key::ReplyLabel => "Your public reply (one per review)",
        Key::PostReply => "Post the reply",
        Key::InboxReviews => "Reported reviews",
        Key::ReportsLabel => "Reports",
        Key::HideReview => "Hide the review",
        Key::KeepReview => "Keep it (clear the reports)",
        Key::HideReason => "Reason for hiding (the shop reads it)",
        Key::SortRating => "Best rated",
        Key::ReliabilityDisputed => "Disputes opened by shoppers",
        Key::ReliabilityDisputesLost => "Refunded on a dispute",
        Key::AnswerHours => "Hours a shop has to answer a dispute (then it goes to Sokoni's team)",
        Key::ProblemWithPart => "Problem with this part? Open a dispute",
        Key::DisputeReasonLabel => "What went wrong",
        Key::DisputeNotReceived => "Not received",
        Key::DisputeNotAsDescribed => "Not as described",
        Key::DisputeDamaged => "Arrived damaged",
        Key::DisputeReturnRefused => "The shop refused my return",
        Key::DisputeBody => "Tell us what happened (at least 10 characters)",
        Key::PhotosUpToThree => "Photos (up to 3, optional)",
        Key::DisputeHeldNote => {
            "While the dispute is open, the shop is not paid for this part. The shop answers first; if you disagree, Sokoni's team decides."
        }
        Key::OpenDispute => "Open the dispute",
        Key::DisputeTitle => "Dispute",
        Key::DisputeAwaitingShop => "waiting for the shop's answer",
        Key::DisputeAnswered => "the shop answered",
        Key::DisputeEscalated => "with Sokoni's team",
        Key::DisputeResolved => "settled",
        Key::AnswerDue => "The shop must answer by",
        Key::ShopAnswer => "The shop's answer",
        Key::AcceptAnswer => "Accept the answer",
        Key::EscalateDispute => "Ask Sokoni to decide",
        Key::OutcomeShopRefunded => "The shop refunded this part in full.",
        Key::OutcomeAnswerAccepted => "Settled on the shop's answer: nothing refunded.",
        Key::OutcomeFullRefund => "Sokoni decided: full refund.",
        Key::OutcomePartialRefund => "Sokoni decided: partial refund of",
        Key::OutcomeRefused => "Sokoni decided: claim refused, nothing refunded.",
        Key::DecisionReasons => "Sokoni's reasons",
        Key::YourAnswer => "Your answer to the shopper",
        Key::AnswerDispute => "Send the answer",
        Key::RefundInFull => "Refund this part in full",
        Key::DeclineReturn => "Decline the return",
        Key::InboxDisputes => "Disputes",
        Key::DecisionLabel => "Decision",
        Key::DecideFull => "Full refund",
        Key::DecidePartial => "Partial refund",
        Key::DecideRefuse => "Refuse the claim",
        Key::RefundAmount => "Amount to refund (partial)",
        Key::DecisionNote => "Reasons (both sides read them)",
        Key::Decide => "Decide",
        Key::NegativeBalance => {
            "Refunds after a payout took your available balance below zero. Your next released sales cover it before another payout is sent."
        }
        Key::ReliabilityHeading => "Reliability (last 90 days)",
        Key::ReliabilityGrade => "Grade",
        Key::ReliabilityAccepted => "Accepted",
        Key::ReliabilityRejected => "Rejected",
        Key::ReliabilityMissed => "Cancelled for a missed deadline",
        Key::ReliabilityShopperCancelled => "Cancelled by the shopper first",
        Key::ReliabilityAcceptTime => "Median hours to accept",
        Key::ReliabilityShipTime => "Median hours from accepting to shipping",
        Key::ReliabilityRule => {
            "How the grade is worked out: A accepts at least 95% of orders, is cancelled for a missed deadline at most 2% of the time, refunds at most 1% of orders on a dispute and accepts within 12 hours (median); B: 85%, 5%, 3% and 24 hours; C: 70%, 10% and 6%; D: below that. Orders the shopper cancelled first do not count. With fewer than 5 orders in 90 days a shop is new."
        }
        Key::GradeNew => "New",
        Key::PayoutsHeldOwnerEmail => {
            "Payouts are held until the shop's owner confirms their email address."
        }
        Key::PayoutsHeldOwnerTwoStep => {
            "Payouts are held until the shop's owner turns on two-step login, so a stolen password cannot move the shop's money."
        }
        Key::PayoutPhoneChanged => "The payout phone was changed.",
        Key::MyListings => "My listings",
        Key::NewListing => "New listing",
        Key::EditListing => "Edit listing",
        Key::ImportExport => "Import / export",
        Key::Staff => "Staff",
        Key::AddStaff => "Invite a staff member",
        Key::InvitationSent => {
            "Invitation sent. They join when they accept it from their account page (after signing up with that email, if they have no account yet)."
        }
        Key::InvitedNotYetAccepted => "Invited, not yet accepted",
        Key::Withdraw => "Withdraw",
        Key::ShopInvitations => "Invitations to work at a shop",
        Key::Decline => "Decline",
        Key::YouWorkAt => "You work at",
        Key::LeaveShop => "Leave this shop",
        Key::StaffRolesHint => {
            "Inventory staff manage listings and stock; order staff handle orders; accounting staff see statements and payouts."
        }
        Key::Role => "Role",
        Key::RoleOwner => "Owner",
        Key::RoleInventory => "Inventory",
        Key::RoleOrders => "Orders",
        Key::RoleAccounting => "Accounting",
        Key::LowStock => "Running low on stock",
        Key::NoListingsYet => "You have no listings yet.",
        Key::Stock => "Stock",
        Key::Variants => "Variants",
        Key::VariantHint => {
            "Each variant has its own SKU and stock; leave the price empty to use the listing's price."
        }
        Key::AddVariant => "Add variant",
        Key::Sku => "SKU",
        Key::Options => "Options (Size: M, Colour: Red)",
        Key::PriceOverride => "Price (optional)",
        Key::Photos => "Photos",
        Key::AddPhotos => "Add photos (JPEG, PNG or WebP)",
        Key::PhotoHint => {
            "Up to 10 photos of up to 8 MB each. Adding a photo sends the listing for review again."
        }
        Key::Upload => "Upload",
        Key::Remove => "Remove",
        Key::Archive => "Archive",
        Key::Restore => "Restore",
        Key::Duplicate => "Duplicate",
        Key::ViewInShop => "View in the shop",
        Key::Save => "Save",
        Key::SubmitForReview => "Submit for review",
        Key::Title => "Title",
        Key::Category => "Category",
        Key::Tags => "Tags",
        Key::TagsHint => "Separated by commas, e.g. phone, samsung, 128gb",
        Key::CompareAtPrice => "Was (optional)",
        Key::Currency => "Currency",
        Key::WeightGrams => "Weight (g)",
        Key::LengthCm => "Length (cm)",
        Key::WidthCm => "Width (cm)",
        Key::HeightCm => "Height (cm)",
        Key::LowStockThreshold => "Low-stock alert at",
        Key::ShopApplications => "Shops",
        Key::ListingQueue => "Listings to review",
        Key::QueueEmpty => "Nothing waiting for review.",
        Key::Verify => "Verify",
        Key::Reject => "Reject",
        Key::Approve => "Approve",
        Key::Suspend => "Suspend",
        Key::Reinstate => "Reinstate",
        Key::MembershipTiers => "Membership tiers",
        Key::ListingLimit => "Listing limit",
        Key::CommissionPercent => "Commission %",
        Key::DeliveryEstimate => {
            "Delivery: usually 1–3 days within the county; the shop confirms at checkout."
        }
        Key::MoreFromShop => "More from this shop",
        Key::Featured => "Featured",
        Key::Newest => "New arrivals",
        Key::NearYou => "Popular near you",
        Key::ShowNearMe => "Show popular items near me",
        Key::CsvImport => "Import listings from CSV",
        Key::CsvImportHint => {
            "Columns: sku, title, description, category, tags, price, compare_at_price, currency, stock, weight_grams, low_stock_threshold. A row whose SKU you already use updates that listing."
        }
        Key::ImportValidRows => "Import the valid rows even if some rows have errors",
        Key::Import => "Import",
        Key::CsvExport => "Download my listings as CSV",
        Key::ImportReport => "Import report",
        Key::ImportNothingApplied => {
            "The file has errors, so nothing was imported. Fix the rows below, or import only the valid rows."
        }
        Key::ImportMoreErrors => {
            "more rows with errors (fix the ones above and import again to see them)"
        }
        Key::ImportCreated => "created",
        Key::ImportUpdated => "updated",
        Key::Row => "Row",
        Key::Column => "Column",
    }
}

pub fn invalid(why: Invalid) -> String {
    match why {
        Invalid::Required => "This field is required.".into(),
        Invalid::TooLong { max } => format!("Use at most {max} characters."),
        Invalid::TooShort { min } => format!("Use at least {min} characters."),
        Invalid::EmailFormat => "Enter a valid email address, like name@example.com.".into(),
        Invalid::PhoneFormat => "Enter a valid phone number, like 0712 345 678.".into(),
        Invalid::ControlCharacters => "Remove the hidden or special control characters.".into(),
        Invalid::EmailTaken => "An account with this email already exists.".into(),
        Invalid::PasswordMismatch => "The passwords do not match.".into(),
        Invalid::WrongCurrentPassword => "Your current password is not correct.".into(),
        Invalid::UnknownCurrency => "Choose a supported currency.".into(),
        Invalid::NumberFormat => "Enter a number.".into(),
        Invalid::OutOfRange => "This value is out of range.".into(),
        Invalid::NotFound => "This choice is not available.".into(),
        Invalid::AmountFormat => "Enter an amount like 1250 or 1,250.50.".into(),
        Invalid::SlugFormat => {
            "Use lowercase letters and digits joined by single hyphens, like mama-mboga.".into()
        }
        Invalid::SlugTaken => "This address is already taken; choose another.".into(),
        Invalid::SkuFormat => "Use letters, digits and - _ . / only.".into(),
        Invalid::SkuTaken => "Another of your listings already uses this SKU.".into(),
        Invalid::OptionsFormat => {
            "Write options as Name: value, separated by commas (Size: M, Colour: Red).".into()
        }
        Invalid::TooMany { max } => format!("Use at most {max}."),
        Invalid::FileType => "This file type is not accepted.".into(),
        Invalid::FileTooLarge { max_mb } => format!("The file is larger than {max_mb} MB."),
        Invalid::ImageTooBig => "The picture's dimensions are too large.".into(),
        Invalid::LimitReached { max } => {
            format!("Your membership tier allows {max} active listings.")
        }
        Invalid::AlreadyApplied => "You already have a shop application.".into(),
        Invalid::CartChanged => "Your cart changed since you opened checkout (price, stock or availability). Review it and try again.".into(),
        Invalid::MixedCurrencies => "Pay for items in one currency at a time.".into(),
        Invalid::KeyReused => "This checkout was already used for a different cart. Reload the page.".into(),
        Invalid::NotPayable => "This order cannot be paid any more: it is paid, or its reservation ended.".into(),
        Invalid::CurrencyNotSold => "Prices are in Kenya shillings (KES) for now: M-Pesa collects KES only, and shop balances and payouts are in KES.".into(),
        Invalid::Unreadable => "This could not be read. Reload the page and try again.".into(),
        Invalid::AlreadyInShop => "You already work at a shop. Leave it first (on this page), then accept.".into(),
        Invalid::MpesaUnavailable => "M-Pesa could not be reached. Try again in a minute, or pay cash on delivery.".into(),
        Invalid::PromptLimit { per_hour } => format!("At most {per_hour} M-Pesa prompts an hour can go to one order or phone. Try again later, or pay cash on delivery."),
        Invalid::CheckTooSoon { secs } => format!("M-Pesa was just asked. Check again in {secs} seconds."),
        Invalid::DeliveryUnavailable => "This shop neither delivers to that county nor offers pickup. Choose pickup or another address.".into(),
        Invalid::CouponInvalid => "This coupon code is not valid (unknown, switched off, or used up).".into(),
        Invalid::CouponNotInCart => "This coupon is for a shop you are not buying from.".into(),
        Invalid::CouponMinimum => "Your items from this coupon's shop are below its minimum.".into(),
        Invalid::CouponCodeTaken => "That code is already in use. Choose another.".into(),
        Invalid::ReturnWindowClosed => "The return window for this part has closed.".into(),
        Invalid::CodNotAccepted => "A shop in your basket does not take cash on delivery: pay with M-Pesa.".into(),
        Invalid::AlreadyRefunded => "This item was already refunded.".into(),
        Invalid::PhoneNeedsCode => "A verified shop's payout phone changes only with a code sent to the new phone: use “Change the payout phone” on this page.".into(),
        Invalid::SamePhone => "This is already the payout phone.".into(),
        Invalid::CodeLimit { per_hour } => format!("At most {per_hour} codes an hour can be sent. Try again later."),
        Invalid::CodeWrong { tries_left } => format!("That code is not right. {tries_left} tries left."),
        Invalid::CodeExpired => "This code expired or was tried too often. Ask for a new one.".into(),
        Invalid::CategoryTooDeep => "Categories go two levels deep: a subcategory sits under a top-level category, and a category with subcategories stays top level.".into(),
        Invalid::CategoryIntoItself => "A category cannot go into itself or one of its own subcategories.".into(),
        Invalid::LastAdmin => "This is the last active admin: make someone else an admin first.".into(),
        Invalid::OrdersPaused => "The marketplace is not taking new orders just now. Your cart is kept.".into(),
        Invalid::LinkExpired => "This link has expired or was already used. Ask for a new one.".into(),
        Invalid::TwoFactorWrong => "That code is not right. Use the 6-digit code your authenticator app shows now, or one of your recovery codes.".into(),
        Invalid::TwoFactorUsed => "That code was already used. Wait for the next one (a new code comes every 30 seconds).".into(),
        Invalid::LoginStepExpired => "This login took too long. Log in again with your email and password.".into(),
        Invalid::TwoFactorRequired => "Turn on two-step login first (Account → Two-step login).".into(),
        Invalid::TwoFactorKept => "Admins keep two-step login on.".into(),
        Invalid::EmailUnverified => "Confirm your email address first: open the link we mailed you (your account page can send it again).".into(),
        Invalid::ClaimedByOther => "Another admin is working on this item (claims lapse after 30 minutes).".into(),
        Invalid::NotDisputable => "This part cannot be disputed now (it must be shipped or delivered, paid by M-Pesa, and its money not yet released to the shop).".into(),
        Invalid::AlreadyDisputed => "This part has a dispute already.".into(),
        Invalid::DisputeMoved => "The dispute has moved on since you opened the page: reload it.".into(),
        Invalid::NotReviewable => "Only an item delivered to you can be reviewed.".into(),
        Invalid::AlreadyReviewed => "You have reviewed this item already.".into(),
        Invalid::AlreadyReplied => "Your shop has replied to this review already.".into(),
        Invalid::OwnShop => "You work for this shop, so you cannot review its items.".into(),
        Invalid::OwnReview => "This is your own review: only other shoppers can find it helpful.".into(),
        Invalid::PhoneMissing => "Add a phone number to your account first.".into(),
        Invalid::DocumentsKept => "A verified shop's documents are kept as the record of its verification.".into(),
    }
}

pub fn mail(mail: &Mail<'_>) -> Message {
    let m = |subject: String, body: String| Message { subject, body };
    match *mail {
        Mail::OrderPlaced { order, mpesa } => {
            let n = order_number(order);
            let next = if mpesa {
                "Enter your M-Pesa PIN on your phone to pay; the shops start once the payment arrives."
            } else {
                "You pay each shop in cash on delivery."
            };
            m(
                format!("Sokoni order {n} placed"),
                format!(
                    "Asante! Your order {n} is placed. {next}\nFollow it at /account/orders/{order}"
                ),
            )
        }
        Mail::OrderPaid { order } => {
            let n = order_number(order);
            m(
                format!("Sokoni order {n} paid"),
                format!(
                    "We received your M-Pesa payment for order {n}. Each shop will now accept and send its part."
                ),
            )
        }
        Mail::NewOrder { order, paid } => {
            let n = order_number(order);
            if paid {
                m(
                    format!("New paid order {n}"),
                    "A paid order is waiting for you to accept it at /seller/orders.".into(),
                )
            } else {
                m(
                    format!("New order {n}"),
                    "A new order is waiting for you to accept it at /seller/orders.".into(),
                )
            }
        }
        Mail::PartAccepted { order, shop } => {
            update(order, shop, "accepted its part of your order")
        }
        Mail::PartShipped { order, shop } => update(order, shop, "sent its part of your order"),
        Mail::PartDelivered { order, shop } => {
            let n = order_number(order);
            m(
                format!("Sokoni order {n}: update from {shop}"),
                format!("{shop} marked its part of your order {n} delivered."),
            )
        }
        Mail::PartRejected { order, shop } => {
            let n = order_number(order);
            m(
                format!("Sokoni order {n}: update from {shop}"),
                format!(
                    "{shop} could not fulfil its part of your order {n}; anything you paid for it is refunded."
                ),
            )
        }
        Mail::ReturnAccepted { order, shop } => {
            let n = order_number(order);
            m(
                format!("Sokoni order {n}: update from {shop}"),
                format!(
                    "{shop} accepted your return for order {n}; anything you paid for it is refunded."
                ),
            )
        }
        Mail::ItemRefunded { order, shop } => {
            let n = order_number(order);
            m(
                format!("Sokoni order {n}: refund from {shop}"),
                format!(
                    "{shop} refunded an item of your order {n}; anything you paid for it comes back to you."
                ),
            )
        }
        Mail::PartCancelled { order } => {
            let n = order_number(order);
            m(
                format!("Order {n}"),
                format!("The shopper cancelled their part of order {n}."),
            )
        }
        Mail::ReceiptConfirmed { order } => {
            let n = order_number(order);
            m(
                format!("Order {n}: received"),
                format!(
                    "The shopper confirmed they received their part of order {n}; its money is released with the next payout run."
                ),
            )
        }
        Mail::ReturnRequested { order } => {
            let n = order_number(order);
            m(
                format!("Order {n}"),
                format!("The shopper asked to return their part of order {n}. See /seller/orders."),
            )
        }
        Mail::LowStock { title, left } => m(
            format!("Low stock: {title}"),
            format!("{title} has {left} left after the latest order. Restock it at /seller."),
        ),
        Mail::PayoutSent { amount } => m(
            format!("Payout sent: {amount}"),
            format!(
                "{amount} left Sokoni's paybill for your payout phone. The statement is at /seller/money."
            ),
        ),
        Mail::PayoutFailed { amount, reason } => m(
            format!("Payout failed: {amount}"),
            format!(
                "The payout of {amount} did not go through ({reason}); the money is back in your balance and goes with the next payout. Check the payout phone at /sell."
            ),
        ),
        Mail::SavedItemCheaper { title, price, slug } => m(
            format!("Price drop: {title}"),
            format!("{title}, which you saved, now costs {price}. See it at /p/{slug}."),
        ),
        Mail::SavedItemBack { title, slug } => m(
            format!("Back in stock: {title}"),
            format!("{title}, which you saved, is back in stock. See it at /p/{slug}."),
        ),
        Mail::ReturnDeclined { order, shop } => {
            let n = order_number(order);
            m(
                format!("Sokoni order {n}: update from {shop}"),
                format!(
                    "{shop} declined your return for order {n}. If you disagree, open a dispute from the order's page before the shop is paid."
                ),
            )
        }
        Mail::DisputeOpened { order } => {
            let n = order_number(order);
            m(
                format!("Dispute on order {n}"),
                format!(
                    "The shopper opened a dispute about their part of order {n}. Answer it at /seller/orders before the deadline, or it goes to Sokoni's team. The money for it stays held until it is settled."
                ),
            )
        }
        Mail::DisputeAnswered { order, shop } => {
            let n = order_number(order);
            m(
                format!("Sokoni order {n}: {shop} answered your dispute"),
                format!(
                    "{shop} answered your dispute about order {n}. Accept the answer, or send it to Sokoni's team, from the order's page."
                ),
            )
        }
        Mail::DisputeEscalated { order } => {
            let n = order_number(order);
            m(
                format!("Dispute on order {n}: with Sokoni's team"),
                format!(
                    "The dispute about order {n} is now with Sokoni's team, who will decide it. The money stays held until then."
                ),
            )
        }
        Mail::DisputeResolved { order, outcome } => {
            use crate::domain::dispute::DisputeOutcome as O;
            let n = order_number(order);
            let how = match outcome {
                O::ShopRefunded => "the shop refunded the part in full",
                O::AnswerAccepted => "the shopper accepted the shop's answer; nothing is refunded",
                O::FullRefund => "Sokoni's team decided on a full refund",
                O::PartialRefund => "Sokoni's team decided on a partial refund",
                O::Refused => "Sokoni's team refused the claim; nothing is refunded",
            };
            m(
                format!("Dispute on order {n}: settled"),
                format!(
                    "The dispute about order {n} is settled: {how}. The details are on the order's page."
                ),
            )
        }
        Mail::PayoutPhoneCode { code, shop } => m(
            String::new(),
            format!(
                "Sokoni: {code} is your code to make this phone the payout phone of {shop}. It expires in 10 minutes. Never share it."
            ),
        ),
        Mail::ShopReviewed {
            shop,
            refused: None,
        } => m(
            format!("{shop} is verified on Sokoni"),
            format!(
                "Your shop {shop} is verified. You can list products now from your seller dashboard."
            ),
        ),
        Mail::ShopReviewed {
            shop,
            refused: Some(reason),
        } => m(
            format!("{shop}: application not approved"),
            format!(
                "Your application for {shop} was not approved.\n\nReason: {reason}\n\nYou can correct the details or documents on the Sell page and save again; it then returns to review."
            ),
        ),
        Mail::ListingReviewed {
            title,
            refused: None,
        } => m(
            format!("Approved: {title}"),
            format!("Your listing \"{title}\" is approved and shoppers can find it now."),
        ),
        Mail::ListingReviewed {
            title,
            refused: Some(reason),
        } => m(
            format!("Not approved: {title}"),
            format!(
                "Your listing \"{title}\" was not approved.\n\nReason: {reason}\n\nEdit it in your seller dashboard and submit it again."
            ),
        ),
        Mail::VerifyEmail { link } => m(
            "Confirm your email for Sokoni".into(),
            format!(
                "Welcome to Sokoni. Confirm that this is your email address by opening this link within 48 hours:\n{link}\n\nYou need a confirmed address to open a shop and to receive payouts. If you did not make an account, ignore this message."
            ),
        ),
        Mail::PasswordReset { link } => m(
            "Reset your Sokoni password".into(),
            format!(
                "Someone (we hope you) asked to reset the password of your Sokoni account.\n\nSet a new one here within 30 minutes:\n{link}\n\nThe link works once. Using it logs your account out everywhere. If you did not ask, ignore this message: your password stays as it is."
            ),
        ),
        Mail::PayoutPhoneChanged { shop, ending } => m(
            format!("{shop}: payout phone changed"),
            format!(
                "Sokoni: the phone that receives {shop}'s payouts was changed to the number ending {ending}. Payouts are paused for 24 hours. If this was not you, change your password and contact Sokoni at once."
            ),
        ),
    }
}

fn update(order: uuid::Uuid, shop: &str, what: &str) -> Message {
    let n = order_number(order);
    Message {
        subject: format!("Sokoni order {n}: update from {shop}"),
        body: format!("{shop} {what} {n}."),
    }
}
