//! The search service against a real database: ranking, typo tolerance, facets, filters,
//! pages, and what shoppers may see.

use app::db::search::{Tuning, search_tuned};
use app::domain::search::{PAGE_SIZE, PRICE_BANDS, RawSearch, SearchQuery};
use sqlx::PgPool;
use uuid::Uuid;

struct Catalog {
    pool: PgPool,
    /// The search pool over the same database, as the server searches (generic plans).
    searches: PgPool,
    vendor: Uuid,
    phones: Uuid,
    flour: Uuid,
}

#[derive(Clone, Copy)]
struct L<'a> {
    title: &'a str,
    description: &'a str,
    price: i64,
    stock: i32,
    status: &'a str,
    popularity: f64,
    lat: f64,
    lng: f64,
}

impl Default for L<'_> {
    fn default() -> Self {
        L {
            title: "",
            description: "",
            price: 1000,
            stock: 5,
            status: "approved",
            popularity: 1.0,
            lat: -1.2921,
            lng: 36.8219,
        }
    }
}

impl Catalog {
    async fn new(pool: PgPool) -> Self {
        sokoni::startup::migrate(&pool).await.expect("migrate");
        let vendor = Uuid::new_v4();
        sqlx::query(
            "insert into vendors (id, business_name, slug, phone, business_type, county, town, lat, lng, verification_status, rating)
             values ($1, 'Baraka Electronics', 'baraka-electronics', '+254712345678', 'electronics', 'Nairobi', 'Westlands', -1.2921, 36.8219, 'verified', 4.5)",
        )
        .bind(vendor)
        .execute(&pool)
        .await
        .expect("vendor");
        let (electronics, phones, groceries, flour) = (
            Uuid::new_v4(),
            Uuid::new_v4(),
            Uuid::new_v4(),
            Uuid::new_v4(),
        );
        for (id, parent, slug, en, sw) in [
            (
                electronics,
                None,
                "electronics",
                "Electronics",
                "Elektroniki",
            ),
            (phones, Some(electronics), "phones", "Phones", "Simu"),
            (groceries, None, "groceries", "Groceries", "Vyakula"),
            (flour, Some(groceries), "flour", "Flour", "Unga"),
        ] {
            sqlx::query("insert into categories (id, parent_id, slug, name_en, name_sw) values ($1, $2, $3, $4, $5)")
                .bind(id)
                .bind(parent)
                .bind(slug)
                .bind(en)
                .bind(sw)
                .execute(&pool)
                .await
                .expect("category");
        }
        Catalog {
            searches: app::db::search::pool(&pool),
            pool,
            vendor,
            phones,
            flour,
        }
    }

    async fn add(&self, category: Uuid, l: L<'_>) -> Uuid {
        let id = Uuid::new_v4();
        sqlx::query(
            "insert into listings (id, vendor_id, category_id, title, slug, description, price, status, county, town, lat, lng, stock, popularity, vendor_rating)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'Nairobi', 'Westlands', $9, $10, $11, $12, 4.5)",
        )
        .bind(id)
        .bind(self.vendor)
        .bind(category)
        .bind(l.title)
        .bind(format!("l-{}", id.simple()))
        .bind(l.description)
        .bind(rust_decimal::Decimal::from(l.price))
        .bind(l.status)
        .bind(l.lat)
        .bind(l.lng)
        .bind(l.stock)
        .bind(rust_decimal::Decimal::try_from(l.popularity).unwrap_or_default())
        .execute(&self.pool)
        .await
        .expect("listing");
        id
    }

    /// `count` approved listings titled "<title> <n>" for n in 1..=count: in Phones where
    /// `in_phones` (SQL over `n`) holds, else in Flour, priced `price` (SQL over `n`), with
    /// popularity n.
    async fn add_many(&self, title: &str, count: i64, in_phones: &str, price: &str) {
        sqlx::query(&format!(
            "insert into listings (id, vendor_id, category_id, title, slug, description, price, status, county, town, lat, lng, stock, popularity, vendor_rating)
             select gen_random_uuid(), $1, case when {in_phones} then $2 else $3 end, $4 || ' ' || n,
                    lower($4) || '-' || n, '', {price}, 'approved', 'Nairobi', 'Westlands', -1.29, 36.82, 1, n, 4.5
             from generate_series(1, $5) n"
        ))
        .bind(self.vendor)
        .bind(self.phones)
        .bind(self.flour)
        .bind(title)
        .bind(count)
        .execute(&self.pool)
        .await
        .expect("listings");
    }

    /// An admin account, for moderating the shop.
    async fn admin(&self) -> Uuid {
        let admin = Uuid::new_v4();
        sqlx::query("insert into users (id, email, name, password_hash, role) values ($1, 'admin@sokoni.test', 'Admin', 'x', 'admin')")
            .bind(admin)
            .execute(&self.pool)
            .await
            .expect("admin");
        admin
    }

    async fn ready(&self) {
        app::db::search::refresh_statistics(&self.pool)
            .await
            .expect("words");
    }

    async fn find(&self, pairs: &[(&str, &str)]) -> app::server_fns::catalog::SearchResults {
        self.find_tuned(pairs, Tuning::default()).await
    }

    async fn find_tuned(
        &self,
        pairs: &[(&str, &str)],
        tuning: Tuning,
    ) -> app::server_fns::catalog::SearchResults {
        let raw = RawSearch::from_pairs(pairs.iter().copied());
        let q = SearchQuery::parse(&raw).expect("valid query");
        search_tuned(&self.searches, &q, tuning)
            .await
            .expect("search")
    }

