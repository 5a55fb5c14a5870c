//! English text.

use super::Key;
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
        Key::NotFoundTitle => "Page not found",
        Key::NotFoundBody => "We could not find the page you asked for.",
        Key::ForbiddenTitle => "You do not have access to this page.",
        Key::ErrorTitle => "Something went wrong",
        Key::ErrorBody => "Please try again in a moment.",
        Key::GoHome => "Go to the home page",
        Key::Working => "Working…",
    }
}

pub fn invalid(why: Invalid) -> String {
    match why {
        Invalid::Required => "This field is required.".into(),
        Invalid::TooLong { max } => format!("Use at most {max} characters."),
        Invalid::TooShort { min } => format!("Use at least {min} characters."),
        Invalid::EmailFormat => "Enter a valid email address, like name@example.com.".into(),
        Invalid::PhoneFormat => "Enter a valid phone number, like 0712 345 678.".into(),
        Invalid::ControlCharacters => "Remove the special control characters.".into(),
        Invalid::EmailTaken => "An account with this email already exists.".into(),
        Invalid::PasswordMismatch => "The passwords do not match.".into(),
        Invalid::WrongCurrentPassword => "Your current password is not correct.".into(),
        Invalid::UnknownCurrency => "Choose a supported currency.".into(),
        Invalid::AmountFormat => "Enter an amount like 1250 or 1,250.50.".into(),
    }
}
