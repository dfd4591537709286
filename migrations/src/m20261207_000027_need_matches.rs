//! Proposed matches of partners' offers to schools' needs: who proposed which offer for which
//! need, how much of the ask it covers, and the partner's answer. One row per (need, offer): a
//! declined or withdrawn match is proposed again on the same row.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum NeedMatches {
    Table,
    Id,
    NeedId,
    OfferId,
    SchoolId,
    OrganizationId,
    Quantity,
    Score,
    Note,
    Status,
    StatusReason,
    ProposedBy,
    AnsweredBy,
    AnsweredAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SchoolNeeds {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Offers {
    Table,
    Id,
}

/// (index, columns): one row per need and offer (and a need's matches), a partner's, a
/// school's, an offer's matches newest first, matches by status.
const INDEXES: &[(&str, &str, &str)] = &[
    ("UNIQUE", "idx_need_matches_need_offer", "need_id, offer_id"),
    ("", "idx_need_matches_need_id", "need_id, id"),
    (
        "",
        "idx_need_matches_organization_id",
        "organization_id, id",
    ),
    ("", "idx_need_matches_school_id", "school_id, id"),
    ("", "idx_need_matches_offer_id", "offer_id, id"),
    ("", "idx_need_matches_status_id", "status, id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(NeedMatches::Table)
                    .col(pk_uuid(NeedMatches::Id))
                    .col(uuid(NeedMatches::NeedId))
                    .col(uuid(NeedMatches::OfferId))
                    .col(uuid(NeedMatches::SchoolId))
                    .col(uuid(NeedMatches::OrganizationId))
                    .col(big_integer(NeedMatches::Quantity))
                    .col(integer(NeedMatches::Score))
                    .col(text(NeedMatches::Note))
                    .col(string_len(NeedMatches::Status, 20))
                    .col(text_null(NeedMatches::StatusReason))
                    .col(uuid(NeedMatches::ProposedBy))
                    .col(uuid_null(NeedMatches::AnsweredBy))
                    .col(timestamp_with_time_zone_null(NeedMatches::AnsweredAt))
                    .col(integer(NeedMatches::Version))
                    .col(timestamp_with_time_zone(NeedMatches::CreatedAt))
                    .col(timestamp_with_time_zone(NeedMatches::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_need_matches_need")
                            .from(NeedMatches::Table, NeedMatches::NeedId)
                            .to(SchoolNeeds::Table, SchoolNeeds::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_need_matches_offer")
                            .from(NeedMatches::Table, NeedMatches::OfferId)
                            .to(Offers::Table, Offers::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for (unique, name, columns) in INDEXES {
            db.execute_unprepared(&format!(
                "CREATE {unique} INDEX IF NOT EXISTS {name} ON need_matches ({columns})"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(NeedMatches::Table).to_owned())
            .await
    }
}
