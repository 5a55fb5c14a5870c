//! Swahili text (Kiswahili).

use super::Key;
use super::mail::{Mail, Message, order_number};
use crate::domain::Invalid;

pub fn text(key: Key) -> &'static str {
    match key {
        Key::SiteTagline => "Soko moja, wauzaji wengi.",
        Key::SearchPlaceholder => "Tafuta bidhaa na maduka",
        Key::Search => "Tafuta",
        Key::Cart => "Kikapu",
        Key::Menu => "Menyu",
        Key::LogIn => "Ingia",
        Key::Register => "Jisajili",
        Key::LogOut => "Toka",
        Key::MyAccount => "Akaunti yangu",
        Key::SellerDashboard => "Dashibodi ya muuzaji",
        Key::AdminConsole => "Dashibodi ya msimamizi",
        Key::Language => "Lugha",
        Key::FooterAbout => {
            "Sokoni huleta maduka ya Kenya kwenye kikapu kimoja, unalipa mara moja kwa M-Pesa."
        }
        Key::FooterSell => "Uza kwenye Sokoni",
        Key::SkipToContent => "Ruka hadi maudhui",
        Key::HeroTitle => "Nunua kutoka kwa wauzaji kote Kenya",
        Key::HeroSubtitle => {
            "Kikapu kimoja kwa maduka mengi. Lipa mara moja kwa M-Pesa au ukipokea mzigo."
        }
        Key::ShopByCategory => "Nunua kwa kategoria",
        Key::StartSelling => "Anza kuuza",
        Key::VendorsAcrossKenya => {
            "Wauzaji waliothibitishwa Nairobi, Mombasa, Kisumu, Nakuru na Eldoret"
        }
        Key::Email => "Barua pepe",
        Key::Password => "Nenosiri",
        Key::Name => "Jina kamili",
        Key::PhoneOptional => "Simu (si lazima)",
        Key::CreateAccount => "Fungua akaunti",
        Key::LogInTitle => "Karibu tena",
        Key::RegisterTitle => "Fungua akaunti yako ya Sokoni",
        Key::NoAccountYet => "Mgeni Sokoni? Fungua akaunti",
        Key::HaveAccount => "Una akaunti tayari? Ingia",
        Key::PasswordHint => "Angalau herufi 10.",
        Key::InvalidCredentials => "Barua pepe au nenosiri si sahihi.",
        Key::TooManyAttempts => "Majaribio mengi yameshindwa. Tafadhali jaribu tena baadaye.",
        Key::PleaseLogIn => "Tafadhali ingia ili kuendelea.",
        Key::ProfileTitle => "Wasifu wako",
        Key::SaveProfile => "Hifadhi wasifu",
        Key::Saved => "Imehifadhiwa.",
        Key::ChangePassword => "Badilisha nenosiri",
        Key::CurrentPassword => "Nenosiri la sasa",
        Key::NewPassword => "Nenosiri jipya",
        Key::PasswordChanged => "Nenosiri limebadilishwa.",
        Key::Phone => "Simu",
        Key::AdminOverview => "Muhtasari wa jukwaa",
        Key::Users => "Watumiaji",
        Key::Vendors => "Wauzaji",
        Key::Categories => "Kategoria",
        Key::SearchResultsFor => "Matokeo ya",
        Key::SearchEmpty => "Bado hakuna bidhaa zinazolingana na utafutaji wako.",
        Key::CartTitle => "Kikapu chako",
        Key::CartEmpty => "Kikapu chako ni tupu.",
        Key::ContinueShopping => "Endelea kununua",
        Key::ShowingResultsFor => "Inaonyesha matokeo ya",
        Key::MatchedSomeWords => {
            "Hakuna bidhaa yenye maneno yote; hizi zinalingana na baadhi yake."
        }
        Key::ListingsFound => "bidhaa",
        Key::YourSessions => "Mahali ulipoingia",
        Key::LastSeen => "ilitumika mwisho",
        Key::ThisDevice => "(kifaa hiki)",
        Key::LogOutOtherSessions => "Toka kwenye vipindi vingine",
        Key::OtherSessionsEnded => "Vipindi vingine vyote vimetolewa.",
        Key::SendPasswordResetLink => "Tuma kiungo cha kuweka nenosiri upya",
        Key::ForgotPassword => "Umesahau nenosiri lako?",
        Key::Analytics => "Takwimu",
        Key::PlatformAnalytics => "Takwimu za jukwaa",
        Key::LastDays => "Siku {n} zilizopita",
        Key::FromDate => "Kuanzia",
        Key::ToDate => "Hadi",
        Key::ShowPeriod => "Onyesha",
        Key::ComparedWith => "Ikilinganishwa na",
        Key::Gmv => "Mauzo (GMV)",
        Key::CommissionRevenue => "Mapato ya kamisheni",
        Key::TakeRate => "Kiwango cha kamisheni",
        Key::OrdersFigure => "Maagizo",
        Key::AverageOrder => "Wastani wa agizo",
        Key::ActiveShoppers => "Wanunuzi hai",
        Key::NewShoppers => "Wanunuzi wapya",
        Key::ActiveShops => "Maduka hai",
        Key::NewShops => "Maduka mapya",
        Key::Previously => "awali",
        Key::MpesaSuccess => "Kiwango cha mafanikio cha M-Pesa",
        Key::MpesaFailures => "Maombi yaliyoshindwa kwa matokeo",
        Key::DropCauses => "Sehemu zilizoghairiwa na kukataliwa",
        Key::StepTimes => "Saa kutoka malipo hadi kila hatua",
        Key::StepLabel => "Hatua",
        Key::PartsLabel2 => "Sehemu",
        Key::TopCategories => "Kategoria zinazoongoza",
        Key::TopShops => "Maduka yanayoongoza",
        Key::DailyGmv => "Mauzo kwa siku",
        Key::DataTable => "Jedwali la data",
        Key::DayLabel => "Siku",
        Key::PersonPage => "Mtu",
        Key::TwoStepOnShort => "kuingia kwa hatua mbili kumewashwa",
        Key::TwoStepOffShort => "hakuna kuingia kwa hatua mbili",
        Key::EmailConfirmedShort => "barua pepe imethibitishwa",
        Key::EmailUnconfirmedShort => "barua pepe haijathibitishwa",
        Key::ManageOnPeopleList => "Simamisha, weka upya au badilisha jukumu kwenye orodha ya watu",
        Key::LatestOrders => "Maagizo ya karibuni",
        Key::SessionsOpen => "Mahali walipoingia",
        Key::OrderDesk => "Maagizo",
        Key::OrderSearch => "Namba ya agizo, barua pepe ya mnunuzi, duka au risiti ya M-Pesa",
        Key::NoOrdersFound => "Hakuna maagizo yanayolingana.",
        Key::OrderNumberLabel => "Agizo",
        Key::ShopperLabel => "Mnunuzi",
        Key::ShopsLabel => "Maduka",
        Key::TotalLabel => "Jumla",
        Key::PlacedLabel => "Liliwekwa",
        Key::DeliverTo => "Peleka kwa",
        Key::PartsLabel => "Sehemu kwa kila duka",
        Key::CommissionNet => "kamisheni / mapato ya duka",
        Key::RefundedLabel => "imerejeshwa",
        Key::PaymentAttempts => "Majaribio ya malipo",
        Key::CallbacksLabel => "Majibu ya M-Pesa",
        Key::LedgerLabel => "Miamala ya leja",
        Key::NothingYet => "Hakuna.",
        Key::ItemWasRefunded => "Pesa ya bidhaa imerejeshwa.",
        Key::Inbox => "Kikasha",
        Key::ModerationInbox => "Kikasha cha ukaguzi",
        Key::InboxAll => "Vyote",
        Key::InboxShops => "Maombi ya maduka",
        Key::InboxListings => "Bidhaa",
        Key::InboxCallbacks => "Majibu ya M-Pesa yaliyowekewa alama",
        Key::WaitingFor => "inasubiri",
        Key::ClaimedBy => "Imedaiwa na",
        Key::ClaimItem => "Dai",
        Key::YouAreOnIt => "Unashughulikia hiki",
        Key::EditOfApproved => "Marekebisho ya bidhaa iliyokubaliwa",
        Key::NewSubmission => "Bidhaa mpya",
        Key::ChangedField => "Sehemu",
        Key::ApprovedBefore => "Iliyokubaliwa",
        Key::AskedNow => "Sasa",
        Key::ApproveSelected => "Kubali bidhaa zilizochaguliwa",
        Key::SelectForBulk => "Chagua",
        Key::ResolutionNote => "Ulichogundua",
        Key::MarkResolved => "Weka kuwa imetatuliwa",
        Key::DocumentsAndDetails => "Hati na maelezo",
        Key::ConfirmEmail => "Thibitisha barua pepe yako",
        Key::ConfirmEmailIntro => "Bonyeza kitufe kuthibitisha kwamba anwani hii ni yako.",
        Key::ConfirmMyEmail => "Thibitisha barua pepe yangu",
        Key::EmailConfirmed => "Anwani yako ya barua pepe imethibitishwa.",
        Key::EmailNotConfirmed => {
            "Anwani yako ya barua pepe bado haijathibitishwa: fungua kiungo tulichokutumia. Unaihitaji ili kufungua duka."
        }
        Key::SendLinkAgain => "Tuma kiungo tena",
        Key::VerificationSent => "Kiungo kipya kinakuja kwenye sanduku lako la barua.",
        Key::TwoStepLogin => "Kuingia kwa hatua mbili",
        Key::TwoStepIntro => {
            "Baada ya nenosiri lako, ingia kwa msimbo kutoka programu ya uthibitishaji kwenye simu yako. Nenosiri lililoibiwa peke yake halifungui chochote."
        }
        Key::TwoStepIsOn => "Kuingia kwa hatua mbili kumewashwa.",
        Key::TwoStepIsOff => "Kuingia kwa hatua mbili kumezimwa.",
        Key::TwoStepRequired => {
            "Jukumu lako linahitaji kuingia kwa hatua mbili: wasimamizi kabla ya kufungua dashibodi, wamiliki wa maduka na wahasibu kabla ya kubadilisha malipo yanakokwenda."
        }
        Key::SetUpTwoStep => "Weka kuingia kwa hatua mbili",
        Key::ScanTheCode => {
            "Changanua msimbo huu kwa programu ya uthibitishaji (Google Authenticator, Microsoft Authenticator, Authy), au andika ufunguo ndani yake. Kisha weka msimbo wa tarakimu 6 unaoonyesha."
        }
        Key::SecretKey => "Ufunguo",
        Key::QrCodeLabel => "Msimbo wa QR wa kuchanganua kwa programu ya uthibitishaji",
        Key::CodeFromApp => "Msimbo wa tarakimu 6 kutoka programu",
        Key::TurnOnTwoStep => "Washa kuingia kwa hatua mbili",
        Key::RecoveryCodes => "Misimbo ya dharura",
        Key::RecoveryCodesNote => {
            "Ihifadhi mahali salama, mbali na simu yako. Kila mmoja hufanya kazi mara moja, badala ya msimbo, ukipoteza simu. Inaonyeshwa sasa tu."
        }
        Key::RecoveryCodesLeft => "Misimbo ya dharura iliyobaki",
        Key::NewRecoveryCodes => "Tengeneza misimbo mipya ya dharura",
        Key::NewRecoveryCodesNote => {
            "Umepoteza misimbo yako ya dharura au umetumia mingi? Tengeneza kumi mipya; ile ya zamani haitafanya kazi tena."
        }
        Key::TurnOffTwoStep => "Zima kuingia kwa hatua mbili",
        Key::CodeOrRecoveryCode => "Msimbo kutoka programu, au msimbo wa dharura",
        Key::SecondStepIntro => {
            "Weka msimbo wa tarakimu 6 unaoonyeshwa sasa na programu yako ya uthibitishaji, au mojawapo ya misimbo yako ya dharura."
        }
        Key::ManageTwoStep => "Simamia kuingia kwa hatua mbili",
        Key::ResetLinkSent => {
            "Kama kuna akaunti inayotumia barua pepe hiyo, kiungo cha kuweka nenosiri jipya kinakuja. Kinafanya kazi mara moja, kwa dakika 30."
        }
        Key::SendResetLink => "Tuma kiungo",
        Key::SetNewPassword => "Weka nenosiri jipya",
        Key::AskForNewLink => "Omba kiungo kipya",
        Key::PasswordWasReset => {
            "Nenosiri lako limewekwa. Ingia nalo; vipindi vyako vingine vimeisha."
        }
        Key::ChecklistSettings => "Hakiki VAT, muda wa kushikilia pesa na malipo madogo kabisa",
        Key::OrdersPausedTitle => {
            "Soko halipokei maagizo mapya kwa sasa. Kikapu chako kimehifadhiwa."
        }
        Key::BackToCart => "Rudi kwenye kikapu",
        Key::PlatformSettings => "Mipangilio",
        Key::VatPercent => "VAT iliyo ndani ya bei (%)",
        Key::ReservationMinutes => "Dakika bidhaa hushikiliwa kwa agizo la M-Pesa lisilolipwa",
        Key::ReturnDays => "Siku baada ya kufikishwa mnunuzi anaweza kuomba kurudisha",
        Key::HoldingDays => "Siku baada ya kufikishwa kabla pesa ya duka kutolewa",
        Key::PayoutMinimum => "Malipo madogo kabisa (KES)",
        Key::PauseOrders => {
            "Simamisha maagizo mapya (kuvinjari kunaendelea; malipo yanaonyesha ujumbe)"
        }
        Key::PauseMessage => "Ujumbe kwa wanunuzi wakati wa kusimamishwa",
        Key::SettingsApplyAtOnce => {
            "Mabadiliko yanaanza ombi linalofuata na hurekodiwa kwenye kumbukumbu za ukaguzi."
        }
        Key::MembershipTier => "Kiwango cha uanachama",
        Key::SetTier => "Weka kiwango",
        Key::People => "Watu",
        Key::EmailOrName => "Barua pepe au jina",
        Key::NobodyFound => "Hakuna anayelingana.",
        Key::Joined => "alijiunga",
        Key::OrdersCount => "maagizo",
        Key::MakeAdmin => "Mfanye msimamizi",
        Key::RemoveAdmin => "Ondoa usimamizi",
        Key::AuditLog => "Kumbukumbu za ukaguzi",
        Key::AuditSearch => "Maneno (muhtasari, kitu, kitendo au barua pepe)",
        Key::DownloadCsv => "Pakua CSV",
        Key::NothingAudited => "Hakuna kumbukumbu inayolingana.",
        Key::AuditWhen => "Lini (UTC)",
        Key::AuditWho => "Nani",
        Key::AuditAction => "Kitendo",
        Key::AuditWhat => "Kilichobadilika",
        Key::OlderEntries => "Kumbukumbu za zamani",
        Key::TopLevel => "Ngazi ya juu",
        Key::NewCategory => "Aina mpya",
        Key::NameEnglish => "Jina kwa Kiingereza",
        Key::NameSwahili => "Jina kwa Kiswahili",
        Key::CategoryAddress => "Anwani (slug)",
        Key::CategoryAddressHint => "Herufi ndogo, tarakimu na vistari: /search?category=…",
        Key::ParentCategory => "Aina kuu",
        Key::Create => "Unda",
        Key::NoCategoriesYet => "Bado hakuna aina: maduka hayawezi kuweka bidhaa hadi iwepo moja.",
        Key::Rename => "Badilisha jina",
        Key::Move => "Hamisha",
        Key::MoveUp => "Sogeza juu",
        Key::MoveDown => "Sogeza chini",
        Key::MergeInto => "Unganisha na",
        Key::MergeAndRetire => "Unganisha na ondoa",
        Key::MergeHint => {
            "Bidhaa zake na aina zake ndogo huhamia aina uliyochagua, kanuni zake za kamisheni huisha, na huondolewa."
        }
        Key::FirstRunChecklist => "Kuanza",
        Key::ChecklistCategories => "Unda aina ambazo maduka yataweka bidhaa chini yake",
        Key::ChecklistTiers => "Pitia viwango vya uanachama: kikomo cha bidhaa na kamisheni",
        Key::ChecklistShops => "Thibitisha duka la kwanza kutoka kwa ombi lake",
        Key::About => "Takriban",
        Key::NextPage => "Ukurasa unaofuata",
        Key::InStock => "Ipo dukani",
        Key::OutOfStock => "Imeisha",
        Key::Filters => "Vichujio",
        Key::SortBy => "Panga kwa",
        Key::MinPrice => "Bei ya chini",
        Key::MaxPrice => "Bei ya juu",
        Key::Apply => "Tumia",
        Key::ClearFilters => "Ondoa vichujio",
        Key::Price => "Bei",
        Key::Rating => "Ukadiriaji wa muuzaji",
        Key::Location => "Mahali",
        Key::SortRelevance => "Inayolingana zaidi",
        Key::SortPriceAsc => "Bei: chini hadi juu",
        Key::SortPriceDesc => "Bei: juu hadi chini",
        Key::SortNewest => "Mpya zaidi",
        Key::SortPopular => "Maarufu zaidi",
        Key::SortDistance => "Karibu zaidi",
        Key::NotFoundTitle => "Ukurasa haupatikani",
        Key::NotFoundBody => "Hatukuweza kupata ukurasa uliouomba.",
        Key::ForbiddenTitle => "Huna ruhusa ya kufungua ukurasa huu.",
        Key::ErrorTitle => "Hitilafu imetokea",
        Key::ErrorBody => "Tafadhali jaribu tena baada ya muda mfupi.",
        Key::GoHome => "Rudi ukurasa wa mwanzo",
        Key::FeatureOnHome => "Onyesha kwenye ukurasa wa mwanzo",
        Key::Unfeature => "Acha kuonyesha",
        Key::ShopSubtotal => "Jumla ya duka",
        Key::CartTotal => "Jumla",
        Key::SavedForLater => "Zilizohifadhiwa kwa baadaye",
        Key::SaveForLater => "Hifadhi kwa baadaye",
        Key::MoveToCart => "Rudisha kwenye kikapu",
        Key::LineWithdrawn => "Haiuzwi tena",
        Key::OnlyLeft => "Zimebaki hizi tu:",
        Key::PriceChanged => "Bei imebadilika:",
        Key::Quantity => "Idadi",
        Key::Update => "Sasisha",
        Key::AddToCart => "Weka kwenye kikapu",
        Key::AddedToCart => "Imewekwa kwenye kikapu chako.",
        Key::ViewCart => "Tazama kikapu",
        Key::Checkout => "Malipo",
        Key::DeliveryAddress => "Anwani ya kupelekea",
        Key::Street => "Mtaa, jengo na nyumba",
        Key::PaymentMethod => "Malipo",
        Key::CashOnDelivery => "Lipa unapopokea",
        Key::PayWithMpesa => "M-Pesa (ombi la PIN kwenye simu yako)",
        Key::CheckYourPhone => "Angalia simu yako na uweke PIN ya M-Pesa kulipa",
        Key::PaymentReceived => "Malipo yamepokelewa — asante",
        Key::PaymentNotCompleted => "Malipo hayakukamilika",
        Key::CheckAgain => "Nimelipa — angalia tena",
        Key::SendPrompt => "Tuma ombi la M-Pesa",
        Key::ItemsHeldFor => "Dakika bidhaa zako zitahifadhiwa:",
        Key::OrderNotPaidInTime => {
            "Malipo hayakufika kwa wakati: agizo limeghairiwa na hukutozwa chochote."
        }
        Key::MpesaPhone => "Simu ya M-Pesa",
        Key::ShopMoney => "Fedha",
        Key::PendingBalance => "Inasubiri (hadi ifikishwe na kipindi cha kushikilia kiishe)",
        Key::AvailableBalance => "Inapatikana kulipwa",
        Key::Statement => "Taarifa ya hesabu",
        Key::Payouts => "Malipo yaliyotumwa",
        Key::Gross => "Mauzo",
        Key::Commission => "Kamisheni",
        Key::Net => "Halisi",
        Key::AvailableOn => "Inapatikana tarehe",
        Key::AdminPayments => "Malipo",
        Key::FlaggedCallbacks => "Majibu ya M-Pesa yenye tatizo",
        Key::RunPayoutsNow => "Tuma malipo sasa",
        Key::NothingFlagged => "Hakuna lenye tatizo.",
        Key::StatusHeading => "Hali",
        Key::RefundItem => "Rejesha pesa ya bidhaa hii",
        Key::ItemRefunded => "imerejeshewa",
        Key::AcceptsCod => "Wateja wanaweza kulipa pesa taslimu wanapopokea",
        Key::CodNotEverywhere => {
            "Si kila duka kwenye kikapu chako linakubali malipo unapopokea: lipa kwa M-Pesa."
        }
        Key::DeliveryHeading => "Uwasilishaji",
        Key::PickupAtShop => "Chukua dukani — bure",
        Key::DeliveredByShop => "Uwasilishaji na duka",
        Key::NoDeliveryOffered => "Duka hili halipeleki; chukua dukani.",
        Key::CouponCode => "Msimbo wa punguzo (si lazima)",
        Key::DiscountLabel => "Punguzo",
        Key::ItemsSubtotal => "Bidhaa",
        Key::ReturnThis => "Rudisha sehemu hii",
        Key::ReturnReason => "Kwa nini unairudisha?",
        Key::AcceptReturn => "Kubali kurudishwa na urejeshe pesa",
        Key::Promotions => "Punguzo na uwasilishaji",
        Key::Coupons => "Punguzo",
        Key::NewCoupon => "Punguzo jipya",
        Key::CodeLabel => "Msimbo",
        Key::DiscountKind => "Aina",
        Key::PercentOff => "Asilimia ya punguzo",
        Key::AmountOff => "Kiasi cha punguzo (KSh)",
        Key::DiscountValue => "Thamani",
        Key::MinimumSpend => "Kiwango cha chini cha ununuzi (si lazima)",
        Key::MaxUses => "Idadi ya juu ya matumizi (si lazima)",
        Key::UsesLabel => "Imetumika",
        Key::SwitchOff => "Zima",
        Key::SwitchOn => "Washa",
        Key::CreateCoupon => "Unda punguzo",
        Key::OffersPickup => "Wateja wanaweza kuchukua dukani",
        Key::FlatDeliveryFee => "Ada ya uwasilishaji KSh (tupu: haupeleki)",
        Key::DeliveryZones => "Ada kwa kaunti, moja kwa kila mstari kama Kaunti: ada",
        Key::SaveDelivery => "Hifadhi masharti ya uwasilishaji",
        Key::CommissionRules => {
            "Kanuni za kamisheni (mahususi zaidi inashinda: duka na kategoria, duka, kategoria, kisha daraja)"
        }
        Key::ShopSlugOptional => "Anwani ya duka (tupu: maduka yote)",
        Key::CategoryOptional => "Kategoria (tupu: kategoria zote)",
        Key::AddRule => "Ongeza kanuni",
        Key::EveryShop => "maduka yote",
        Key::EveryCategory => "kategoria zote",
        Key::UseSavedAddress => "Anwani iliyohifadhiwa",
        Key::PlaceOrder => "Weka oda",
        Key::OrderSummary => "Muhtasari wa oda",
        Key::VatIncluded => "VAT imejumuishwa",
        Key::MyOrders => "Oda zangu",
        Key::NoOrdersYet => "Bado huna oda.",
        Key::YourOrder => "Oda yako",
        Key::OrderPlacedOn => "Imewekwa",
        Key::Timeline => "Historia",
        Key::OrderPendingPayment => "Inasubiri malipo",
        Key::OrderAwaitingAcceptance => "Inasubiri duka",
        Key::OrderAccepted => "Imekubaliwa na duka",
        Key::OrderShipped => "Imetumwa",
        Key::OrderDelivered => "Imefika",
        Key::OrderCompleted => "Imekamilika",
        Key::OrderCancelled => "Imeghairiwa",
        Key::OrderRejected => "Imekataliwa na duka",
        Key::OrderReturnRequested => "Kurudisha kumeombwa",
        Key::OrderRefunded => "Imerejeshewa pesa",
        Key::GoToCheckout => "Endelea kulipa",
        Key::ShopOrders => "Oda",
        Key::Accept => "Kubali",
        Key::Ship => "Imetumwa",
        Key::MarkDelivered => "Imefika",
        Key::CarrierNote => "Msafirishaji na ufuatiliaji (si lazima)",
        Key::YouReceive => "unapokea",
        Key::CancelPart => "Ghairi sehemu hii ya oda",
        Key::OwedToPlatform => "Unadaiwa na Sokoni (kamisheni ya mauzo ya pesa taslimu)",
        Key::Working => "Inashughulikiwa…",
        Key::SellTitle => "Uza kupitia Sokoni",
        Key::SellIntro => {
            "Tueleze kuhusu duka lako. Msimamizi akishakagua nyaraka zako utaweza kuorodhesha bidhaa."
        }
        Key::BusinessName => "Jina la biashara",
        Key::StoreSlug => "Anwani ya duka",
        Key::StoreSlugHint => {
            "Ukurasa wa duka lako utakuwa sokoni.co.ke/store/<anwani>: herufi ndogo, tarakimu na vistari."
        }
        Key::BusinessType => "Aina ya biashara",
        Key::BizIndividual => "Mtu binafsi",
        Key::BizSoleProprietor => "Mmiliki pekee",
        Key::BizPartnership => "Ubia",
        Key::BizLimitedCompany => "Kampuni yenye ukomo",
        Key::BizCooperative => "Ushirika",
        Key::Description => "Maelezo",
        Key::DescriptionHint => {
            "Maandishi ya kawaida, au Markdown rahisi: **nzito**, *mlalo*, orodha na viungo."
        }
        Key::County => "Kaunti",
        Key::Town => "Mji",
        Key::Latitude => "Latitudo",
        Key::Longitude => "Longitudo",
        Key::LocationHint => {
            "Mahali duka lako lilipo kwenye ramani (kwa mfano kutoka Google Maps: -1.2921, 36.8219). Wanunuzi walio karibu watakupata kwanza."
        }
        Key::SubmitApplication => "Tuma ombi",
        Key::SaveShop => "Hifadhi maelezo ya duka",
        Key::ShopDetails => "Maelezo ya duka",
        Key::StatusPending => "Linasubiri ukaguzi",
        Key::StatusVerified => "Limethibitishwa",
        Key::StatusRejected => "Limekataliwa",
        Key::StatusSuspended => "Limesimamishwa",
        Key::StatusApproved => "Imeidhinishwa",
        Key::StatusArchived => "Imehifadhiwa kando",
        Key::StatusDraft => "Rasimu",
        Key::ReasonLabel => "Sababu",
        Key::PendingExplainer => {
            "Msimamizi atakagua ombi na nyaraka zako. Pakia kitambulisho na kibali cha biashara hapa chini ili kuharakisha."
        }
        Key::KycDocuments => "Nyaraka za uthibitisho",
        Key::NoDocumentsYet => "Bado hakuna nyaraka zilizopakiwa.",
        Key::DocumentKind => "Hati",
        Key::DocNationalId => "Kitambulisho cha taifa",
        Key::DocBusinessPermit => "Kibali cha biashara",
        Key::DocKraPin => "Cheti cha KRA PIN",
        Key::DocOther => "Nyingine",
        Key::ChooseFile => "Faili (PDF, JPEG au PNG, hadi MB 8)",
        Key::UploadDocument => "Pakia hati",
        Key::ShopLogo => "Nembo ya duka",
        Key::UploadLogo => "Pakia nembo",
        Key::Near => "Karibu na",
        Key::Anywhere => "Popote",
        Key::MyLocation => "Mahali nilipo",
        Key::Within => "Ndani ya",
        Key::AnyDistance => "Umbali wowote",
        Key::UseMyLocation => "Tumia mahali nilipo",
        Key::RemoveDocument => "Ondoa",
        Key::PayoutPhone => "Simu ya malipo",
        Key::PayoutPhoneExplainer => {
            "Malipo ya M-Pesa hutumwa kwa simu hii. Ili kuibadilisha, tunatuma nambari ya siri kwa simu mpya; ikibadilika, simu ya zamani na wamiliki wanaarifiwa na malipo yanasimama kwa saa 24."
        }
        Key::PayoutPhoneLocked => {
            "Simu ya malipo ya duka lililothibitishwa hubadilishwa hapa chini, kwa nambari ya siri."
        }
        Key::NewPayoutPhone => "Simu mpya ya malipo",
        Key::SendCode => "Tuma nambari ya siri",
        Key::CodeSentTo => "Nambari ya siri imetumwa kwa",
        Key::CodeFromText => "Nambari ya siri kutoka kwa ujumbe",
        Key::ChangePayoutPhone => "Badilisha simu ya malipo",
        Key::PayoutsHeldUntil => "Malipo yamesimamishwa baada ya kubadilisha simu hadi",
        Key::AcceptHours => {
            "Saa ambazo duka lina kukubali agizo lililolipwa (kisha linaghairiwa na kurejeshewa pesa)"
        }
        Key::ShipDays => {
            "Siku ambazo duka lina kutuma agizo lililokubaliwa (kisha mnunuzi anaweza kulighairi)"
        }
        Key::ShipBy => "Duka linapaswa kutuma hili kabla ya",
        Key::CancelUnshipped => "Halijatumwa kwa wakati: ghairi na urejeshewe pesa",
        Key::ConfirmReceipt => "Nimeipokea",
        Key::ConfirmReceiptNote => {
            "Duka linalipwa sasa; urejeshaji na malalamiko kuihusu yanaisha."
        }
        Key::WishlistAbout => {
            "Tunakuambia kitu ulichohifadhi kinaposhuka bei au kinaporudi dukani (mara moja kwa siku kwa kila kitu), kupitia njia ulizochagua kwenye Arifa."
        }
        Key::WishlistEmpty => "Bado hujahifadhi kitu: gusa ♡ kwenye bidhaa kuiweka hapa.",
        Key::SaveItem => "Hifadhi",
        Key::SavedItem => "Imehifadhiwa",
        Key::Notifications => "Arifa",
        Key::NotifyBy => "Niambie kupitia",
        Key::ChannelEmail => "Barua pepe",
        Key::ChannelSms => "Ujumbe mfupi (SMS)",
        Key::ChannelApp => "Hapa, ndani ya Sokoni",
        Key::SmsNeedsPhone => "Ujumbe mfupi unahitaji nambari ya simu kwenye akaunti yako.",
        Key::NotifyLanguage => "Ujumbe unakuja kwa lugha unayochagua chini ya ukurasa.",
        Key::NoNotifications => "Bado hakuna kitu.",
        Key::DeadLetters => "Arifa zilizoshindikana",
        Key::DeadLettersAbout => {
            "Kila moja ya hizi imeshindikana mara kumi; kila jaribio lilisubiri mara mbili ya lililotangulia (hadi saa 6). Rekebisha chanzo (anwani, salio la mtoa huduma), kisha itume tena."
        }
        Key::SendAgain => "Tuma tena",
        Key::Wishlist => "Vitu vilivyohifadhiwa",
        Key::NoReviewsYet => "Bado hakuna maoni",
        Key::FirstToReview => "Umenunua? Toa maoni kwenye ukurasa wa oda yako.",
        Key::VerifiedPurchase => "Ununuzi uliothibitishwa",
        Key::ShopReplied => "Duka limejibu",
        Key::ReviewHiddenBecause => "Imefichwa na Sokoni:",
        Key::ReviewsHeading => "Maoni",
        Key::MostHelpful => "Yenye msaada zaidi",
        Key::Helpful => "Yana msaada",
        Key::ReportReview => "Ripoti",
        Key::ReportReason => "Kwa nini Sokoni ilitazame?",
        Key::Send => "Tuma",
        Key::ReviewThisItem => "Toa maoni kuhusu bidhaa hii",
        Key::YourStars => "Ukadiriaji wako",
        Key::ReviewBody => "Una maoni gani kuihusu?",
        Key::PostReview => "Chapisha maoni",
        Key::YouRated => "Uliikadiria",
        Key::SellerReviews => "Maoni",
        Key::ReplyLabel => "Jibu lako la wazi (moja kwa kila maoni)",
        Key::PostReply => "Chapisha jibu",
        Key::InboxReviews => "Maoni yaliyoripotiwa",
        Key::ReportsLabel => "Ripoti",
        Key::HideReview => "Ficha maoni",
        Key::KeepReview => "Yaache (futa ripoti)",
        Key::HideReason => "Sababu ya kuficha (duka linaisoma)",
        Key::SortRating => "Yaliyokadiriwa juu",
        Key::ReliabilityDisputed => "Malalamiko yaliyofunguliwa na wanunuzi",
        Key::ReliabilityDisputesLost => "Zilizorejeshewa pesa kwa lalamiko",
        Key::AnswerHours => {
            "Saa ambazo duka lina kujibu lalamiko (kisha linapelekwa kwa timu ya Sokoni)"
        }
        Key::ProblemWithPart => "Tatizo na sehemu hii? Fungua lalamiko",
        Key::DisputeReasonLabel => "Nini kilienda vibaya",
        Key::DisputeNotReceived => "Haijafika",
        Key::DisputeNotAsDescribed => "Si kama ilivyoelezwa",
        Key::DisputeDamaged => "Imefika ikiwa imeharibika",
        Key::DisputeReturnRefused => "Duka limekataa urejeshaji wangu",
        Key::DisputeBody => "Tueleze kilichotokea (angalau herufi 10)",
        Key::PhotosUpToThree => "Picha (hadi 3, si lazima)",
        Key::DisputeHeldNote => {
            "Lalamiko likiwa wazi, duka halilipwi kwa sehemu hii. Duka linajibu kwanza; usipokubali, timu ya Sokoni inaamua."
        }
        Key::OpenDispute => "Fungua lalamiko",
        Key::DisputeTitle => "Lalamiko",
        Key::DisputeAwaitingShop => "linasubiri jibu la duka",
        Key::DisputeAnswered => "duka limejibu",
        Key::DisputeEscalated => "liko kwa timu ya Sokoni",
        Key::DisputeResolved => "limetatuliwa",
        Key::AnswerDue => "Duka linapaswa kujibu kabla ya",
        Key::ShopAnswer => "Jibu la duka",
        Key::AcceptAnswer => "Kubali jibu",
        Key::EscalateDispute => "Omba Sokoni iamue",
        Key::OutcomeShopRefunded => "Duka limerejesha pesa zote za sehemu hii.",
        Key::OutcomeAnswerAccepted => "Limetatuliwa kwa jibu la duka: hakuna kilichorejeshwa.",
        Key::OutcomeFullRefund => "Sokoni imeamua: kurejesha pesa zote.",
        Key::OutcomePartialRefund => "Sokoni imeamua: kurejesha sehemu ya pesa,",
        Key::OutcomeRefused => "Sokoni imeamua: dai limekataliwa, hakuna kilichorejeshwa.",
        Key::DecisionReasons => "Sababu za Sokoni",
        Key::YourAnswer => "Jibu lako kwa mnunuzi",
        Key::AnswerDispute => "Tuma jibu",
        Key::RefundInFull => "Rejesha pesa zote za sehemu hii",
        Key::DeclineReturn => "Kataa urejeshaji",
        Key::InboxDisputes => "Malalamiko",
        Key::DecisionLabel => "Uamuzi",
        Key::DecideFull => "Rejesha pesa zote",
        Key::DecidePartial => "Rejesha sehemu ya pesa",
        Key::DecideRefuse => "Kataa dai",
        Key::RefundAmount => "Kiasi cha kurejesha (sehemu)",
        Key::DecisionNote => "Sababu (pande zote mbili zinazisoma)",
        Key::Decide => "Amua",
        Key::NegativeBalance => {
            "Marejesho baada ya malipo yamefanya salio lako linalopatikana kuwa chini ya sifuri. Mauzo yako yajayo yatalifidia kabla ya malipo mengine kutumwa."
        }
        Key::ReliabilityHeading => "Uaminifu (siku 90 zilizopita)",
        Key::ReliabilityGrade => "Daraja",
        Key::ReliabilityAccepted => "Yaliyokubaliwa",
        Key::ReliabilityRejected => "Yaliyokataliwa",
        Key::ReliabilityMissed => "Yaliyoghairiwa kwa kuchelewa",
        Key::ReliabilityShopperCancelled => "Yaliyoghairiwa na mnunuzi kwanza",
        Key::ReliabilityAcceptTime => "Saa za wastani za kukubali",
        Key::ReliabilityShipTime => "Saa za wastani kutoka kukubali hadi kutuma",
        Key::ReliabilityRule => {
            "Jinsi daraja linavyohesabiwa: A hukubali angalau 95% ya maagizo, hughairiwa kwa kuchelewa si zaidi ya 2%, hurejesha pesa kwa lalamiko si zaidi ya 1% na hukubali ndani ya saa 12 (wastani); B: 85%, 5%, 3% na saa 24; C: 70%, 10% na 6%; D: chini ya hapo. Maagizo aliyoghairi mnunuzi kwanza hayahesabiwi. Duka lenye maagizo chini ya 5 katika siku 90 ni jipya."
        }
        Key::GradeNew => "Jipya",
        Key::PayoutsHeldOwnerEmail => {
            "Malipo yamesimamishwa hadi mmiliki wa duka athibitishe anwani yake ya barua pepe."
        }
        Key::PayoutsHeldOwnerTwoStep => {
            "Malipo yamesimamishwa hadi mmiliki wa duka awashe kuingia kwa hatua mbili, ili nenosiri lililoibiwa lisiweze kuhamisha pesa za duka."
        }
        Key::PayoutPhoneChanged => "Simu ya malipo imebadilishwa.",
        Key::MyListings => "Bidhaa zangu",
        Key::NewListing => "Bidhaa mpya",
        Key::EditListing => "Hariri bidhaa",
        Key::ImportExport => "Ingiza / toa",
        Key::Staff => "Wafanyakazi",
        Key::AddStaff => "Alika mfanyakazi",
        Key::InvitationSent => {
            "Mwaliko umetumwa. Atajiunga akiukubali kwenye ukurasa wa akaunti yake (baada ya kujisajili kwa barua pepe hiyo, kama hana akaunti bado)."
        }
        Key::InvitedNotYetAccepted => "Wamealikwa, bado hawajakubali",
        Key::Withdraw => "Ondoa",
        Key::ShopInvitations => "Mialiko ya kufanya kazi dukani",
        Key::Decline => "Kataa",
        Key::YouWorkAt => "Unafanya kazi katika",
        Key::LeaveShop => "Acha duka hili",
        Key::StaffRolesHint => {
            "Wafanyakazi wa bidhaa husimamia bidhaa na akiba; wa oda hushughulikia oda; wa hesabu huona taarifa na malipo."
        }
        Key::Role => "Wajibu",
        Key::RoleOwner => "Mmiliki",
        Key::RoleInventory => "Bidhaa na akiba",
        Key::RoleOrders => "Oda",
        Key::RoleAccounting => "Hesabu",
        Key::LowStock => "Akiba inakaribia kuisha",
        Key::NoListingsYet => "Bado huna bidhaa zilizoorodheshwa.",
        Key::Stock => "Akiba",
        Key::Variants => "Aina",
        Key::VariantHint => "Kila aina ina SKU na akiba yake; acha bei wazi kutumia bei ya bidhaa.",
        Key::AddVariant => "Ongeza aina",
        Key::Sku => "SKU",
        Key::Options => "Chaguo (Saizi: M, Rangi: Nyekundu)",
        Key::PriceOverride => "Bei (si lazima)",
        Key::Photos => "Picha",
        Key::AddPhotos => "Ongeza picha (JPEG, PNG au WebP)",
        Key::PhotoHint => {
            "Hadi picha 10, kila moja hadi MB 8. Kuongeza picha hurudisha bidhaa kwa ukaguzi."
        }
        Key::Upload => "Pakia",
        Key::Remove => "Ondoa",
        Key::Archive => "Hifadhi kando",
        Key::Restore => "Rejesha",
        Key::Duplicate => "Nakili",
        Key::ViewInShop => "Tazama dukani",
        Key::Save => "Hifadhi",
        Key::SubmitForReview => "Tuma kwa ukaguzi",
        Key::Title => "Jina la bidhaa",
        Key::Category => "Kategoria",
        Key::Tags => "Lebo",
        Key::TagsHint => "Zikitenganishwa kwa koma, mfano simu, samsung, 128gb",
        Key::CompareAtPrice => "Bei ya awali (si lazima)",
        Key::Currency => "Sarafu",
        Key::WeightGrams => "Uzito (g)",
        Key::LengthCm => "Urefu (sm)",
        Key::WidthCm => "Upana (sm)",
        Key::HeightCm => "Kimo (sm)",
        Key::LowStockThreshold => "Tahadhari ya akiba ndogo kwa",
        Key::ShopApplications => "Maduka",
        Key::ListingQueue => "Bidhaa za kukagua",
        Key::QueueEmpty => "Hakuna kinachosubiri ukaguzi.",
        Key::Verify => "Thibitisha",
        Key::Reject => "Kataa",
        Key::Approve => "Idhinisha",
        Key::Suspend => "Simamisha",
        Key::Reinstate => "Rejesha",
        Key::MembershipTiers => "Viwango vya uanachama",
        Key::ListingLimit => "Kikomo cha bidhaa",
        Key::CommissionPercent => "Kamisheni %",
        Key::DeliveryEstimate => {
            "Usafirishaji: kwa kawaida siku 1–3 ndani ya kaunti; duka litathibitisha wakati wa kulipa."
        }
        Key::MoreFromShop => "Zaidi kutoka duka hili",
        Key::Featured => "Zilizochaguliwa",
        Key::Newest => "Mpya kabisa",
        Key::NearYou => "Maarufu karibu nawe",
        Key::ShowNearMe => "Onyesha bidhaa maarufu karibu nami",
        Key::CsvImport => "Ingiza bidhaa kutoka CSV",
        Key::CsvImportHint => {
            "Safu: sku, title, description, category, tags, price, compare_at_price, currency, stock, weight_grams, low_stock_threshold. Safu yenye SKU unayotumia tayari husasisha bidhaa hiyo."
        }
        Key::ImportValidRows => "Ingiza safu sahihi hata kama baadhi zina makosa",
        Key::Import => "Ingiza",
        Key::CsvExport => "Pakua bidhaa zangu kama CSV",
        Key::ImportReport => "Ripoti ya kuingiza",
        Key::ImportNothingApplied => {
            "Faili lina makosa, kwa hiyo hakuna kilichoingizwa. Rekebisha safu zilizo hapa chini, au ingiza safu sahihi pekee."
        }
        Key::ImportMoreErrors => {
            "safu zaidi zenye makosa (rekebisha zilizo juu na uingize tena ili kuziona)"
        }
        Key::ImportCreated => "zimeundwa",
        Key::ImportUpdated => "zimesasishwa",
        Key::Row => "Safu",
        Key::Column => "Safu wima",
    }
}