    /// Every page, followed by its cursor, as listing ids.
    async fn all_pages(&self, pairs: &[(&str, &str)], tuning: Tuning) -> Vec<Uuid> {
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let mut with_cursor = pairs.to_vec();
            if let Some(a) = &after {
                with_cursor.push(("after", a.as_str()));
            }
            let r = self.find_tuned(&with_cursor, tuning).await;
            seen.extend(r.hits.iter().map(|h| h.id));
            match r.next {
                Some(n) => after = Some(n),
                None => return seen,
            }
        }
    }
}

fn titles(r: &app::server_fns::catalog::SearchResults) -> Vec<String> {
    r.hits.iter().map(|h| h.title.clone()).collect()
}

#[sqlx::test(migrations = false)]
async fn an_exact_title_beats_a_description_mention(pool: PgPool) {
    let c = Catalog::new(pool).await;
    c.add(
        c.phones,
        L {
            title: "Phone case",
            description: "Fits the Samsung Galaxy A15",
            popularity: 900.0,
            ..L::default()
        },
    )
    .await;
    c.add(
        c.phones,
        L {
            title: "Samsung Galaxy A15",
            description: "128GB, dual SIM",
            popularity: 1.0,
            ..L::default()
        },
    )
    .await;
    c.ready().await;
    let r = c.find(&[("q", "samsung galaxy")]).await;
    assert_eq!(titles(&r), vec!["Samsung Galaxy A15", "Phone case"]);
}

#[sqlx::test(migrations = false)]
async fn typos_and_prefixes_still_find_listings(pool: PgPool) {
    let c = Catalog::new(pool).await;
    c.add(
        c.phones,
        L {
            title: "Samsung Galaxy A15",
            ..L::default()
        },
    )
    .await;
    c.add(
        c.flour,
        L {
            title: "Unga ya Ngano 2kg",
            description: "Wheat flour for baking",
            ..L::default()
        },
    )
    .await;
    c.add(
        c.flour,
        L {
            title: "Unga wa Mahindi 2kg",
            description: "Maize flour",
            ..L::default()
        },
    )
    .await;
    c.ready().await;

    let r = c.find(&[("q", "samsng")]).await;
    assert_eq!(titles(&r), vec!["Samsung Galaxy A15"]);
    assert_eq!(r.corrections.len(), 1);
    assert_eq!(
        (r.corrections[0].from.as_str(), r.corrections[0].to.as_str()),
        ("samsng", "samsung")
    );

    assert_eq!(
        titles(&c.find(&[("q", "unga ya ngano")]).await),
        vec!["Unga ya Ngano 2kg"]
    );
    assert_eq!(
        titles(&c.find(&[("q", "sams")]).await),
        vec!["Samsung Galaxy A15"],
        "prefix of the last word"
    );
    let r = c.find(&[("q", "unga")]).await;
    assert_eq!(r.hits.len(), 2);

    // no listing has both words: fall back to listings with either, and say so
    let r = c.find(&[("q", "samsung mahindi")]).await;
    assert!(r.matched_any);
    assert_eq!(r.hits.len(), 2);
    // The count and the filters describe the listings shown.
    assert_eq!(r.facets.total, 2);
    assert_eq!(r.facets.categories.iter().map(|x| x.count).sum::<i64>(), 2);
}

#[sqlx::test(migrations = false)]
async fn facets_add_up_and_filters_narrow(pool: PgPool) {
    let c = Catalog::new(pool).await;
    for (i, price) in [300, 800, 1500, 4000, 12000, 60000].into_iter().enumerate() {
        let stock = if i % 2 == 0 { 0 } else { 3 };
        c.add(
            c.phones,
            L {
                title: "Tecno phone",
                price,
                stock,
                ..L::default()
            },
        )
        .await;
    }
    c.add(
        c.flour,
        L {
            title: "Tecno flour",
            price: 200,
            ..L::default()
        },
    )
    .await;
    c.ready().await;

    let r = c.find(&[("q", "tecno")]).await;
    let f = &r.facets;
    assert_eq!(f.total, 7);
    assert!(!f.capped);
    assert!(!f.estimated, "a handful of matches is counted exactly");
    assert_eq!(f.categories.iter().map(|x| x.count).sum::<i64>(), 7);
    assert_eq!(f.prices.iter().map(|x| x.count).sum::<i64>(), 7);
    assert_eq!(f.counties.iter().map(|x| x.count).sum::<i64>(), 7);
    assert_eq!(f.in_stock, 4);
    // Leaf categories add up under their top-level category, each named once.
    let tops: Vec<&str> = f.categories.iter().map(|x| x.value.as_str()).collect();
    assert!(
        tops.iter()
            .all(|t| ["electronics", "groceries"].contains(t)),
        "{tops:?}"
    );
    let mut unique = tops.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), tops.len(), "{tops:?}");
    // Every band is listed, empty ones too; the shop is rated 4.5.
    assert_eq!(f.prices.len(), PRICE_BANDS.len());
    let ratings: Vec<(&str, i64)> = f
        .ratings
        .iter()
        .map(|x| (x.value.as_str(), x.count))
        .collect();
    assert_eq!(ratings, [("4.5", 7), ("4", 7), ("3", 7)]);

    assert_eq!(
        c.find(&[("q", "tecno"), ("category", "electronics")])
            .await
            .facets
            .total,
        6,
        "a parent category includes its children"
    );
    assert_eq!(
        c.find(&[("q", "tecno"), ("category", "flour")])
            .await
            .facets
            .total,
        1
    );
    let r = c
        .find(&[("q", "tecno"), ("min_price", "800"), ("max_price", "12000")])
        .await;
    assert_eq!(r.facets.total, 4);
    assert!(
        r.hits
            .iter()
            .all(|h| h.price >= 800.into() && h.price <= 12000.into())
    );
    assert_eq!(
        c.find(&[("q", "tecno"), ("in_stock", "1")])
            .await
            .hits
            .len(),
        4
    );

    let r = c.find(&[("q", "tecno"), ("sort", "price_asc")]).await;
    let prices: Vec<_> = r.hits.iter().map(|h| h.price).collect();
    let mut sorted = prices.clone();
    sorted.sort();
    assert_eq!(prices, sorted);
}

