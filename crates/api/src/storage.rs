//! Where agreement documents are kept: a small interface with a local-directory store by
//! default, so that an object store can be added later without touching the services.
//!
//! Keys are the content's SHA-256 (hex): the same file is stored once, and a key can never
//! name a path outside the store.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

use crate::error::{ApiError, ApiResult};

/// A boxed future, so the store can be used as `dyn DocumentStore`.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = ApiResult<T>> + Send + 'a>>;

/// Keeps and returns document contents by key.
pub trait DocumentStore: Send + Sync {
    /// Stores the content under the key (idempotent for the same content).
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>) -> StoreFuture<'a, ()>;
    /// The content under the key.
    fn get<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Vec<u8>>;
}

/// Files in a directory, two levels of fan-out (`ab/abcdef…`).
#[derive(Debug, Clone)]
pub struct LocalDirStore {
    root: PathBuf,
}

impl LocalDirStore {
    /// A store rooted at the directory (created on first write).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    fn path(&self, key: &str) -> ApiResult<PathBuf> {
        if key.len() != 64 || !key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ApiError::Internal(anyhow::anyhow!(
                "document key is not a SHA-256"
            )));
        }
        Ok(self.root.join(&key[..2]).join(key))
    }
}

fn io(what: &'static str) -> impl Fn(std::io::Error) -> ApiError {
    move |e| ApiError::Internal(anyhow::anyhow!("document store {what}: {e}"))
}

impl DocumentStore for LocalDirStore {
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path(key)?;
            if tokio::fs::try_exists(&path).await.unwrap_or(false) {
                return Ok(());
            }
            let dir = path
                .parent()
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("document path")))?;
            tokio::fs::create_dir_all(dir).await.map_err(io("mkdir"))?;
            // Write aside, then rename: a reader never sees half a file.
            let tmp = dir.join(format!("{key}.{}.part", uuid::Uuid::new_v4().simple()));
            tokio::fs::write(&tmp, &bytes).await.map_err(io("write"))?;
            tokio::fs::rename(&tmp, &path).await.map_err(io("rename"))?;
            Ok(())
        })
    }

    fn get<'a>(&'a self, key: &'a str) -> StoreFuture<'a, Vec<u8>> {
        Box::pin(async move {
            let path = self.path(key)?;
            tokio::fs::read(&path).await.map_err(io("read"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn contents_round_trip_and_odd_keys_are_refused() {
        let dir = std::env::temp_dir().join(format!("ph-store-{}", uuid::Uuid::new_v4().simple()));
        let store = LocalDirStore::new(&dir);
        let key = "ab".repeat(32);
        store.put(&key, b"hello".to_vec()).await.unwrap();
        store.put(&key, b"hello".to_vec()).await.unwrap();
        assert_eq!(store.get(&key).await.unwrap(), b"hello");
        assert!(store.get("../../etc/passwd").await.is_err());
        let _ = std::fs::remove_dir_all(dir);
    }
}
