//! Swahili text (Kiswahili).

use super::Key;
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
        Key::CheckoutSoon => "Kulipa kwa M-Pesa au pesa unapopokea kunakuja hivi karibuni.",
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
        Key::MyListings => "Bidhaa zangu",
        Key::NewListing => "Bidhaa mpya",
        Key::EditListing => "Hariri bidhaa",
        Key::ImportExport => "Ingiza / toa",
        Key::Staff => "Wafanyakazi",
        Key::AddStaff => "Ongeza mfanyakazi",
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
        Invalid::ControlCharacters => "Ondoa herufi maalum za udhibiti.".into(),
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
    }
}
