//! File uploads: plain `multipart/form-data` form posts, so they work without JavaScript. Each
//! handler finds the shop from the session (never from the form), checks the file by its
//! content, stores it, and redirects back to the page with the outcome in the query string.

use app::db::vendors::Membership;
use app::db::{self, listings, media::NewMedia};
use app::domain::Invalid;
use app::domain::listing::MAX_PHOTOS;
use app::domain::vendor::{MAX_DOCUMENTS, ShopTask};
use app::media::process::Photo;
use app::state::AppState;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use uuid::Uuid;

/// The session user's membership if their role may do `task`; otherwise the response to send.
async fn member(
    state: &AppState,
    session: &Session,
    task: ShopTask,
) -> Result<Membership, Response> {
    let user = app::auth::session::user(session, &state.pool)
        .await
        .ok()
        .flatten();
    let Some(user) = user else {
        return Err(Redirect::to("/login").into_response());
    };
    match db::vendors::membership(&state.pool, user.id).await {
        Ok(Some(m)) if m.role().is_some_and(|r| r.may(task)) => Ok(m),
        Ok(_) => Err(StatusCode::FORBIDDEN.into_response()),
        Err(e) => Err(internal(e)),
    }
}

pub(super) fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "upload failed");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// Back to `page` with the refusal, which the page shows next to the upload field.
pub(super) fn refused(page: &str, why: Invalid) -> Response {
    let code = serde_json::to_string(&why).unwrap_or_default();
    let sep = if page.contains('?') { '&' } else { '?' };
    Redirect::to(&format!(
        "{page}{sep}upload_error={}",
        form_urlencoded::byte_serialize(code.as_bytes()).collect::<String>()
    ))
    .into_response()
}

/// The form's fields: text fields by name, and the files of the `file` field.
pub(super) struct Form {
    text: Vec<(String, String)>,
    pub(super) files: Vec<(String, Vec<u8>)>,
}

impl Form {
    pub(super) fn text(&self, name: &str) -> &str {
        self.text
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }
}

async fn read_form(multipart: Multipart, max_files: usize) -> Result<Form, Invalid> {
    let form = read_fields(multipart, max_files, 200).await?;
    if form.files.is_empty() {
        return Err(Invalid::Required);
    }
    Ok(form)
}

/// The form's fields, files optional; text fields keep at most `text_max` characters.
async fn read_fields(
    mut multipart: Multipart,
    max_files: usize,
    text_max: usize,
) -> Result<Form, Invalid> {
    let mut form = Form {
        text: Vec::new(),
        files: Vec::new(),
    };
    let too_large = Invalid::FileTooLarge {
        max_mb: app::media::process::MAX_UPLOAD_MB,
    };
    while let Some(field) = multipart.next_field().await.map_err(|_| too_large)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "file" {
            let file_name = field
                .file_name()
                .unwrap_or("upload")
                .chars()
                .take(200)
                .collect::<String>();
            let bytes = field.bytes().await.map_err(|_| too_large)?;
            if bytes.is_empty() {
                continue; // a file input left empty
            }
            if form.files.len() == max_files {
                return Err(Invalid::TooMany { max: max_files });
            }
            form.files.push((file_name, bytes.to_vec()));
        } else {
            let value = field.text().await.map_err(|_| Invalid::Required)?;
            form.text
                .push((name, value.chars().take(text_max).collect()));
        }
    }
    Ok(form)
}

/// Checks and resizes a photo (on the blocking pool); nothing is stored yet.
async fn process_photo(bytes: Vec<u8>) -> Result<Result<Photo, Invalid>, Response> {
    tokio::task::spawn_blocking(move || app::media::process::photo(&bytes))
        .await
        .map_err(internal)
}

/// Resizes and stores a photo; returns its content key.
async fn store_photo(
    state: &AppState,
    bytes: Vec<u8>,
) -> Result<Result<String, Invalid>, Response> {
    match process_photo(bytes).await? {
        Ok(photo) => save_photo(state, photo).await.map(Ok),
        Err(why) => Ok(Err(why)),
    }
}

/// Stores a processed photo's files and records it; its content key.
async fn save_photo(state: &AppState, photo: Photo) -> Result<String, Response> {
    for (name, bytes) in photo.files {
        state.media.put(&name, bytes).await.map_err(internal)?;
    }
    let record = NewMedia {
        key: &photo.key,
        mime: "image/jpeg",
        bytes: photo.uploaded_bytes,
        width: Some(photo.width),
        height: Some(photo.height),
        public: true,
    };
    db::media::record(&state.pool, record)
        .await
        .map_err(internal)?;
    Ok(photo.key)
}

