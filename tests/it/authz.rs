//! Who may call which server function: every function in the server-function registry (not a
//! hand-written list, so a new one cannot be forgotten) is called as an anonymous visitor, a
//! customer, an admin and a member of a shop in each staff role (owner, inventory, orders,
//! accounting), with another party's ids where it takes ids. A caller
//! outside the function's audience must be refused (401 anonymous, 403 logged in); one inside
//! it must not be refused for who they are, and must never succeed on another party's order,
//! part, listing or item.

use crate::common::{Client, app, make_admin, place_order, shop, shopper, staff, variant};
use app::domain::vendor::{ShopTask, StaffRole};
use app::error::AppError;
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

/// The least a caller must be.
#[derive(Clone, Copy, Debug, PartialEq)]
enum May {
    Anyone,
    /// Logged in.
    User,
    /// Shop staff whose role may do this part of the seller dashboard.
    Shop(ShopTask),
    Admin,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Caller {
    Anonymous,
    Customer,
    /// A member of shop A in this role.
    Staff(StaffRole),
    Admin,
}

impl May {
    fn admits(self, caller: Caller) -> bool {
        match self {
            May::Anyone => true,
            May::User => caller != Caller::Anonymous,
            May::Shop(task) => matches!(caller, Caller::Staff(role) if role.may(task)),
            May::Admin => caller == Caller::Admin,
        }
    }
}

use May::{Admin, Anyone, User};
const CATALOG: May = May::Shop(ShopTask::Catalog);
const ORDERS: May = May::Shop(ShopTask::Orders);
const FINANCES: May = May::Shop(ShopTask::Finances);
const MANAGE: May = May::Shop(ShopTask::Manage);

/// (endpoint, audience, form). `{order}`, `{part}`, `{listing}`, `{variant}`, `{item}` are
/// another party's; `{random}` is nobody's. Forms that would change state are made invalid,
/// or point at another party, so that no call changes what later calls see.
/// A form: (field, value) pairs.
type Form = &'static [(&'static str, &'static str)];

const POLICY: &[(&str, May, Form)] = &[
    // accounts
    (
        "register",
        Anyone,
        &[
            ("email", "not-an-email"),
            ("name", "X"),
            ("password", "short"),
        ],
    ),
    (
        "login",
        Anyone,
        &[
            ("email", "nobody@example.com"),
            ("password", "wrong-password-1"),
        ],
    ),
    ("current_user", Anyone, &[]),
    ("my_sessions", User, &[]),
    ("login_second_step", Anyone, &[("code", "000000")]),
    ("two_factor_status", User, &[]),
    ("resend_verification", User, &[]),
    ("verify_email", Anyone, &[("token", "nothing")]),
    ("start_two_factor", User, &[]),
    ("confirm_two_factor", User, &[("code", "not-a-code")]),
    ("disable_two_factor", User, &[("code", "not-a-code")]),
    ("new_recovery_codes", User, &[("code", "not-a-code")]),
    (
        "request_password_reset",
        Anyone,
        &[("email", "not-an-email")],
    ),
    (
        "reset_password",
        Anyone,
        &[("token", "nothing"), ("password", "short")],
    ),
    ("set_locale", Anyone, &[("locale", "en")]),
    ("update_profile", User, &[("name", "")]),
    (
        "change_password",
        User,
        &[
            ("current_password", "not-it-at-all"),
            ("new_password", "another-long-one"),
        ],
    ),
    // browsing and the cart
    ("top_categories", Anyone, &[]),
    ("category_choices", Anyone, &[]),
    ("search_listings", Anyone, &[]),
    ("suggest", Anyone, &[("prefix", "ra")]),
    ("product_page", Anyone, &[("slug", "no-such-listing")]),
    ("store_page", Anyone, &[("slug", "no-such-shop")]),
    ("home_shelves", Anyone, &[]),
    ("cart", Anyone, &[]),
    ("cart_count", Anyone, &[]),
    (
        "add_to_cart",
        Anyone,
        &[("variant_id", "{variant}"), ("quantity", "0")],
    ),
    (
        "change_cart_line",
        Anyone,
        &[("variant_id", "{random}"), ("action", "remove")],
    ),
    // buying
    ("checkout_form", User, &[]),
    (
        "place_order",
        User,
        &[
            ("checkout_key", "{random}"),
            ("county", ""),
            ("town", ""),
            ("street", ""),
            ("phone", ""),
            ("payment", "cod"),
        ],
    ),
    ("my_orders", User, &[]),
    ("order_details", User, &[("id", "{order}")]),
    (
        "pay_order",
        User,
        &[("id", "{order}"), ("phone", "0712345678")],
    ),
    ("payment_status", User, &[("id", "{order}")]),
    ("check_payment", User, &[("id", "{order}")]),
    ("cancel_part", User, &[("id", "{part}")]),
    ("confirm_receipt", User, &[("id", "{part}")]),
    (
        "request_return",
        User,
        &[("id", "{part}"), ("reason", "Not as described")],
    ),
    (
        "set_saved",
        User,
        &[("listing_id", "{random}"), ("save", "true")],
    ),
    ("my_wishlist", User, &[]),
    // Logged out: none (no hearts on the cards).
    ("my_saved_ids", Anyone, &[]),
    ("my_notifications", User, &[]),
    ("save_channels", User, &[("email", "on")]),
    // A missing review reads the same to everyone.
    ("vote_review", User, &[("id", "{random}")]),
    (
        "report_review",
        User,
        &[("id", "{random}"), ("reason", "Spam")],
    ),
    // Another party's dispute (there is none of the caller's) reads like a missing one.
    (
        "reply_to_answer",
        User,
        &[("id", "{random}"), ("reply", "escalate")],
    ),
    // opening a shop
    // The caller's own shop, if any: nobody has none.
    ("my_shop", Anyone, &[]),
    (
        "save_shop",
        User,
        &[
            ("business_name", ""),
            ("slug", ""),
            ("phone", ""),
            ("business_type", ""),
            ("county", ""),
            ("town", ""),
            ("lat", ""),
            ("lng", ""),
        ],
    ),
    // running a shop
    ("seller_dashboard", CATALOG, &[]),
    ("listing_for_edit", CATALOG, &[("id", "{listing}")]),
    (
        "save_listing",
        CATALOG,
        &[
            ("id", "{listing}"),
            ("title", "Taken over"),
            ("category_id", "{random}"),
            ("price", "10"),
            ("county", "Nairobi"),
            ("town", "CBD"),
        ],
    ),
    (
        "listing_action",
        CATALOG,
        &[("id", "{listing}"), ("action", "archive")],
    ),
    (
        "save_variant",
        CATALOG,
        &[
            ("listing_id", "{listing}"),
            ("sku", "TAKEN-1"),
            ("price", "10"),
            ("stock", "1"),
        ],
    ),
    (
        "delete_variant",
        CATALOG,
        &[("listing_id", "{listing}"), ("variant_id", "{variant}")],
    ),
    (
        "remove_photo",
        CATALOG,
        &[("listing_id", "{listing}"), ("key", "x")],
    ),
    ("last_import_report", CATALOG, &[]),
    ("shop_orders", ORDERS, &[]),
    ("shop_reliability", ORDERS, &[]),
    (
        "answer_dispute",
        ORDERS,
        &[("id", "{random}"), ("answer", "Sent with G4S")],
    ),
    ("refund_dispute", ORDERS, &[("id", "{random}")]),
    ("my_shop_reviews", ORDERS, &[]),
    (
        "reply_to_review",
        ORDERS,
        &[("id", "{random}"), ("reply", "Thanks")],
    ),
    ("shop_money", FINANCES, &[]),
    ("fulfil", ORDERS, &[("id", "{part}"), ("action", "accept")]),
    (
        "refund_item",
        ORDERS,
        &[("id", "{part}"), ("item_id", "{item}")],
    ),
    ("shop_terms", MANAGE, &[]),
    (
        "create_coupon",
        MANAGE,
        &[("code", ""), ("kind", "percent"), ("value", "")],
    ),
    (
        "toggle_coupon",
        MANAGE,
        &[("id", "{random}"), ("active", "true")],
    ),
    ("save_delivery", MANAGE, &[("delivery_fee", "not money")]),
    ("shop_staff", MANAGE, &[]),
    (
        "invite_staff",
        MANAGE,
        &[("email", "nobody@example.com"), ("role", "no-such-role")],
    ),
    ("sent_invitations", MANAGE, &[]),
    ("withdraw_invitation", MANAGE, &[("id", "{invitation}")]),
    ("remove_staff", MANAGE, &[("user_id", "{random}")]),
    ("remove_document", MANAGE, &[("id", "{random}")]),
    (
        "send_payout_phone_code",
        MANAGE,
        &[("new_phone", "not a phone")],
    ),
    ("confirm_payout_phone", MANAGE, &[("code", "")]),
    // invitations to work at a shop, and leaving one
    ("my_invitations", User, &[]),
    (
        "answer_invitation",
        User,
        &[("id", "{invitation}"), ("accept", "true")],
    ),
    // the console
    ("admin_overview", Admin, &[]),
    ("admin_categories", Admin, &[]),
    ("audit_log", Admin, &[]),
    ("find_people", Admin, &[("q", "nobody")]),
    ("send_password_reset", Admin, &[("user_id", "{random}")]),
    ("platform_settings", Admin, &[]),
    (
        "save_platform_settings",
        Admin,
        &[
            ("vat_percent", "x"),
            ("reservation_minutes", "10"),
            ("return_days", "7"),
            ("holding_days", "7"),
            ("payout_minimum", "100"),
            ("accept_hours", "24"),
            ("ship_days", "3"),
            ("answer_hours", "48"),
        ],
    ),
    (
        "set_shop_tier",
        Admin,
        &[("vendor_id", "{random}"), ("tier", "titan")],
    ),
    (
        "set_person_status",
        Admin,
        &[("user_id", "{random}"), ("decision", "reinstate")],
    ),
    (
        "set_person_admin",
        Admin,
        &[("user_id", "{random}"), ("admin", "true")],
    ),
    (
        "create_category",
        Admin,
        &[("slug", "Not a slug"), ("name_en", ""), ("name_sw", "")],
    ),
    (
        "rename_category",
        Admin,
        &[
            ("id", "{random}"),
            ("name_en", "Phones"),
            ("name_sw", "Simu"),
        ],
    ),
    (
        "move_category",
        Admin,
        &[("id", "{random}"), ("parent", "")],
    ),
    (
        "shift_category",
        Admin,
        &[("id", "{random}"), ("direction", "up")],
    ),
    (
        "merge_category",
        Admin,
        &[("id", "{random}"), ("into", "{random}")],
    ),
    ("pending_listings", Admin, &[]),
    (
        "review_listing",
        Admin,
        &[("listing_id", "{random}"), ("decision", "approve")],
    ),
    (
        "set_featured",
        Admin,
        &[("listing_id", "{random}"), ("featured", "true")],
    ),
    ("shop_applications", Admin, &[]),
    (
        "review_shop",
        Admin,
        &[("vendor_id", "{random}"), ("decision", "approve")],
    ),
    ("membership_tiers", Admin, &[]),
    (
        "update_tier",
        Admin,
        &[
            ("code", "no-such-tier"),
            ("listing_limit", "x"),
            ("commission_percent", "x"),
        ],
    ),
    ("commission_rules", Admin, &[]),
    (
        "add_commission_rule",
        Admin,
        &[("commission_percent", "not a number")],
    ),
    ("remove_commission_rule", Admin, &[("id", "{random}")]),
    ("payments_overview", Admin, &[]),
    ("inbox", Admin, &[]),
    ("find_orders", Admin, &[("q", "nothing")]),
    ("person_detail", Admin, &[("id", "{random}")]),
    ("platform_analytics", Admin, &[("days", "7")]),
    ("admin_order", Admin, &[("id", "{random}")]),
    (
        "admin_refund_item",
        Admin,
        &[
            ("order_id", "{order}"),
            ("part_id", "{part}"),
            ("item_id", "{item}"),
            ("reason", ""),
        ],
    ),
    ("inbox_counts", Admin, &[]),
    (
        "claim_item",
        Admin,
        &[("kind", "listing"), ("item_id", "{random}")],
    ),
    ("approve_listings", Admin, &[]),
    (
        "resolve_callback",
        Admin,
        &[("id", "{random}"), ("note", "")],
    ),
    ("run_payouts", Admin, &[]),
    ("dead_letters", Admin, &[]),
    ("retry_notification", Admin, &[("id", "{random}")]),
    (
        "moderate_review",
        Admin,
        &[("id", "{random}"), ("decision", "keep")],
    ),
    (
        "decide_dispute",
        Admin,
        &[
            ("id", "{random}"),
            ("decision", "refuse"),
            ("note", "No evidence"),
        ],
    ),
    ("leave_shop", User, &[]),
    // last: it ends the caller's session
    // Cycles the caller's session id (the client follows the new cookie).
    ("log_out_other_sessions", User, &[]),
    ("logout", Anyone, &[]),
];

/// Refused for who the caller is (not for what they sent).
fn refused(reply: &crate::common::Reply) -> bool {
    match reply.status {
        StatusCode::FORBIDDEN => true,
        StatusCode::UNAUTHORIZED => reply.error() == AppError::Unauthenticated,
        _ => false,
    }
}

#[sqlx::test(migrations = false)]
async fn every_server_function_admits_only_its_audience(pool: PgPool) {
    let router = app(pool.clone()).await;

    // Every registered function has a policy, and every policy a function.
    let registered: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_owned())
        .collect();
    let missing: Vec<&String> = registered
        .iter()
        .filter(|f| !POLICY.iter().any(|(name, ..)| name == f))
        .collect();
    assert!(
        missing.is_empty(),
        "server functions without a policy here: {missing:?}"
    );
    for (name, ..) in POLICY {
        assert!(
            registered.iter().any(|f| f == name),
            "{name} is not a server function"
        );
    }

