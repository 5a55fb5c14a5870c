//! The front page: what Sokoni is and where to start browsing.

use crate::components::listing_card::Card;
use crate::components::loaded::loaded;
use crate::i18n::{Key, use_i18n};
use crate::islands::near_me::{NearMeButton, NearMeText};
use crate::islands::seed::Seeded;
use crate::server_fns::catalog::{ListingCard, top_categories};
use crate::server_fns::product::home_shelves;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    // Category names come back in the reader's language, so refetch when it changes.
    let categories = Resource::new_blocking(move || i18n.locale.get(), |_| top_categories());
    // "Near me" needs the shopper's position: the button below asks the browser for it and
    // reloads with ?lat=&lng=, so the server renders the shelf.
    let query = use_query_map();
    let point = move || {
        let q = query.read();
        let num = |k: &str| q.get(k).and_then(|v| v.parse::<f64>().ok());
        (num("lat"), num("lng"))
    };
    let shelves = Resource::new_blocking(point, |(lat, lng)| home_shelves(lat, lng));
    view! {
        <Title text="" />
        <section class="rounded-3xl bg-gradient-to-br from-emerald-700 to-emerald-900 px-6 py-10 text-white">
            <h1 class="text-3xl font-extrabold sm:text-4xl">{i18n.tr(Key::HeroTitle)}</h1>
            <p class="mt-3 max-w-2xl text-emerald-50">{i18n.tr(Key::HeroSubtitle)}</p>
            <p class="mt-2 text-sm text-emerald-100">{i18n.tr(Key::VendorsAcrossKenya)}</p>
        </section>
        {loaded(shelves, move |s| {
            let asked_near = point().0.is_some();
            view! {
                <Shelf title=Key::NearYou cards=s.near testid="near-you" />
                {(!asked_near).then(|| view! { <Seeded data=NearMeText { label: i18n.t(Key::ShowNearMe).to_owned(), target: "/?".into() }><NearMeButton /></Seeded> })}
                <Shelf title=Key::Featured cards=s.featured testid="featured" />
                <Shelf title=Key::Newest cards=s.newest testid="newest" />
            }
        })}
        <section class="mt-8">
            <h2 class="mb-4 text-xl font-bold">{i18n.tr(Key::ShopByCategory)}</h2>
            <Suspense fallback=|| ()>
                <ErrorBoundary fallback=|_| ()>
                    {move || {
                        categories
                            .get()
                            .map(|r| {
                                r.map(|cats| {
                                    view! {
                                        <ul class="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
                                            {cats
                                                .into_iter()
                                                .map(|c| {
                                                    view! {
                                                        <li>
                                                            <A
                                                                href=format!("/search?category={}", c.slug)
                                                                attr:class="block rounded-2xl bg-white p-4 shadow-sm hover:shadow-md"
                                                            >
                                                                <span class="font-semibold">{c.name}</span>
                                                            </A>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    }
                                })
                            })
                    }}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

#[component]
fn Shelf(title: Key, cards: Vec<ListingCard>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    (!cards.is_empty()).then(|| {
        view! {
            <section class="mt-8" data-testid=testid>
                <h2 class="mb-4 text-xl font-bold">{i18n.tr(title)}</h2>
                <ul class="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
                    {cards.into_iter().map(|card| view! { <Card card /> }).collect_view()}
                </ul>
            </section>
        }
    })
}
