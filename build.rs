// `sqlx::migrate!` embeds the migrations when `src/startup.rs` is compiled; without this a new
// migration file alone would not rebuild it.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
