//! A listing as a card in a grid: photo, title, price, shop. Used by search, the home page's
//! shelves, storefronts and the product page's "more like this".

use crate::components::media::Thumb;
use crate::i18n::{Key, use_i18n};
use crate::wire::catalog::ListingCard;
use leptos::prelude::*;

#[component]
pub fn Card(
    card: ListingCard,
    /// Whether the reader saved it, for the heart (None: no heart, e.g. logged out), and the
    /// page the heart's form comes back to.
    #[prop(default = None)]
    saved: Option<(bool, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let in_stock = card.stock > 0;
    let href = format!("/p/{}", card.slug);
    let id = card.id;
    view! {
        <li class="relative rounded-2xl bg-white p-3 shadow-sm">
            {saved.map(|(saved, back)| {
                let action = ServerAction::<crate::server_fns::wishlist::SetSaved>::new();
                let label = if saved { i18n.tr(Key::SavedItem) } else { i18n.tr(Key::SaveItem) };
                view! {
                    <ActionForm action attr:class="absolute right-4 top-4 z-10">
                        <input type="hidden" name="listing_id" value=id.to_string() />
                        <input type="hidden" name="save" value=(!saved).to_string() />
                        <input type="hidden" name="back_to" value=back />
                        <button type="submit" class="rounded-full bg-white/90 px-2 text-lg text-rose-700 shadow" aria-pressed=saved.to_string() aria-label=label data-testid="card-heart">
                            {if saved { "♥" } else { "♡" }}
                        </button>
                    </ActionForm>
                }
            })}
            <a href=href class="block">
                <Thumb key=card.cover.clone() alt=card.title.clone() />
                <h2 class="mt-2 line-clamp-2 font-semibold hover:underline">{card.title.clone()}</h2>
            </a>
            <p class="mt-1 text-lg font-bold text-emerald-800">{card.price().format()}</p>
            <p class="text-sm text-stone-600">
                <a href=format!("/store/{}", card.vendor_slug) class="hover:underline">{card.vendor_name.clone()}</a>
                // A shop with no reviews yet shows no stars at all, never ★ 0.
                {crate::domain::review::rating_text(card.vendor_rating).map(|r| format!(" · {r}"))}
            </p>
            <p class="text-xs text-stone-500">
                {card.town.clone()} ", " {card.county.clone()}
                {card.distance_km.map(|d| format!(" · {d:.1} km"))}
            </p>
            <p class="text-xs" class:text-red-700=!in_stock>
                {if in_stock { i18n.t(Key::InStock) } else { i18n.t(Key::OutOfStock) }}
            </p>
        </li>
    }
}