/// Over many matches the facet counts come from the fixed 1/16 sample, scaled, rounded and
/// flagged; over few they are exact. The thresholds are forced through `Tuning` so the test
/// needs hundreds of listings, not thousands.
#[sqlx::test(migrations = false)]
async fn facets_over_many_matches_are_estimated_from_the_sample_and_flagged(pool: PgPool) {
    let c = Catalog::new(pool.clone()).await;
    // 600 kitenge phones covers and 200 kitenge flour bags.
    c.add_many("Kitenge", 800, "n <= 600", "500").await;
    c.ready().await;
    let sampled: i64 = sqlx::query_scalar(
        "select count(*) from listings where sample = 0 and search @@ to_tsquery('simple', 'kitenge')",
    )
    .fetch_one(&pool)
    .await
    .expect("sample");
    assert!(
        (20..=80).contains(&sampled),
        "about one in 16 of 800 is in the sample: {sampled}"
    );

    let exact = Tuning {
        exact_facets: 100_000,
        ..Tuning::default()
    };
    let f = c.find_tuned(&[("q", "kitenge")], exact).await.facets;
    assert!(!f.estimated && !f.capped);
    assert_eq!(f.total, 800);
    let counts: Vec<i64> = f.categories.iter().map(|x| x.count).collect();
    assert_eq!(counts, [600, 200], "electronics, then groceries");

    let sample = Tuning {
        exact_facets: 100,
        ..Tuning::default()
    };
    let f = c.find_tuned(&[("q", "kitenge")], sample).await.facets;
    assert!(f.estimated, "800 matches are more than 100: estimated");
    assert!(!f.capped);
    // Two significant digits of sixteen times the sampled count.
    let about = |n: i64| {
        let n = n * 16;
        let unit = if n >= 1000 {
            100
        } else if n >= 100 {
            10
        } else {
            1
        };
        (n + unit / 2) / unit * unit
    };
    assert_eq!(f.total, about(sampled));
    assert_eq!(f.in_stock, about(sampled), "every listing is in stock");
    let sampled_phones: i64 = sqlx::query_scalar(
        "select count(*) from listings where sample = 0 and search @@ to_tsquery('simple', 'kitenge')
           and category_id = (select id from categories where slug = 'phones')",
    )
    .fetch_one(&pool)
    .await
    .expect("sampled phones");
    assert_eq!(f.categories[0].value, "electronics");
    assert_eq!(f.categories[0].count, about(sampled_phones));
    assert!((300..=1300).contains(&f.total), "near 800: {}", f.total);
    assert_eq!(f.categories.len(), 2);
    assert!(f.categories[0].count > f.categories[1].count);

    // A filter that leaves nothing is counted exactly under the same tuning (an empty sample).
    let f = c
        .find_tuned(&[("q", "kitenge"), ("min_price", "600")], sample)
        .await;
    assert!(!f.facets.estimated && f.facets.total == 0);
}

/// When no listing has every word, the listings with some of them are a list like any other:
/// its next-page link stays on it (`words=any`), and the pages hold each listing once, in
/// relevance and in price order alike.
#[sqlx::test(migrations = false)]
async fn the_listings_with_some_of_the_words_go_on_past_the_first_page(pool: PgPool) {
    let c = Catalog::new(pool).await;
    c.add_many("Samsung", 30, "true", "1000 + n").await;
    c.add_many("Unga", 30, "false", "100 + n").await;
    c.ready().await;
    for sort in ["relevance", "price_asc"] {
        let mut seen = Vec::new();
        let mut prices = Vec::new();
        let mut after: Option<String> = None;
        let mut pages = 0;
        loop {
            let mut pairs = vec![("q", "samsung unga"), ("sort", sort)];
            if let Some(a) = &after {
                pairs.push(("after", a.as_str()));
                pairs.push(("words", "any"));
            }
            let r = c.find(&pairs).await;
            pages += 1;
            assert!(r.matched_any, "{sort}, page {pages}: some of the words");
            assert_eq!(r.facets.total, 60, "{sort}, page {pages}: counted as such");
            seen.extend(r.hits.iter().map(|h| h.id));
            prices.extend(r.hits.iter().map(|h| h.price));
            match r.next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        assert_eq!(pages, 3, "{sort}: 60 listings, 24 a page");
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!((seen.len(), unique.len()), (60, 60), "{sort}: each once");
        if sort == "price_asc" {
            assert!(prices.windows(2).all(|w| w[0] <= w[1]), "cheapest first");
        }
    }
    // An empty `words` is the list of every word: "Samsung 1" has both.
    let r = c.find(&[("q", "samsung 1"), ("words", "")]).await;
    assert!(!r.matched_any);
}

/// Words that no category holds together match no listing, and the search says so without
/// reading the text index (`search_word_categories`); the pairs follow an edit and a move to
/// another category at commit, so a listing that comes to have every word is found at once.
#[sqlx::test(migrations = false)]
async fn words_no_category_holds_together_are_found_once_a_listing_has_them_all(pool: PgPool) {
    let c = Catalog::new(pool.clone()).await;
    c.add(
        c.phones,
        L {
            title: "Samsung Galaxy A15",
            ..L::default()
        },
    )
    .await;
    let flour = c
        .add(
            c.flour,
            L {
                title: "Unga ya Ngano 2kg",
                ..L::default()
            },
        )
        .await;
    c.ready().await;
    let r = c.find(&[("q", "samsung ngano")]).await;
    assert!(r.matched_any, "no listing has both words");
    assert_eq!((r.hits.len(), r.facets.total), (2, 2));

    let edit = |sql: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query(sql)
                .bind(flour)
                .execute(&pool)
                .await
                .expect("edit");
        }
    };
    edit("update listings set description = 'Sold beside Samsung phones' where id = $1").await;
    let r = c.find(&[("q", "samsung ngano")]).await;
    assert!(!r.matched_any);
    assert_eq!(titles(&r), vec!["Unga ya Ngano 2kg"]);
    assert_eq!(r.facets.total, 1);

    // Moved to Phones, it is found there: the words now share Phones too.
    edit("update listings set category_id = (select id from categories where slug = 'phones') where id = $1").await;
    let r = c
        .find(&[("q", "samsung ngano"), ("category", "phones")])
        .await;
    assert!(!r.matched_any);
    assert_eq!(titles(&r), vec!["Unga ya Ngano 2kg"]);
    // Within Flour no listing has both (nor either) any more.
    let r = c
        .find(&[("q", "samsung ngano"), ("category", "flour")])
        .await;
    assert!(r.hits.is_empty() && r.facets.total == 0);
}

