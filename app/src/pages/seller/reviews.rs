//! `/seller/reviews`: what buyers wrote about the shop's listings, newest first, with the
//! distribution of stars; the shop replies to each once (in public, under the review). Reviews
//! an admin hid show why. Plain forms: no WASM.

use crate::components::form::{FieldErrorLine, FormError, action_error};
use crate::components::loaded::loaded;
use crate::components::nav::SellerNav;
use crate::components::reviews::{RatingLine, ReviewItem};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::reviews::{ReplyToReview, my_shop_reviews};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ShopReviewsPage() -> impl IntoView {
    let i18n = use_i18n();
    let reply = ServerAction::<ReplyToReview>::new();
    let data = Resource::new_blocking(move || reply.version().get(), |_| my_shop_reviews());
    let error = action_error(reply.into());
    view! {
        <Title text=i18n.tr(Key::SellerReviews) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::SellerReviews)}</h1>
        <SellerNav />
        <FormError error />
        <FieldErrorLine error />
        {loaded(data, move |d| view! {
            <p class="mb-3 text-lg font-semibold"><RatingLine rating=d.distribution.average() count=d.distribution.total() /></p>
            {d.reviews.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::NoReviewsYet)}</p> })}
            <ul class="flex flex-col gap-3" data-testid="shop-reviews">
                {d.reviews.into_iter().map(|r| {
                    let id = r.id.to_string();
                    let open = r.reply.is_none() && r.hidden_reason.is_none();
                    view! {
                        <ReviewItem r show_listing=true>
                            {open.then(|| view! {
                                <ActionForm action=reply attr:class="mt-2 flex flex-col gap-1">
                                    <input type="hidden" name="id" value=id />
                                    <label class="flex flex-col text-xs">{i18n.tr(Key::ReplyLabel)}
                                        <textarea name="reply" required minlength="2" maxlength="1000" rows="2" class="rounded border border-stone-300 px-2 py-1 text-sm"></textarea>
                                    </label>
                                    <button type="submit" class="self-start rounded-lg bg-emerald-700 px-3 py-1 font-semibold text-white">{i18n.tr(Key::PostReply)}</button>
                                </ActionForm>
                            })}
                        </ReviewItem>
                    }
                }).collect_view()}
            </ul>
        })}
    }
}
