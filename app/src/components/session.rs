//! The logged-in user as the whole page sees it, on the server (pages are server-rendered;
//! a form post reloads the page, and with it the user and the cart count).

use crate::error::AppError;
use crate::server_fns::auth::{Logout, UserView, current_user};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct SessionContext {
    pub logout: ServerAction<Logout>,
    pub user: Resource<Result<Option<UserView>, AppError>>,
    /// Units in the cart, for the header (the badge island follows later changes).
    pub cart_units: Resource<Result<i64, AppError>>,
}

impl SessionContext {
    pub fn new() -> Self {
        let logout = ServerAction::<Logout>::new();
        let user = Resource::new_blocking(move || logout.version().get(), |_| current_user());
        // Not blocking: the header's count may stream in after the page's own data. Only the
        // user is a blocking resource in the shell; a second one there made the server render
        // of the 404 fallback (out-of-order streaming) hang now and then.
        let cart_units = Resource::new(
            move || logout.version().get(),
            |_| crate::server_fns::cart::cart_count(),
        );
        Self {
            logout,
            user,
            cart_units,
        }
    }
}

impl Default for SessionContext {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}
