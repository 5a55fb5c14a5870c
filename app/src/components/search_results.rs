//! A page of search hits with facets, filters, sorts and the next-page link. Everything is in
//! the URL (GET forms and plain links), so it works without JavaScript. Shared by the search
//! page and storefronts.

use crate::components::listing_card::Card;
use crate::domain::places::{HERE, TOWNS};
use crate::domain::search::Sort;
use crate::i18n::{Key, Locale, use_i18n};
use crate::islands::near_me::{NearMeButton, NearMeText};
use crate::islands::seed::Seeded;
use crate::wire::catalog::{FacetCount, Facets, SearchResults};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

/// A page of hits with facets and filters. Shared by the search page and storefronts.
#[component]
pub fn Results(results: SearchResults, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let SearchResults {
        hits,
        facets,
        next,
        corrections,
        matched_any,
        sort,
        located,
    } = results;
    // "About 37,000+ listings": estimated from a sample, and more than were counted.
    let total = format!(
        "{}{}{}",
        if facets.estimated {
            format!("{} ", i18n.t(Key::About))
        } else {
            String::new()
        },
        facets.total,
        if facets.capped { "+" } else { "" }
    );
    // The next page of the listings with some of the words stays on that list.
    let next_url = next.map(|cursor| {
        let mut url = url_with(
            &base,
            &query.read_untracked(),
            "words",
            matched_any.then_some("any"),
        );
        url.push_str(&format!(
            "&after={}",
            form_urlencoded::byte_serialize(cursor.as_bytes()).collect::<String>()
        ));
        url
    });
    let empty = hits.is_empty();
    // The reader's saved listings, for the cards' hearts (none when logged out).
    let saved_ids = Resource::new(|| (), |_| crate::server_fns::wishlist::my_saved_ids());
    let here = url_with(&base, &query.read_untracked(), "", None);
    view! {
        {(!corrections.is_empty())
            .then(|| {
                let text = corrections.iter().map(|c| format!("{} → {}", c.from, c.to)).collect::<Vec<_>>().join(", ");
                view! { <p class="mt-2 text-stone-700" data-testid="corrections">{i18n.tr(Key::ShowingResultsFor)} " " {text}</p> }
            })}
        {matched_any.then(|| view! { <p class="mt-2 text-stone-700">{i18n.tr(Key::MatchedSomeWords)}</p> })}
        <p class="mt-1 text-sm text-stone-500" data-testid="result-count">{total} " " {i18n.tr(Key::ListingsFound)}</p>
        <div class="mt-4 grid gap-6 md:grid-cols-[16rem_1fr]">
            <Filters facets=facets.clone() sort located base=base.clone() />
            <section>
                {empty.then(|| view! { <p class="text-stone-600">{i18n.tr(Key::SearchEmpty)}</p> })}
                <ul class="grid grid-cols-2 gap-3 lg:grid-cols-3" data-testid="results">
                    <Suspense fallback=|| ()>
                        {move || saved_ids.get().map(|ids| {
                            let ids = ids.ok().flatten();
                            hits.clone().into_iter().map(|card| {
                                let saved = ids.as_ref().map(|ids| (ids.contains(&card.id), here.clone()));
                                view! { <Card card saved /> }
                            }).collect_view()
                        })}
                    </Suspense>
                </ul>
                {next_url
                    .map(|url| {
                        view! {
                            <a href=url class="mt-6 inline-block rounded-lg border border-emerald-700 px-4 py-2 text-emerald-800">
                                {i18n.tr(Key::NextPage)}
                            </a>
                        }
                    })}
            </section>
        </div>
    }
    .into_any()
}

/// Where a page sits in its list: the previous page's last listing, and whether the list is
/// of the listings with some of the words. A changed search starts again without them.
const PLACE_IN_LIST: [&str; 2] = ["after", "words"];

/// The current search's URL with `key` set to `value` (or removed), starting again at page 1.
/// `base` is the page the search lives on: `/search`, or a storefront.
fn url_with(base: &str, params: &ParamsMap, key: &str, value: Option<&str>) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in params.clone().into_iter() {
        if k != key && !PLACE_IN_LIST.contains(&k.as_ref()) {
            out.append_pair(&k, &v);
        }
    }
    if let Some(v) = value {
        out.append_pair(key, v);
    }
    format!("{base}?{}", out.finish())
}

