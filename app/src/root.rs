//! The HTML shell, the application root and its routes.

use crate::components::layout::{Footer, Header};
use crate::components::not_found::NotFound;
use crate::components::session::SessionContext;
use crate::i18n::{I18n, Locale};
use crate::pages::{
    account::AccountPage,
    admin::analytics::AdminAnalyticsPage,
    admin::audit::AdminAuditPage,
    admin::categories::AdminCategoriesPage,
    admin::inbox::AdminInboxPage,
    admin::orders::{AdminOrderPage, AdminOrdersPage},
    admin::outbox::AdminOutboxPage,
    admin::overview::AdminPage,
    admin::payments::AdminPaymentsPage,
    admin::people::AdminPeoplePage,
    admin::person::AdminPersonPage,
    admin::review::{AdminListingsPage, AdminShopsPage},
    admin::settings::AdminSettingsPage,
    auth::RegisterPage,
    auth::{ForgotPasswordPage, LoginPage, ResetPasswordPage, VerifyEmailPage},
    cart::CartPage,
    checkout::CheckoutPage,
    error::ErrorPage,
    home::HomePage,
    notifications::NotificationsPage,
    orders::{OrderRoute, OrdersPage},
    product::ProductRoute,
    search::SearchPage,
    seller::dashboard::SellerPage,
    seller::import::ImportPage,
    seller::listing::{EditListingPage, NewListingPage},
    seller::money::ShopMoneyPage,
    seller::orders::ShopOrdersPage,
    seller::promotions::PromotionsPage,
    seller::reviews::ShopReviewsPage,
    seller::shop::SellPage,
    seller::staff::StaffPage,
    store::StorePage,
    two_factor::{LoginSecondStepPage, TwoFactorPage},
    wishlist::WishlistPage,
};
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Html, MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_security_policy(&options);
    let islands = page_has_islands();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#047857" />
                <meta name="description" content="Sokoni: shop from many Kenyan sellers in one cart and pay once with M-Pesa." />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="apple-touch-icon" href="/icons/icon-192.png" />
                <HashedStylesheet options=options.clone() />
                <AutoReload options=options.clone() />
                {islands.then(|| view! { <HydrationScripts options=options.clone() islands=true /> })}
                <script src="/register-sw.js" defer></script>
                <MetaTags />
            </head>
            <body class="min-h-screen flex flex-col bg-stone-50 text-stone-900 antialiased" data-islands=islands.then_some("true")>
                <App />
            </body>
        </html>
    }
}

/// The page's Content-Security-Policy: scripts only from this site, plus the inline loader
/// Leptos writes for the islands, which carries a fresh nonce per page (Leptos reads it from
/// the context); WebAssembly may be compiled; nothing may frame the page. Other responses get
/// a default policy and the other security headers from the server's middleware.
#[cfg(feature = "ssr")]
fn content_security_policy(options: &LeptosOptions) {
    let nonce = leptos::nonce::Nonce::new();
    // `cargo leptos watch` reloads the page over a websocket on its own port.
    let dev_reload = if options.env == leptos::config::Env::DEV {
        " ws:"
    } else {
        ""
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'{dev_reload}; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let (Some(res), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&policy),
    ) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
    provide_context(nonce);
}