/// Words no sampled listing has are counted after the first page: from the page's own
/// listings when it holds every match, and over every match when there are more pages.
#[sqlx::test(migrations = false)]
async fn words_missing_from_the_sample_are_counted_exactly(pool: PgPool) {
    let c = Catalog::new(pool.clone()).await;
    // Listings whose ids keep them out of the sample (`listings.sample` hashes the id).
    for (title, count) in [("Shuka", 40), ("Kikoi", 10)] {
        sqlx::query(
            "insert into listings (id, vendor_id, category_id, title, slug, description, price, status, county, town, lat, lng, stock, popularity, vendor_rating)
             select id, $1, $2, $3 || ' Maasai ' || n, lower($3) || '-' || n, '', 700, 'approved', 'Nairobi', 'Westlands', -1.29, 36.82, n % 2, n, 4.5
             from (select id, row_number() over () as n
                   from (select gen_random_uuid() as id from generate_series(1, 400)) g
                   where hashtext(id::text) & 15 <> 0 limit $4) x",
        )
        .bind(c.vendor)
        .bind(c.phones)
        .bind(title)
        .bind(count)
        .execute(&pool)
        .await
        .expect("listings");
    }
    c.ready().await;
    for (word, total) in [("shuka", 40), ("kikoi", 10)] {
        let r = c.find(&[("q", word)]).await;
        assert_eq!(r.next.is_some(), total > PAGE_SIZE, "{word}");
        let f = &r.facets;
        assert!(!f.estimated && !f.capped, "{word}");
        assert_eq!(f.total, total, "{word}");
        assert_eq!(f.in_stock, total / 2, "{word}");
        assert_eq!(f.prices.iter().map(|x| x.count).sum::<i64>(), total);
        assert_eq!(f.categories.len(), 1);
        assert_eq!(f.categories[0].value, "electronics");
    }
    // Two words, neither pair in the sample: the listings with either are read beside the
    // page, which still shows (and counts) the listings with both.
    let r = c.find(&[("q", "shuka maasai")]).await;
    assert!(!r.matched_any);
    assert_eq!(r.hits.len() as i64, PAGE_SIZE);
    assert!(r.hits.iter().all(|h| h.title.starts_with("Shuka")));
    assert_eq!((r.facets.total, r.facets.estimated), (40, false));
}

/// A listing's distance from central Nairobi (-1.2921, 36.8219) as earthdistance measures it,
/// the reference the cards' cheaper formula must equal.
async fn km_from_nairobi(pool: &PgPool, listing: Uuid) -> f64 {
    sqlx::query_scalar(
        "select earth_distance(ll_to_earth(-1.2921, 36.8219), ll_to_earth(lat, lng)) / 1000.0
         from listings where id = $1",
    )
    .bind(listing)
    .fetch_one(pool)
    .await
    .expect("distance")
}

/// The home page's "near me" shelf: listings within 50 km, most popular first, each with its
/// distance as `earth_distance` measures it.
#[sqlx::test(migrations = false)]
async fn the_near_me_shelf_keeps_what_is_close_most_popular_first(pool: PgPool) {
    let c = Catalog::new(pool.clone()).await;
    for (title, lat, lng, popularity) in [
        ("Unga Westlands", -1.2650, 36.8030, 1.0),
        ("Unga Thika", -1.0333, 37.0693, 5.0),
        ("Unga Nakuru", -0.3031, 36.0800, 9.0),
    ] {
        c.add(
            c.flour,
            L {
                title,
                lat,
                lng,
                popularity,
                ..L::default()
            },
        )
        .await;
    }
    let near = app::db::products::popular_near(&pool, -1.2921, 36.8219, 50.0)
        .await
        .expect("near");
    let titles: Vec<&str> = near.iter().map(|l| l.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Unga Thika", "Unga Westlands"],
        "Nakuru is 140 km away"
    );
    for l in &near {
        let want = km_from_nairobi(&pool, l.id).await;
        let got = l.distance_km.expect("a distance");
        assert!(
            (got - want).abs() < 0.001,
            "{}: {got} against {want}",
            l.title
        );
    }
}

