//! Resume links expire: each token carries the moment it stops working. Links sent before this
//! migration get the full lifetime from now (their issue time was not kept).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Applications {
    Table,
    ResumeTokenExpiresAt,
}

/// The lifetime given to the links already sent (the application service's, in days).
const DAYS: i64 = 30;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Applications::Table)
                    .add_column(timestamp_with_time_zone_null(
                        Applications::ResumeTokenExpiresAt,
                    ))
                    .to_owned(),
            )
            .await?;
        let until = chrono::Utc::now() + chrono::Duration::days(DAYS);
        manager
            .exec_stmt(
                Query::update()
                    .table(Applications::Table)
                    .value(Applications::ResumeTokenExpiresAt, until)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Applications::Table)
                    .drop_column(Applications::ResumeTokenExpiresAt)
                    .to_owned(),
            )
            .await
    }
}
