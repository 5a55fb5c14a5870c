//! The logged-in user as the whole page sees it, and the actions that change who that is.

use crate::error::AppError;
use crate::server_fns::account::{ChangePassword, UpdateProfile};
use crate::server_fns::auth::{Login, Logout, Register, UserView, current_user};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct SessionContext {
    pub login: ServerAction<Login>,
    pub logout: ServerAction<Logout>,
    pub register: ServerAction<Register>,
    pub update_profile: ServerAction<UpdateProfile>,
    pub change_password: ServerAction<ChangePassword>,
    /// Refetched whenever one of the actions above completes.
    pub user: Resource<Result<Option<UserView>, AppError>>,
}

impl SessionContext {
    pub fn new() -> Self {
        let login = ServerAction::<Login>::new();
        let logout = ServerAction::<Logout>::new();
        let register = ServerAction::<Register>::new();
        let update_profile = ServerAction::<UpdateProfile>::new();
        let change_password = ServerAction::<ChangePassword>::new();
        let user = Resource::new_blocking(
            move || {
                (
                    login.version().get(),
                    logout.version().get(),
                    register.version().get(),
                    update_profile.version().get(),
                )
            },
            |_| current_user(),
        );
        Self { login, logout, register, update_profile, change_password, user }
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
