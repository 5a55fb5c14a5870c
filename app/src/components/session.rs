//! The logged-in user as the whole page sees it.

use crate::error::AppError;
use crate::server_fns::auth::{Logout, UserView, current_user};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct SessionContext {
    pub logout: ServerAction<Logout>,
    pub user: Resource<Result<Option<UserView>, AppError>>,
}

impl SessionContext {
    pub fn new() -> Self {
        let logout = ServerAction::<Logout>::new();
        let user = Resource::new_blocking(move || logout.version().get(), |_| current_user());
        Self { logout, user }
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

impl Default for SessionContext {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_session() -> SessionContext {
    expect_context::<SessionContext>()
}