pub fn invalid(why: Invalid) -> String {
    match why {
        Invalid::Required => "Sehemu hii inahitajika.".into(),
        Invalid::TooLong { max } => format!("Tumia herufi zisizozidi {max}."),
        Invalid::TooShort { min } => format!("Tumia angalau herufi {min}."),
        Invalid::EmailFormat => "Weka barua pepe sahihi, kama jina@mfano.com.".into(),
        Invalid::PhoneFormat => "Weka nambari ya simu sahihi, kama 0712 345 678.".into(),
        Invalid::ControlCharacters => "Ondoa herufi zilizofichwa au maalum za udhibiti.".into(),
        Invalid::EmailTaken => "Akaunti yenye barua pepe hii tayari ipo.".into(),
        Invalid::PasswordMismatch => "Manenosiri hayalingani.".into(),
        Invalid::WrongCurrentPassword => "Nenosiri lako la sasa si sahihi.".into(),
        Invalid::UnknownCurrency => "Chagua sarafu inayokubaliwa.".into(),
        Invalid::NumberFormat => "Weka nambari.".into(),
        Invalid::OutOfRange => "Thamani hii iko nje ya kiwango kinachokubalika.".into(),
        Invalid::NotFound => "Chaguo hili halipatikani.".into(),
        Invalid::AmountFormat => "Weka kiasi kama 1250 au 1,250.50.".into(),
        Invalid::SlugFormat => "Tumia herufi ndogo na tarakimu zilizounganishwa kwa kistari kimoja, kama mama-mboga.".into(),
        Invalid::SlugTaken => "Anwani hii imeshachukuliwa; chagua nyingine.".into(),
        Invalid::SkuFormat => "Tumia herufi, tarakimu na - _ . / pekee.".into(),
        Invalid::SkuTaken => "Bidhaa yako nyingine tayari inatumia SKU hii.".into(),
        Invalid::OptionsFormat => "Andika chaguo kama Jina: thamani, zikitenganishwa kwa koma (Saizi: M, Rangi: Nyekundu).".into(),
        Invalid::TooMany { max } => format!("Tumia zisizozidi {max}."),
        Invalid::FileType => "Aina hii ya faili haikubaliki.".into(),
        Invalid::FileTooLarge { max_mb } => format!("Faili ni kubwa kuliko MB {max_mb}."),
        Invalid::ImageTooBig => "Vipimo vya picha ni vikubwa mno.".into(),
        Invalid::LimitReached { max } => format!("Kiwango chako cha uanachama kinaruhusu bidhaa {max} zinazotumika."),
        Invalid::AlreadyApplied => "Tayari una ombi la duka.".into(),
        Invalid::CartChanged => "Kikapu chako kimebadilika tangu ulipofungua malipo (bei, akiba au upatikanaji). Kikague kisha ujaribu tena.".into(),
        Invalid::MixedCurrencies => "Lipia bidhaa za sarafu moja kwa wakati mmoja.".into(),
        Invalid::KeyReused => "Malipo haya yalishatumika kwa kikapu tofauti. Pakia ukurasa upya.".into(),
        Invalid::NotPayable => "Agizo hili haliwezi kulipiwa tena: limeshalipwa, au muda wake wa kuhifadhiwa umekwisha.".into(),
        Invalid::CurrencyNotSold => "Bei ni kwa shilingi za Kenya (KES) kwa sasa: M-Pesa hupokea KES pekee, na salio na malipo ya maduka ni kwa KES.".into(),
        Invalid::Unreadable => "Hili halikuweza kusomwa. Pakia ukurasa upya ujaribu tena.".into(),
        Invalid::AlreadyInShop => "Tayari unafanya kazi kwenye duka. Liache kwanza (kwenye ukurasa huu), kisha ukubali.".into(),
        Invalid::MpesaUnavailable => "M-Pesa haipatikani sasa. Jaribu tena baada ya dakika moja, au ulipe pesa taslimu unapopokea.".into(),
        Invalid::PromptLimit { per_hour } => format!("Maombi {per_hour} tu ya M-Pesa kwa saa yanaweza kutumwa kwa oda au simu moja. Jaribu tena baadaye, au ulipe pesa taslimu unapopokea."),
        Invalid::CheckTooSoon { secs } => format!("M-Pesa imeulizwa sasa hivi. Angalia tena baada ya sekunde {secs}."),
        Invalid::DeliveryUnavailable => "Duka hili halipeleki kaunti hiyo wala halina huduma ya kuchukua dukani. Chagua kuchukua au anwani nyingine.".into(),
        Invalid::CouponInvalid => "Msimbo huu wa punguzo si halali (haujulikani, umezimwa, au umekwisha).".into(),
        Invalid::CouponNotInCart => "Punguzo hili ni la duka ambalo hununui kutoka kwake.".into(),
        Invalid::CouponMinimum => "Bidhaa zako kutoka duka la punguzo hili hazifikii kiwango chake cha chini.".into(),
        Invalid::CouponCodeTaken => "Msimbo huo unatumika tayari. Chagua mwingine.".into(),
        Invalid::ReturnWindowClosed => "Muda wa kurudisha sehemu hii umekwisha.".into(),
        Invalid::CodNotAccepted => "Duka moja kwenye kikapu chako halikubali malipo unapopokea: lipa kwa M-Pesa.".into(),
        Invalid::AlreadyRefunded => "Bidhaa hii ilisharejeshewa pesa.".into(),
        Invalid::PhoneNeedsCode => "Simu ya malipo ya duka lililothibitishwa hubadilishwa tu kwa nambari ya siri inayotumwa kwa simu mpya: tumia “Badilisha simu ya malipo” kwenye ukurasa huu.".into(),
        Invalid::SamePhone => "Hii tayari ndiyo simu ya malipo.".into(),
        Invalid::CodeLimit { per_hour } => format!("Nambari {per_hour} tu za siri zinaweza kutumwa kwa saa. Jaribu tena baadaye."),
        Invalid::CodeWrong { tries_left } => format!("Nambari hiyo si sahihi. Umebakiza majaribio {tries_left}."),
        Invalid::CodeExpired => "Nambari hii imeisha muda au imejaribiwa mara nyingi mno. Omba nyingine.".into(),
        Invalid::CategoryTooDeep => "Aina zina ngazi mbili: aina ndogo iko chini ya aina kuu, na aina yenye aina ndogo hubaki kuwa kuu.".into(),
        Invalid::CategoryIntoItself => "Aina haiwezi kuingia ndani yake yenyewe au ndani ya aina zake ndogo.".into(),
        Invalid::LastAdmin => "Huyu ndiye msimamizi wa mwisho aliye hai: mfanye mtu mwingine msimamizi kwanza.".into(),
        Invalid::OrdersPaused => "Soko halipokei maagizo mapya kwa sasa. Kikapu chako kimehifadhiwa.".into(),
        Invalid::LinkExpired => "Kiungo hiki kimekwisha muda au kimeshatumika. Omba kingine.".into(),
        Invalid::TwoFactorWrong => "Msimbo huo si sahihi. Tumia msimbo wa tarakimu 6 unaoonyeshwa sasa na programu yako ya uthibitishaji, au mojawapo ya misimbo yako ya dharura.".into(),
        Invalid::TwoFactorUsed => "Msimbo huo umeshatumika. Subiri unaofuata (msimbo mpya huja kila sekunde 30).".into(),
        Invalid::LoginStepExpired => "Kuingia huku kumechukua muda mrefu. Ingia tena kwa barua pepe na nenosiri lako.".into(),
        Invalid::TwoFactorRequired => "Washa kwanza kuingia kwa hatua mbili (Akaunti → Kuingia kwa hatua mbili).".into(),
        Invalid::TwoFactorKept => "Wasimamizi huacha kuingia kwa hatua mbili kukiwa kumewashwa.".into(),
        Invalid::EmailUnverified => "Thibitisha kwanza anwani yako ya barua pepe: fungua kiungo tulichokutumia (ukurasa wa akaunti yako unaweza kukituma tena).".into(),
        Invalid::ClaimedByOther => "Msimamizi mwingine anashughulikia kipengele hiki (madai huisha baada ya dakika 30).".into(),
        Invalid::NotDisputable => "Sehemu hii haiwezi kulalamikiwa sasa (lazima iwe imetumwa au imefikishwa, imelipwa kwa M-Pesa, na pesa zake bado hazijatolewa kwa duka).".into(),
        Invalid::AlreadyDisputed => "Sehemu hii tayari ina lalamiko.".into(),
        Invalid::DisputeMoved => "Lalamiko limebadilika tangu ulipofungua ukurasa: upakie upya.".into(),
        Invalid::NotReviewable => "Ni bidhaa uliyofikishiwa tu inayoweza kukaguliwa.".into(),
        Invalid::AlreadyReviewed => "Umeshatoa maoni kuhusu bidhaa hii.".into(),
        Invalid::AlreadyReplied => "Duka lako limeshajibu maoni haya.".into(),
        Invalid::OwnShop => "Unafanya kazi katika duka hili, kwa hiyo huwezi kutoa maoni kuhusu bidhaa zake.".into(),
        Invalid::OwnReview => "Haya ni maoni yako mwenyewe: wanunuzi wengine pekee wanaweza kuyaona yenye msaada.".into(),
        Invalid::PhoneMissing => "Ongeza kwanza nambari ya simu kwenye akaunti yako.".into(),
        Invalid::DocumentsKept => "Hati za duka lililothibitishwa huhifadhiwa kama kumbukumbu ya uthibitisho wake.".into(),
    }
}

