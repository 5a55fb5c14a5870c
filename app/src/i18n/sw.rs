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
        Key::Working => "Inashughulikiwa…",
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
    }
}
