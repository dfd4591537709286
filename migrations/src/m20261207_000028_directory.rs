//! The family resource directory: an offer's listing (bilingual, published or not), and the
//! directory's use counted by month and kind (view, search), with no personal data.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DirectoryListings {
    Table,
    OfferId,
    Published,
    Category,
    TitleEn,
    TitleEs,
    SummaryEn,
    SummaryEs,
    Languages,
    HowToReach,
    UpdatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DirectoryCounts {
    Table,
    Month,
    Kind,
    N,
}

#[derive(DeriveIden)]
enum Offers {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DirectoryListings::Table)
                    .col(pk_uuid(DirectoryListings::OfferId))
                    .col(boolean(DirectoryListings::Published))
                    .col(string_len(DirectoryListings::Category, 30))
                    .col(string_len(DirectoryListings::TitleEn, 120))
                    .col(string_len(DirectoryListings::TitleEs, 120))
                    .col(text(DirectoryListings::SummaryEn))
                    .col(text(DirectoryListings::SummaryEs))
                    .col(string_len(DirectoryListings::Languages, 40))
                    .col(string_len(DirectoryListings::HowToReach, 300))
                    .col(uuid(DirectoryListings::UpdatedBy))
                    .col(integer(DirectoryListings::Version))
                    .col(timestamp_with_time_zone(DirectoryListings::CreatedAt))
                    .col(timestamp_with_time_zone(DirectoryListings::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_directory_listings_offer")
                            .from(DirectoryListings::Table, DirectoryListings::OfferId)
                            .to(Offers::Table, Offers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DirectoryCounts::Table)
                    .col(string_len(DirectoryCounts::Month, 7))
                    .col(string_len(DirectoryCounts::Kind, 10))
                    .col(big_integer(DirectoryCounts::N))
                    .primary_key(
                        Index::create()
                            .col(DirectoryCounts::Month)
                            .col(DirectoryCounts::Kind),
                    )
                    .to_owned(),
            )
            .await?;
        // The published listings (what families search), by category.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE INDEX IF NOT EXISTS idx_directory_listings_published \
                 ON directory_listings (published, category, offer_id)",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            DirectoryCounts::Table.into_iden(),
            DirectoryListings::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