pub fn mail(mail: &Mail<'_>) -> Message {
    let m = |subject: String, body: String| Message { subject, body };
    let update = |order, shop: &str, body: String| Message {
        subject: format!(
            "Oda ya Sokoni {}: taarifa kutoka {shop}",
            order_number(order)
        ),
        body,
    };
    match *mail {
        Mail::OrderPlaced { order, mpesa } => {
            let n = order_number(order);
            let next = if mpesa {
                "Weka PIN yako ya M-Pesa kwenye simu yako ili kulipa; maduka yataanza malipo yakifika."
            } else {
                "Utalipa kila duka pesa taslimu bidhaa zikifikishwa."
            };
            m(
                format!("Oda ya Sokoni {n} imepokelewa"),
                format!(
                    "Asante! Oda yako {n} imepokelewa. {next}\nIfuatilie kwenye /account/orders/{order}"
                ),
            )
        }
        Mail::OrderPaid { order } => {
            let n = order_number(order);
            m(
                format!("Oda ya Sokoni {n} imelipwa"),
                format!(
                    "Tumepokea malipo yako ya M-Pesa kwa oda {n}. Kila duka sasa litakubali na kutuma sehemu yake."
                ),
            )
        }
        Mail::NewOrder { order, paid } => {
            let n = order_number(order);
            if paid {
                m(
                    format!("Oda mpya iliyolipwa {n}"),
                    "Oda iliyolipwa inasubiri uikubali kwenye /seller/orders.".into(),
                )
            } else {
                m(
                    format!("Oda mpya {n}"),
                    "Oda mpya inasubiri uikubali kwenye /seller/orders.".into(),
                )
            }
        }
        Mail::PartAccepted { order, shop } => update(
            order,
            shop,
            format!(
                "{shop} imekubali sehemu yake ya oda yako {}.",
                order_number(order)
            ),
        ),
        Mail::PartShipped { order, shop } => update(
            order,
            shop,
            format!(
                "{shop} imetuma sehemu yake ya oda yako {}.",
                order_number(order)
            ),
        ),
        Mail::PartDelivered { order, shop } => update(
            order,
            shop,
            format!(
                "{shop} imeweka alama kuwa sehemu yake ya oda yako {} imefikishwa.",
                order_number(order)
            ),
        ),
        Mail::PartRejected { order, shop } => update(
            order,
            shop,
            format!(
                "{shop} haikuweza kutimiza sehemu yake ya oda yako {}; ulicholipia kitarejeshwa.",
                order_number(order)
            ),
        ),
        Mail::ReturnAccepted { order, shop } => update(
            order,
            shop,
            format!(
                "{shop} imekubali urejeshaji wako wa oda {}; ulicholipia kitarejeshwa.",
                order_number(order)
            ),
        ),
        Mail::ItemRefunded { order, shop } => {
            let n = order_number(order);
            m(
                format!("Oda ya Sokoni {n}: marejesho kutoka {shop}"),
                format!(
                    "{shop} imerejesha pesa za bidhaa moja ya oda yako {n}; ulicholipia kinakurudia."
                ),
            )
        }
        Mail::PartCancelled { order } => {
            let n = order_number(order);
            m(
                format!("Oda {n}"),
                format!("Mnunuzi ameghairi sehemu yake ya oda {n}."),
            )
        }
        Mail::ReceiptConfirmed { order } => {
            let n = order_number(order);
            m(
                format!("Oda {n}: imepokelewa"),
                format!(
                    "Mnunuzi amethibitisha kupokea sehemu yake ya oda {n}; pesa zake zinatolewa na malipo yajayo."
                ),
            )
        }
        Mail::ReturnRequested { order } => {
            let n = order_number(order);
            m(
                format!("Oda {n}"),
                format!("Mnunuzi ameomba kurejesha sehemu yake ya oda {n}. Tazama /seller/orders."),
            )
        }
        Mail::LowStock { title, left } => m(
            format!("Bidhaa zinakwisha: {title}"),
            format!(
                "{title} imebaki {left} baada ya oda ya karibuni. Ongeza bidhaa kwenye /seller."
            ),
        ),
        Mail::PayoutSent { amount } => m(
            format!("Malipo yametumwa: {amount}"),
            format!(
                "{amount} zimetoka kwenye paybill ya Sokoni kwenda simu yako ya malipo. Taarifa iko kwenye /seller/money."
            ),
        ),
        Mail::PayoutFailed { amount, reason } => m(
            format!("Malipo yameshindikana: {amount}"),
            format!(
                "Malipo ya {amount} hayakufanikiwa ({reason}); pesa zimerudi kwenye salio lako na zitaenda na malipo yajayo. Kagua simu ya malipo kwenye /sell."
            ),
        ),
        Mail::SavedItemCheaper { title, price, slug } => m(
            format!("Bei imeshuka: {title}"),
            format!("{title}, uliyohifadhi, sasa inauzwa {price}. Itazame kwenye /p/{slug}."),
        ),
        Mail::SavedItemBack { title, slug } => m(
            format!("Imerudi dukani: {title}"),
            format!("{title}, uliyohifadhi, imerudi dukani. Itazame kwenye /p/{slug}."),
        ),
        Mail::ReturnDeclined { order, shop } => update(
            order,
            shop,
            format!(
                "{shop} imekataa urejeshaji wako wa oda {}. Ikiwa hukubaliani, fungua lalamiko kwenye ukurasa wa oda kabla duka halijalipwa.",
                order_number(order)
            ),
        ),
        Mail::DisputeOpened { order } => {
            let n = order_number(order);
            m(
                format!("Lalamiko kuhusu oda {n}"),
                format!(
                    "Mnunuzi amefungua lalamiko kuhusu sehemu yake ya oda {n}. Lijibu kwenye /seller/orders kabla ya muda kuisha, la sivyo litapelekwa kwa timu ya Sokoni. Pesa zake zinashikiliwa hadi litatuliwe."
                ),
            )
        }
        Mail::DisputeAnswered { order, shop } => {
            let n = order_number(order);
            m(
                format!("Oda ya Sokoni {n}: {shop} imejibu lalamiko lako"),
                format!(
                    "{shop} imejibu lalamiko lako kuhusu oda {n}. Kubali jibu, au lipeleke kwa timu ya Sokoni, kwenye ukurasa wa oda."
                ),
            )
        }
        Mail::DisputeEscalated { order } => {
            let n = order_number(order);
            m(
                format!("Lalamiko kuhusu oda {n}: liko kwa timu ya Sokoni"),
                format!(
                    "Lalamiko kuhusu oda {n} sasa liko kwa timu ya Sokoni, itakayoamua. Pesa zinashikiliwa hadi wakati huo."
                ),
            )
        }
        Mail::DisputeResolved { order, outcome } => {
            use crate::domain::dispute::DisputeOutcome as O;
            let n = order_number(order);
            let how = match outcome {
                O::ShopRefunded => "duka limerejesha pesa zote za sehemu hiyo",
                O::AnswerAccepted => "mnunuzi amekubali jibu la duka; hakuna kinachorejeshwa",
                O::FullRefund => "timu ya Sokoni imeamua kurejesha pesa zote",
                O::PartialRefund => "timu ya Sokoni imeamua kurejesha sehemu ya pesa",
                O::Refused => "timu ya Sokoni imekataa dai; hakuna kinachorejeshwa",
            };
            m(
                format!("Lalamiko kuhusu oda {n}: limetatuliwa"),
                format!(
                    "Lalamiko kuhusu oda {n} limetatuliwa: {how}. Maelezo yako kwenye ukurasa wa oda."
                ),
            )
        }
        Mail::PayoutPhoneCode { code, shop } => m(
            String::new(),
            format!(
                "Sokoni: {code} ni nambari yako ya siri ya kufanya simu hii ipokee malipo ya {shop}. Inaisha baada ya dakika 10. Usimpe mtu yeyote."
            ),
        ),
        Mail::ShopReviewed {
            shop,
            refused: None,
        } => m(
            format!("{shop} imethibitishwa kwenye Sokoni"),
            format!(
                "Duka lako {shop} limethibitishwa. Sasa unaweza kuweka bidhaa kutoka dashibodi yako ya muuzaji."
            ),
        ),
        Mail::ShopReviewed {
            shop,
            refused: Some(reason),
        } => m(
            format!("{shop}: ombi halikukubaliwa"),
            format!(
                "Ombi lako la {shop} halikukubaliwa.\n\nSababu: {reason}\n\nUnaweza kurekebisha maelezo au hati kwenye ukurasa wa Uza na kuhifadhi tena; litarudi kukaguliwa."
            ),
        ),
        Mail::ListingReviewed {
            title,
            refused: None,
        } => m(
            format!("Imekubaliwa: {title}"),
            format!("Bidhaa yako \"{title}\" imekubaliwa na wanunuzi wanaweza kuipata sasa."),
        ),
        Mail::ListingReviewed {
            title,
            refused: Some(reason),
        } => m(
            format!("Haikukubaliwa: {title}"),
            format!(
                "Bidhaa yako \"{title}\" haikukubaliwa.\n\nSababu: {reason}\n\nIhariri kwenye dashibodi yako ya muuzaji na uitume tena."
            ),
        ),
        Mail::VerifyEmail { link } => m(
            "Thibitisha barua pepe yako ya Sokoni".into(),
            format!(
                "Karibu Sokoni. Thibitisha kwamba hii ni anwani yako ya barua pepe kwa kufungua kiungo hiki ndani ya saa 48:\n{link}\n\nUnahitaji anwani iliyothibitishwa ili kufungua duka na kupokea malipo. Kama hukufungua akaunti, puuza ujumbe huu."
            ),
        ),
        Mail::PasswordReset { link } => m(
            "Weka upya nenosiri lako la Sokoni".into(),
            format!(
                "Mtu (tunatumaini ni wewe) ameomba kuweka upya nenosiri la akaunti yako ya Sokoni.\n\nWeka jipya hapa ndani ya dakika 30:\n{link}\n\nKiungo hufanya kazi mara moja. Kukitumia kunatoa akaunti yako kila mahali ilipoingia. Kama hukuomba, puuza ujumbe huu: nenosiri lako litabaki lilivyo."
            ),
        ),
        Mail::PayoutPhoneChanged { shop, ending } => m(
            format!("{shop}: simu ya malipo imebadilishwa"),
            format!(
                "Sokoni: simu inayopokea malipo ya {shop} imebadilishwa kuwa nambari inayoishia {ending}. Malipo yamesimamishwa kwa saa 24. Kama si wewe, badilisha nenosiri lako na uwasiliane na Sokoni mara moja."
            ),
        ),
    }
}
