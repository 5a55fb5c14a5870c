//! `/account/wishlist`: the listings the person saved (with the heart, or "save for later"
//! from the cart). A lower price or a restock is told to them by the channels they chose.

use crate::components::listing_card::Card;
use crate::components::loaded::loaded;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::wishlist::{SetSaved, my_wishlist};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn WishlistPage() -> impl IntoView {
    let i18n = use_i18n();
    let unsave = ServerAction::<SetSaved>::new();
    let list = Resource::new_blocking(move || unsave.version().get(), |_| my_wishlist());
    view! {
        <Title text=i18n.tr(Key::Wishlist) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::Wishlist)}</h1>
        <p class="mb-4 text-sm text-stone-600">{i18n.tr(Key::WishlistAbout)}</p>
        {loaded(list, move |cards| view! {
            {cards.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::WishlistEmpty)}</p> })}
            <ul class="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="wishlist">
                {cards.into_iter().map(|card| {
                    let id = card.id.to_string();
                    view! {
                        <div class="flex flex-col gap-1">
                            <Card card />
                            <ActionForm action=unsave>
                                <input type="hidden" name="listing_id" value=id />
                                <input type="hidden" name="save" value="false" />
                                <input type="hidden" name="back_to" value="/account/wishlist" />
                                <button type="submit" class="text-sm text-red-700 underline">{i18n.tr(Key::Remove)}</button>
                            </ActionForm>
                        </div>
                    }
                }).collect_view()}
            </ul>
        })}
    }
}
