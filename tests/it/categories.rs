//! The admin's category tree editor through its server functions: a fresh install gets its
//! tree, every change is audited in its own transaction, bad input names its field and changes
//! nothing, merging never orphans a listing, and the audit log cannot be rewritten.

use crate::common::{Client, app, make_admin, shop, variant};
use app::domain::Invalid;
use app::error::AppError;
use app::wire::admin::AdminCategory;
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

async fn admin(pool: &PgPool) -> Client {
    let mut c = Client::new(app(pool.clone()).await);
    c.register("boss@example.com", "Boss").await;
    make_admin(pool, "boss@example.com").await;
    c
}

async fn tree(c: &mut Client) -> Vec<AdminCategory> {
    let r = c.call("admin_categories", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()
}

fn id_of(tree: &[AdminCategory], slug: &str) -> Uuid {
    tree.iter().find(|c| c.slug == slug).expect(slug).id
}

async fn create(c: &mut Client, slug: &str, en: &str, parent: Option<Uuid>) -> Uuid {
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    let r = c
        .call(
            "create_category",
            &[
                ("slug", slug),
                ("name_en", en),
                ("name_sw", en),
                ("parent", &parent),
            ],
        )
        .await;
    assert!(
        r.status.is_success() || r.status.is_redirection(),
        "{slug}: {}",
        r.body
    );
    id_of(&tree(c).await, slug)
}

async fn audit_actions(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar("select action from audit_log order by id")
        .fetch_all(pool)
        .await
        .expect("audit")
}

#[sqlx::test(migrations = false)]
async fn admins_build_the_tree_and_every_change_is_audited(pool: PgPool) {
    let mut c = admin(&pool).await;
    assert!(
        tree(&mut c).await.is_empty(),
        "a fresh install has no categories"
    );
    let page = c.get("/admin").await;
    assert!(
        page.body.contains("data-testid=\"first-run\""),
        "the checklist shows"
    );

    let electronics = create(&mut c, "electronics", "Electronics", None).await;
    let phones = create(&mut c, "phones", "Phones", Some(electronics)).await;
    let groceries = create(&mut c, "groceries", "Groceries", None).await;
    let order = |t: Vec<AdminCategory>| t.into_iter().map(|c| c.slug).collect::<Vec<_>>();
    assert_eq!(
        order(tree(&mut c).await),
        ["electronics", "phones", "groceries"]
    );

    let r = c
        .call(
            "rename_category",
            &[
                ("id", &phones.to_string()),
                ("name_en", "Mobile phones"),
                ("name_sw", "Simu za mkononi"),
            ],
        )
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    c.call(
        "shift_category",
        &[("id", &groceries.to_string()), ("direction", "up")],
    )
    .await;
    assert_eq!(
        order(tree(&mut c).await),
        ["groceries", "electronics", "phones"]
    );
    c.call(
        "move_category",
        &[
            ("id", &phones.to_string()),
            ("parent", &groceries.to_string()),
        ],
    )
    .await;
    let t = tree(&mut c).await;
    assert_eq!(order(t.clone()), ["groceries", "phones", "electronics"]);
    let p = t.iter().find(|x| x.id == phones).expect("phones");
    assert_eq!(
        (p.name_en.as_str(), p.parent_id),
        ("Mobile phones", Some(groceries))
    );

    assert_eq!(
        audit_actions(&pool).await,
        [
            "category.created",
            "category.created",
            "category.created",
            "category.renamed",
            "category.reordered",
            "category.moved"
        ]
    );
    let (role, ip, summary): (String, String, String) = sqlx::query_as(
        "select actor_role, ip, summary from audit_log where action = 'category.renamed'",
    )
    .fetch_one(&pool)
    .await
    .expect("row");
    assert_eq!((role.as_str(), ip.as_str()), ("admin", "198.51.100.7"));
    assert_eq!(
        summary,
        "phones: Phones / Phones → Mobile phones / Simu za mkononi"
    );

    // Nobody else may touch the tree.
    let mut customer = Client::new(app(pool.clone()).await);
    customer.register("c@example.com", "Mteja").await;
    assert_eq!(
        customer
            .call(
                "create_category",
                &[
                    ("slug", "toys"),
                    ("name_en", "Toys"),
                    ("name_sw", "Vinyago")
                ]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        customer.get("/admin/categories").await.status,
        StatusCode::FORBIDDEN
    );
}

#[sqlx::test(migrations = false)]
async fn bad_input_names_its_field_and_changes_nothing(pool: PgPool) {
    let mut c = admin(&pool).await;
    let top = create(&mut c, "electronics", "Electronics", None).await;
    let child = create(&mut c, "phones", "Phones", Some(top)).await;
    let before = tree(&mut c).await;
    let audited = audit_actions(&pool).await.len();

    let refused = |r: crate::common::Reply| (r.status, r.error());
    let (status, e) = refused(
        c.call(
            "create_category",
            &[
                ("slug", "Toys!"),
                ("name_en", "Toys"),
                ("name_sw", "Vinyago"),
            ],
        )
        .await,
    );
    assert_eq!((status, e.field()), (StatusCode::BAD_REQUEST, Some("slug")));
    let (_, e) = refused(
        c.call(
            "create_category",
            &[
                ("slug", "phones"),
                ("name_en", "Phones 2"),
                ("name_sw", "Simu 2"),
            ],
        )
        .await,
    );
    assert_eq!(e, AppError::invalid("slug", Invalid::SlugTaken));
    let (_, e) = refused(
        c.call(
            "create_category",
            &[("slug", "toys"), ("name_en", "Toys"), ("name_sw", "")],
        )
        .await,
    );
    assert_eq!(e.field(), Some("name_sw"));
    let (_, e) = refused(
        c.call(
            "create_category",
            &[
                ("slug", "cases"),
                ("name_en", "Cases"),
                ("name_sw", "Kasha"),
                ("parent", &child.to_string()),
            ],
        )
        .await,
    );
    assert_eq!(
        e,
        AppError::invalid("parent", Invalid::CategoryTooDeep),
        "three levels"
    );
    let (_, e) = refused(
        c.call(
            "move_category",
            &[("id", &top.to_string()), ("parent", &top.to_string())],
        )
        .await,
    );
    assert_eq!(e, AppError::invalid("parent", Invalid::CategoryIntoItself));
    let (_, e) = refused(
        c.call(
            "merge_category",
            &[("id", &top.to_string()), ("into", &child.to_string())],
        )
        .await,
    );
    assert_eq!(
        e,
        AppError::invalid("into", Invalid::CategoryIntoItself),
        "into its own child"
    );

    assert_eq!(tree(&mut c).await, before);
    assert_eq!(
        audit_actions(&pool).await.len(),
        audited,
        "nothing refused is audited"
    );
}

#[sqlx::test(migrations = false)]
async fn merging_moves_listings_and_subcategories_and_leaves_no_orphan(pool: PgPool) {
    let mut c = admin(&pool).await;
    let old = create(&mut c, "gadgets", "Gadgets", None).await;
    let sub = create(&mut c, "gadget-cases", "Cases", Some(old)).await;
    let new = create(&mut c, "electronics", "Electronics", None).await;
    let vendor = shop(&pool, "duka", "aspirant").await;
    for title in ["Gadget one", "Gadget two"] {
        variant(&pool, vendor, title, "100", 1).await;
    }
    sqlx::query("update listings set category_id = $1")
        .bind(old)
        .execute(&pool)
        .await
        .expect("file the listings");

    let r = c
        .call(
            "merge_category",
            &[("id", &old.to_string()), ("into", &new.to_string())],
        )
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    let t = tree(&mut c).await;
    assert!(t.iter().all(|x| x.id != old), "retired");
    let moved = t.iter().find(|x| x.id == new).expect("target");
    assert_eq!((moved.listings, moved.subcategories), (2, 1));
    assert_eq!(
        t.iter().find(|x| x.id == sub).and_then(|x| x.parent_id),
        Some(new)
    );
    let orphans: i64 = sqlx::query_scalar(
        "select count(*) from listings l where not exists (select 1 from categories c where c.id = l.category_id)",
    )
    .fetch_one(&pool)
    .await
    .expect("count");
    assert_eq!(orphans, 0);
    let summary: String =
        sqlx::query_scalar("select summary from audit_log where action = 'category.merged'")
            .fetch_one(&pool)
            .await
            .expect("audited");
    assert_eq!(summary, "gadgets → electronics (2 listings moved)");
    // The moved listings are found under their new category's name.
    let found: i64 = sqlx::query_scalar(
        "select count(*) from listings where search @@ to_tsquery('simple', 'electronics')",
    )
    .fetch_one(&pool)
    .await
    .expect("search");
    assert_eq!(found, 2);
}

/// A change and its audit row share one transaction: when the audit row cannot be written the
/// change is gone too. And rows once written can be neither changed nor deleted.
#[sqlx::test(migrations = false)]
async fn the_audit_log_is_written_with_the_change_and_never_rewritten(pool: PgPool) {
    use app::db::audit::{Actor, record};
    use app::domain::audit::Action;
    use app::domain::category::Names;
    use app::domain::role::Role;
    let mut c = admin(&pool).await;
    let id = create(&mut c, "phones", "Phones", None).await;

    let mut tx = pool.begin().await.expect("tx");
    let names = Names::parse("Renamed", "Imebadilishwa").expect("names");
    app::db::categories::rename(&mut tx, id, &names)
        .await
        .expect("rename");
    let nobody = Actor {
        id: Uuid::new_v4(),
        role: Role::Admin,
        ip: "203.0.113.9".into(),
    };
    let failed = record(&mut tx, &nobody, Action::CategoryRenamed, id, "x").await;
    assert!(
        failed.is_err(),
        "an actor who is no user breaks the audit row"
    );
    drop(tx);
    assert_eq!(
        tree(&mut c).await[0].name_en,
        "Phones",
        "the rename went with it"
    );

    for statement in [
        "update audit_log set summary = 'nothing happened'",
        "delete from audit_log",
        "truncate audit_log",
    ] {
        let e = sqlx::query(statement).execute(&pool).await;
        assert!(e.is_err(), "{statement} must fail");
    }
    assert_eq!(audit_actions(&pool).await, ["category.created"]);
}

/// The audit page's search and its CSV download: admins only, newest first, pages by cursor.
/// (A cell a spreadsheet would run as a formula is written as text: `domain::spreadsheet`.)
#[sqlx::test(migrations = false)]
async fn the_audit_log_is_searchable_and_downloads_as_csv(pool: PgPool) {
    let mut c = admin(&pool).await;
    let id = create(&mut c, "tools", "=HYPERLINK(\"http://x\")", None).await;
    for n in 0..3 {
        let name = format!("Tools {n}");
        c.call(
            "rename_category",
            &[
                ("id", &id.to_string()),
                ("name_en", &name),
                ("name_sw", "Zana"),
            ],
        )
        .await;
    }
    let page: app::wire::admin::AuditPage = c.call("audit_log", &[("q", "tools 1")]).await.json();
    assert_eq!(page.entries.len(), 2, "renamed to Tools 1, then from it");
    assert_eq!(page.entries[0].action, "category.renamed");
    assert_eq!(
        page.entries[0].actor_email.as_deref(),
        Some("boss@example.com")
    );
    assert!(page.entries[0].id > page.entries[1].id, "newest first");
    let all: app::wire::admin::AuditPage = c.call("audit_log", &[]).await.json();
    assert_eq!(all.entries.len(), 4);
    let older: app::wire::admin::AuditPage = c
        .call("audit_log", &[("before", &all.entries[1].id.to_string())])
        .await
        .json();
    assert_eq!(older.entries, all.entries[2..]);

    let csv = c.get("/admin/audit.csv?q=HYPERLINK").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body.starts_with("id,at_utc,actor,role,action"),
        "{}",
        csv.body
    );
    assert_eq!(
        csv.body.lines().count(),
        3,
        "the header, the creation and the first rename"
    );
    assert!(
        csv.body.contains("\"tools: =HYPERLINK(\"\"http://x\"\")"),
        "quoted as CSV: {}",
        csv.body
    );

    let mut customer = Client::new(app(pool.clone()).await);
    customer.register("c@example.com", "Mteja").await;
    assert_eq!(
        customer.get("/admin/audit.csv").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        customer.call("audit_log", &[]).await.status,
        StatusCode::FORBIDDEN
    );
}
