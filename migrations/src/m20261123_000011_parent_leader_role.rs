//! What makes a volunteer a parent leader (PTA officer, school leadership team, …), recorded by
//! the coordinator who flags them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Volunteers {
    Table,
    ParentLeaderRole,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Volunteers::Table)
                    .add_column(string_len_null(Volunteers::ParentLeaderRole, 120))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Volunteers::Table)
                    .drop_column(Volunteers::ParentLeaderRole)
                    .to_owned(),
            )
            .await
    }
}
