//! The hour list's default orders from an index: newest first for everyone
//! (`ORDER BY created_at DESC, id DESC`, staff's default) and a status's queue oldest first
//! (`WHERE status = ? ORDER BY created_at, id`, the review queue), and a volunteer's own list
//! with its tie-breaker (`idx_hours_volunteer` is replaced by one that ends in `id`). Without them the database reads
//! every entry and sorts them in a temporary structure (1.3 s at a million entries).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum HourEntries {
    Table,
    Status,
    CreatedAt,
    VolunteerId,
    Id,
}

const CREATED: &str = "idx_hours_created";
const STATUS_CREATED: &str = "idx_hours_status_created";
const VOLUNTEER_OLD: &str = "idx_hours_volunteer";
const VOLUNTEER: &str = "idx_hours_volunteer_created";

// A new name rather than the old one again: SQLite connections of the pool that still hold
// the old schema would see the old name as taken.
fn volunteer_index(with_id: bool) -> IndexCreateStatement {
    let mut idx = Index::create();
    idx.name(if with_id { VOLUNTEER } else { VOLUNTEER_OLD })
        .table(HourEntries::Table)
        .col(HourEntries::VolunteerId)
        .col(HourEntries::CreatedAt);
    if with_id {
        idx.col(HourEntries::Id);
    }
    idx.to_owned()
}

async fn drop_index(manager: &SchemaManager<'_>, name: &str) -> Result<(), DbErr> {
    // Plain SQL: the same statement on SQLite and PostgreSQL (index names are global to both).
    manager
        .get_connection()
        .execute_unprepared(&format!("DROP INDEX IF EXISTS {name}"))
        .await
        .map(|_| ())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(CREATED)
                    .table(HourEntries::Table)
                    .col(HourEntries::CreatedAt)
                    .col(HourEntries::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(STATUS_CREATED)
                    .table(HourEntries::Table)
                    .col(HourEntries::Status)
                    .col(HourEntries::CreatedAt)
                    .col(HourEntries::Id)
                    .to_owned(),
            )
            .await?;
        manager.create_index(volunteer_index(true)).await?;
        drop_index(manager, VOLUNTEER_OLD).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_index(volunteer_index(false)).await?;
        drop_index(manager, VOLUNTEER).await?;
        drop_index(manager, STATUS_CREATED).await?;
        drop_index(manager, CREATED).await
    }
}
