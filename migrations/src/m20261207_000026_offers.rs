//! Partners' offers (what they give: time, treasure, talent), the support areas each helps
//! with, and where each reaches (schools, regions, levels; none: the whole district).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offers {
    Table,
    Id,
    OrganizationId,
    HelpKind,
    Description,
    CapacityUnit,
    Capacity,
    AvailableFrom,
    AvailableUntil,
    Status,
    StatusReason,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OfferSupportAreas {
    Table,
    OfferId,
    Area,
}

#[derive(DeriveIden)]
enum OfferReach {
    Table,
    OfferId,
    Kind,
    Value,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

/// (table, index, columns): a partner's offers newest first, offers by status, offers by
/// support area (matching), an offer's reach.
const INDEXES: &[(&str, &str, &str)] = &[
    (
        "offers",
        "idx_offers_organization_id",
        "organization_id, id",
    ),
    ("offers", "idx_offers_status_id", "status, id"),
    (
        "offer_support_areas",
        "idx_offer_support_areas_area",
        "area, offer_id",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Offers::Table)
                    .col(pk_uuid(Offers::Id))
                    .col(uuid(Offers::OrganizationId))
                    .col(string_len(Offers::HelpKind, 20))
                    .col(text(Offers::Description))
                    .col(string_len(Offers::CapacityUnit, 20))
                    .col(big_integer(Offers::Capacity))
                    .col(date_null(Offers::AvailableFrom))
                    .col(date_null(Offers::AvailableUntil))
                    .col(string_len(Offers::Status, 20))
                    .col(text_null(Offers::StatusReason))
                    .col(uuid(Offers::CreatedBy))
                    .col(integer(Offers::Version))
                    .col(timestamp_with_time_zone(Offers::CreatedAt))
                    .col(timestamp_with_time_zone(Offers::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_offers_organization")
                            .from(Offers::Table, Offers::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OfferSupportAreas::Table)
                    .col(uuid(OfferSupportAreas::OfferId))
                    .col(string_len(OfferSupportAreas::Area, 40))
                    .primary_key(
                        Index::create()
                            .col(OfferSupportAreas::OfferId)
                            .col(OfferSupportAreas::Area),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_offer_support_areas_offer")
                            .from(OfferSupportAreas::Table, OfferSupportAreas::OfferId)
                            .to(Offers::Table, Offers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OfferReach::Table)
                    .col(uuid(OfferReach::OfferId))
                    .col(string_len(OfferReach::Kind, 10))
                    .col(string_len(OfferReach::Value, 80))
                    .primary_key(
                        Index::create()
                            .col(OfferReach::OfferId)
                            .col(OfferReach::Kind)
                            .col(OfferReach::Value),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_offer_reach_offer")
                            .from(OfferReach::Table, OfferReach::OfferId)
                            .to(Offers::Table, Offers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for (table, name, columns) in INDEXES {
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            OfferReach::Table.into_iden(),
            OfferSupportAreas::Table.into_iden(),
            Offers::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
