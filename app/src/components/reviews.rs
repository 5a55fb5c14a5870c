//! Reviews as shoppers read them: a rating line ("★ 4.5 · 12 reviews", or "no reviews yet",
//! never ★ 0), the distribution of stars, and the reviews with photos and the shop's reply;
//! logged-in readers vote one helpful or report it with plain forms.

use crate::components::form::{FieldErrorLine, FormError, action_error};
use crate::domain::media::{PhotoSize, photo_url};
use crate::domain::review::{Distribution, ReviewSort, rating_text};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::reviews::{ReportReview, ReviewView, Reviews, VoteReview};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// "★ 4.5 (12)", or "No reviews yet".
#[component]
pub fn RatingLine(rating: Decimal, #[prop(optional)] count: Option<i64>) -> impl IntoView {
    let i18n = use_i18n();
    match rating_text(rating) {
        Some(text) => view! {
            <span data-testid="rating">{text} {count.map(|n| format!(" ({n})"))}</span>
        }
        .into_any(),
        None => view! { <span data-testid="rating">{i18n.tr(Key::NoReviewsYet)}</span> }.into_any(),
    }
}

/// Filled and empty stars for a review.
pub fn stars(n: i16) -> String {
    let n = n.clamp(0, 5) as usize;
    format!("{}{}", "★".repeat(n), "☆".repeat(5 - n))
}

#[component]
fn Bars(d: Distribution) -> impl IntoView {
    let i18n = use_i18n();
    let percents = d.percents();
    view! {
        <div class="flex flex-col gap-1 text-sm" data-testid="rating-distribution">
            <p class="text-lg font-semibold"><RatingLine rating=d.average() count=d.total() /></p>
            {[5, 4, 3, 2, 1].into_iter().zip(d.counts).zip(percents).map(|((s, n), p)| view! {
                <div class="flex items-center gap-2">
                    <span class="w-8">{s} "★"</span>
                    <span class="h-2 w-40 overflow-hidden rounded bg-stone-200" role="img" aria-label=format!("{s}★: {n}")>
                        <span class="block h-2 bg-amber-500" style=format!("width: {p}%")></span>
                    </span>
                    <span class="text-stone-600">{n}</span>
                </div>
            }).collect_view()}
            {(d.total() == 0).then(|| view! { <p class="text-stone-600">{i18n.tr(Key::FirstToReview)}</p> })}
        </div>
    }
}

/// One review as everyone reads it; `children` adds what the reader may do.
#[component]
pub fn ReviewItem(
    r: ReviewView,
    show_listing: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="rounded-2xl bg-white p-4 shadow-sm" data-testid="review">
            <p class="flex flex-wrap items-baseline gap-2">
                <span class="text-amber-600" aria-label=format!("{} / 5", r.stars)>{stars(r.stars)}</span>
                <strong>{r.author.clone()}</strong>
                <span class="text-xs text-emerald-800">{i18n.tr(Key::VerifiedPurchase)}</span>
                <span class="text-xs text-stone-500">{r.created.clone()}</span>
            </p>
            {show_listing.then(|| view! {
                <p class="text-sm"><a class="text-emerald-800 hover:underline" href=format!("/p/{}", r.listing_slug)>{r.listing_title.clone()}</a></p>
            })}
            <p class="mt-1 whitespace-pre-wrap" data-testid="review-body">{r.body.clone()}</p>
            {(!r.photos.is_empty()).then(|| view! {
                <ul class="mt-2 flex gap-2">
                    {r.photos.iter().map(|key| view! {
                        <li><a href=photo_url(key, PhotoSize::Large)>
                            <img src=photo_url(key, PhotoSize::Thumb) alt=i18n.tr(Key::Photos) width="80" height="80" loading="lazy" class="h-20 w-20 rounded-lg object-cover" />
                        </a></li>
                    }).collect_view()}
                </ul>
            })}
            {r.reply.clone().map(|reply| view! {
                <p class="mt-2 rounded-lg bg-stone-50 p-2 text-sm" data-testid="review-reply"><strong>{i18n.tr(Key::ShopReplied)} ": "</strong>{reply}</p>
            })}
            {r.hidden_reason.clone().map(|why| view! {
                <p class="mt-2 text-sm text-red-800" data-testid="review-hidden">{i18n.tr(Key::ReviewHiddenBecause)} " " {why}</p>
            })}
            {children.map(|c| c())}
        </li>
    }
}

/// The reviews block of a product or store page, with links to sort it. `here` is the page's
/// path (the forms come back to it).
#[component]
pub fn ReviewsSection(reviews: Reviews, here: String, show_listing: bool) -> impl IntoView {
    let i18n = use_i18n();
    let vote = ServerAction::<VoteReview>::new();
    let report = ServerAction::<ReportReview>::new();
    let (vote_error, report_error) = (action_error(vote.into()), action_error(report.into()));
    let sort_link = |sort: ReviewSort, label: Key| {
        let current = reviews.sort == sort;
        view! {
            <a class="rounded-full border px-3 py-1 text-sm" class:bg-stone-800=current class:text-white=current
               href=format!("{here}?reviews={}#reviews", sort.code())>{i18n.tr(label)}</a>
        }
    };
    view! {
        <section class="mt-8" id="reviews" data-testid="reviews">
            <h2 class="mb-3 text-xl font-bold">{i18n.tr(Key::ReviewsHeading)}</h2>
            <FormError error=vote_error />
            <FormError error=report_error />
            <FieldErrorLine error=report_error />
            <div class="grid gap-4 md:grid-cols-3">
                <Bars d=reviews.distribution.clone() />
                <div class="md:col-span-2">
                    <nav class="mb-3 flex gap-2" aria-label=i18n.tr(Key::SortBy)>
                        {sort_link(ReviewSort::Newest, Key::SortNewest)}
                        {sort_link(ReviewSort::Helpful, Key::MostHelpful)}
                    </nav>
                    <ul class="flex flex-col gap-3">
                        {reviews.reviews.into_iter().map(|r| {
                            let id = r.id.to_string();
                            let (report_id, back, report_back) = (id.clone(), here.clone(), here.clone());
                            let helpful = r.helpful;
                            view! {
                                <ReviewItem r show_listing>
                                    <div class="mt-2 flex flex-wrap items-center gap-3 text-sm">
                                        <ActionForm action=vote>
                                            <input type="hidden" name="id" value=id />
                                            <input type="hidden" name="back_to" value=back />
                                            <button type="submit" class="rounded border border-stone-300 px-2 py-0.5">{i18n.tr(Key::Helpful)} " (" {helpful} ")"</button>
                                        </ActionForm>
                                        <details>
                                            <summary class="cursor-pointer text-stone-600 underline">{i18n.tr(Key::ReportReview)}</summary>
                                            <ActionForm action=report attr:class="mt-1 flex gap-2">
                                                <input type="hidden" name="id" value=report_id />
                                                <input type="hidden" name="back_to" value=report_back />
                                                <label class="flex flex-col text-xs">{i18n.tr(Key::ReportReason)}
                                                    <input name="reason" required minlength="3" class="rounded border border-stone-300 px-2 py-1 text-sm" />
                                                </label>
                                                <button type="submit" class="self-end rounded border border-stone-300 px-2 py-1">{i18n.tr(Key::Send)}</button>
                                            </ActionForm>
                                        </details>
                                    </div>
                                </ReviewItem>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </section>
    }
}