#[sqlx::test(migrations = false)]
async fn near_me_filters_by_radius_and_sorts_by_distance(pool: PgPool) {
    let c = Catalog::new(pool).await;
    c.add(
        c.flour,
        L {
            title: "Unga Westlands",
            lat: -1.2650,
            lng: 36.8030,
            ..L::default()
        },
    )
    .await; // ~3.7 km
    c.add(
        c.flour,
        L {
            title: "Unga CBD",
            lat: -1.2864,
            lng: 36.8172,
            ..L::default()
        },
    )
    .await; // ~0.8 km
    c.add(
        c.flour,
        L {
            title: "Unga Mombasa",
            lat: -4.0435,
            lng: 39.6682,
            ..L::default()
        },
    )
    .await;
    c.ready().await;
    let r = c
        .find(&[
            ("q", "unga"),
            ("lat", "-1.2921"),
            ("lng", "36.8219"),
            ("radius_km", "10"),
            ("sort", "distance"),
        ])
        .await;
    assert_eq!(titles(&r), vec!["Unga CBD", "Unga Westlands"]);
    let d = r.hits[0].distance_km.expect("distance");
    assert!((0.5..1.2).contains(&d), "{d}");
    // The card's distance is earthdistance's, to the metre.
    let exact = km_from_nairobi(&c.pool, r.hits[0].id).await;
    assert!((d - exact).abs() < 0.001, "{d} against {exact}");

    assert!(r.located);

    // The town picker: the same search near Nairobi's centre, without sharing a position.
    let town = c
        .find(&[
            ("q", "unga"),
            ("near", "nairobi"),
            ("radius_km", "10"),
            ("sort", "distance"),
        ])
        .await;
    assert_eq!(titles(&town), titles(&r));
    // "Anywhere" drops the position and the radius; "Nearest" then falls back to relevance.
    let anywhere = c
        .find(&[
            ("q", "unga"),
            ("lat", "-1.2921"),
            ("lng", "36.8219"),
            ("near", ""),
            ("radius_km", "10"),
            ("sort", "distance"),
        ])
        .await;
    assert_eq!(anywhere.hits.len(), 3);
    assert!(!anywhere.located && anywhere.hits.iter().all(|h| h.distance_km.is_none()));
}

#[sqlx::test(migrations = false)]
async fn pages_follow_each_other_without_gaps_or_repeats(pool: PgPool) {
    let c = Catalog::new(pool).await;
    let total = PAGE_SIZE as usize * 2 + 5;
    for i in 0..total {
        c.add(
            c.phones,
            L {
                title: "Itel phone",
                price: 1000 + (i as i64 % 7) * 100,
                ..L::default()
            },
        )
        .await;
    }
    c.ready().await;
    for sort in ["price_asc", "price_desc", "newest", "popular", "relevance"] {
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let mut pairs = vec![("q", "itel"), ("sort", sort)];
            if let Some(a) = &after {
                pairs.push(("after", a.as_str()));
            }
            let r = c.find(&pairs).await;
            seen.extend(r.hits.iter().map(|h| h.id));
            match r.next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!((seen.len(), unique.len()), (total, total), "sort {sort}");
    }
}

/// Relevance is exact: every page, read either way (walking the popularity index or sorting
/// every match, and a walk whose bound runs out and falls back), equals one plain `order by`
/// over all matches — title hits first, then by popularity, then id.
#[sqlx::test(migrations = false)]
async fn relevance_is_exact_and_walk_and_exact_give_the_same_pages(pool: PgPool) {
    let c = Catalog::new(pool).await;
    for i in 0..PAGE_SIZE * 3 {
        let in_title = i % 3 != 0;
        c.add(
            if i % 2 == 0 { c.phones } else { c.flour },
            L {
                title: if in_title {
                    "Itel A70 phone"
                } else {
                    "Phone case"
                },
                description: if in_title {
                    "Dual SIM"
                } else {
                    "Fits the itel A70"
                },
                // Ties on popularity, so the id decides inside each group.
                popularity: (i % 5) as f64,
                stock: (i % 4) as i32,
                // Near Nairobi in two cells, and some in Mombasa.
                lat: [-1.2921, -0.5, -4.0435][i as usize % 3],
                lng: [36.8219, 37.1, 39.6682][i as usize % 3],
                ..L::default()
            },
        )
        .await;
    }
    c.add(
        c.phones,
        L {
            title: "Tecno Spark",
            ..L::default()
        },
    )
    .await;
    c.ready().await;

    // The filters below, as plain conditions.
    let brute_force = |condition: &'static str| {
        let pool = c.pool.clone();
        async move {
            sqlx::query_scalar::<_, Uuid>(&format!(
                "select id from listings
                  where status = 'approved' and search @@ to_tsquery('simple', 'itel') and {condition}
                  order by search @@ to_tsquery('simple', 'itel:A') desc, popularity desc, id desc"
            ))
            .fetch_all(&pool)
            .await
            .expect("brute force")
        }
    };
    let exact = Tuning {
        exact_matches: i64::MAX,
        walk_rows: 0,
        ..Tuning::default()
    };
    let walk = Tuning {
        exact_matches: 0,
        walk_rows: 10_000,
        sample_probe: false,
        ..Tuning::default()
    };
    // Too short to fill a page: every walk gives up and the page is read exact.
    let short_walk = Tuning {
        exact_matches: 0,
        walk_rows: 5,
        sample_probe: false,
        ..Tuning::default()
    };
    // Walks only where the facet sample holds one of the filtered tier's listings.
    let probed_walk = Tuning {
        exact_matches: 0,
        walk_rows: 10_000,
        sample_probe: true,
        ..Tuning::default()
    };
    // The title tier (50 listings) read exact and the rest (75 counted in the vocabulary)
    // walked, rather than both tiers in one exact read.
    let mixed = Tuning {
        exact_matches: 60,
        walk_rows: 10_000,
        sample_probe: false,
        ..Tuning::default()
    };
    // Within 70 km of a point between the two Nairobi places (16 cells), counted dense, so the
    // words are walked within its cells.
    let dense = |t: Tuning| Tuning {
        dense_radius: 0,
        ..t
    };
    let near: &[(&str, &str)] = &[("lat", "-1.0"), ("lng", "36.9"), ("radius_km", "70")];
    for (filter, condition) in [
        (&[][..], "true"),
        (&[("in_stock", "1")][..], "stock > 0"),
        // A top-level category: its words come from the category-qualified index.
        (
            &[("category", "electronics")][..],
            "category_id in (select id from categories where slug = 'phones')",
        ),
        (
            near,
            "earth_distance(ll_to_earth(lat, lng), ll_to_earth(-1.0, 36.9)) <= 70000",
        ),
    ] {
        let mut pairs = vec![("q", "itel")];
        pairs.extend(filter);
        let want = brute_force(condition).await;
        assert!(want.len() > PAGE_SIZE as usize, "several pages");
        for tuning in [
            exact,
            walk,
            short_walk,
            probed_walk,
            mixed,
            Tuning::default(),
        ] {
            let tuning = if filter == near {
                dense(tuning)
            } else {
                tuning
            };
            assert_eq!(
                c.all_pages(&pairs, tuning).await,
                want,
                "{tuning:?}, {condition}"
            );
        }
    }
}

