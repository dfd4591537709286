//! Clearance renewal reminders raised: one per volunteer and expiry date, so the job that
//! queues them never sends one twice.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ClearanceReminders {
    Table,
    VolunteerId,
    ExpiresOn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Volunteers {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ClearanceReminders::Table)
                    .col(uuid(ClearanceReminders::VolunteerId))
                    .col(date(ClearanceReminders::ExpiresOn))
                    .col(timestamp_with_time_zone(ClearanceReminders::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(ClearanceReminders::VolunteerId)
                            .col(ClearanceReminders::ExpiresOn),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_clearance_reminders_volunteer")
                            .from(ClearanceReminders::Table, ClearanceReminders::VolunteerId)
                            .to(Volunteers::Table, Volunteers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ClearanceReminders::Table).to_owned())
            .await
    }
}