/// Whether the page loads the islands bundle. Seller and admin pages are server-rendered forms
/// and tables with no island of their own, so they load no script at all (the header's search
/// box is then a plain form without suggestions).
fn page_has_islands() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().is_none_or(|parts| {
            let path = parts.uri.path();
            !["/seller", "/admin"].iter().any(|area| {
                path.strip_prefix(area)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        true
    }
}

/// The language of the page: from the request (cookie, then `Accept-Language`). Pages render
/// on the server only; islands get the language as a prop.
fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        crate::auth::context::request_locale()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Locale::default()
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = I18n {
        locale: RwSignal::new(initial_locale()),
    };
    provide_context(i18n);

    // Pages wait for their data before the first byte (SsrMode::Async): the HTML is complete
    // for crawlers and for phones with JavaScript off, which never run streaming's swap scripts.
    view! {
        <Html attr:lang=move || i18n.locale.get().code() />
        <Title formatter=|title: String| if title.is_empty() { "Sokoni".to_owned() } else { format!("{title} · Sokoni") } />
        <Router>
            <Layout />
        </Router>
    }
}

/// Everything inside the router. The session's actions are made here, under `<Router>`, because
/// the router is what hands a no-JavaScript form post's error (carried in the URL) to them.
#[component]
fn Layout() -> impl IntoView {
    provide_context(SessionContext::new());
    view! {
            <Header />
            <main id="main" class="flex-1 w-full max-w-6xl mx-auto px-4 py-6">
                <ErrorBoundary fallback=|_errors| view! { <ErrorPage /> }>
                    <Routes fallback=NotFound>
                        <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                        <Route path=path!("/login/two-factor") view=LoginSecondStepPage ssr=SsrMode::Async />
                        <Route path=path!("/account/two-factor") view=TwoFactorPage ssr=SsrMode::Async />
                        <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async />
                        <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/verify-email") view=VerifyEmailPage ssr=SsrMode::Async />
                        <Route path=path!("/reset-password") view=ResetPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                        <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async />
                        <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                        <Route path=path!("/cart") view=CartPage ssr=SsrMode::Async />
                        <Route path=path!("/checkout") view=CheckoutPage ssr=SsrMode::Async />
                        <Route path=path!("/account/orders") view=OrdersPage ssr=SsrMode::Async />
                        <Route path=path!("/account/notifications") view=NotificationsPage ssr=SsrMode::Async />
                        <Route path=path!("/account/wishlist") view=WishlistPage ssr=SsrMode::Async />
                        <Route path=path!("/account/orders/:id") view=OrderRoute ssr=SsrMode::Async />
                        <Route path=path!("/p/:slug") view=ProductRoute ssr=SsrMode::Async />
                        <Route path=path!("/store/:slug") view=StorePage ssr=SsrMode::Async />
                        <Route path=path!("/sell") view=SellPage ssr=SsrMode::Async />
                        <Route path=path!("/seller") view=SellerPage ssr=SsrMode::Async />
                        <Route path=path!("/seller/listings/new") view=NewListingPage ssr=SsrMode::Async />
                        <Route path=path!("/seller/listings/:id") view=EditListingPage ssr=SsrMode::Async />
                        <Route path=path!("/seller/staff") view=StaffPage ssr=SsrMode::Async />
                        <Route path=path!("/seller/orders") view=ShopOrdersPage ssr=SsrMode::Async />
                        <Route path=path!("/seller/import") view=ImportPage ssr=SsrMode::Async />
                        <Route path=path!("/seller/money") view=ShopMoneyPage ssr=SsrMode::Async />
                        <Route path=path!("/seller/promotions") view=PromotionsPage ssr=SsrMode::Async />
                        <Route path=path!("/seller/reviews") view=ShopReviewsPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/orders") view=AdminOrdersPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/orders/:id") view=AdminOrderPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/analytics") view=AdminAnalyticsPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/inbox") view=AdminInboxPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/audit") view=AdminAuditPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/outbox") view=AdminOutboxPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/people/:id") view=AdminPersonPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/people") view=AdminPeoplePage ssr=SsrMode::Async />
                        <Route path=path!("/admin/settings") view=AdminSettingsPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/categories") view=AdminCategoriesPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/payments") view=AdminPaymentsPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/shops") view=AdminShopsPage ssr=SsrMode::Async />
                        <Route path=path!("/admin/listings") view=AdminListingsPage ssr=SsrMode::Async />
                    </Routes>
                </ErrorBoundary>
            </main>
            <Footer />
    }
}