/// Words sorted by price are read band by band from the price-band index: every page, both
/// directions, with the price filter narrowing the bands, with another filter, and with words
/// that only some listings share, equals one plain `order by price, id` over all matches.
/// Prices cross many bands and repeat (ties decided by id), and some listings matching the
/// word are not approved (never shown).
#[sqlx::test(migrations = false)]
async fn words_by_price_equal_a_plain_sort_over_every_match(pool: PgPool) {
    let c = Catalog::new(pool).await;
    for i in 0..PAGE_SIZE * 3 {
        c.add(
            if i % 2 == 0 { c.phones } else { c.flour },
            L {
                title: if i % 3 == 0 { "Itel A70" } else { "Phone case" },
                description: if i % 3 == 0 {
                    "Dual SIM"
                } else {
                    "Fits the itel A70"
                },
                // From 1 shilling to ~1,000,000, several to a band, with repeats.
                price: [1, 7, 120, 121, 950, 4_000, 4_000, 999_999][(i % 8) as usize] + i / 10,
                stock: (i % 4) as i32,
                status: if i % 11 == 0 { "draft" } else { "approved" },
                ..L::default()
            },
        )
        .await;
    }
    c.add(
        c.phones,
        L {
            title: "Tecno Spark",
            price: 5,
            ..L::default()
        },
    )
    .await;
    c.ready().await;

    let brute_force = |words: &'static str, desc: bool, min: i64, max: i64, in_stock: bool| {
        let pool = c.pool.clone();
        async move {
            let dir = if desc { "desc" } else { "asc" };
            sqlx::query_scalar::<_, Uuid>(&format!(
                "select id from listings
                  where status = 'approved' and search @@ to_tsquery('simple', $1)
                    and price between $2 and $3 and (not $4 or stock > 0)
                  order by price {dir}, id {dir}"
            ))
            .bind(words)
            .bind(rust_decimal::Decimal::from(min))
            .bind(rust_decimal::Decimal::from(max))
            .bind(in_stock)
            .fetch_all(&pool)
            .await
            .expect("brute force")
        }
    };
    for sort in ["price_asc", "price_desc"] {
        let desc = sort == "price_desc";
        for (words, tsq) in [("itel", "itel"), ("itel sim", "itel & sim")] {
            let all = brute_force(tsq, desc, 0, i64::MAX / 1000, false).await;
            assert_eq!(
                c.all_pages(&[("q", words), ("sort", sort)], Tuning::default())
                    .await,
                all,
                "{words}, {sort}"
            );
            let (min, max) = (100, 5_000);
            let filtered = c
                .all_pages(
                    &[
                        ("q", words),
                        ("sort", sort),
                        ("min_price", "100"),
                        ("max_price", "5000"),
                        ("in_stock", "1"),
                    ],
                    Tuning::default(),
                )
                .await;
            assert_eq!(
                filtered,
                brute_force(tsq, desc, min, max, true).await,
                "{words}, {sort}, filtered"
            );
            assert!(!filtered.is_empty() && filtered.len() < all.len());
        }
        // A word no listing holds: every band is absent.
        let none = c
            .all_pages(&[("q", "zumaridi"), ("sort", sort)], Tuning::default())
            .await;
        assert!(none.is_empty(), "{sort}");
    }
    assert!(
        brute_force("itel", false, 0, i64::MAX / 1000, false)
            .await
            .len()
            > 2 * PAGE_SIZE as usize,
        "several pages"
    );
}

