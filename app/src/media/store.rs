//! Where file bytes live. The disk store is the default; a bucket-backed store would implement
//! the same trait. Names are content hashes, so writes are idempotent and never overwrite
//! different bytes under one name.

use std::future::Future;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;

pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send + 'a>>;

pub trait MediaStore: Send + Sync {
    /// Stores `bytes` under `name` unless something is already there.
    fn put<'a>(&'a self, name: &'a str, bytes: Vec<u8>) -> StoreFuture<'a, ()>;
    /// The bytes stored under `name`, if any.
    fn get<'a>(&'a self, name: &'a str) -> StoreFuture<'a, Option<Vec<u8>>>;
    /// Removes `name`; a name already gone is not an error.
    fn delete<'a>(&'a self, name: &'a str) -> StoreFuture<'a, ()>;
}

/// Files under one directory: `public/…` for photos, `private/…` for KYC documents.
pub struct DiskStore {
    root: PathBuf,
}

impl DiskStore {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    /// Names are made by this program (`public/<sha256>-<size>.jpg`); anything else is refused
    /// so a crafted name cannot walk out of the root.
    fn path(&self, name: &str) -> io::Result<PathBuf> {
        let ok = name.split('/').count() == 2
            && name.bytes().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'.')
            })
            && !name.contains("..");
        if ok {
            Ok(self.root.join(name))
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "bad media name",
            ))
        }
    }
}

impl MediaStore for DiskStore {
    fn put<'a>(&'a self, name: &'a str, bytes: Vec<u8>) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path(name)?;
            if tokio::fs::try_exists(&path).await? {
                return Ok(());
            }
            if let Some(dir) = path.parent() {
                tokio::fs::create_dir_all(dir).await?;
            }
            // Write aside and rename, so a reader never sees half a file.
            let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::new_v4().simple()));
            tokio::fs::write(&tmp, bytes).await?;
            tokio::fs::rename(&tmp, &path).await
        })
    }

    fn get<'a>(&'a self, name: &'a str) -> StoreFuture<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            match tokio::fs::read(self.path(name)?).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn delete<'a>(&'a self, name: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            match tokio::fs::remove_file(self.path(name)?).await {
                Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn stores_once_and_refuses_odd_names() {
        let dir = std::env::temp_dir().join(format!("sokoni-store-{}", uuid::Uuid::new_v4()));
        let store = DiskStore::new(&dir);
        store
            .put("public/abc-thumb.jpg", b"one".to_vec())
            .await
            .expect("put");
        store
            .put("public/abc-thumb.jpg", b"two".to_vec())
            .await
            .expect("put again");
        assert_eq!(
            store.get("public/abc-thumb.jpg").await.expect("get"),
            Some(b"one".to_vec())
        );
        assert_eq!(store.get("public/missing.jpg").await.expect("get"), None);
        assert!(store.get("../etc/passwd").await.is_err());
        assert!(store.get("public/../../x").await.is_err());
        let _ = std::fs::remove_dir_all(dir);
    }
}
