//! Which kinds of agreement a goal counts, as data on the goal: the MOU goal ("partners with an
//! active partnership agreement") counts the community partnership kind only, not
//! facilities-use, data-sharing or procurement agreements. Space-separated kinds; empty counts
//! every kind (and means nothing for goals that are not about agreements).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Goals {
    Table,
    Key,
    CountedKinds,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Goals::Table)
                    .add_column(string_len(Goals::CountedKinds, 200).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::update()
                    .table(Goals::Table)
                    .value(Goals::CountedKinds, "community_partnership")
                    .and_where(Expr::col(Goals::Key).eq("active_mous"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Goals::Table)
                    .drop_column(Goals::CountedKinds)
                    .to_owned(),
            )
            .await
    }
}
