//! An application's collaborating school (besides the collaborating department), set by staff
//! when they assign it. No foreign key: SQLite cannot add one to an existing table; the
//! service checks the school exists.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Applications {
    Table,
    CollaboratingSchoolId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Applications::Table)
                    .add_column(uuid_null(Applications::CollaboratingSchoolId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Applications::Table)
                    .drop_column(Applications::CollaboratingSchoolId)
                    .to_owned(),
            )
            .await
    }
}
