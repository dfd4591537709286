//! The donation ledger (treasure): who gave what, cash or in kind, at what estimated value, to
//! which school and for what (a need, an accepted match, a one-time event). A donation recorded
//! in error is voided, never deleted. Values are whole dollars in an `integer`, so that SUM is a
//! `bigint` on PostgreSQL and an integer on SQLite, read alike.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Donations {
    Table,
    Id,
    OrganizationId,
    SchoolId,
    ReceivedOn,
    SchoolYear,
    Kind,
    ValueUsd,
    Description,
    SupportArea,
    NeedId,
    MatchId,
    ApplicationId,
    Event,
    Status,
    StatusReason,
    RecordedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

/// (index, columns): the ledger newest first, a partner's, a school's, a year's, a need's and
/// a match's donations; the totals of a year by status.
const INDEXES: &[(&str, &str)] = &[
    ("idx_donations_organization_id", "organization_id, id"),
    ("idx_donations_school_id", "school_id, id"),
    ("idx_donations_school_year", "school_year, id"),
    ("idx_donations_need_id", "need_id, id"),
    ("idx_donations_match_id", "match_id, id"),
    ("idx_donations_status_year", "status, school_year"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Donations::Table)
                    .col(pk_uuid(Donations::Id))
                    .col(uuid(Donations::OrganizationId))
                    .col(uuid_null(Donations::SchoolId))
                    .col(date(Donations::ReceivedOn))
                    .col(integer(Donations::SchoolYear))
                    .col(string_len(Donations::Kind, 20))
                    .col(integer(Donations::ValueUsd))
                    .col(text(Donations::Description))
                    .col(string_len_null(Donations::SupportArea, 40))
                    .col(uuid_null(Donations::NeedId))
                    .col(uuid_null(Donations::MatchId))
                    .col(uuid_null(Donations::ApplicationId))
                    .col(text(Donations::Event))
                    .col(string_len(Donations::Status, 20))
                    .col(text_null(Donations::StatusReason))
                    .col(uuid(Donations::RecordedBy))
                    .col(integer(Donations::Version))
                    .col(timestamp_with_time_zone(Donations::CreatedAt))
                    .col(timestamp_with_time_zone(Donations::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_donations_organization")
                            .from(Donations::Table, Donations::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for (name, columns) in INDEXES {
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS {name} ON donations ({columns})"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Donations::Table).to_owned())
            .await
    }
}