/// A form a shopper posts from one of their orders' pages (a dispute, a review): who they are
/// (as the audit log names them), the form's fields and photos, and the order's page to go
/// back to — only ever a path built from a parsed id. Logged out: the login page instead.
pub(super) async fn order_page_form(
    state: &AppState,
    session: &Session,
    parts: &axum::http::request::Parts,
    multipart: Multipart,
    max_photos: usize,
) -> Result<(app::db::audit::Actor, Form, String), Response> {
    let user = app::auth::session::user(session, &state.pool)
        .await
        .ok()
        .flatten();
    let Some(user) = user else {
        return Err(Redirect::to("/login").into_response());
    };
    let form = read_fields(multipart, max_photos, 2000)
        .await
        .map_err(|why| refused("/account/orders", why))?;
    let page = match form.text("order").parse::<Uuid>() {
        Ok(order) => format!("/account/orders/{order}"),
        Err(_) => "/account/orders".to_owned(),
    };
    let actor = app::db::audit::Actor {
        id: user.id,
        role: user.role(),
        ip: app::auth::context::ip_of(parts, state.settings.http.trust_forwarded_for),
    };
    Ok((actor, form, page))
}

/// Checks every photo before storing any (a bad third photo refuses them all, back to
/// `page`), then stores them: their content keys, in order.
pub(super) async fn store_photos(
    state: &AppState,
    files: Vec<(String, Vec<u8>)>,
    page: &str,
) -> Result<Vec<String>, Response> {
    let mut photos = Vec::new();
    for (_, bytes) in files {
        match process_photo(bytes).await? {
            Ok(photo) => photos.push(photo),
            Err(why) => return Err(refused(page, why)),
        }
    }
    let mut keys = Vec::new();
    for photo in photos {
        keys.push(save_photo(state, photo).await?);
    }
    Ok(keys)
}

/// `POST /seller/listings/{id}/photos`: up to ten photos for a listing of the session's shop.
pub async fn listing_photos(
    State(state): State<AppState>,
    session: Session,
    Path(listing_id): Path<Uuid>,
    multipart: Multipart,
) -> Response {
    let page = format!("/seller/listings/{listing_id}");
    let member = match member(&state, &session, ShopTask::Catalog).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    match listings::get(&state.pool, member.vendor_id, listing_id).await {
        Ok(Some(_)) => {}
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return internal(e),
    }
    let form = match read_form(multipart, MAX_PHOTOS).await {
        Ok(f) => f,
        Err(why) => return refused(&page, why),
    };
    // All or nothing: they join the listing in one transaction, so a bad third photo or the
    // limit leaves the listing as it was.
    let keys = match store_photos(&state, form.files, &page).await {
        Ok(keys) => keys,
        Err(r) => return r,
    };
    let added = async {
        let mut tx = state.pool.begin().await?;
        for key in &keys {
            if !listings::add_photo(&mut tx, member.vendor_id, listing_id, key, MAX_PHOTOS).await? {
                return Ok(false); // dropped: the transaction rolls back
            }
        }
        tx.commit().await?;
        Ok::<_, sqlx::Error>(true)
    };
    match added.await {
        Ok(true) => Redirect::to(&format!("{page}?saved=photos")).into_response(),
        Ok(false) => refused(&page, Invalid::TooMany { max: MAX_PHOTOS }),
        Err(e) => internal(e),
    }
}

/// The shop owner's membership and their one-file form, or the response that refuses them.
async fn owner_upload(
    state: &AppState,
    session: &Session,
    multipart: Multipart,
) -> Result<(Membership, Form), Response> {
    let member = member(state, session, ShopTask::Manage).await?;
    let form = read_form(multipart, 1)
        .await
        .map_err(|why| refused("/sell", why))?;
    Ok((member, form))
}

/// `POST /sell/logo`: the shop's logo, by its owner.
pub async fn shop_logo(
    State(state): State<AppState>,
    session: Session,
    multipart: Multipart,
) -> Response {
    let (member, form) = match owner_upload(&state, &session, multipart).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let Some((_, bytes)) = form.files.into_iter().next() else {
        return refused("/sell", Invalid::Required);
    };
    let key = match store_photo(&state, bytes).await {
        Ok(Ok(key)) => key,
        Ok(Err(why)) => return refused("/sell", why),
        Err(r) => return r,
    };
    if let Err(e) = db::vendors::set_logo(&state.pool, member.vendor_id, &key).await {
        return internal(e);
    }
    Redirect::to("/sell?saved=logo").into_response()
}