    // Another party: shop B with a listing, and customer B's cash order from it.
    let shop_b = shop(&pool, "duka-b", "aspirant").await;
    let their_variant = variant(&pool, shop_b, "Their radio", "1000.00", 5).await;
    let mut customer_b = shopper(router.clone(), "b@example.com", &[(their_variant, "1")]).await;
    let (_, placed) = place_order(&mut customer_b, &[]).await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let one = |sql: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, Uuid>(sql)
                .fetch_one(&pool)
                .await
                .expect(sql)
        }
    };
    let mut owner_b = staff(router.clone(), &pool, shop_b, "owner@b.example", "owner").await;
    let invited = owner_b
        .call(
            "invite_staff",
            &[("email", "hire@b.example"), ("role", "orders")],
        )
        .await;
    assert!(invited.status.is_redirection() || invited.status.is_success());
    let ids = [
        (
            "{invitation}",
            one("select id from staff_invitations").await,
        ),
        ("{order}", one("select id from orders").await),
        ("{part}", one("select id from vendor_orders").await),
        ("{item}", one("select id from order_items").await),
        (
            "{listing}",
            one("select listing_id from listing_variants").await,
        ),
        ("{variant}", their_variant),
    ];

    // The callers: shop A's staff in every role, a customer with nothing, an admin, nobody.
    let shop_a = shop(&pool, "duka-a", "aspirant").await;
    let mut shop_a_staff = Vec::new();
    for role in StaffRole::ALL {
        let email = format!("{}@a.example", role.as_str());
        let member = staff(router.clone(), &pool, shop_a, &email, role.as_str()).await;
        shop_a_staff.push((Caller::Staff(role), member));
    }
    let mut customer = Client::new(router.clone());
    customer.register("c@example.com", "Customer").await;
    let mut admin = Client::new(router.clone());
    admin.register("admin@example.com", "Admin").await;
    make_admin(&pool, "admin@example.com").await;
    let callers = [
        (Caller::Anonymous, Client::new(router.clone())),
        (Caller::Customer, customer),
        (Caller::Admin, admin),
    ]
    .into_iter()
    .chain(shop_a_staff);

    let mut wrong = Vec::new();
    for (caller, client) in callers {
        let mut client = client;
        for (name, may, form) in POLICY {
            let values: Vec<(&str, String)> = form
                .iter()
                .map(|(k, v)| {
                    let v = match *v {
                        "{random}" => Uuid::new_v4().to_string(),
                        v => ids
                            .iter()
                            .find(|(slot, _)| *slot == v)
                            .map_or_else(|| v.to_owned(), |(_, id)| id.to_string()),
                    };
                    (*k, v)
                })
                .collect();
            let foreign = form
                .iter()
                .any(|(_, v)| ids.iter().any(|(slot, _)| slot == v));
            let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let reply = client.call(name, &pairs).await;
            let ok = reply.status.is_success() || reply.status.is_redirection();
            let verdict = if !may.admits(caller) {
                (!refused(&reply)).then_some("not refused")
            } else if refused(&reply) {
                Some("refused its own audience")
            } else if foreign && ok && *may != Anyone {
                Some("succeeded on another party's id")
            } else if reply.status == StatusCode::INTERNAL_SERVER_ERROR {
                Some("failed (500)")
            } else {
                None
            };
            if let Some(why) = verdict {
                wrong.push(format!("{name} as {caller:?}: {why} ({})", reply.status));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