fn label(f: &FacetCount, locale: Locale) -> String {
    match locale {
        Locale::En => f.label_en.clone(),
        Locale::Sw => f.label_sw.clone(),
    }
}

/// Facet links and the filter form. Links narrow the search one click at a time; the form
/// takes typed values (prices) and the sort.
#[component]
fn Filters(facets: Facets, sort: Sort, located: bool, base: String) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let params = query.read_untracked();
    // Estimated counts read "~1,200" (see `Facets::estimated`).
    let approx = if facets.estimated { "~" } else { "" };
    let link = |key: &str, value: &str, text: String, count: i64| {
        let href = url_with(&base, &params, key, Some(value));
        let count = format!("{approx}{count}");
        view! {
            <li>
                <a href=href class="flex justify-between gap-2 py-1 hover:underline">
                    <span>{text}</span>
                    <span class="text-stone-500">{count}</span>
                </a>
            </li>
        }
    };
    let locale = i18n.locale.get_untracked();
    let categories = facets
        .categories
        .iter()
        .map(|f| link("category", &f.value, label(f, locale), f.count))
        .collect_view();
    let counties = facets
        .counties
        .iter()
        .map(|f| link("county", &f.value, f.label_en.clone(), f.count))
        .collect_view();
    let ratings = facets
        .ratings
        .iter()
        .map(|f| link("min_rating", &f.value, format!("★ {}+", f.value), f.count))
        .collect_view();
    let prices = facets
        .prices
        .iter()
        .filter_map(|f| {
            let band = crate::domain::search::PRICE_BANDS.get(f.value.parse::<usize>().ok()?)?;
            let text = match band.1 {
                Some(hi) => format!("KSh {} – {}", band.0, hi),
                None => format!("KSh {}+", band.0),
            };
            let href = {
                let base = url_with(
                    &base,
                    &url_params_without(&params, "max_price"),
                    "min_price",
                    Some(&band.0.to_string()),
                );
                match band.1 {
                    Some(hi) => format!("{base}&max_price={hi}"),
                    None => base,
                }
            };
            Some(view! {
                <li>
                    <a href=href class="flex justify-between gap-2 py-1 hover:underline">
                        <span>{text}</span>
                        <span class="text-stone-500">{format!("{approx}{}", f.count)}</span>
                    </a>
                </li>
            })
        })
        .collect_view();
    let clear_href = format!(
        "{base}?q={}",
        form_urlencoded::byte_serialize(params.get("q").unwrap_or_default().as_bytes())
            .collect::<String>()
    );
    let hidden = [
        "q",
        "category",
        "county",
        "min_rating",
        "in_stock",
        "lat",
        "lng",
    ]
    .into_iter()
    .filter_map(|k| {
        params
            .get(k)
            .map(|v| view! { <input type="hidden" name=k value=v /> })
    })
    .collect_view();
    // "Use my location" reloads this search with the position (and no town picked).
    let near_me_target = {
        let mut kept = form_urlencoded::Serializer::new(String::new());
        for (k, v) in params.clone().into_iter() {
            if !["lat", "lng", "near"].contains(&k.as_ref()) && !PLACE_IN_LIST.contains(&k.as_ref())
            {
                kept.append_pair(&k, &v);
            }
        }
        let kept = kept.finish();
        if kept.is_empty() {
            format!("{base}?")
        } else {
            format!("{base}?{kept}&")
        }
    };
    // Built apart and type-erased: nested in the form's view they made one type so deep that
    // rendering it overflowed a 2 MiB thread stack in debug builds.
    let picker = view! { <LocationPicker located params=params.clone() /> }.into_any();
    let near_me = view! {
        <Seeded data=NearMeText { label: i18n.t(Key::UseMyLocation).to_owned(), target: near_me_target }>
            <NearMeButton />
        </Seeded>
    }
    .into_any();
    let min_price = params.get("min_price").unwrap_or_default();
    let max_price = params.get("max_price").unwrap_or_default();
    let heading = "mt-4 mb-1 text-sm font-semibold uppercase tracking-wide text-stone-500";
    view! {
        <aside class="text-sm" aria-label=i18n.tr(Key::Filters)>
            <form method="get" action=base.clone() class="flex flex-col gap-2 rounded-2xl bg-white p-3 shadow-sm">
                {hidden}
                {picker}
                <label class="flex flex-col">
                    {i18n.tr(Key::SortBy)}
                    <select name="sort" class="rounded border border-stone-300 px-2 py-1">
                        {Sort::ALL
                            .into_iter()
                            // Nearest needs a location to be near.
                            .filter(|s| located || *s != Sort::Distance)
                            .map(|s| view! { <option value=s.code() selected=s == sort>{i18n.t(sort_label(s))}</option> })
                            .collect_view()}
                    </select>
                </label>
                <div class="flex gap-2">
                    <label class="flex flex-1 flex-col">
                        {i18n.tr(Key::MinPrice)}
                        <input name="min_price" inputmode="decimal" value=min_price class="w-full rounded border border-stone-300 px-2 py-1" />
                    </label>
                    <label class="flex flex-1 flex-col">
                        {i18n.tr(Key::MaxPrice)}
                        <input name="max_price" inputmode="decimal" value=max_price class="w-full rounded border border-stone-300 px-2 py-1" />
                    </label>
                </div>
                <button type="submit" class="rounded-lg bg-emerald-700 px-3 py-1 font-semibold text-white">{i18n.tr(Key::Apply)}</button>
                <a href=clear_href class="text-center text-emerald-800 underline">{i18n.tr(Key::ClearFilters)}</a>
            </form>
            {near_me}
            <h2 class=heading>{i18n.tr(Key::Categories)}</h2>
            <ul>{categories}</ul>
            <h2 class=heading>{i18n.tr(Key::Price)}</h2>
            <ul>{prices}</ul>
            <h2 class=heading>{i18n.tr(Key::Rating)}</h2>
            <ul>{ratings}</ul>
            <h2 class=heading>{i18n.tr(Key::Location)}</h2>
            <ul>{counties}</ul>
            <ul class="mt-4">{link("in_stock", "1", i18n.t(Key::InStock).to_owned(), facets.in_stock)}</ul>
        </aside>
    }
    .into_any()
}