/// `POST /sell/documents`: a KYC document (ID, business permit, KRA PIN) by the shop's owner.
/// Stored privately: only admins can open it.
pub async fn shop_document(
    State(state): State<AppState>,
    session: Session,
    multipart: Multipart,
) -> Response {
    let (member, form) = match owner_upload(&state, &session, multipart).await {
        Ok(found) => found,
        Err(r) => return r,
    };
    let kind = form.text("kind").to_owned();
    if !["national_id", "business_permit", "kra_pin", "other"].contains(&kind.as_str()) {
        return refused("/sell", Invalid::NotFound);
    }
    let Some((file_name, bytes)) = form.files.into_iter().next() else {
        return refused("/sell", Invalid::Required);
    };
    let doc = match app::media::process::document(bytes) {
        Ok(d) => d,
        Err(why) => return refused("/sell", why),
    };
    let record = NewMedia {
        key: &doc.key,
        mime: doc.mime,
        bytes: doc.bytes.len(),
        width: None,
        height: None,
        public: false,
    };
    let name = doc.name();
    let stored = async {
        state
            .media
            .put(&name, doc.bytes.clone())
            .await
            .map_err(|e| e.to_string())?;
        db::media::record(&state.pool, record)
            .await
            .map_err(|e| e.to_string())?;
        let mut tx = state.pool.begin().await.map_err(|e| e.to_string())?;
        db::vendors::lock(&mut tx, member.vendor_id)
            .await
            .map_err(|e| e.to_string())?;
        let added = db::vendors::add_document(
            &mut tx,
            member.vendor_id,
            &kind,
            &doc.key,
            &file_name,
            MAX_DOCUMENTS,
        )
        .await
        .map_err(|e| e.to_string())?;
        tx.commit().await.map_err(|e| e.to_string())?;
        Ok::<_, String>(added.is_some())
    };
    match stored.await {
        Ok(true) => Redirect::to("/sell?saved=document").into_response(),
        // The file stays unused and is collected later (`db::media::forget_unused`).
        Ok(false) => refused(
            "/sell",
            Invalid::TooMany {
                max: MAX_DOCUMENTS as usize,
            },
        ),
        Err(e) => internal(e),
    }
}

/// `POST /seller/import`: a CSV file of listings; the report goes to the session and the
/// browser back to the import page, which shows it.
pub async fn import_csv(
    State(state): State<AppState>,
    session: Session,
    multipart: Multipart,
) -> Response {
    const PAGE: &str = "/seller/import";
    let member = match member(&state, &session, ShopTask::Catalog).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    if !member.status().may_publish() {
        return StatusCode::FORBIDDEN.into_response();
    }
    let form = match read_form(multipart, 1).await {
        Ok(f) => f,
        Err(why) => return refused(PAGE, why),
    };
    let valid_only = form.text("valid_rows_only") == "on";
    let Some((_, bytes)) = form.files.into_iter().next() else {
        return refused(PAGE, Invalid::Required);
    };
    let shop = match db::vendors::shop(&state.pool, member.vendor_id).await {
        Ok(Some(shop)) => shop,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return internal(e),
    };
    let report = app::catalog::csv::import(
        &state.pool,
        member.vendor_id,
        &shop.county,
        &shop.town,
        &bytes,
        valid_only,
    )
    .await;
    match report {
        Ok(report) => {
            if let Err(e) = session
                .insert(app::catalog::csv::REPORT_SESSION_KEY, report.bounded())
                .await
            {
                return internal(e);
            }
            Redirect::to(&format!("{PAGE}?report=1")).into_response()
        }
        Err(e) => internal(e),
    }
}

/// `GET /seller/listings.csv`: the shop's listings as a CSV download.
pub async fn export_csv(State(state): State<AppState>, session: Session) -> Response {
    let member = match member(&state, &session, ShopTask::Catalog).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    match app::catalog::csv::export(&state.pool, member.vendor_id).await {
        Ok(bytes) => (
            [
                (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    "attachment; filename=\"listings.csv\"",
                ),
                (axum::http::header::CACHE_CONTROL, "private, no-store"),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => internal(e),
    }
}
