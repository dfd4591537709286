//! PartnerHub's persistence: sea-orm entities and repositories named for what callers intend.
//!
//! Repositories take any `ConnectionTrait`, so a service can run several of them in one
//! transaction. They speak `domain` types at their edges wherever that is natural.

pub mod entities;
pub mod repo;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr, SqlErr};
use std::time::Duration;

pub use sea_orm::{DatabaseTransaction, TransactionTrait};

/// What can go wrong in a repository, in terms a service can act on.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No such row.
    #[error("record not found")]
    NotFound,
    /// A unique constraint was violated.
    #[error("unique constraint violated: {0}")]
    Duplicate(String),
    /// A foreign key names a row that does not exist (the services check their references
    /// first and name the field; this is the safety net, never a 500).
    #[error("foreign key constraint violated: {0}")]
    MissingReference(String),
    /// The row changed since the caller read it (optimistic concurrency).
    #[error("record was changed by someone else")]
    Stale,
    /// A cursor that decodes but was not issued by this list (another list's, or hand-made):
    /// the caller's mistake, never a 500.
    #[error("the cursor was not issued by this list")]
    ForeignCursor,
    /// A stored value could not be read back into a domain type.
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    /// Anything else from the database.
    #[error(transparent)]
    Db(DbErr),
}

impl From<DbErr> for DbError {
    fn from(e: DbErr) -> Self {
        if let DbErr::RecordNotFound(_) = e {
            return DbError::NotFound;
        }
        match e.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(m)) => DbError::Duplicate(m),
            Some(SqlErr::ForeignKeyConstraintViolation(m)) => DbError::MissingReference(m),
            _ => DbError::Db(e),
        }
    }
}

/// Result of a repository call.
pub type DbResult<T> = Result<T, DbError>;

/// Opens a pool. For a SQLite file, creates the file and its directory, and turns WAL on
/// (foreign keys are on by default in the SQLite driver).
pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    if let Some(path) = sqlite_path(url)
        && let Some(dir) = std::path::Path::new(path).parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", dir.display())))?;
    }
    let mut opts = ConnectOptions::new(url.to_string());
    opts.max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    let mut db = Database::connect(opts).await?;
    db.set_metric_callback(log_statement);
    if db.get_database_backend() == sea_orm::DatabaseBackend::Sqlite {
        db.execute_unprepared("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000;")
            .await?;
    }
    Ok(db)
}

/// Every statement, at debug level under the `partnerhub_db::sql` target, with how long it
/// took: `log.filter = "info,partnerhub_db::sql=debug"` (or `RUST_LOG`) shows them. Only the
/// SQL text with its placeholders is logged, never the bound values: emails, names and phone
/// numbers travel there. Off (one level check per statement) at the default filter.
fn log_statement(info: &sea_orm::metric::Info<'_>) {
    tracing::debug!(
        target: "partnerhub_db::sql",
        elapsed_us = u64::try_from(info.elapsed.as_micros()).unwrap_or(u64::MAX),
        failed = info.failed,
        sql = %info.statement.sql,
    );
}

fn sqlite_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then_some(path)
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// Whether the database answers.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.ping().await
}

/// Starts a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so two writers that both read first queue up instead of the second
/// failing with "database is locked" when it tries to write; PostgreSQL ignores the mode.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(sea_orm::TransactionOptions {
        sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Whether the connection is PostgreSQL (some statements differ).
pub fn is_postgres(db: &impl ConnectionTrait) -> bool {
    db.get_database_backend() == sea_orm::DatabaseBackend::Postgres
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths_are_found_in_urls() {
        assert_eq!(
            sqlite_path("sqlite://data/partnerhub.db?mode=rwc"),
            Some("data/partnerhub.db")
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://x@y/z"), None);
    }
}