/// The search document holds the category's and the shop's names: renaming either re-indexes
/// the listings within the renaming transaction, and a suspended shop's listings leave the
/// search when the suspension commits (and come back on reinstatement).
#[sqlx::test(migrations = false)]
async fn renames_and_suspension_reach_the_search_at_commit(pool: PgPool) {
    use app::domain::vendor::VerificationStatus;
    let c = Catalog::new(pool.clone()).await;
    c.add(
        c.phones,
        L {
            title: "Itel A70",
            ..L::default()
        },
    )
    .await;
    c.ready().await;
    let found = |pairs: &'static [(&'static str, &'static str)]| {
        let c = &c;
        async move { c.find(pairs).await.hits.len() }
    };
    assert_eq!(
        found(&[("q", "simu")]).await,
        1,
        "the Swahili category name"
    );

    let mut tx = pool.begin().await.expect("tx");
    sqlx::query("update categories set name_sw = 'Rununu' where id = $1")
        .bind(c.phones)
        .execute(&mut *tx)
        .await
        .expect("rename category");
    sqlx::query("update vendors set business_name = 'Mwangaza Phones' where id = $1")
        .bind(c.vendor)
        .execute(&mut *tx)
        .await
        .expect("rename shop");
    let indexed: i64 = sqlx::query_scalar(
        "select count(*) from listings
          where search @@ to_tsquery('simple', 'rununu & mwangaza') and not search @@ to_tsquery('simple', 'simu | baraka')",
    )
    .fetch_one(&mut *tx)
    .await
    .expect("count");
    assert_eq!(indexed, 1, "re-indexed inside the renaming transaction");
    tx.commit().await.expect("commit");
    c.ready().await;
    assert_eq!(found(&[("q", "rununu")]).await, 1);
    assert_eq!(found(&[("q", "mwangaza")]).await, 1);
    assert_eq!(
        found(&[("q", "baraka")]).await,
        0,
        "the old shop name is gone"
    );

    let admin = c.admin().await;
    for (from, to, want) in [
        (
            VerificationStatus::Verified,
            VerificationStatus::Suspended,
            0,
        ),
        (
            VerificationStatus::Suspended,
            VerificationStatus::Verified,
            1,
        ),
    ] {
        let mut tx = pool.begin().await.expect("tx");
        let moved = app::db::vendors::review(&mut tx, c.vendor, from, to, None, admin)
            .await
            .expect("review");
        assert!(moved);
        tx.commit().await.expect("commit");
        assert_eq!(found(&[("q", "itel")]).await, want, "after {to:?}");
    }
}

/// The facet sample's table (and its words' table) holds exactly the sampled listings' filter
/// columns after every kind of change (price, stock, re-indexing by a category rename,
/// suspension, deletion), and is left alone by the popularity updates of the views flush.
#[sqlx::test(migrations = false)]
async fn the_facet_sample_follows_its_listings(pool: PgPool) {
    use app::domain::vendor::VerificationStatus;
    let c = Catalog::new(pool.clone()).await;
    c.add_many("Kikapu", 400, "n % 2 = 0", "100 + n").await;
    // Rows of the sampled listings that differ from the sample's copy, both ways.
    let columns = "id, status, category_id, vendor_id, price, vendor_rating, stock, county, lat, lng, search, title_search";
    let drift = || {
        let pool = pool.clone();
        let sql = format!(
            "select (select count(*) from (select {columns} from listings where sample = 0
                                           except select {columns} from search_sample) a)
                  + (select count(*) from (select {columns} from search_sample
                                           except select {columns} from listings where sample = 0) b)"
        );
        // And the sample's words: one row per word of each approved sampled listing.
        let words = "word, id, category_id, price, vendor_rating, stock, county";
        let sampled_words = "select w, id, category_id, price, vendor_rating, stock, county
                             from search_sample, unnest(tsvector_to_array(search)) w
                             where status = 'approved'";
        let words_sql = format!(
            "select (select count(*) from (select {words} from search_sample_words
                                           except {sampled_words}) a)
                  + (select count(*) from ({sampled_words} except
                                           select {words} from search_sample_words) b)"
        );
        async move {
            let listings = sqlx::query_scalar::<_, i64>(&sql)
                .fetch_one(&pool)
                .await
                .expect("drift");
            let words = sqlx::query_scalar::<_, i64>(&words_sql)
                .fetch_one(&pool)
                .await
                .expect("words drift");
            listings + words
        }
    };
    let sampled: i64 = sqlx::query_scalar("select count(*) from search_sample")
        .fetch_one(&pool)
        .await
        .expect("sampled");
    assert!((10..=50).contains(&sampled), "about 25 of 400: {sampled}");
    assert_eq!(drift().await, 0, "after inserting");

    let versions = "select string_agg(xmin::text, ',' order by id) from search_sample";
    let before: String = sqlx::query_scalar(versions)
        .fetch_one(&pool)
        .await
        .expect("versions");
    sqlx::query("update listings set popularity = popularity + 1, view_count = view_count + 1")
        .execute(&pool)
        .await
        .expect("views flush");
    let after: String = sqlx::query_scalar(versions)
        .fetch_one(&pool)
        .await
        .expect("versions");
    assert_eq!(before, after, "popularity is not copied, so not rewritten");

    for change in [
        "update listings set price = price * 2 where price < 200",
        "update listings set stock = 0 where title like 'Kikapu 1%'",
        "update categories set name_en = 'Mobiles' where slug = 'phones'",
        "delete from listings where title like 'Kikapu 3%'",
    ] {
        sqlx::query(change).execute(&pool).await.expect(change);
        assert_eq!(drift().await, 0, "after {change}");
    }
    let renamed: i64 = sqlx::query_scalar(
        "select count(*) from search_sample where search @@ to_tsquery('simple', 'mobiles')",
    )
    .fetch_one(&pool)
    .await
    .expect("renamed");
    assert!(renamed > 0, "the sample is re-indexed with its listings");

    let admin = c.admin().await;
    let mut tx = pool.begin().await.expect("tx");
    app::db::vendors::review(
        &mut tx,
        c.vendor,
        VerificationStatus::Verified,
        VerificationStatus::Suspended,
        None,
        admin,
    )
    .await
    .expect("suspend");
    tx.commit().await.expect("commit");
    assert_eq!(drift().await, 0, "after suspending the shop");
    c.ready().await;
    let f = c
        .find_tuned(
            &[("q", "kikapu")],
            Tuning {
                exact_facets: 10,
                ..Tuning::default()
            },
        )
        .await
        .facets;
    assert_eq!(
        f.total, 0,
        "a suspended shop's listings leave the sample too"
    );
}

