//! The logged-in user as the whole page sees it.

use crate::error::AppError;
use crate::server_fns::auth::{Logout, UserView, current_user};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct SessionContext {
    pub logout: ServerAction<Logout>,
    pub user: Resource<Result<Option<UserView>, AppError>>,
    /// Units in the cart, for the header; refetched when a cart action completes.
    pub cart_units: Resource<Result<i64, AppError>>,
    cart_changes: RwSignal<u32>,
}

impl SessionContext {
    pub fn new() -> Self {
        let logout = ServerAction::<Logout>::new();
        let user = Resource::new_blocking(move || logout.version().get(), |_| current_user());
        let cart_changes = RwSignal::new(0);
        // Not blocking: the header's count may stream in after the page's own data. Only the
        // user is a blocking resource in the shell; a second one there made the server render
        // of the 404 fallback (out-of-order streaming) hang now and then.
        let cart_units = Resource::new(
            move || (logout.version().get(), cart_changes.get()),
            |_| crate::server_fns::cart::cart_count(),
        );
        Self {
            logout,
            user,
            cart_units,
            cart_changes,
        }
    }

    /// Reloads the user whenever `action` completes (login, register, profile edits). Form
    /// actions are made by the pages themselves, inside `<Routes>`, which is where the router
    /// hands them the error of a no-JavaScript post.
    pub fn refresh_after<I, O>(self, action: Action<I, O>)
    where
        I: Send + Sync + 'static,
        O: Send + Sync + 'static,
    {
        Effect::watch(
            move || action.version().get(),
            move |_, _, _| self.user.refetch(),
            false,
        );
    }
}

impl SessionContext {
    /// Recounts the header's cart units whenever `action` completes.
    pub fn cart_changed_after<I, O>(self, action: Action<I, O>)
    where
        I: Send + Sync + 'static,
        O: Send + Sync + 'static,
    {
        Effect::watch(
            move || action.version().get(),
            move |_, _, _| self.cart_changes.update(|n| *n += 1),
            false,
        );
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
