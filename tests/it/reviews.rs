//! Reviews through the app's own doors: only the buyer of a delivered item reviews it, once,
//! never the shop's own staff; ratings (the listing's, the shop's and its copy on the shop's
//! listings) follow every review and every hidden one; the shop replies once; votes count once;
//! a report reaches the admins' inbox, and hiding the review takes it out of the rating.

use crate::common::{
    Client, app, make_admin, place_order, png, scalar, shop, shopper, staff, variant,
};
use app::domain::Invalid;
use app::error::AppError;
use app::wire::product::ProductDetails;
use app::wire::reviews::Reviews;
use axum::http::StatusCode;
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

fn ok(r: &crate::common::Reply) {
    assert!(
        r.status.is_success() || r.status.is_redirection(),
        "{} {}",
        r.status,
        r.body
    );
}

/// Places a cash order of the client's cart and has the shop deliver it: (order, item).
async fn delivered(pool: &PgPool, c: &mut Client, owner: &mut Client) -> (Uuid, Uuid) {
    let (key, r) = place_order(c, &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let (order, part, item): (Uuid, Uuid, Uuid) = sqlx::query_as(
        "select o.id, vo.id, i.id from orders o join vendor_orders vo on vo.order_id = o.id
         join order_items i on i.vendor_order_id = vo.id where o.checkout_key = $1::uuid",
    )
    .bind(&key)
    .fetch_one(pool)
    .await
    .expect("order");
    for action in ["accept", "ship", "deliver"] {
        ok(&owner
            .call("fulfil", &[("id", &part.to_string()), ("action", action)])
            .await);
    }
    (order, item)
}

/// Posts the order page's review form; where the browser is sent back to.
async fn review(c: &mut Client, order: Uuid, item: Uuid, stars: &str, photos: &[&[u8]]) -> String {
    let files: Vec<(&str, &[u8])> = photos.iter().map(|p| ("photo.png", *p)).collect();
    let r = c
        .upload(
            "/account/reviews",
            &[
                ("order", &order.to_string()),
                ("item", &item.to_string()),
                ("stars", stars),
                ("body", "Strong and cooks evenly."),
            ],
            &files,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    Client::location(&r)
}

async fn ratings(pool: &PgPool) -> (Decimal, i32, Decimal, i32, Decimal) {
    sqlx::query_as(
        "select l.rating, l.review_count, v.rating, v.review_count, l.vendor_rating
         from listings l join vendors v on v.id = l.vendor_id",
    )
    .fetch_one(pool)
    .await
    .expect("ratings")
}

#[sqlx::test(migrations = false)]
async fn only_buyers_of_delivered_items_review_and_ratings_follow(pool: PgPool) {
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    let sufuria = variant(&pool, duka, "Sufuria", "1500.00", 20).await;
    let slug: String = scalar(&pool, "select slug from listings").await;
    let mut owner = staff(router.clone(), &pool, duka, "owner@duka.example", "owner").await;
    let mut amina = shopper(router.clone(), "amina@example.com", &[(sufuria, "1")]).await;
    let mut baraka = shopper(router.clone(), "baraka@example.com", &[(sufuria, "1")]).await;
    let photo = png(64, 64);
    assert_eq!(
        ratings(&pool).await,
        (Decimal::ZERO, 0, Decimal::ZERO, 0, Decimal::ZERO),
        "no reviews: no rating"
    );

    // Not before delivery; not someone else's item.
    let (key, r) = place_order(&mut amina, &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let (order, part, item): (Uuid, Uuid, Uuid) = sqlx::query_as(
        "select o.id, vo.id, i.id from orders o join vendor_orders vo on vo.order_id = o.id
         join order_items i on i.vendor_order_id = vo.id where o.checkout_key = $1::uuid",
    )
    .bind(&key)
    .fetch_one(&pool)
    .await
    .expect("order");
    Client::refused_with(
        &review(&mut amina, order, item, "5", &[]).await,
        Invalid::NotReviewable,
    );
    for action in ["accept", "ship", "deliver"] {
        ok(&owner
            .call("fulfil", &[("id", &part.to_string()), ("action", action)])
            .await);
    }
    Client::refused_with(
        &review(&mut baraka, order, item, "1", &[]).await,
        Invalid::NotFound,
    );
    Client::refused_with(
        &review(&mut amina, order, item, "6", &[]).await,
        Invalid::OutOfRange,
    );

    // The buyer reviews it, once; the order page shows it; the ratings follow.
    let back = review(&mut amina, order, item, "4", &[&photo]).await;
    assert_eq!(back, format!("/account/orders/{order}?saved=review"));
    Client::refused_with(
        &review(&mut amina, order, item, "5", &[]).await,
        Invalid::AlreadyReviewed,
    );
    let page: app::wire::orders::OrderPage = amina
        .call("order_details", &[("id", &order.to_string())])
        .await
        .json();
    let shown = &page.parts[0].items[0];
    assert_eq!((shown.my_stars, shown.reviewable), (Some(4), false));
    let four = Decimal::from(4);
    assert_eq!(ratings(&pool).await, (four, 1, four, 1, four));

    let (order_b, item_b) = delivered(&pool, &mut baraka, &mut owner).await;
    review(&mut baraka, order_b, item_b, "2", &[]).await;
    let three = Decimal::from(3);
    assert_eq!(ratings(&pool).await, (three, 2, three, 2, three));

    // The shop's own people cannot review it.
    ok(&owner
        .call(
            "add_to_cart",
            &[("variant_id", &sufuria.to_string()), ("quantity", "1")],
        )
        .await);
    let mut owner_again = owner.clone();
    let (order_s, item_s) = delivered(&pool, &mut owner, &mut owner_again).await;
    Client::refused_with(
        &review(&mut owner, order_s, item_s, "5", &[]).await,
        Invalid::OwnShop,
    );

    // The product page lists both, newest first, with the distribution.
    let product: ProductDetails = amina
        .call("product_page", &[("slug", &slug), ("reviews", "newest")])
        .await
        .json();
    assert_eq!(product.reviews.distribution.counts, [0, 1, 0, 1, 0]);
    assert_eq!(product.reviews.reviews.len(), 2);
    assert_eq!(product.reviews.reviews[0].stars, 2, "newest first");
    assert_eq!(product.reviews.reviews[1].photos.len(), 1);
    let (first, second) = (product.reviews.reviews[1].id, product.reviews.reviews[0].id);

    // The shop replies once.
    ok(&owner
        .call(
            "reply_to_review",
            &[("id", &second.to_string()), ("reply", "Sorry! Call us.")],
        )
        .await);
    let r = owner
        .call(
            "reply_to_review",
            &[("id", &second.to_string()), ("reply", "Again")],
        )
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("reply", Invalid::AlreadyReplied)
    );

    // Helpful votes count once per reader, never the author's own; "most helpful" follows.
    for _ in 0..2 {
        ok(&baraka
            .call(
                "vote_review",
                &[("id", &first.to_string()), ("back_to", "/")],
            )
            .await);
    }
    let r = amina
        .call("vote_review", &[("id", &first.to_string())])
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("review", Invalid::OwnReview),
        "the author's own vote"
    );
    let product: ProductDetails = amina
        .call("product_page", &[("slug", &slug), ("reviews", "helpful")])
        .await
        .json();
    assert_eq!(
        (
            product.reviews.reviews[0].id,
            product.reviews.reviews[0].helpful
        ),
        (first, 1)
    );
    assert_eq!(
        product.reviews.reviews[1].reply.as_deref(),
        Some("Sorry! Call us.")
    );

    // A report reaches the inbox; the admin hides the review; the rating leaves it out.
    ok(&amina
        .call(
            "report_review",
            &[
                ("id", &second.to_string()),
                ("reason", "Insults the seller"),
            ],
        )
        .await);
    let mut admin = Client::new(router.clone());
    admin.register("admin@sokoni.example", "Admin").await;
    make_admin(&pool, "admin@sokoni.example").await;
    let inbox: app::wire::moderation::InboxView =
        admin.call("inbox", &[("kind", "review")]).await.json();
    assert_eq!(inbox.items.len(), 1);
    assert_eq!(
        inbox.items[0].review.as_ref().map(|r| r.reports.clone()),
        Some(vec!["Insults the seller".to_owned()])
    );
    let r = admin
        .call(
            "moderate_review",
            &[("id", &second.to_string()), ("decision", "hide")],
        )
        .await;
    assert_eq!(r.error(), AppError::invalid("reason", Invalid::Required));
    ok(&admin
        .call(
            "moderate_review",
            &[
                ("id", &second.to_string()),
                ("decision", "hide"),
                ("reason", "Abusive language"),
            ],
        )
        .await);
    assert_eq!(ratings(&pool).await, (four, 1, four, 1, four));
    let inbox: app::wire::moderation::InboxView =
        admin.call("inbox", &[("kind", "review")]).await.json();
    assert!(inbox.items.is_empty());
    let product: ProductDetails = amina.call("product_page", &[("slug", &slug)]).await.json();
    assert_eq!(product.reviews.reviews.len(), 1, "hidden from shoppers");
    let own: Reviews = owner.call("my_shop_reviews", &[]).await.json();
    assert_eq!(own.reviews.len(), 2, "the shop sees it, with why");
    assert!(
        own.reviews
            .iter()
            .any(|r| r.hidden_reason.as_deref() == Some("Abusive language"))
    );

    // "Best rated" sorts by the listing's rating.
    let results: app::wire::catalog::SearchResults = amina
        .call("search_listings", &[("raw[sort]", "rating")])
        .await
        .json();
    assert_eq!(results.hits.len(), 1);
}
