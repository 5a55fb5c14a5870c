//! Switching the interface language.

use crate::error::AppError;
use crate::i18n::Locale;
use leptos::prelude::*;

/// Remembers the language in a cookie for a year. Without JavaScript the browser is sent back
/// to the page it came from, now rendered in the new language.
#[server(endpoint = "set_locale")]
pub async fn set_locale(locale: String) -> Result<Locale, AppError> {
    use crate::auth::context;
    use crate::i18n::LOCALE_COOKIE;
    use leptos_axum::ResponseOptions;

    context::respond(async move {
        let locale = Locale::parse(&locale)
            .ok_or_else(|| AppError::invalid("locale", crate::domain::Invalid::Required))?;
        let secure = if context::state()?.settings.secure_cookies() {
            "; Secure"
        } else {
            ""
        };
        let cookie = format!(
            "{LOCALE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
            locale.code()
        );
        let value = http::HeaderValue::from_str(&cookie)
            .map_err(|e| AppError::internal(format!("language cookie: {e}")))?;
        expect_context::<ResponseOptions>().append_header(http::header::SET_COOKIE, value);
        // Signed in: their notifications follow the language they chose.
        if let Some(user) = context::current_user().await? {
            crate::db::users::set_locale(&context::state()?.pool, user.id, locale).await?;
        }
        Ok(locale)
    })
    .await
}
