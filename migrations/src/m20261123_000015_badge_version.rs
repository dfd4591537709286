//! A volunteer's badges can be revoked (a lost or stolen badge): every badge token carries the
//! profile's badge version, and revoking raises it, so the badges printed before stop checking
//! out. Existing tokens carry no version and count as version 0.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Volunteers {
    Table,
    BadgeVersion,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Volunteers::Table)
                    .add_column(integer(Volunteers::BadgeVersion).default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Volunteers::Table)
                    .drop_column(Volunteers::BadgeVersion)
                    .to_owned(),
            )
            .await
    }
}