/// A top-level category's sampled counts (read by its listings' top-level category, not its
/// subcategories' ids) follow a subcategory moved under another parent, in the same
/// transaction, and agree with the counts of the subcategories themselves.
#[sqlx::test(migrations = false)]
async fn a_top_level_categorys_sampled_counts_follow_its_subcategories(pool: PgPool) {
    let c = Catalog::new(pool.clone()).await;
    c.add_many("Kikapu", 400, "n % 2 = 0", "100 + n").await;
    c.ready().await;
    let sampled = Tuning {
        exact_facets: 10,
        ..Tuning::default()
    };
    let total = |category: &'static str| {
        let c = &c;
        async move {
            let pairs: Vec<(&str, &str)> = if category.is_empty() {
                vec![]
            } else {
                vec![("category", category)]
            };
            let f = c.find_tuned(&pairs, sampled).await.facets;
            assert!(
                f.estimated || f.total == 0,
                "{category}: estimated from the sample"
            );
            f.total
        }
    };
    let misplaced = || {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "select count(*) from search_sample s join categories c on c.id = s.category_id
                 where s.top_category_id <> coalesce(c.parent_id, c.id)",
            )
            .fetch_one(&pool)
            .await
            .expect("misplaced")
        }
    };
    assert_eq!(misplaced().await, 0);
    let phones = total("phones").await;
    assert!(phones > 0);
    assert_eq!(
        total("electronics").await,
        phones,
        "Electronics holds only Phones"
    );

    // Phones moves under Groceries: Electronics is empty, Groceries holds everything.
    sqlx::query("update categories set parent_id = (select id from categories where slug = 'groceries') where slug = 'phones'")
        .execute(&pool)
        .await
        .expect("move");
    assert_eq!(misplaced().await, 0, "after moving a subcategory");
    assert_eq!(total("electronics").await, 0);
    assert_eq!(total("groceries").await, total("").await);

    // Listings moving between categories, and new ones, are grouped under their new parent.
    sqlx::query("update listings set category_id = (select id from categories where slug = 'electronics') where title similar to 'Kikapu (1|2)%'")
        .execute(&pool)
        .await
        .expect("listings move");
    c.add_many("Kiondo", 200, "true", "50").await;
    assert_eq!(
        misplaced().await,
        0,
        "after moving listings and adding more"
    );
    assert!(total("electronics").await > 0);

    // A sale while its listing's category moves back: the stock change takes no lock on the
    // category, waits on the move's re-grouping of the sample row, and keeps the moved
    // top-level category rather than the one it read before the move committed.
    let sampled_phone: Uuid = sqlx::query_scalar(
        "select s.id from search_sample s join categories c on c.id = s.category_id
         where c.slug = 'phones' limit 1",
    )
    .fetch_one(&pool)
    .await
    .expect("a sampled phone");
    let mut mover = pool.begin().await.expect("tx");
    sqlx::query("update categories set parent_id = (select id from categories where slug = 'electronics') where slug = 'phones'")
        .execute(&mut *mover)
        .await
        .expect("move back");
    let sale = tokio::spawn({
        let pool = pool.clone();
        async move {
            sqlx::query("update listings set stock = stock - 1 where id = $1")
                .bind(sampled_phone)
                .execute(&pool)
                .await
        }
    });
    loop {
        let waiting: i64 = sqlx::query_scalar(
            "select count(*) from pg_stat_activity
             where wait_event_type = 'Lock' and query like 'update listings set stock%'",
        )
        .fetch_one(&pool)
        .await
        .expect("activity");
        if waiting > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    mover.commit().await.expect("commit the move");
    sale.await.expect("sale task").expect("sale");
    assert_eq!(misplaced().await, 0, "after a sale during a move");
}

#[sqlx::test(migrations = false)]
async fn shoppers_see_only_approved_listings(pool: PgPool) {
    let c = Catalog::new(pool).await;
    for status in ["draft", "pending", "rejected", "archived", "approved"] {
        c.add(
            c.phones,
            L {
                title: "Nokia kabambe",
                status,
                ..L::default()
            },
        )
        .await;
    }
    c.ready().await;
    let r = c.find(&[("q", "nokia")]).await;
    assert_eq!(r.hits.len(), 1);
    assert_eq!(r.facets.total, 1);
}

#[sqlx::test(migrations = false)]
async fn a_bad_query_string_is_a_field_error(pool: PgPool) {
    let mut client = crate::common::Client::new(crate::common::app(pool).await);
    let reply = client
        .call("search_listings", &[("raw[min_price]", "cheap")])
        .await;
    assert_eq!(reply.status, axum::http::StatusCode::BAD_REQUEST);
    assert_eq!(
        reply.error(),
        app::error::AppError::invalid("min_price", app::domain::Invalid::NumberFormat)
    );
    let reply = client
        .call(
            "search_listings",
            &[("raw[q]", "unga"), ("raw[sort]", "price_asc")],
        )
        .await;
    assert_eq!(reply.status, axum::http::StatusCode::OK, "{}", reply.body);
}
