//! Volunteer hours: one row per logged stretch or visit. Rows are never edited in place: a
//! correction is a new row whose `supersedes` names the old one (and the old row's
//! `superseded_by` links forward); both are kept.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum HourEntries {
    Table,
    Id,
    VolunteerId,
    SchoolId,
    OpportunityId,
    Activity,
    WorkDate,
    Minutes,
    Note,
    Source,
    CheckedInAt,
    CheckedOutAt,
    AutoCheckedOut,
    Status,
    Reason,
    DecidedBy,
    DecidedAt,
    Supersedes,
    SupersededBy,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Volunteers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Schools {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(HourEntries::Table)
                    .col(pk_uuid(HourEntries::Id))
                    .col(uuid(HourEntries::VolunteerId))
                    .col(uuid(HourEntries::SchoolId))
                    .col(uuid_null(HourEntries::OpportunityId))
                    .col(string_len(HourEntries::Activity, 40))
                    .col(date(HourEntries::WorkDate))
                    .col(integer(HourEntries::Minutes))
                    .col(text(HourEntries::Note))
                    .col(string_len(HourEntries::Source, 20))
                    .col(timestamp_with_time_zone_null(HourEntries::CheckedInAt))
                    .col(timestamp_with_time_zone_null(HourEntries::CheckedOutAt))
                    .col(boolean(HourEntries::AutoCheckedOut))
                    .col(string_len(HourEntries::Status, 20))
                    .col(text_null(HourEntries::Reason))
                    .col(uuid_null(HourEntries::DecidedBy))
                    .col(timestamp_with_time_zone_null(HourEntries::DecidedAt))
                    .col(uuid_null(HourEntries::Supersedes))
                    .col(uuid_null(HourEntries::SupersededBy))
                    .col(uuid(HourEntries::CreatedBy))
                    .col(timestamp_with_time_zone(HourEntries::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_hours_volunteer")
                            .from(HourEntries::Table, HourEntries::VolunteerId)
                            .to(Volunteers::Table, Volunteers::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_hours_school")
                            .from(HourEntries::Table, HourEntries::SchoolId)
                            .to(Schools::Table, Schools::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_hours_school_review",
                vec![
                    HourEntries::SchoolId,
                    HourEntries::Status,
                    HourEntries::CreatedAt,
                ],
            ),
            (
                "idx_hours_volunteer",
                vec![HourEntries::VolunteerId, HourEntries::CreatedAt],
            ),
            (
                "idx_hours_open_visits",
                vec![HourEntries::Status, HourEntries::CheckedInAt],
            ),
        ] {
            let mut idx = Index::create();
            idx.name(name).table(HourEntries::Table);
            for c in cols {
                idx.col(c);
            }
            manager.create_index(idx.to_owned()).await?;
        }
        // A correction chain is a line: an entry is corrected at most once.
        manager
            .create_index(
                Index::create()
                    .name("uq_hours_supersedes")
                    .table(HourEntries::Table)
                    .col(HourEntries::Supersedes)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(HourEntries::Table).to_owned())
            .await
    }
}
