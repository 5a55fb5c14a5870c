//! The shopper's cart: one cart across shops, grouped by shop, re-checked on every view. The
//! cart is found from the session (the account's cart, or a guest cart kept in the session),
//! never from an id in the request.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::cart::*;

/// The session's cart id; with `create`, a cart is made when there is none yet.
#[cfg(feature = "ssr")]
pub async fn current_cart(create: bool) -> Result<Option<Uuid>, AppError> {
    use crate::auth::{context, session};
    use crate::db::carts;
    let pool = &context::state()?.pool;
    if let Some(user) = context::current_user().await? {
        // Reading (the header count on every page) must not write: a cart row is made only
        // when something goes into it.
        if !create {
            return Ok(carts::find_for_user(pool, user.id).await?);
        }
        let mut conn = pool.acquire().await?;
        return Ok(Some(carts::for_user(&mut conn, user.id).await?));
    }
    let s = context::session().await?;
    if let Some(id) = session::guest_cart(&s).await? {
        return Ok(Some(id));
    }
    if !create {
        return Ok(None);
    }
    let id = carts::create_guest(pool).await?;
    session::set_guest_cart(&s, id).await?;
    Ok(Some(id))
}

/// Moves the session's guest cart into the user's cart; called right after login.
#[cfg(feature = "ssr")]
pub async fn merge_guest_cart(user_id: Uuid) -> Result<(), AppError> {
    use crate::auth::{context, session};
    let s = context::session().await?;
    let Some(guest) = session::take_guest_cart(&s).await? else {
        return Ok(());
    };
    let mut tx = context::state()?.pool.begin().await?;
    let mine = crate::db::carts::for_user(&mut tx, user_id).await?;
    crate::db::carts::merge(&mut tx, guest, mine).await?;
    tx.commit().await?;
    Ok(())
}

#[server(endpoint = "cart")]
pub async fn cart() -> Result<CartView, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let Some(id) = current_cart(false).await? else {
            return Ok(CartView::default());
        };
        let pool = &context::state()?.pool;
        let mut view = CartView::from_lines(crate::db::carts::lines(pool, id).await?);
        let shops: Vec<Uuid> = view.groups.iter().map(|g| g.vendor_id).collect();
        let offers =
            crate::db::vendors::delivery_terms(&mut *pool.acquire().await?, &shops).await?;
        for g in &mut view.groups {
            g.delivery = offers.iter().find(|o| o.vendor_id == g.vendor_id).cloned();
        }
        Ok(view)
    })
    .await
}

/// Units in the cart, for the header.
#[server(endpoint = "cart_count")]
pub async fn cart_count() -> Result<i64, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let Some(id) = current_cart(false).await? else {
            return Ok(0);
        };
        Ok(crate::db::carts::count(&context::state()?.pool, id).await?)
    })
    .await
}

/// Adds a variant to the cart: the units now in the cart. A plain form post goes back to the
/// product page, which says so.
#[server(endpoint = "add_to_cart", output = crate::wire::IslandCodec)]
pub async fn add_to_cart(
    variant_id: Uuid,
    #[server(default)] quantity: String,
) -> Result<i64, AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::cart::parse_quantity;
    context::respond(async move {
        let quantity = if quantity.trim().is_empty() {
            1
        } else {
            parse_quantity(&quantity).map_err(|w| AppError::invalid("quantity", w))?
        };
        let pool = &context::state()?.pool;
        let (for_sale, stock, price, slug) = crate::db::carts::offer(pool, variant_id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !for_sale {
            return Err(AppError::NotFound);
        }
        if stock <= 0 {
            return Err(AppError::invalid("quantity", Invalid::OutOfRange));
        }
        let cart = current_cart(true)
            .await?
            .ok_or_else(|| AppError::internal("no cart could be made"))?;
        let mut tx = pool.begin().await?;
        crate::db::carts::add(&mut tx, cart, variant_id, quantity, stock, price).await?;
        tx.commit().await?;
        context::redirect_form_post(&format!("/p/{slug}?added=1"));
        Ok(crate::db::carts::count(pool, cart).await?)
    })
    .await
}

/// `update` a line's quantity, `remove` it, `save` it for later or `restore` it to the cart.
#[server(endpoint = "change_cart_line")]
pub async fn change_cart_line(
    variant_id: Uuid,
    action: String,
    #[server(default)] quantity: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::carts;
    use crate::domain::Invalid;
    context::respond(async move {
        let cart = current_cart(false).await?.ok_or(AppError::NotFound)?;
        let pool = &context::state()?.pool;
        let done = match action.as_str() {
            "update" => {
                let q = crate::domain::cart::parse_quantity(&quantity)
                    .map_err(|w| AppError::invalid("quantity", w))?;
                carts::set_quantity(pool, cart, variant_id, q).await?
            }
            "remove" => carts::remove(pool, cart, variant_id).await?,
            // With an account, "save for later" goes to the saved items (the same list as the
            // hearts, with its alerts); a guest's stays in the cart.
            "save" => match context::current_user().await? {
                Some(user) => {
                    crate::db::wishlist::add_variant(pool, user.id, variant_id).await?;
                    carts::remove(pool, cart, variant_id).await?
                }
                None => carts::set_saved(pool, cart, variant_id, true).await?,
            },
            "restore" => carts::set_saved(pool, cart, variant_id, false).await?,
            _ => return Err(AppError::invalid("action", Invalid::NotFound)),
        };
        if !done {
            return Err(AppError::NotFound);
        }
        leptos_axum::redirect("/cart");
        Ok(())
    })
    .await
}