/// Where to search near: anywhere, the shopper's position (when the URL has one), or a town;
/// and how far. A plain select, so it works without JavaScript.
#[component]
fn LocationPicker(located: bool, params: ParamsMap) -> impl IntoView {
    let i18n = use_i18n();
    let near = params.get("near").unwrap_or_default();
    let has_position = params.get("lat").is_some() && params.get("lng").is_some();
    // The position in the URL is "here" unless a town was picked.
    let chosen = match near.as_str() {
        "" if has_position && params.get("near").is_none() => HERE.to_owned(),
        other => other.to_owned(),
    };
    let radius = params.get("radius_km").unwrap_or_default();
    view! {
        <label class="flex flex-col">
            {i18n.tr(Key::Near)}
            <select name="near" class="rounded border border-stone-300 px-2 py-1" data-testid="near">
                <option value="" selected=!located>{i18n.tr(Key::Anywhere)}</option>
                {has_position.then(|| view! {
                    <option value=HERE selected=chosen == HERE>{i18n.tr(Key::MyLocation)}</option>
                })}
                {TOWNS.iter().map(|t| view! {
                    <option value=t.slug selected=chosen == t.slug>{t.name}</option>
                }).collect_view()}
            </select>
        </label>
        <label class="flex flex-col">
            {i18n.tr(Key::Within)}
            <select name="radius_km" class="rounded border border-stone-300 px-2 py-1">
                <option value="" selected=radius.is_empty()>{i18n.tr(Key::AnyDistance)}</option>
                {["5", "10", "25", "50"].into_iter().map(|km| view! {
                    <option value=km selected=radius == km>{km} " km"</option>
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}

fn url_params_without(params: &ParamsMap, key: &str) -> ParamsMap {
    let mut p = params.clone();
    p.remove(key);
    p
}

fn sort_label(sort: Sort) -> Key {
    match sort {
        Sort::Relevance => Key::SortRelevance,
        Sort::PriceAsc => Key::SortPriceAsc,
        Sort::PriceDesc => Key::SortPriceDesc,
        Sort::Newest => Key::SortNewest,
        Sort::Popular => Key::SortPopular,
        Sort::Rating => Key::SortRating,
        Sort::Distance => Key::SortDistance,
    }
}
